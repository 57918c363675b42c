import { describe, expect, it } from 'vitest';
import { seeded } from '../test/generate';
import { checkEan13, ean13CheckDigit } from './ean13';
import { addDays, invoiceNumber } from './invoice';
import { importProductCsv } from './productCsv';
import { buildReceipt, computeTotals, receiptLines } from './receipt';
import { buildShelfLabel } from './shelfLabel';
import { unitPriceFor } from './unitPrice';

const all = { showUnitPrice: true, showBarcode: true, showSku: true, showBrand: true, showWasPrice: true };

describe('EAN-13', () => {
  it('computes the GS1 check digit and refuses a changed digit', () => {
    const random = seeded(13);
    for (let i = 0; i < 100; i++) {
      const first12 = Array.from({ length: 12 }, () => Math.floor(random() * 10)).join('');
      const code = `${first12}${ean13CheckDigit(first12)}`;
      expect(checkEan13(code)).toEqual({ ok: true, value: code });
      const wrong = `${first12}${(ean13CheckDigit(first12) + 1 + (i % 9)) % 10}`;
      expect(checkEan13(wrong)).toEqual({ ok: false, reason: 'ean.checkDigit' });
    }
    expect(checkEan13('123')).toEqual({ ok: false, reason: 'ean.format' });
  });
});

describe('unit price (Besluit prijsaanduiding producten)', () => {
  it('gives the price per kg, l or m for goods sold by weight, volume or length', () => {
    expect(unitPriceFor(399, '750', 'g')).toMatchObject({ cents: 532, per: 'kg' });
    expect(unitPriceFor(249, '0,5', 'l')?.text.replace(/\s/g, ' ')).toBe('€ 4,98 per l');
    expect(unitPriceFor(129, '33', 'cl')).toMatchObject({ cents: 391, per: 'l' });
    expect(unitPriceFor(1250, '2,5', 'm')).toMatchObject({ cents: 500, per: 'm' });
  });
  it('is not needed per piece or in a standard quantity', () => {
    expect(unitPriceFor(299, '1', 'kg')).toBeNull();
    expect(unitPriceFor(299, '1000', 'ml')).toBeNull();
    expect(unitPriceFor(299, '1', 'st')).toBeNull();
    expect(unitPriceFor(299, 'veel', 'g')).toBeNull();
  });
  it('puts the price incl. VAT on every label, and a was-price only when it is higher', () => {
    const label = buildShelfLabel({ name: 'Koffiebonen', priceInclVat: 899, wasPriceInclVat: 899, content: '500', unit: 'g', ean: '8712345678906' }, all);
    expect(label).toMatchObject({ name: 'Koffiebonen', ean: '8712345678906' });
    expect(label.price.replace(/\s/g, ' ')).toBe('€ 8,99');
    expect(label.unitPrice?.replace(/\s/g, ' ')).toBe('€ 17,98 per kg');
    expect(label.wasPrice).toBeUndefined();
    const none = buildShelfLabel({ name: 'Bel', priceInclVat: 1495, wasPriceInclVat: 1995 }, { ...all, showBarcode: false, showWasPrice: true });
    expect(none.wasPrice?.replace(/\s/g, ' ')).toBe('€ 19,95');
  });
});

describe('product CSV for labels', () => {
  it('keeps the good lines and names each bad line with its reason', () => {
    const csv = ['sku;ean;name;price;content;unit;brand', 'K-1;8712345678906;Koffiebonen;8,99;500;g;Dappere Boon', 'K-2;8712345678907;Thee;3,49;;;', 'K-3;;Filterzakjes;;;;', ';;;1,00;;;', 'K-5;;Melkopschuimer;24,95;;;Bialetti'].join('\n');
    const result = importProductCsv(csv, 'nl');
    expect(result.products.map((p) => p.name)).toEqual(['Koffiebonen', 'Melkopschuimer']);
    expect(result.products[0]).toMatchObject({ priceInclVat: 899, content: '500', unit: 'g', brand: 'Dappere Boon' });
    expect(result.problems.map((p) => [p.line, p.reason])).toEqual([
      [3, 'ean.checkDigit'],
      [4, 'price.missing'],
      [5, 'csv.noName'],
    ]);
    expect(result.problems[0]?.message).toBe('Regel 3: EAN 8712345678907 klopt niet: het laatste cijfer (controlecijfer) hoort bij deze code niet. Controleer de code op een tikfout.');
  });
  it('says so when the header is missing', () => {
    expect(importProductCsv('a,b\n1,2', 'nl').problems[0]?.reason).toBe('csv.noHeader');
  });
});

describe('totals and VAT breakdown', () => {
  it('adds up per rate and in total to the cent, with excl. rounded per rate', () => {
    const totals = computeTotals([
      { description: 'Fietsband', quantity: 2, unitPriceInclVat: 1995, vatRate: 'high' },
      { description: 'Reparatie', quantity: 1, unitPriceInclVat: 3500, vatRate: 'high' },
      { description: 'Boek', quantity: 1, unitPriceInclVat: 1250, vatRate: 'low' },
      { description: 'Cadeaubon', quantity: 1, unitPriceInclVat: 2500, vatRate: 'exempt' },
    ]);
    expect(totals.vat).toEqual([
      { rate: 'high', label: '21 % (hoog)', excl: 6190, vat: 1300, incl: 7490 },
      { rate: 'low', label: '9 % (laag)', excl: 1147, vat: 103, incl: 1250 },
      { rate: 'exempt', label: 'Vrijgesteld', excl: 2500, vat: 0, incl: 2500 },
    ]);
    expect(totals.totalInclVat).toBe(11_240);
    expect(totals.totalExclVat + totals.totalVat).toBe(totals.totalInclVat);
  });
  it('holds excl. + VAT = incl. for any mix of lines', () => {
    const random = seeded(99);
    for (let run = 0; run < 200; run++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, i) => ({
        description: `r${i}`,
        quantity: 1 + Math.floor(random() * 5),
        unitPriceInclVat: Math.floor(random() * 100_00),
        vatRate: (['high', 'low', 'zero', 'exempt'] as const)[Math.floor(random() * 4)] ?? 'high',
      }));
      const totals = computeTotals(lines);
      expect(totals.vat.every((line) => line.excl + line.vat === line.incl)).toBe(true);
      expect(totals.totalInclVat).toBe(lines.reduce((sum, line) => sum + line.quantity * line.unitPriceInclVat, 0));
    }
  });
  it('prints every receipt line at exactly the paper width, with the footnote', () => {
    const receipt = buildReceipt({
      title: 'Kwitantie',
      supplier: { name: 'Fietsenwinkel De Spaak', address: ['Oudegracht 12', '3511 AB Utrecht'], kvkNumber: '12345678', vatId: 'NL004495445B01' },
      number: 'R-2026-118',
      date: '28-11-2026',
      lines: [{ description: 'Reparatie achterrem met een heel lange omschrijving', quantity: 1, unitPriceInclVat: 7450, vatRate: 'high' }],
      payments: [{ method: 'Pin', amount: 7450 }],
      footer: 'Garantie: 3 maanden op onderdelen.',
    });
    for (const width of [32, 48]) {
      const lines = receiptLines(receipt, width);
      expect(lines.every((line) => line.length === width)).toBe(true);
      expect(lines.join('\n')).toContain('KvK 12345678');
      expect(lines.join('\n')).toContain('Btw NL004495445B01');
      expect(lines.map((line) => line.trim()).join(' ')).toMatch(/Garantie: 3 maanden op onderdelen\.$/);
    }
  });
});

describe('invoices', () => {
  it('numbers consecutively from the prefix and adds the payment term', () => {
    expect(invoiceNumber('F2026-', 42)).toBe('F2026-0042');
    expect(addDays('2026-11-28', 14)).toBe('2026-12-12');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });
});
