import { describe as describeReason } from '../../../domain/messages';
import { failure, success, type Result } from '../../../domain/result';
import { findGroup, groupDefaults, groups, type GroupKey, type GroupValues } from '../../../domain/settings/catalogue';
import type { GroupDef } from '../../../domain/settings/types';
import { validateChange } from '../../../domain/settings/validate';
import type { Lang } from '../../../domain/text';
import type { LocalStore } from '../../../db/open';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import { commitChange, fieldHistory, readRecord, type HistoryEntry, type StoredRecord } from '../store/records';
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

const defaultsOf = new WeakMap<GroupDef, readonly (readonly [string, unknown])[]>();

/**
 * Every non-secret field of a group with its default, worked out once per group: a write shows the
 * group before and after, and going through the catalogue's field list each time cost a write
 * about a tenth of its CPU.
 */
function defaultEntries(group: GroupDef): readonly (readonly [string, unknown])[] {
  let entries = defaultsOf.get(group);
  if (!entries) {
    entries = Object.entries(groupDefaults(group));
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

  function unknownGroup(key: string, lang: Lang): Result<never> {
    return failure({ code: 'unknown_group', message: describeReason('unknown_group', lang, { label: key }) });
  }

  /**
   * The write itself, in one transaction; made once, because wrapping a function in a
   * transaction anew on every write cost more than validating the change.
   */
  const commitWrite = db.transaction((group: GroupDef, input: Record<string, unknown>, actor: Actor): Result<GroupState & { changed: string[] }> => {
    const key = group.key;
    // Read once: the same record gives the values shown before, the base for the change and the answer.
    const stored = readRecord(db, collection, key);
    const before = stateOf(group, stored);
    const validation = validateChange(group, before.values, input, { lang: actor.lang });
    const errors = validation.ok
      ? [...missingReferences(db, group.fields, validation.changes, actor.lang), ...unstoredAttachments(blobs, group.fields, validation.changes, actor.lang)]
      : validation.errors;
    if (!validation.ok || errors.length > 0) {
      return failure({ code: 'invalid', message: describeReason('invalid_change', actor.lang), fields: errors });
    }
    const changed = Object.keys(validation.changes);
    if (changed.length === 0) return success({ ...before, changed });
    const at = clock.now();
    const { mutationId, data, at: updatedAt } = commitChange(db, {
      collection,
      id: key,
      before: before.values,
      changes: validation.changes,
      current: stored ?? null,
      by: actor.by,
      userId: actor.userId,
      origin: 'local',
      at,
    });
    logger.info('settings.written', { group: key, fields: changed, by: actor.by, mutationId });
    return success({ ...stateOf(group, { data, updatedAt, updatedBy: actor.by }), changed });
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

      const result = commitWrite.immediate(group, input, actor);
      // Told only after the commit, so a window that reloads on the event sees the new values.
      if (result.ok && result.value.changed.length > 0) {
        const { changed: _changed, ...state } = result.value;
        events?.emit('settings.changed', { group: key, by: actor.by, state });
      }
      return result;
    },

    history(key: string, field: string, lang: Lang = 'nl'): Result<HistoryEntry[]> {
      const group = findGroup(key);
      if (!group) return unknownGroup(key, lang);
      return success(fieldHistory(db, collection, key, field));
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
