import { z } from 'zod';
import { hasPermission, permissionFor, permissionWords } from '../../../domain/access/permissions';
import { roles } from '../../../domain/lists/users';
import { describe as describeReason } from '../../../domain/messages';
import { failure, success, type Result } from '../../../domain/result';
import type { Session } from '../../services/access/session';
import { syncMessage } from '../../services/sync/syncMessages';
import { actorOf, call } from '../define';

/** The settings group or list a synced record belongs to decides who may see and settle it. */
const areaKey = (collection: string, recordId: string) => (collection === 'settings' ? recordId : collection);

function refusedFor(session: Session | null, key: string, lang: 'nl' | 'en'): Result<never> | null {
  if (!session) return failure({ code: 'not_signed_in', message: describeReason('not_signed_in', lang) });
  const permission = permissionFor(key, 'edit');
  if (hasPermission(session.role, permission)) return null;
  const role = roles.find((r) => r.value === session.role)?.label[lang] ?? session.role;
  return failure({ code: 'forbidden', message: describeReason('forbidden', lang, { role, ...permissionWords(permission, lang) }) });
}

const pairInput = z.object({ cloudUrl: z.string().max(2048), code: z.string().max(64) });
const conflictId = z.number().int().positive();
const mutationId = z.uuid();

export const syncCalls = {
  /** The top bar: pending changes, oldest pending, last sync, last error, conflicts, paired or not. */
  'sync.status': call({
    input: z.object({}),
    permission: 'session',
    // Polled by the top bar: not a sign that someone is at the keyboard.
    activity: false,
    run: (_input, { services }) => success(services.sync.read()),
  }),
  /** "Nu synchroniseren": runs now, skipping any wait, and tells how it went. */
  'sync.now': call({
    input: z.object({}),
    permission: 'session',
    run: async (_input, { services }) => success({ outcome: await services.sync.syncNow(), status: services.sync.read() }),
  }),
  /** Systeeminformatie › Koppelen aan de cloud. */
  'sync.pair': call({
    input: pairInput,
    permission: 'system.edit',
    run: ({ cloudUrl, code }, { services, lang }) => services.sync.pairing.pair({ cloudUrl, code }, lang),
  }),
  'sync.unpair': call({
    input: z.object({}),
    permission: 'system.edit',
    run: (_input, { services, lang }) => services.sync.pairing.unpair(lang),
  }),
  /**
   * "Koppel aan bestaande winkel" on the first-start screen: before anyone can sign in, so only
   * while this workstation has no users at all; afterwards pairing is an Administrator's task.
   */
  'sync.pairNewWorkstation': call({
    input: pairInput,
    permission: 'public',
    run: ({ cloudUrl, code }, { services, lang }) => {
      if (!services.access.needsSetup()) return failure({ code: 'not_fresh', message: syncMessage('pair.notFresh', lang) });
      return services.sync.pairing.pair({ cloudUrl, code }, lang);
    },
  }),
  /** The first pull of a new workstation, for its progress bar; answered only before setup. */
  'sync.firstPull': call({
    input: z.object({}),
    permission: 'public',
    activity: false,
    run: (_input, { services, lang }) => {
      if (!services.access.needsSetup()) return failure({ code: 'not_fresh', message: syncMessage('pair.notFresh', lang) });
      const { state, cloudAccount, progress, initialPullDone, lastError } = services.sync.read();
      return success({ state, cloudAccount, progress, initialPullDone, lastError });
    },
  }),
  /** Open conflicts of the settings and lists this role may change. */
  'sync.conflicts': call({
    input: z.object({}),
    permission: 'session',
    run: (_input, { services, session, lang }) =>
      success(services.sync.conflicts.open(lang).filter((conflict) => refusedFor(session, areaKey(conflict.collection, conflict.recordId), lang) === null)),
  }),
  'sync.resolveConflict': call({
    input: z.object({
      id: conflictId,
      choice: z.discriminatedUnion('choose', [z.object({ choose: z.literal('mine') }), z.object({ choose: z.literal('theirs') }), z.object({ choose: z.literal('value'), value: z.unknown() })]),
    }),
    permission: 'session',
    run: ({ id, choice }, { services, session, lang }) => {
      const conflict = services.sync.conflicts.open(lang).find((candidate) => candidate.id === id);
      if (!conflict) return failure({ code: 'unknown_conflict', message: syncMessage('conflict.unknown', lang) });
      return refusedFor(session, areaKey(conflict.collection, conflict.recordId), lang) ?? services.sync.conflicts.resolve(id, choice, actorOf({ session, lang }));
    },
  }),
  /** Changes the cloud refused for good, with the reason. */
  'sync.rejected': call({
    input: z.object({}),
    permission: 'session',
    run: (_input, { services, session, lang }) =>
      success(services.sync.conflicts.rejected(lang).filter((change) => refusedFor(session, areaKey(change.collection, change.recordId), lang) === null)),
  }),
  'sync.discardRejected': call({
    input: z.object({ mutationId }),
    permission: 'session',
    run: ({ mutationId }, { services, session, lang }) => {
      const change = services.sync.conflicts.rejected(lang).find((candidate) => candidate.mutationId === mutationId);
      if (!change) return failure({ code: 'unknown_rejected', message: syncMessage('rejected.unknown', lang) });
      return refusedFor(session, areaKey(change.collection, change.recordId), lang) ?? services.sync.conflicts.discard(mutationId, lang);
    },
  }),
  'sync.reviseRejected': call({
    input: z.object({ mutationId, changes: z.record(z.string(), z.unknown()) }),
    permission: 'session',
    run: ({ mutationId, changes }, { services, session, lang }) => {
      const change = services.sync.conflicts.rejected(lang).find((candidate) => candidate.mutationId === mutationId);
      if (!change) return failure({ code: 'unknown_rejected', message: syncMessage('rejected.unknown', lang) });
      return refusedFor(session, areaKey(change.collection, change.recordId), lang) ?? services.sync.conflicts.revise(mutationId, changes, actorOf({ session, lang }));
    },
  }),
};
