import { describe as describeReason } from '../../../domain/messages';
import { failure, success, type Result } from '../../../domain/result';
import { findGroup, groupDefaults, groups, type GroupKey, type GroupValues } from '../../../domain/settings/catalogue';
import type { GroupDef } from '../../../domain/settings/types';
import { validateChange, type FieldError } from '../../../domain/settings/validate';
import type { Lang } from '../../../domain/text';
import type { LocalStore } from '../../../db/open';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import { commitChange, commitChangeIfUnchanged, fieldHistory, readRecord, readRecordSeen, type HistoryEntry, type SeenRow, type StoredRecord } from '../store/records';
import { missingReferences } from '../store/references';
import { blobTable } from '../attachments/blobTable';
import { unstoredAttachments } from '../attachments/unstoredAttachments';

export interface GroupState {
  key: string;
  /** Every non-secret field of the group, stored value or default. */
  values: Record<string, unknown>;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** Who is making a change and in which language they want to hear about it. */
export interface Actor {
  /** The name history shows. */
  by: string;
  /** The user's id, which the outbox carries; absent only when no person is signed in (first start). */
  userId?: string;
  lang: Lang;
}

export interface SettingsDeps {
  store: LocalStore;
  clock: Clock;
  logger: Logger;
  events?: EventBus;
}

const collection = 'settings';

/** A group as last read or written, with the stored texts that show whether it still is. */
interface KnownGroup {
  record: StoredRecord;
  seen: SeenRow;
  before: GroupState;
}

/** A committed write: the group as now stored, the fields that changed and the queued mutation (none when nothing changed). */
interface Written {
  state: GroupState;
  changed: string[];
  mutationId: string | null;
}

const defaultsOf = new WeakMap<GroupDef, readonly (readonly [string, unknown])[]>();

/**
 * Every non-secret field of a group with its default, worked out once per group: a write shows the
 * group before and after, and going through the catalogue's field list each time cost a write
 * about a tenth of its CPU.
 */
function defaultEntries(group: GroupDef): readonly (readonly [string, unknown])[] {
  let entries = defaultsOf.get(group);
  // Stryker disable next-line ConditionalExpression: a cache; working the entries out again gives the same entries.
  if (!entries) {
    entries = Object.entries(groupDefaults(group));
    // Stryker disable next-line CallExpression: a cache; not keeping the entries only means working them out again.
    defaultsOf.set(group, entries);
  }
  return entries;
}

function stateOf(group: GroupDef, stored: Pick<StoredRecord, 'data' | 'updatedAt' | 'updatedBy'> | undefined): GroupState {
  const values: Record<string, unknown> = {};
  const data = stored?.data;
  for (const [key, fallback] of defaultEntries(group)) values[key] = data && key in data ? data[key] : fallback;
  return { key: group.key, values, updatedAt: stored?.updatedAt ?? null, updatedBy: stored?.updatedBy ?? null };
}

/**
 * A group's values sharing nothing with the service's copy (`known`): a caller or an event
 * listener may change what it is given, a list sorted in place among it. Values are text,
 * numbers, toggles, lists of text and flat file references, so one level of copying is all of it.
 */
function detached(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const own: Record<string, unknown> = {};
  for (const key of Object.keys(values)) {
    const value = values[key];
    own[key] = Array.isArray(value) ? [...value] : value !== null && typeof value === 'object' ? { ...value } : value;
  }
  return own;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The settings groups of the shop: read with defaults filled in, written field by field with
 * validation against the catalogue. A write is all or nothing and is one transaction that also
 * appends history and one outbox mutation; nothing is acknowledged before that commit.
 */
export function createSettingsService({ store, clock, logger, events }: SettingsDeps) {
  const db = store.sqlite;
  const blobs = blobTable(db);

  function refused(fields: FieldError[], lang: Lang): Result<never> {
    return failure({ code: 'invalid', message: describeReason('invalid_change', lang), fields });
  }

  function unknownGroup(key: string, lang: Lang): Result<never> {
    return failure({ code: 'unknown_group', message: describeReason('unknown_group', lang, { label: key }) });
  }

  /**
   * Each group as this service last read or wrote it, with the stored texts it was read from. A
   * write starts from this copy instead of reading the group again, and goes through only while
   * the stored row is still exactly that (commitChangeIfUnchanged); a row changed meanwhile (a
   * pull, the cloud's answer, a revert) makes it read the group and check the change anew.
   */
  const known = new Map<string, KnownGroup>();

  function readKnown(group: GroupDef): KnownGroup | undefined {
    const read = readRecordSeen(db, collection, group.key);
    if (!read) return undefined;
    const fresh = { ...read, before: stateOf(group, read.record) };
    // Stryker disable next-line CallExpression: kept so a save refused now starts from the copy next time; without it the next one reads again.
    known.set(group.key, fresh);
    return fresh;
  }

  /**
   * The write against `base`, the group as known (undefined: never stored). From a remembered copy
   * (`fresh` false) only a write that goes through is answered: a refusal or "nothing changed"
   * could come from the copy being out of date, so those answer `stale` and the write is tried
   * again from a fresh read.
   */
  function attempt(group: GroupDef, input: Record<string, unknown>, actor: Actor, base: KnownGroup | undefined, fresh: boolean): Result<Written> | 'stale' {
    const key = group.key;
    const before = base?.before ?? stateOf(group, undefined);
    const validation = validateChange(group, before.values, input, { lang: actor.lang });
    if (!validation.ok) return fresh ? refused(validation.errors, actor.lang) : 'stale';
    const missing = missingReferences(db, group.fields, validation.changes, actor.lang);
    const unstored = unstoredAttachments(blobs, group.fields, validation.changes, actor.lang);
    if (missing.length > 0 || unstored.length > 0) return fresh ? refused([...missing, ...unstored], actor.lang) : 'stale';
    const changed = Object.keys(validation.changes);
    // The answer's values are its own: `before` is also the copy kept for the next write.
    if (changed.length === 0) return fresh ? success({ state: { ...before, values: detached(before.values) }, changed, mutationId: null }) : 'stale';
    const change = { collection, id: key, before: before.values, changes: validation.changes, by: actor.by, userId: actor.userId, origin: 'local' as const, at: clock.now() };
    // The group's fields are its defaults overlaid with what is stored, so after the change they are the ones before with the change on top.
    const values = { ...before.values, ...validation.changes };
    if (!base) {
      const { mutationId, at } = commitChange(db, { ...change, current: null });
      return success({ state: { key, values, updatedAt: at, updatedBy: actor.by }, changed, mutationId });
    }
    const written = commitChangeIfUnchanged(db, { ...change, current: base.record }, base.seen);
    if (!written) return 'stale';
    known.set(key, { record: written.record, seen: written.seen, before: { key, values, updatedAt: written.at, updatedBy: actor.by } });
    // The answer's values are its own, down to its lists: whoever gets them may change them.
    return success({ state: { key, values: detached(values), updatedAt: written.at, updatedBy: actor.by }, changed, mutationId: written.mutationId });
  }

  /**
   * The write itself, in one transaction; made once, because wrapping a function in a
   * transaction anew on every write cost more than validating the change.
   */
  const commitWrite = db.transaction((group: GroupDef, input: Record<string, unknown>, actor: Actor): Result<Written> => {
    const remembered = known.get(group.key);
    const outcome = remembered ? attempt(group, input, actor, remembered, false) : 'stale';
    if (outcome !== 'stale') return outcome;
    const answer = attempt(group, input, actor, readKnown(group), true);
    // Read in this same transaction, the row cannot have changed since.
    // Stryker disable next-line all: cannot happen (see above); here so it could never pass as an answer.
    if (answer === 'stale') throw new Error(`settings group ${group.key} changed while it was being written`);
    return answer;
  });

  return {
    snapshot(): Record<string, GroupState> {
      return Object.fromEntries(groups.map((group) => [group.key, stateOf(group, readRecord(db, collection, group.key))]));
    },

    /**
     * A group's values typed from its fields, for services: `get('company.business').vatId` is a
     * string. The one cast from stored JSON to the declared type is here; every value in the
     * store went through the field's schema on the way in.
     */
    get<K extends GroupKey>(key: K): GroupValues<K> {
      const group = findGroup(key);
      if (!group) throw new Error(`settings group ${key} is not in the catalogue`);
      return stateOf(group, readRecord(db, collection, key)).values as GroupValues<K>;
    },

    readGroup(key: string, lang: Lang = 'nl'): Result<GroupState> {
      const group = findGroup(key);
      return group ? success(stateOf(group, readRecord(db, collection, key))) : unknownGroup(key, lang);
    },

    writeGroup(key: string, input: unknown, actor: Actor): Result<GroupState & { changed: string[] }> {
      const group = findGroup(key);
      if (!group) return unknownGroup(key, actor.lang);
      if (!isPlainObject(input)) return failure({ code: 'not_an_object', message: describeReason('not_an_object', actor.lang) });

      const written = commitWrite.immediate(group, input, actor);
      if (!written.ok) return written;
      const { state, changed, mutationId } = written.value;
      if (changed.length > 0) {
        // Both after the commit, so a window that reloads on the event sees the new values (inside a
        // caller's own transaction, which may still roll back, the caller answers for that). The log
        // line gets a list of its own: it is written at the end of the turn, `changed` goes to the caller.
        logger.info('settings.written', { group: key, fields: [...changed], by: actor.by, mutationId });
        events?.emit('settings.changed', { group: key, by: actor.by, state });
      }
      return success({ ...state, changed });
    },

    history(key: string, field: string, lang: Lang = 'nl'): Result<HistoryEntry[]> {
      const group = findGroup(key);
      if (!group) return unknownGroup(key, lang);
      return success(fieldHistory(db, collection, key, field));
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
