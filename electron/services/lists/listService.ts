import { describe as describeReason } from '../../../domain/messages';
import { templateKinds } from '../../../domain/lists/emailTemplates';
import { failure, success, type Result } from '../../../domain/result';
import { findCollection } from '../../../domain/settings/catalogue';
import type { CollectionDef } from '../../../domain/settings/types';
import { validateChange, validateNewItem, type FieldError } from '../../../domain/settings/validate';
import type { Lang } from '../../../domain/text';
import type { LocalStore } from '../../../db/open';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import type { Actor } from '../settings/settingsService';
import { commitChange, commitDeletion, handledMutation, listRecords, queuedMutation, readRecord, type StoredRecord } from '../store/records';
import { missingReferences } from '../store/references';
import { checkListRules } from './listRules';
import { listEffects } from './listEffects';
import { compareOrder, keyAfter, keysForOrder, orderKeyOf } from './orderKeys';

import type { ListItem } from '../../../domain/lists/listItem';

export type { ListItem };

export type TemplateDefaults = Readonly<Record<string, Record<string, unknown>>>;

export interface ListDeps {
  store: LocalStore;
  clock: Clock;
  logger: Logger;
  events?: EventBus;
  /** The shipped texts of the e-mail templates (resources/email-templates.json). */
  templateDefaults: TemplateDefaults;
}

/** The items of a fixed list (e-mail templates) exist from the start, one per kind. */
const fixedLists: Readonly<Record<string, () => string[]>> = { emailTemplates: () => templateKinds.map((kind) => kind.key) };

/** Bookkeeping kept in an item's record, not one of its fields. */
const orderFields = ['orderKey', 'position'];

function defaultsOf(def: CollectionDef): Record<string, unknown> {
  return Object.fromEntries(def.fields.filter((field) => !field.secure).map((field) => [field.key, field.default]));
}

/**
 * The lists the shop keeps (payment methods, users, sales channels, ...): every create, edit,
 * delete and reorder is validated against the catalogue and the list's own rules, then written
 * as one transaction with history and outbox, exactly like a settings group. An edit reads and
 * writes the one item it changes; only a rule that needs the other items reads them.
 */
export function createListService({ store, clock, logger, events, templateDefaults }: ListDeps) {
  const db = store.sqlite;
  const lastOrder = db.prepare(
    "SELECT max(json_extract(data, '$.orderKey')) AS orderKey, max(json_extract(data, '$.position')) AS position FROM records WHERE collection = ? AND deleted = 0",
  );
  const anyLive = db.prepare('SELECT 1 FROM records WHERE collection = ? AND deleted = 0 LIMIT 1');

  function itemDefaults(def: CollectionDef, id: string): Record<string, unknown> {
    return { ...defaultsOf(def), ...(def.key === 'emailTemplates' ? templateDefaults[id] : {}) };
  }

  function itemOf(def: CollectionDef, id: string, record: Pick<StoredRecord, 'data' | 'updatedAt' | 'updatedBy'> | undefined): ListItem {
    const values = { ...itemDefaults(def, id), ...record?.data };
    for (const field of orderFields) delete values[field];
    const orderKey = def.ordered && record ? orderKeyOf(record.data) : null;
    return { id, values, orderKey, updatedAt: record?.updatedAt ?? null, updatedBy: record?.updatedBy ?? null };
  }

  function items(def: CollectionDef): ListItem[] {
    const stored = listRecords(db, def.key).filter((record) => !record.deleted);
    const fixed = fixedLists[def.key]?.();
    if (fixed) {
      const byId = new Map(stored.map((record) => [record.id, record]));
      return fixed.map((id) => itemOf(def, id, byId.get(id)));
    }
    const list = stored.map((record) => itemOf(def, record.id, record));
    if (def.ordered) return list.sort(compareOrder);
    const title = (item: ListItem) => String(item.values[def.titleField] ?? '');
    return list.sort((a, b) => title(a).localeCompare(title(b), 'nl'));
  }

  /** The live record of an item, or undefined; a fixed list's item exists before it is first edited. */
  function liveRecord(def: CollectionDef, id: string): { record: StoredRecord | null } | undefined {
    const record = readRecord(db, def.key, id);
    if (record && !record.deleted) return { record };
    return fixedLists[def.key]?.().includes(id) ? { record: null } : undefined;
  }

  /** The other live items, read only when a rule asks (unique values, the last administrator). */
  function othersOf(def: CollectionDef, id: string): () => { id: string; data: Record<string, unknown> }[] {
    let others: { id: string; data: Record<string, unknown> }[] | undefined;
    return () => (others ??= listRecords(db, def.key).filter((record) => !record.deleted && record.id !== id).map((record) => ({ id: record.id, data: record.data })));
  }

  function nextOrderKey(def: CollectionDef): string {
    const last = lastOrder.get(def.key) as { orderKey: string | null; position: number | null };
    const legacy = last.position === null ? null : orderKeyOf({ position: last.position });
    return keyAfter([last.orderKey, legacy].filter((key): key is string => key !== null).sort().at(-1) ?? null);
  }

  function refuse(lang: Lang, fields: FieldError[]): Result<never> {
    return failure({ code: 'invalid', message: describeReason('invalid_change', lang), fields });
  }

  function unknownRecord(def: CollectionDef, lang: Lang): Result<never> {
    return failure({ code: 'unknown_record', message: describeReason('unknown_record', lang, { label: def.itemLabel[lang] }) });
  }

  function collectionOr(key: string, lang: Lang): CollectionDef | Result<never> {
    return findCollection(key) ?? failure({ code: 'unknown_collection', message: describeReason('unknown_collection', lang, { label: key }) });
  }

  /** Tells the windows; with the one changed item when nothing else changed, so they patch instead of reading the list. */
  function announce(collection: string, by: string, alone?: { item: ListItem } | { removed: string }): void {
    events?.emit('records.changed', { collection, by, ...alone });
  }

  const effects = listEffects({ db, clock });

  /**
   * A mutation id handed in before: the first answer again, nothing written. An id already queued
   * for another change (made on this machine, or handed in so long ago that it was forgotten) is
   * refused: the cloud would answer the second change with the first one's answer, so it would
   * count as synced without ever arriving.
   */
  function answeredBefore(def: CollectionDef, mutationId: string | undefined, lang: Lang): Result<ListItem> | undefined {
    if (!mutationId) return undefined;
    const handled = handledMutation(db, mutationId);
    if (!handled) {
      if (!queuedMutation(db, mutationId)) return undefined;
      return failure({ code: 'invalid_input', message: describeReason('mutation_id_taken', lang, { label: lang === 'nl' ? 'Wijzigingsnummer' : 'Change id', value: mutationId }) });
    }
    if (handled.collection !== def.key) return failure({ code: 'invalid_input', message: describeReason('invalid', lang, { label: 'mutationId' }) });
    const record = readRecord(db, def.key, handled.recordId);
    return record ? success(itemOf(def, handled.recordId, record)) : unknownRecord(def, lang);
  }

  function write(def: CollectionDef, id: string, input: Record<string, unknown>, actor: Actor, creating: boolean, mutationId?: string, allowReadOnly = false): Result<ListItem> {
    let alone = true;
    const run = db.transaction((): Result<ListItem> => {
      const repeated = answeredBefore(def, mutationId, actor.lang);
      if (repeated) return repeated;
      const existing = creating ? { record: null } : liveRecord(def, id);
      if (!existing) return unknownRecord(def, actor.lang);
      const defaults = itemDefaults(def, id);
      const before = creating ? defaults : itemOf(def, id, existing.record ?? undefined).values;
      const proposed = creating && def.key === 'salesChannels' && !anyLive.get(def.key) ? { ...input, isDefault: true } : input;
      const validation = creating ? validateNewItem(def, defaults, proposed, { lang: actor.lang, allowReadOnly }) : validateChange(def, before, proposed, { lang: actor.lang, allowReadOnly });
      if (!validation.ok) return refuse(actor.lang, validation.errors);
      const changes = creating ? { ...validation.values, ...(def.ordered ? { orderKey: nextOrderKey(def) } : {}) } : validation.changes;
      const errors = [
        ...checkListRules({ db, def, id, before: creating ? null : before, after: validation.values, others: othersOf(def, id), lang: actor.lang }),
        ...missingReferences(db, def.fields, changes, actor.lang),
      ];
      if (errors.length > 0) return refuse(actor.lang, errors);
      if (Object.keys(changes).length === 0) return success(itemOf(def, id, existing.record ?? undefined));
      const at = clock.now();
      const { data } = commitChange(db, { collection: def.key, id, before: creating ? {} : before, changes, current: existing.record, by: actor.by, userId: actor.userId, mutationId, origin: 'local', at });
      alone = effects.afterWrite(def, id, validation.values, actor) === 0;
      return success(itemOf(def, id, { data, updatedAt: at.toISOString(), updatedBy: actor.by }));
    });
    const result = run.immediate();
    if (result.ok) announce(def.key, actor.by, alone ? { item: result.value } : undefined);
    return result;
  }

  return {
    list(collection: string, lang: Lang = 'nl'): Result<ListItem[]> {
      const def = collectionOr(collection, lang);
      return 'ok' in def ? def : success(items(def));
    },

    /**
     * A new item. A caller that may retry (a dropped answer, a restart) hands in its own
     * `mutationId`: the same id again answers with the item made the first time.
     */
    create(collection: string, input: Record<string, unknown>, actor: Actor, mutationId?: string): Result<ListItem> {
      const def = collectionOr(collection, actor.lang);
      if ('ok' in def) return def;
      if (fixedLists[def.key]) return failure({ code: 'fixed_list', message: describeReason('templates.fixed', actor.lang) });
      return write(def, uuidv7(), input, actor, true, mutationId);
    },

    update(collection: string, id: string, input: Record<string, unknown>, actor: Actor, mutationId?: string): Result<ListItem> {
      const def = collectionOr(collection, actor.lang);
      if ('ok' in def) return def;
      return write(def, id, input, actor, false, mutationId);
    },

    /**
     * A write the app makes itself (the payment provider sync): the same validation, rules,
     * history and outbox as a user's edit, and fields the user cannot set (what the provider
     * says) allowed. A null id creates a new item.
     */
    writeAsApp(collection: string, id: string | null, input: Record<string, unknown>, actor: Actor): Result<ListItem> {
      const def = collectionOr(collection, actor.lang);
      if ('ok' in def) return def;
      return id === null ? write(def, uuidv7(), input, actor, true, undefined, true) : write(def, id, input, actor, false, undefined, true);
    },

    remove(collection: string, id: string, actor: Actor): Result<null> {
      const def = collectionOr(collection, actor.lang);
      if ('ok' in def) return def;
      if (fixedLists[def.key]) return failure({ code: 'fixed_list', message: describeReason('templates.fixed', actor.lang) });
      let alone = true;
      const run = db.transaction((): Result<null> => {
        const existing = liveRecord(def, id);
        if (!existing?.record) return unknownRecord(def, actor.lang);
        const before = itemOf(def, id, existing.record).values;
        const errors = checkListRules({ db, def, id, before, after: null, others: othersOf(def, id), lang: actor.lang });
        if (errors.length > 0) return refuse(actor.lang, errors);
        commitDeletion(db, { collection: def.key, id, current: existing.record, by: actor.by, userId: actor.userId, origin: 'local', at: clock.now() });
        alone = effects.afterWrite(def, id, null, actor) === 0;
        return success(null);
      });
      const result = run.immediate();
      if (result.ok) {
        logger.info('lists.removed', { collection: def.key, id, by: actor.by });
        announce(def.key, actor.by, alone ? { removed: id } : undefined);
      }
      return result;
    },

    /** Puts the items in the given order; the ids must be exactly the list's items. Only moved items change. */
    reorder(collection: string, ids: string[], actor: Actor): Result<ListItem[]> {
      const def = collectionOr(collection, actor.lang);
      if ('ok' in def) return def;
      const run = db.transaction((): Result<ListItem[]> => {
        const current = items(def);
        const same = ids.length === current.length && new Set(ids).size === ids.length && current.every((item) => ids.includes(item.id));
        if (!def.ordered || !same) return failure({ code: 'invalid_input', message: describeReason('invalid', actor.lang, { label: def.label[actor.lang] }) });
        const moved = keysForOrder(ids, new Map(current.map((item) => [item.id, item.orderKey])));
        const at = clock.now();
        for (const item of current) {
          const orderKey = moved.get(item.id);
          if (orderKey === undefined) continue;
          commitChange(db, { collection: def.key, id: item.id, before: { orderKey: item.orderKey }, changes: { orderKey }, by: actor.by, userId: actor.userId, origin: 'local', at });
        }
        return success(items(def));
      });
      const result = run.immediate();
      if (result.ok) announce(def.key, actor.by);
      return result;
    },

    /** Puts an e-mail template back to the shipped text. */
    resetTemplate(kind: string, actor: Actor): Result<ListItem> {
      const shipped = templateDefaults[kind];
      if (!shipped) return failure({ code: 'unknown_record', message: describeReason('unknown_record', actor.lang, { label: kind }) });
      return this.update('emailTemplates', kind, shipped, actor);
    },
  };
}

export type ListService = ReturnType<typeof createListService>;
