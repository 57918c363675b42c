import { describe, expect, it } from 'vitest';
import { importProductCsv } from './productCsv';
import { supplierFrom } from './supplier';

/** The shop's own details at the top of a receipt or invoice, as the user filled them in. */
describe('the shop on a document', () => {
  const filled = {
    'company.general': { values: { backOfficeName: 'Backoffice De Spaak', companyName: 'Fietsenwinkel De Spaak' } },
    'company.contact': { values: { street: 'Oudegracht', houseNumber: '12', houseNumberAddition: 'bis', postcode: '3511 AB', city: 'Utrecht', phone: '+31 30 123 4567', email: 'info@despaak.nl' } },
    'company.billing': { values: { sameAsContact: false, billingStreet: 'Postbus', billingHouseNumber: '100', billingHouseNumberAddition: '', billingPostcode: '3500 AA', billingCity: 'Utrecht' } },
    'company.business': { values: { kvkNumber: '12345678', vatId: 'NL123456789B01', iban: 'NL91ABNA0417164300' } },
  };

  it('shows name, address, phone, e-mail, KvK, VAT id and the IBAN in groups of four', () => {
    expect(supplierFrom(filled)).toEqual({
      name: 'Fietsenwinkel De Spaak',
      address: ['Oudegracht 12 bis', '3511 AB Utrecht'],
      phone: '+31 30 123 4567',
      email: 'info@despaak.nl',
      kvkNumber: '12345678',
      vatId: 'NL123456789B01',
      iban: 'NL91 ABNA 0417 1643 00',
    });
  });

  it('an invoice goes out from the billing address when it differs; a receipt keeps the shop address', () => {
    expect(supplierFrom(filled, true).address).toEqual(['Postbus 100', '3500 AA Utrecht']);
    const same = { ...filled, 'company.billing': { values: { ...filled['company.billing'].values, sameAsContact: true } } };
    expect(supplierFrom(same, true).address).toEqual(['Oudegracht 12 bis', '3511 AB Utrecht']);
  });

  it('falls back to the back-office name, and leaves out what is empty', () => {
    const sparse = {
      'company.general': { values: { backOfficeName: 'De Spaak', companyName: '' } },
      'company.contact': { values: { street: '', houseNumber: '', postcode: '', city: 'Utrecht', phone: '', email: '' } },
      'company.business': { values: { kvkNumber: '', vatId: '', iban: '' } },
    };
    expect(supplierFrom(sparse)).toEqual({ name: 'De Spaak', address: ['Utrecht'] });
    expect(supplierFrom({})).toEqual({ name: '', address: [] });
  });
});

describe('product CSV for labels, as spreadsheets write it', () => {
  it('reads a file from Excel: byte-order mark, headers in capitals with spaces, comma-separated', () => {
    const csv = '\uFEFF Name , PRICE ,SKU,Content,Unit\r\nKoffiebonen,"8,99",K-1,500,G\r\n';
    expect(importProductCsv(csv, 'nl')).toEqual({
      products: [{ name: 'Koffiebonen', priceInclVat: 899, sku: 'K-1', content: '500', unit: 'g' }],
      problems: [],
    });
  });

  it('reads semicolon- and tab-separated files, skipping blank lines', () => {
    expect(importProductCsv('name;price\nThee;3,49\n\n;\n', 'nl')).toEqual({ products: [{ name: 'Thee', priceInclVat: 349 }], problems: [] });
    expect(importProductCsv('name\tprice\nThee\t3,49\n', 'nl').products).toEqual([{ name: 'Thee', priceInclVat: 349 }]);
  });

  it('needs both a name and a price column', () => {
    expect(importProductCsv('name;ean\nThee;8712345678906', 'en')).toEqual({
      products: [],
      problems: [{ line: 1, reason: 'csv.noHeader', message: 'The file lacks the header line with the columns sku, ean, name, price, content, unit, brand.' }],
    });
    expect(importProductCsv('price\n3,49', 'nl').problems.map((p) => p.reason)).toEqual(['csv.noHeader']);
  });

  it('refuses a price of € 0 and a negative one, naming the line in English too', () => {
    expect(importProductCsv('name,price\nGratis,"0,00"\nRetour,"-1,00"\nThee,"0,01"', 'en')).toEqual({
      products: [{ name: 'Thee', priceInclVat: 1 }],
      problems: [
        { line: 2, reason: 'price.missing', message: 'Line 2: The price is missing or is not an amount.' },
        { line: 3, reason: 'price.missing', message: 'Line 3: The price is missing or is not an amount.' },
      ],
    });
  });

  it('leaves out content without a known unit, and a unit without content', () => {
    const csv = 'name;price;content;unit\nZeep;2,50;250;emmer\nOlie;6,95;;l\nMelk;1,19;1;l';
    expect(importProductCsv(csv, 'nl').products).toEqual([
      { name: 'Zeep', priceInclVat: 250 },
      { name: 'Olie', priceInclVat: 695 },
      { name: 'Melk', priceInclVat: 119, content: '1', unit: 'l' },
    ]);
  });
});
