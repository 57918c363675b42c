import { describe, expect, it } from 'vitest';
import { missingCompanyDetails } from './companyDetails';
import { buildA4Document } from './invoice';
import { computeTotals, type SaleLine } from './receipt';

const lines: SaleLine[] = [
  { description: 'Binnenband 28 inch', quantity: 2, unitPriceInclVat: 695, vatRate: 'high' },
  { description: 'Fietsroutes Utrecht (boek)', quantity: 1, unitPriceInclVat: 1495, vatRate: 'low' },
];

const invoice = (priceMode: 'b2c' | 'b2b') =>
  buildA4Document({
    kind: 'invoice',
    priceMode,
    supplier: { name: 'De Spaak bv', address: ['Oudegracht 12', '3511 AB Utrecht'], kvkNumber: '12345678', vatId: 'NL004495445B01' },
    customer: { name: 'Jan Jansen', address: ['Lange Nieuwstraat 4', '3512 PH Utrecht'] },
    number: 'F0042',
    date: '2026-11-28',
    deliveryDate: '2026-11-26',
    until: '2026-12-12',
    lines,
    note: '',
    terms: 'Betaling binnen 14 dagen.',
    footer: '',
  });

describe('the A4 invoice (issue 11 item 19)', () => {
  it('carries the unit price excl. VAT of every line', () => {
    expect(invoice('b2c').totals.lines.map((line) => line.unitPriceExclVat)).toEqual([574, 1372]);
  });

  it('carries the delivery date and the terms for invoices', () => {
    const doc = invoice('b2c');
    expect(doc.deliveryDate).toBe('2026-11-26');
    expect(doc.terms).toBe('Betaling binnen 14 dagen.');
  });

  it('B2C: the incl. VAT amounts lead and are exact; excl. and VAT derived per rate', () => {
    const { totals } = invoice('b2c');
    expect(totals.totalInclVat).toBe(2 * 695 + 1495);
    expect(totals.vat).toEqual([
      { rate: 'high', label: '21 % (hoog)', excl: 1149, vat: 241, incl: 1390 },
      { rate: 'low', label: '9 % (laag)', excl: 1372, vat: 123, incl: 1495 },
    ]);
  });

  it('B2B: the excl. VAT amounts lead and are exact; the VAT is added per rate', () => {
    const { totals } = invoice('b2b');
    expect(totals.lines.map((line) => line.totalExclVat)).toEqual([1148, 1372]);
    expect(totals.vat).toEqual([
      { rate: 'high', label: '21 % (hoog)', excl: 1148, vat: 241, incl: 1389 },
      { rate: 'low', label: '9 % (laag)', excl: 1372, vat: 123, incl: 1495 },
    ]);
    expect(totals.totalExclVat).toBe(1148 + 1372);
  });

  it('keeps excl. + VAT = incl. per rate in both modes for many mixes', () => {
    for (let n = 1; n < 300; n++) {
      const mix: SaleLine[] = [
        { description: 'a', quantity: 1 + (n % 4), unitPriceInclVat: n * 37, vatRate: 'high' },
        { description: 'b', quantity: 1, unitPriceInclVat: n * 11, vatRate: 'low' },
      ];
      for (const mode of ['b2c', 'b2b'] as const) {
        const totals = computeTotals(mix, mode);
        expect(totals.vat.every((line) => line.excl + line.vat === line.incl)).toBe(true);
        expect(totals.totalExclVat + totals.totalVat).toBe(totals.totalInclVat);
      }
    }
  });
});

describe('printing without a required company detail (issue 11 item 20)', () => {
  const complete = {
    'company.general': { values: { backOfficeName: 'De Spaak', companyName: 'De Spaak bv' } },
    'company.contact': { values: { email: 'info@despaak.nl', street: 'Oudegracht', houseNumber: '12', postcode: '3511 AB', city: 'Utrecht' } },
    'company.billing': { values: { sameAsContact: true } },
    'company.business': { values: { kvkNumber: '12345678', vatId: 'NL004495445B01' } },
  };

  it('names nothing when everything is filled in', () => {
    expect(missingCompanyDetails('a4', complete)).toEqual([]);
    expect(missingCompanyDetails('receipt', complete)).toEqual([]);
  });

  it('names each missing field by its label and where to fill it in', () => {
    const fresh = { 'company.general': { values: { backOfficeName: 'De Spaak', companyName: '' } }, 'company.contact': { values: { email: '' } } };
    expect(missingCompanyDetails('a4', fresh).map((missing) => `${missing.groupLabel.nl} › ${missing.label.nl}`)).toEqual([
      'Algemene informatie › Bedrijfsnaam',
      'Contactinformatie › E-mailadres',
      'Contactinformatie › Straat',
      'Contactinformatie › Huisnummer',
      'Contactinformatie › Postcode',
      'Contactinformatie › Plaats',
      'Zakelijke informatie › KvK-nummer',
      'Zakelijke informatie › Btw-identificatienummer',
    ]);
    expect(missingCompanyDetails('receipt', fresh).map((missing) => missing.field)).toEqual(['street', 'houseNumber', 'postcode', 'city']);
  });

  it('asks for the billing address on invoices when it differs from the contact address', () => {
    const separate = { ...complete, 'company.billing': { values: { sameAsContact: false, billingStreet: 'Postbus', billingHouseNumber: '7' } } };
    expect(missingCompanyDetails('a4', separate).map((missing) => missing.field)).toEqual(['billingPostcode', 'billingCity']);
  });
});
