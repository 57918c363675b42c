import { describe, expect, it } from 'vitest';
import { dutchIban, seeded } from '../test/generate';
import { collections, findGroup, groupDefaults } from './catalogue';
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

  it('lets the BIC follow a changed IBAN unless the user typed the BIC (issue 11 item 21)', () => {
    const business = group('company.business');
    const random = seeded(21);
    const [abn, ing, unknown] = [dutchIban(random, 'ABNA'), dutchIban(random, 'INGB'), dutchIban(random, 'ZZZZ')];
    const filled = { ...groupDefaults(business), iban: abn, bic: 'ABNANL2A' };
    expect(validateChange(business, filled, { iban: ing }, nl)).toMatchObject({ ok: true, changes: { iban: ing, bic: 'INGBNL2A' } });
    // A bank the app does not know: the old BIC would be wrong, so it is emptied for the user to fill in.
    expect(validateChange(business, filled, { iban: unknown }, nl)).toMatchObject({ ok: true, changes: { iban: unknown, bic: '' } });
    const typed = { ...filled, bic: 'ABNANL2AXXX' };
    expect(validateChange(business, typed, { iban: ing }, nl)).toMatchObject({ ok: true, changes: { iban: ing } });
    expect(validateChange(business, filled, { iban: ing, bic: 'DEUTDEFF' }, nl)).toMatchObject({ ok: true, changes: { iban: ing, bic: 'DEUTDEFF' } });
  });

  it('refuses free shipping from € 0 with a message naming the field (issue 11 item 23)', () => {
    const shipping = collections.find((c) => c.key === 'shippingMethods');
    if (!shipping) throw new Error('no shipping methods');
    const base = { name: 'PostNL', freeAboveEnabled: true };
    expect(validateChange(shipping, {}, { ...base, freeFromInclVat: '0' }, nl)).toEqual({
      ok: false,
      errors: [{ field: 'freeFromInclVat', reason: 'shipping.freeFromZero', message: expect.stringMatching(/^Gratis vanaf \(inclusief btw\) moet hoger zijn dan € 0/) }],
    });
    expect(validateChange(shipping, {}, { ...base, freeFromInclVat: '50,-' }, nl)).toMatchObject({ ok: true, values: { freeFromInclVat: 5000 } });
    expect(validateChange(shipping, {}, { ...base, freeAboveEnabled: false, freeFromInclVat: 0 }, nl).ok).toBe(true);
  });

  it('refuses a custom label sheet larger than A4 (issue 11 item 23)', () => {
    const labels = group('media.shelfLabels');
    const custom = { ...groupDefaults(labels), sheetTemplate: 'custom' };
    expect(validateChange(labels, custom, { customLabelWidthMm: 70, customColumns: 4 }, nl)).toEqual({
      ok: false,
      errors: [{ field: 'customColumns', reason: 'labels.sheetTooWide', message: expect.stringContaining('Kolommen: de etiketten zijn samen 280 mm breed') }],
    });
    expect(validateChange(labels, custom, { customLabelHeightMm: 40, customRows: 8 }, { lang: 'en' })).toMatchObject({
      ok: false,
      errors: [{ field: 'customRows', reason: 'labels.sheetTooHigh', message: expect.stringContaining('Rows: the labels add up to 320 mm high') }],
    });
    expect(validateChange(labels, custom, { customLabelWidthMm: 70, customColumns: 3, customLabelHeightMm: 37, customRows: 8 }, nl).ok).toBe(true);
  });

  it('reads amounts the Dutch way and asks again when one could be a thousandfold (issue 11 item 18)', () => {
    const shipping = group('orders.shipping');
    const before = groupDefaults(shipping);
    expect(validateChange(shipping, before, { insuranceAmount: '12,-' }, nl)).toMatchObject({ ok: true, changes: { insuranceAmount: 1200 } });
    const refused = validateChange(shipping, before, { insuranceAmount: '0.500' }, nl);
    expect(refused.ok === false && refused.errors[0]?.message.replace(/\u00a0/g, ' ')).toBe(
      'Verzekerd bedrag: „0.500” kan € 0,50 of € 500,00 betekenen. Schrijf de centen na een komma (0,50) en duizendtallen met een punt (1.500).',
    );
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
