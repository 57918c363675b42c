import { fieldsOfRecord, findCollection, findGroup } from '../../../domain/settings/catalogue';
import { failure, success, type Result } from '../../../domain/result';
import { credentialRecords, credentialsCollection } from '../../../domain/sync/credentials';
import type { Rejection } from '../../../domain/sync/protocol';
import type { Lang } from '../../../domain/text';
import type { LocalStore } from '../../../db/open';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { ListService } from '../lists/listService';
import type { Actor, SettingsService } from '../settings/settingsService';
import { syncMessage } from './syncMessages';

/** One field the cloud and this workstation both changed, as the Conflicten screen shows it. */
export interface ConflictView {
  id: number;
  collection: string;
  recordId: string;
  field: string;
  /** "Bedrijfsinformatie › Algemeen" or "Betaalmethode: iDEAL". */
  recordLabel: string;
  fieldLabel: string;
  /** Delete against edit: `mine`/`theirs` say whether the record is deleted on that side. */
  kind: 'value' | 'deleted';
  base: unknown;
  mine: unknown;
  theirs: unknown;
  mineBy: string;
  mineAt: string | null;
  theirBy: string;
  theirAt: string | null;
  detectedAt: string;
}

/** A change the cloud refused for good, with its reason; "aanpassen" or "weggooien". */
export interface RejectedView {
  mutationId: string;
  collection: string;
  recordId: string;
  recordLabel: string;
  op: 'create' | 'update' | 'delete';
  changes: { field: string; label: string; value: unknown }[];
  reason: string;
  createdAt: string;
}

export type Choice = { choose: 'mine' } | { choose: 'theirs' } | { choose: 'value'; value: unknown };

export interface ConflictDeps {
  store: LocalStore;
  clock: Clock;
  settings: SettingsService;
  lists: ListService;
  events: EventBus;
  /** A resolution is a local write like any other: the engine sends it soon. */
  onWrite: () => void;
}

interface ConflictRow {
  id: number;
  collection: string;
  record_id: string;
  field: string;
  base: string | null;
  mine: string | null;
  theirs: string | null;
  mine_by: string | null;
  mine_at: string | null;
  their_by: string | null;
  their_at: string | null;
  detected_at: string;
}

const parse = (text: string | null): unknown => JSON.parse(text ?? 'null');

export function createConflictService({ store, clock, settings, lists, events, onWrite }: ConflictDeps) {
  const { sqlite } = store;
  const open = sqlite.prepare<[], ConflictRow>('SELECT * FROM conflicts WHERE resolved_at IS NULL ORDER BY id');
  const one = sqlite.prepare<[number], ConflictRow>('SELECT * FROM conflicts WHERE id = ? AND resolved_at IS NULL');
  const close = sqlite.prepare('UPDATE conflicts SET resolved_at = ?, resolution = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL');
  const userName = sqlite.prepare<[string], { name: string | null }>("SELECT json_extract(data, '$.name') AS name FROM records WHERE collection = 'users' AND id = ?");
  const itemTitle = sqlite.prepare<[string, string, string], { title: string | null }>('SELECT json_extract(data, ?) AS title FROM records WHERE collection = ? AND id = ?');
  const rejectedRows = sqlite.prepare<[], { mutation_id: string; collection: string; record_id: string; op: RejectedView['op']; changes: string; last_error: string | null; created_at: string }>(
    "SELECT mutation_id, collection, record_id, op, changes, last_error, created_at FROM outbox WHERE state = 'rejected' ORDER BY seq",
  );
  const rejectedOne = sqlite.prepare<[string], { op: RejectedView['op']; collection: string; record_id: string; changes: string }>(
    "SELECT op, collection, record_id, changes FROM outbox WHERE state = 'rejected' AND mutation_id = ?",
  );
  const recordData = sqlite.prepare<[string, string], { data: string }>('SELECT data FROM records WHERE collection = ? AND id = ?');
  const dropRejected = sqlite.prepare<[string]>("DELETE FROM outbox WHERE state = 'rejected' AND mutation_id = ?");

  const who = (userId: string | null) => (userId ? (userName.get(userId)?.name ?? userId) : '');

  function recordLabel(collection: string, recordId: string, lang: Lang): string {
    if (collection === 'settings') return findGroup(recordId)?.label[lang] ?? recordId;
    if (collection === credentialsCollection) return `${credentialRecords.itemLabel[lang]}: ${who(recordId)}`;
    const def = findCollection(collection);
    if (!def) return `${collection}: ${recordId}`;
    const title = itemTitle.get(`$.${def.titleField}`, collection, recordId)?.title;
    return `${def.itemLabel[lang]}: ${title ?? recordId}`;
  }

  function fieldLabel(collection: string, recordId: string, field: string, lang: Lang): string {
    if (field === '_deleted') return lang === 'nl' ? 'Verwijderd' : 'Deleted';
    if (collection === credentialsCollection) return credentialRecords.fields.find((def) => def.key === field)?.label[lang] ?? field;
    return fieldsOfRecord(collection, recordId).find((def) => def.key === field)?.label[lang] ?? field;
  }

  /** Writes a value through the same service and checks as an edit in the form would. */
  function write(collection: string, recordId: string, field: string, value: unknown, actor: Actor): Result<unknown> {
    if (field === '_deleted') {
      if (value === true) return lists.remove(collection, recordId, actor);
      // Edited here, deleted in the cloud, and the edit wins: the item comes back as a new item.
      const kept = recordData.get(collection, recordId);
      return kept ? lists.create(collection, asNewItem(collection, JSON.parse(kept.data) as Record<string, unknown>), actor) : success(null);
    }
    return collection === 'settings' ? settings.writeGroup(recordId, { [field]: value }, actor) : lists.update(collection, recordId, { [field]: value }, actor);
  }

  function announce(collection: string, by: string): void {
    if (collection === 'settings') events.emit('settings.changed', { group: '*', by });
    else events.emit('records.changed', { collection, by });
    events.emit('sync.changed', {});
    onWrite();
  }

  return {
    open(lang: Lang): ConflictView[] {
      return open.all().map((row) => ({
        id: row.id,
        collection: row.collection,
        recordId: row.record_id,
        field: row.field,
        recordLabel: recordLabel(row.collection, row.record_id, lang),
        fieldLabel: fieldLabel(row.collection, row.record_id, row.field, lang),
        kind: row.field === '_deleted' ? 'deleted' : 'value',
        base: parse(row.base),
        mine: parse(row.mine),
        theirs: parse(row.theirs),
        mineBy: who(row.mine_by),
        mineAt: row.mine_at,
        theirBy: who(row.their_by),
        theirAt: row.their_at,
        detectedAt: row.detected_at,
      }));
    },

    /**
     * The cloud's value is already in effect; keeping it closes the conflict. Keeping one's own or
     * an edited value is a new local change, based on the cloud's revision, validated as any edit.
     */
    resolve(id: number, choice: Choice, actor: Actor): Result<null> {
      const row = one.get(id);
      if (!row) return failure({ code: 'unknown_conflict', message: syncMessage('conflict.unknown', actor.lang) });
      if (choice.choose !== 'theirs') {
        const value = choice.choose === 'mine' ? parse(row.mine) : choice.value;
        const written = write(row.collection, row.record_id, row.field, value, { ...actor });
        if (!written.ok) return written;
      }
      close.run(clock.now().toISOString(), choice.choose === 'value' ? 'merged' : choice.choose, actor.userId ?? actor.by, id);
      announce(row.collection, actor.by);
      return success(null);
    },

    rejected(lang: Lang): RejectedView[] {
      return rejectedRows.all().map((row) => {
        const changes = JSON.parse(row.changes) as Record<string, unknown>;
        const reason = row.last_error ? (JSON.parse(row.last_error) as Rejection).message[lang] : '';
        return {
          mutationId: row.mutation_id,
          collection: row.collection,
          recordId: row.record_id,
          recordLabel: recordLabel(row.collection, row.record_id, lang),
          op: row.op,
          // A hash is never shown: the person sees which of the user's sign-in details it was, not its value.
          changes: Object.entries(changes).map(([field, value]) => ({ field, label: fieldLabel(row.collection, row.record_id, field, lang), value: row.collection === credentialsCollection ? null : value })),
          reason,
          createdAt: row.created_at,
        };
      });
    },

    /** "Weggooien": the refused change is dropped; the cloud's value stays. */
    discard(mutationId: string, lang: Lang): Result<null> {
      if (dropRejected.run(mutationId).changes === 0) return failure({ code: 'unknown_rejected', message: syncMessage('rejected.unknown', lang) });
      events.emit('sync.changed', {});
      return success(null);
    },

    /** "Aanpassen": the corrected values are a new change; the refused one is dropped once that is saved. */
    revise(mutationId: string, changes: Record<string, unknown>, actor: Actor): Result<null> {
      const row = rejectedOne.get(mutationId);
      if (!row) return failure({ code: 'unknown_rejected', message: syncMessage('rejected.unknown', actor.lang) });
      if (row.collection === credentialsCollection) return failure({ code: 'not_revisable', message: syncMessage('rejected.credential', actor.lang) });
      const written =
        row.op === 'delete'
          ? lists.remove(row.collection, row.record_id, actor)
          : row.collection === 'settings'
            ? settings.writeGroup(row.record_id, changes, actor)
            : row.op === 'create'
              ? lists.create(row.collection, { ...asNewItem(row.collection, JSON.parse(row.changes) as Record<string, unknown>), ...changes }, actor)
              : lists.update(row.collection, row.record_id, changes, actor);
      if (!written.ok) return written;
      dropRejected.run(mutationId);
      announce(row.collection, actor.by);
      return success(null);
    },
  };
}

export type ConflictService = ReturnType<typeof createConflictService>;

/**
 * An item's values as a person makes it anew: only the fields they may type. It gets its own place
 * at the end of its list (the old order key is not reused), and what the app records of it (the
 * payment provider's name and status) the app records again; handed in, either would refuse the
 * whole item.
 */
function asNewItem(collection: string, values: Record<string, unknown>): Record<string, unknown> {
  const typed = new Set(findCollection(collection)?.fields.filter((def) => !def.readOnly).map((def) => def.key));
  return Object.fromEntries(Object.entries(values).filter(([field]) => typed.has(field)));
}
