import { findGroup } from '../settings/catalogue';
import type { Text } from '../text';

type Groups = Readonly<Record<string, { values: Record<string, unknown> } | undefined>>;

/** A company detail a document needs and the shop has not filled in: where to fill it in. */
export interface MissingDetail {
  group: string;
  field: string;
  label: Text;
  groupLabel: Text;
}

const address = (group: string, prefix = '') =>
  ['street', 'houseNumber', 'postcode', 'city'].map((key) => [group, prefix ? `${prefix}${key[0]?.toUpperCase()}${key.slice(1)}` : key] as const);

/** Receipts (kassabon, kwitantie, leveringsbon) or A4 documents (invoice, quote). */
export type DocumentClass = 'receipt' | 'a4';

/**
 * What each document cannot be printed without. Every document says where the shop is (a
 * receipt falls back to the back-office name for the shop's name); invoices and quotes also
 * carry the legal name, the KvK-nummer and BTW-id the Belastingdienst requires of an invoice,
 * and the e-mail address customers answer to.
 */
function requiredFor(document: DocumentClass, groups: Groups): (readonly [string, string])[] {
  if (document === 'receipt') return address('company.contact');
  const billingSeparate = groups['company.billing']?.values.sameAsContact === false;
  return [
    ['company.general', 'companyName'],
    ['company.contact', 'email'],
    ...(billingSeparate ? address('company.billing', 'billing') : address('company.contact')),
    ['company.business', 'kvkNumber'],
    ['company.business', 'vatId'],
  ];
}

/** The required company details this document lacks, in the order the settings show them. */
export function missingCompanyDetails(document: DocumentClass, groups: Groups): MissingDetail[] {
  return requiredFor(document, groups).flatMap(([groupKey, fieldKey]) => {
    const value = groups[groupKey]?.values[fieldKey];
    if (typeof value === 'string' && value.trim() !== '') return [];
    const group = findGroup(groupKey);
    const field = group?.fields.find((f) => f.key === fieldKey);
    return group && field ? [{ group: groupKey, field: fieldKey, label: field.label, groupLabel: group.label }] : [];
  });
}
