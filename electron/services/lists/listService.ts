import { randomUUID } from 'node:crypto';
import { describe as describeReason } from '../../../domain/messages';
import { templateKinds } from '../../../domain/lists/emailTemplates';
import { failure, success, type Result } from '../../../domain/result';
import { findCollection } from '../../../domain/settings/catalogue';
import type { CollectionDef } from '../../../domain/settings/types';
import { validateChange, type FieldError } from '../../../domain/settings/validate';
import type { Lang } from '../../../domain/text';
import type { LocalStore } from '../../../db/open';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import type { Actor } from '../settings/settingsService';
import { commitChange, commitDeletion, listItemRecords, listRecords, readGroupRecord, type Tx } from '../store/records';
import { missingReferences } from '../store/references';
import { checkListRules } from './listRules';

export interface ListItem {
  id: string;
  values: Record<string, unknown>;
  position: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

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

function defaultsOf(def: CollectionDef): Record<string, unknown> {
  return Object.fromEntries(def.fields.filter((field) => !field.secure).map((field) => [field.key, field.default]));
}

/**
 * The lists the shop keeps (payment methods, users, sales channels, ...): every create, edit,
 * delete and reorder is validated against the catalogue and the list's own rules, then written
 * as one transaction with history and outbox, exactly like a settings group.
 */
export function createListService({ store, clock, logger, events, templateDefaults }: ListDeps) {
  const { orm } = store;

  function itemDefaults(def: CollectionDef, id: string): Record<string, unknown> {
    return { ...defaultsOf(def), ...(def.key === 'emailTemplates' ? templateDefaults[id] : {}) };
  }

  function items(tx: Tx | LocalStore['orm'], def: CollectionDef): ListItem[] {
    const stored = listRecords(tx, def.key).filter((record) => !record.deleted);
    const fixed = fixedLists[def.key]?.() ?? [];
    const ids = fixed.length > 0 ? fixed : stored.map((record) => record.id);
    const list = ids.map((id, index) => {
      const record = stored.find((candidate) => candidate.id === id);
      const values = { ...itemDefaults(def, id), ...record?.data };
      const position = typeof values.position === 'number' ? values.position : index;
      delete values.position;
      return { id, values, position, updatedAt: record?.updatedAt ?? null, updatedBy: record?.updatedBy ?? null };
    });
    const title = (item: ListItem) => String(item.values[def.titleField] ?? '');
    return list.sort((a, b) => (def.ordered ? a.position - b.position : 0) || (fixed.length > 0 ? 0 : title(a).localeCompare(title(b), 'nl')));
  }

  function refuse(lang: Lang, fields: FieldError[]): Result<never> {
    return failure({ code: 'invalid', message: describeReason('invalid_change', lang), fields });
  }

  function collectionOr(key: string, lang: Lang): CollectionDef | Result<never> {
    return findCollection(key) ?? failure({ code: 'unknown_collection', message: describeReason('unknown_collection', lang, { label: key }) });
  }

  function announce(collection: string, by: string): void {
    events?.emit('records.changed', { collection, by });
  }

  /** Side effects that keep other records consistent with a change, in the same transaction. */
  function applyEffects(tx: Tx, def: CollectionDef, id: string, after: Record<string, unknown> | null, actor: Actor): void {
    const at = clock.now();
    if (def.key === 'salesChannels' && after?.isDefault === true) {
      for (const other of listRecords(tx, 'salesChannels').filter((r) => !r.deleted && r.id !== id && r.data.isDefault === true)) {
        commitChange(tx, { collection: 'salesChannels', id: other.id, before: other.data, changes: { isDefault: false }, by: actor.by, userId: actor.userId, origin: 'local', at });
      }
    }
    if (def.key === 'salesChannels' && after === null) {
      // A deleted channel disappears from every choice that pointed at it.
      const defaults = readGroupRecord(tx, 'salesChannels.defaults');
      const publishOn = defaults?.data.publishOn ?? [];
      if (publishOn.includes(id)) commitChange(tx, { collection: 'settings', id: 'salesChannels.defaults', before: defaults?.data ?? {}, changes: { publishOn: publishOn.filter((c) => c !== id) }, by: actor.by, userId: actor.userId, origin: 'local', at });
      for (const user of listItemRecords(tx, 'users').filter((r) => !r.deleted && r.data.stores?.includes(id))) {
        commitChange(tx, { collection: 'users', id: user.id, before: user.data, changes: { stores: (user.data.stores ?? []).filter((c) => c !== id) }, by: actor.by, userId: actor.userId, origin: 'local', at });
      }
    }
  }

  function write(def: CollectionDef, id: string, input: Record<string, unknown>, actor: Actor, creating: boolean): Result<ListItem> {
    return orm.transaction(
      (tx): Result<ListItem> => {
        const current = items(tx, def);
        const existing = current.find((item) => item.id === id);
        if (!creating && !existing) return failure({ code: 'unknown_record', message: describeReason('unknown_record', actor.lang, { label: def.itemLabel[actor.lang] }) });
        const before = existing?.values ?? itemDefaults(def, id);
        let proposed = input;
        if (creating && def.key === 'salesChannels' && current.length === 0) proposed = { ...input, isDefault: true };
        const validation = validateChange(def, before, proposed, { lang: actor.lang });
        if (!validation.ok) return refuse(actor.lang, validation.errors);
        const others = current.filter((item) => item.id !== id).map((item) => ({ id: item.id, data: item.values }));
        const changes = creating ? { ...validation.values, ...(def.ordered ? { position: current.length } : {}) } : validation.changes;
        const errors = [
          ...checkListRules({ tx, def, id, before: creating ? null : before, after: validation.values, others, lang: actor.lang }),
          ...missingReferences(tx, def.fields, changes, actor.lang),
        ];
        if (errors.length > 0) return refuse(actor.lang, errors);

        if (Object.keys(changes).length > 0) {
          commitChange(tx, { collection: def.key, id, before: creating ? {} : before, changes, by: actor.by, userId: actor.userId, origin: 'local', at: clock.now() });
          applyEffects(tx, def, id, validation.values, actor);
        }
        const saved = items(tx, def).find((item) => item.id === id);
        return saved ? success(saved) : failure({ code: 'unknown_record', message: describeReason('unknown_record', actor.lang, { label: id }) });
      },
      { behavior: 'immediate' },
    );
  }

  return {
    list(collection: string, lang: Lang = 'nl'): Result<ListItem[]> {
      const def = collectionOr(collection, lang);
      return 'ok' in def ? def : success(items(orm, def));
    },

    create(collection: string, input: Record<string, unknown>, actor: Actor): Result<ListItem> {
      const def = collectionOr(collection, actor.lang);
      if ('ok' in def) return def;
      if (fixedLists[def.key]) return failure({ code: 'fixed_list', message: describeReason('templates.fixed', actor.lang) });
      const result = write(def, randomUUID(), input, actor, true);
      if (result.ok) announce(def.key, actor.by);
      return result;
    },

    update(collection: string, id: string, input: Record<string, unknown>, actor: Actor): Result<ListItem> {
      const def = collectionOr(collection, actor.lang);
      if ('ok' in def) return def;
      const result = write(def, id, input, actor, false);
      if (result.ok) announce(def.key, actor.by);
      return result;
    },

    remove(collection: string, id: string, actor: Actor): Result<null> {
      const def = collectionOr(collection, actor.lang);
      if ('ok' in def) return def;
      if (fixedLists[def.key]) return failure({ code: 'fixed_list', message: describeReason('templates.fixed', actor.lang) });
      const result = orm.transaction(
        (tx): Result<null> => {
          const current = items(tx, def);
          const existing = current.find((item) => item.id === id);
          if (!existing) return failure({ code: 'unknown_record', message: describeReason('unknown_record', actor.lang, { label: def.itemLabel[actor.lang] }) });
          const others = current.filter((item) => item.id !== id).map((item) => ({ id: item.id, data: item.values }));
          const errors = checkListRules({ tx, def, id, before: existing.values, after: null, others, lang: actor.lang });
          if (errors.length > 0) return refuse(actor.lang, errors);
          commitDeletion(tx, { collection: def.key, id, by: actor.by, userId: actor.userId, origin: 'local', at: clock.now() });
          applyEffects(tx, def, id, null, actor);
          return success(null);
        },
        { behavior: 'immediate' },
      );
      if (result.ok) {
        logger.info('lists.removed', { collection: def.key, id, by: actor.by });
        announce(def.key, actor.by);
      }
      return result;
    },

    /** Puts the items in the given order; the ids must be exactly the list's items. */
    reorder(collection: string, ids: string[], actor: Actor): Result<ListItem[]> {
      const def = collectionOr(collection, actor.lang);
      if ('ok' in def) return def;
      const result = orm.transaction(
        (tx): Result<ListItem[]> => {
          const current = items(tx, def);
          const same = ids.length === current.length && current.every((item) => ids.includes(item.id));
          if (!def.ordered || !same) return failure({ code: 'invalid_input', message: describeReason('invalid', actor.lang, { label: def.label[actor.lang] }) });
          ids.forEach((id, position) => {
            const item = current.find((candidate) => candidate.id === id);
            if (item && item.position !== position) commitChange(tx, { collection: def.key, id, before: { ...item.values, position: item.position }, changes: { position }, by: actor.by, userId: actor.userId, origin: 'local', at: clock.now() });
          });
          return success(items(tx, def));
        },
        { behavior: 'immediate' },
      );
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
