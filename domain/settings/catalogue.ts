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
import type { CollectionDef, FieldDef, GroupDef } from './types';

/**
 * The catalogue's version, carried by every mutation. Raise it when a field's meaning or rules
 * change, so the cloud can tell which rules a workstation validated a change with.
 */
export const catalogueVersion = 1;

/** Every settings group, each stored as the record `('settings', key)`. */
export const groups: readonly GroupDef[] = [
  backofficeGroup,
  ...companyGroups,
  ...ordersGroups,
  emailSettings,
  ...mediaGroups,
  productDefaults,
  salesChannelDefaults,
];

/** Every list the user keeps, each item a record `(collection, id)`. */
export const collections: readonly CollectionDef[] = [paymentMethods, emailTemplates, users, salesChannels, shippingMethods, webhooks];

const groupsByKey = new Map(groups.map((group) => [group.key, group]));
const collectionsByKey = new Map(collections.map((collection) => [collection.key, collection]));

export function findGroup(key: string): GroupDef | undefined {
  return groupsByKey.get(key);
}

export function findCollection(key: string): CollectionDef | undefined {
  return collectionsByKey.get(key);
}

export function findField(owner: GroupDef | CollectionDef, key: string): FieldDef | undefined {
  return owner.fields.find((field) => field.key === key);
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
  if (!keys) {
    keys = new Set(fieldsOfRecord(collection, recordId).filter((field) => field.scope === 'workstation').map((field) => field.key));
    workstationKeys.set(owner, keys);
  }
  return keys;
}
