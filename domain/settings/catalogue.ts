import { emailTemplates } from '../lists/emailTemplates';
import { paymentMethods } from '../lists/paymentMethods';
import { salesChannels } from '../lists/salesChannels';
import { shippingMethods } from '../lists/shippingMethods';
import { users } from '../lists/users';
import { webhooks } from '../lists/webhooks';
import { backofficeGroup } from './groups/backoffice';
import { companyGroups } from './groups/company';
import { emailSettings } from './groups/email';
import { mediaGroups } from './groups/media';
import { ordersGroups } from './groups/orders';
import { productDefaults, salesChannelDefaults } from './groups/products';
import type { CollectionDef, FieldDef, GroupDef, ValuesOf } from './types';

/**
 * The catalogue's version, carried by every mutation. Raise it when a field's meaning or rules
 * change, so the cloud can tell which rules a workstation validated a change with.
 */
// 2: one product VAT rate (Productinstellingen' vatRate gone), a webhook's status read-only, free
// shipping from € 0 and custom sheets beyond A4 refused, the BIC following the IBAN.
// 3: a webhook's lastProblem; a webhook's status fields written by the cloud's connector only.
// 4: logo, receipt logo and terms PDF hold a reference to a file by its sha-256, not a data URL.
export const catalogueVersion = 4;

/** Every settings group, each stored as the record `('settings', key)`. */
export const groups = [
  backofficeGroup,
  ...companyGroups,
  ...ordersGroups,
  emailSettings,
  ...mediaGroups,
  productDefaults,
  salesChannelDefaults,
] as const satisfies readonly GroupDef[];

type AnyGroup = (typeof groups)[number];
export type GroupKey = AnyGroup['key'];
/** A group's stored values, typed from its fields: `GroupValues<'company.business'>['vatId']` is a string. */
export type GroupValues<K extends GroupKey> = ValuesOf<Extract<AnyGroup, { key: K }>>;

/** Every list the user keeps, each item a record `(collection, id)`. */
export const collections = [paymentMethods, emailTemplates, users, salesChannels, shippingMethods, webhooks] as const satisfies readonly CollectionDef[];

type AnyCollection = (typeof collections)[number];
export type CollectionKey = AnyCollection['key'];
/** A list item's stored values, typed from the list's fields. */
export type ItemValues<K extends CollectionKey> = ValuesOf<Extract<AnyCollection, { key: K }>>;

const groupsByKey = new Map<string, GroupDef>(groups.map((group) => [group.key, group]));
const collectionsByKey = new Map<string, CollectionDef>(collections.map((collection) => [collection.key, collection]));

export function findGroup(key: string): GroupDef | undefined {
  return groupsByKey.get(key);
}

export function findCollection(key: string): CollectionDef | undefined {
  return collectionsByKey.get(key);
}

const fieldsByKey = new WeakMap<GroupDef | CollectionDef, ReadonlyMap<string, FieldDef>>();

/** A field of a group or list by its key; each owner's fields are put in a map at the first look, as every save looks up each field it changes. */
export function findField(owner: GroupDef | CollectionDef, key: string): FieldDef | undefined {
  let byKey = fieldsByKey.get(owner);
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: a cache; making the map again gives the same map.
  if (!byKey) {
    byKey = new Map(owner.fields.map((field) => [field.key, field]));
    // Stryker disable next-line CallExpression: a cache; not keeping the map only means making it again.
    fieldsByKey.set(owner, byKey);
  }
  return byKey.get(key);
}

/** A group's values with every field at its default; secrets have no value in the store at all. */
export function groupDefaults(group: GroupDef): Record<string, unknown> {
  return Object.fromEntries(group.fields.filter((field) => !field.secure).map((field) => [field.key, field.default]));
}

/** The catalogue's fields of a stored record: a settings group's, or the fields of a list's items. */
export function fieldsOfRecord(collection: string, recordId: string): readonly FieldDef[] {
  if (collection === 'settings') return findGroup(recordId)?.fields ?? [];
  return findCollection(collection)?.fields ?? [];
}

const workstationKeys = new Map<string, ReadonlySet<string>>();

/** The fields of a record that belong to this machine only: never sent to the cloud, never pulled over. */
export function workstationFields(collection: string, recordId: string): ReadonlySet<string> {
  const owner = collection === 'settings' ? `settings:${recordId}` : collection;
  let keys = workstationKeys.get(owner);
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: a cache; working the set out again gives the same set.
  if (!keys) {
    keys = new Set(fieldsOfRecord(collection, recordId).filter((field) => field.scope === 'workstation').map((field) => field.key));
    // Stryker disable next-line CallExpression: a cache; not keeping the set only means working it out again.
    workstationKeys.set(owner, keys);
  }
  return keys;
}
