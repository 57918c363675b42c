import { describe, type ReasonCode } from '../messages';
import { findCollection, findField, findGroup } from '../settings/catalogue';
import type { CollectionDef, GroupDef } from '../settings/types';
import { validateChange } from '../settings/validate';
import { fill, type Lang, type Text } from '../text';
import { credentialRecords, credentialsCollection } from './credentials';
import type { Mutation, Rejection } from './protocol';

/** The collection whose records are the settings groups: `('settings', groupKey)`. */
export const settingsCollection = 'settings';

/**
 * Fields every item of an ordered list carries besides its catalogue fields: where it sits in the
 * list. They are bookkeeping, not something the user types, so the catalogue does not list them.
 */
const orderFields: Record<string, (value: unknown) => boolean> = {
  position: (value) => Number.isFinite(value),
  orderKey: (value) => typeof value === 'string' && /^[0-9A-Za-z]{1,100}$/.test(value),
};

/** Refusals that only a synced change can meet; the catalogue's own reasons come from messages.ts. */
const syncReasons = {
  workstationField: {
    nl: '{label} hoort bij één werkplek en wordt niet gesynchroniseerd.',
    en: '{label} belongs to one workstation and is not synced.',
  },
  deleteSettings: {
    nl: 'Instellingen ({label}) kunnen niet verwijderd worden, alleen gewijzigd.',
    en: 'Settings ({label}) cannot be deleted, only changed.',
  },
  deleteCredentials: {
    nl: '{label} worden niet verwijderd, alleen vervangen door een nieuwe hash.',
    en: '{label} are not deleted, only replaced by a new hash.',
  },
  deleteWithChanges: {
    nl: 'Een verwijdering kan geen gewijzigde velden meesturen.',
    en: 'A deletion cannot carry changed fields.',
  },
  noChanges: {
    nl: 'De wijziging bevat geen velden.',
    en: 'The change contains no fields.',
  },
} as const satisfies Record<string, Text>;

export type MutationCheck = { ok: true; owner: GroupDef | CollectionDef; changes: Record<string, unknown> } | { ok: false; rejection: Rejection };

function both(text: (lang: Lang) => string): Rejection['message'] {
  return { nl: text('nl'), en: text('en') };
}

function refuse(code: string, message: Rejection['message'], field?: string): MutationCheck {
  // Stryker disable next-line ConditionalExpression: JSON leaves out a field that is undefined, so the answer on the wire is the same either way.
  return { ok: false, rejection: field === undefined ? { code, message } : { code, field, message } };
}

function fromCatalogue(reason: ReasonCode, label: Text | string, field?: string, values: Record<string, string | number> = {}): MutationCheck {
  // Stryker disable next-line ConditionalExpression: only the unreachable "no first error" line passes a Text.
  const name = (lang: Lang) => (typeof label === 'string' ? label : label[lang]);
  return refuse(reason, both((lang) => describe(reason, lang, { ...values, label: name(lang) })), field);
}

function fromSync(reason: keyof typeof syncReasons, label: Text, field?: string): MutationCheck {
  return refuse(`sync.${reason}`, both((lang) => fill(syncReasons[reason][lang], { label: label[lang] })), field);
}

/**
 * Checks a pushed mutation with the same catalogue the desktop validated it with: the group or
 * list must exist, every field must be a shop-wide, non-secret field whose value the catalogue
 * accepts, and the rules over several fields must hold against the cloud's current values.
 * Returns the values as the catalogue normalises them, or a permanent refusal in both languages.
 */
export function validateMutation(
  mutation: Pick<Mutation, 'op' | 'collection' | 'recordId' | 'changes'>,
  current: Readonly<Record<string, unknown>>,
): MutationCheck {
  const isSettings = mutation.collection === settingsCollection;
  const owner = isSettings ? findGroup(mutation.recordId) : mutation.collection === credentialsCollection ? credentialRecords : findCollection(mutation.collection);
  if (!owner) {
    return isSettings ? fromCatalogue('unknown_group', mutation.recordId) : fromCatalogue('unknown_collection', mutation.collection);
  }
  const changes = Object.entries(mutation.changes);
  if (mutation.op === 'delete') {
    if (isSettings) return fromSync('deleteSettings', owner.label);
    if (owner === credentialRecords) return fromSync('deleteCredentials', owner.label);
    return changes.length > 0 ? fromSync('deleteWithChanges', owner.label) : { ok: true, owner, changes: {} };
  }
  if (changes.length === 0 && mutation.op === 'update') return fromSync('noChanges', owner.label);

  const ordered = 'ordered' in owner && owner.ordered;
  const catalogueChanges: Record<string, unknown> = {};
  const bookkeeping: Record<string, unknown> = {};
  for (const [key, value] of changes) {
    const isOrderField = ordered && Object.hasOwn(orderFields, key) && !findField(owner, key);
    if (isOrderField) {
      // Stryker disable next-line OptionalChaining: Object.hasOwn above made sure the check exists.
      if (!orderFields[key]?.(value)) return fromCatalogue('invalid', key, key);
      bookkeeping[key] = value;
      continue;
    }
    const field = findField(owner, key);
    if (field?.scope === 'workstation') return fromSync('workstationField', field.label, key);
    // A state the cloud records (a webhook's status) is written by the cloud itself; a device may
    // only send the value the cloud already holds, or the default when it creates the item. What
    // the desktop's own services record (the payment provider's answer) travels like any change.
    if (field?.readOnly && field.recordedBy !== 'desktop' && JSON.stringify(value ?? null) !== JSON.stringify((key in current ? current[key] : field.default) ?? null)) {
      return fromCatalogue('read_only', field.label, key);
    }
    catalogueChanges[key] = value;
  }

  const checked = validateChange(owner, current, catalogueChanges, { lang: 'nl', allowReadOnly: true });
  if (!checked.ok) {
    const first = checked.errors[0];
    // Stryker disable next-line all: a refused validation always names at least one field; the line only satisfies the type.
    if (!first) return fromCatalogue('invalid_change', owner.label);
    // The same check again in English: the messages are built inside validateChange per language.
    // Stryker disable next-line BooleanLiteral: a read-only field refused in English would come after the Dutch first field, which is looked up by name below.
    const english = validateChange(owner, current, catalogueChanges, { lang: 'en', allowReadOnly: true });
    // Stryker disable next-line ConditionalExpression,OptionalChaining: both languages run the same checks in the same order, so the English errors line up with the Dutch ones.
    const en = english.ok ? first.message : (english.errors.find((error) => error.field === first.field)?.message ?? first.message);
    return refuse(first.reason, { nl: first.message, en }, first.field);
  }
  // validateChange leaves out values equal to `current`; the cloud still wants every field the
  // desktop sent (an equal value answers "unchanged" with its revision), normalised.
  const normalised = { ...Object.fromEntries(Object.keys(catalogueChanges).map((key) => [key, checked.values[key]])), ...bookkeeping };
  return { ok: true, owner, changes: normalised };
}
