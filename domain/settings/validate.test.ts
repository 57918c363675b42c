import { describe, expect, it } from 'vitest';
import { dutchIban, seeded } from '../test/generate';
import { findGroup, groupDefaults } from './catalogue';
import { validateChange } from './validate';

const group = (key: string) => {
  const found = findGroup(key);
  if (!found) throw new Error(`no group ${key}`);
  return found;
};
const nl = { lang: 'nl' as const };

describe('validating a change', () => {
  it('normalises what the user typed and reports only real changes', () => {
    const contact = group('company.contact');
    const result = validateChange(contact, groupDefaults(contact), { postcode: '1234ab', city: 'Utrecht', country: 'NL' }, nl);
    expect(result).toEqual({
      ok: true,
      values: expect.objectContaining({ postcode: '1234 AB', city: 'Utrecht' }),
      changes: { postcode: '1234 AB', city: 'Utrecht' },
    });
  });

  it('refuses with a Dutch message that names the field, and an English one on request', () => {
    const business = group('company.business');
    const before = groupDefaults(business);
    const dutch = validateChange(business, before, { kvkNumber: '1234', iban: 'NL00ABNA0123456789' }, nl);
    expect(dutch).toEqual({
      ok: false,
      errors: [
        { field: 'kvkNumber', reason: 'kvk.format', message: 'KvK-nummer bestaat uit precies 8 cijfers, bijvoorbeeld 12345678.' },
        { field: 'iban', reason: 'iban.checksum', message: expect.stringContaining('IBAN klopt niet') },
      ],
    });
    const english = validateChange(business, before, { kvkNumber: '1234' }, { lang: 'en' });
    expect(english.ok === false && english.errors[0]?.message).toBe(
      'Chamber of Commerce number consists of exactly 8 digits, for example 12345678.',
    );
  });

  it('is all or nothing: one bad field refuses the whole change', () => {
    const billing = group('company.billing');
    const result = validateChange(billing, groupDefaults(billing), { invoiceFooter: 'Bedankt!', paymentTermDays: 120 }, nl);
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'paymentTermDays', reason: 'too_big', message: 'Betalingstermijn mag hoogstens 90 zijn.' }],
    });
  });

  it('fills in the BIC from a Dutch IBAN when it is empty', () => {
    const business = group('company.business');
    const iban = dutchIban(seeded(7), 'INGB');
    const result = validateChange(business, groupDefaults(business), { iban }, nl);
    expect(result.ok && result.changes).toEqual({ iban, bic: 'INGBNL2A' });
  });

  it('refuses a minimum stock above the maximum, unless stock is unlimited', () => {
    const products = group('products.defaults');
    const before = groupDefaults(products);
    const refused = validateChange(products, before, { minimumStock: 50, maximumStock: 10 }, nl);
    expect(refused).toEqual({
      ok: false,
      errors: [{ field: 'minimumStock', reason: 'stock.minAboveMax', message: 'Minimale voorraad (50) mag niet hoger zijn dan maximale voorraad (10).' }],
    });
    expect(validateChange(products, { ...before, unlimitedStock: true }, { minimumStock: 50, maximumStock: 10 }, nl).ok).toBe(true);
  });

  it('never lets the next invoice number go back', () => {
    const billing = group('company.billing');
    const before = { ...groupDefaults(billing), nextInvoiceNumber: 120 };
    expect(validateChange(billing, before, { nextInvoiceNumber: 119 }, nl)).toMatchObject({
      ok: false,
      errors: [{ field: 'nextInvoiceNumber', reason: 'invoice.numberReused' }],
    });
    expect(validateChange(billing, before, { nextInvoiceNumber: 500 }, nl).ok).toBe(true);
  });

  it('refuses more than 9 dashboard widgets and duplicates', () => {
    const backoffice = group('backoffice');
    const ten = ['revenueToday', 'ordersToProcess', 'openRepairs', 'lowStock', 'topProducts', 'webshopOrders', 'revenueThisWeek', 'revenueThisMonth', 'openInvoices', 'newCustomers'];
    expect(validateChange(backoffice, groupDefaults(backoffice), { dashboardWidgets: ten }, nl)).toMatchObject({
      ok: false,
      errors: [{ reason: 'too_many_items', message: 'Bij Dashboardwidgets kunnen er hoogstens 9 gekozen worden.' }],
    });
    expect(validateChange(backoffice, groupDefaults(backoffice), { dashboardWidgets: ['lowStock', 'lowStock'] }, nl)).toMatchObject({
      ok: false,
      errors: [{ reason: 'duplicate_items' }],
    });
  });

  it('refuses unknown fields, secrets, wrong types and receipt lines that are too long', () => {
    const repair = group('company.repair');
    const result = validateChange(repair, groupDefaults(repair), { colour: 'red', receiptFootnote: `Kort\n${'x'.repeat(49)}` }, nl);
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { field: 'colour', reason: 'unknown_field' },
        { field: 'receiptFootnote', reason: 'receipt.lineTooLong', message: 'Voetnoot kwitantie: regel 2 is 49 tekens; op een bon van 80 mm passen er 48.' },
      ],
    });
    const email = group('email');
    expect(validateChange(email, groupDefaults(email), { smtpPassword: 'hunter2hunter2', smtpPort: '25' }, nl)).toMatchObject({
      ok: false,
      errors: [
        { field: 'smtpPassword', reason: 'secret_field' },
        { field: 'smtpPort', reason: 'not_number', message: 'SMTP-poort moet een getal zijn.' },
      ],
    });
  });
});
