import { formatIban } from '../validators/iban';
import type { Supplier } from './receipt';

type Groups = Readonly<Record<string, { values: Record<string, unknown> } | undefined>>;

/** The shop as documents show it, from Bedrijfsinformatie; the invoice address when one is set. */
export function supplierFrom(groups: Groups, forInvoice = false): Supplier {
  const general = groups['company.general']?.values ?? {};
  const contact = groups['company.contact']?.values ?? {};
  const billing = groups['company.billing']?.values ?? {};
  const business = groups['company.business']?.values ?? {};
  const useBilling = forInvoice && billing.sameAsContact === false;
  const source = useBilling ? { street: billing.billingStreet, houseNumber: billing.billingHouseNumber, addition: billing.billingHouseNumberAddition, postcode: billing.billingPostcode, city: billing.billingCity } : { street: contact.street, houseNumber: contact.houseNumber, addition: contact.houseNumberAddition, postcode: contact.postcode, city: contact.city };
  const street = [source.street, source.houseNumber, source.addition].filter(Boolean).join(' ');
  const city = [source.postcode, source.city].filter(Boolean).join(' ');
  // Stryker disable next-line ConditionalExpression: a stored value that is not text is null at most, which every use treats like undefined.
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const iban = text(business.iban);
  return {
    name: text(general.companyName) ?? text(general.backOfficeName) ?? '',
    address: [street, city].filter((line) => line !== ''),
    ...(text(contact.phone) ? { phone: text(contact.phone) } : {}),
    ...(text(contact.email) ? { email: text(contact.email) } : {}),
    ...(text(business.kvkNumber) ? { kvkNumber: text(business.kvkNumber) } : {}),
    ...(text(business.vatId) ? { vatId: text(business.vatId) } : {}),
    ...(iban ? { iban: formatIban(iban) } : {}),
  };
}
