import { describe, expect, it } from 'vitest';
import { buildReceipt, computeTotals, receiptLines, wrap } from './receipt';

const supplier = { name: 'Fietsenmaker', address: ['Dorpsstraat 1', '1234 AB Ergens'] };

describe('the printed receipt (kassabon)', () => {
  it('prints header, lines, totals, change, VAT per rate and the footer at the paper width', () => {
    const receipt = buildReceipt({
      title: 'Kassabon',
      supplier: { ...supplier, phone: '020 123 4567', kvkNumber: '12345678', vatId: 'NL123456789B01' },
      number: 'B-0042',
      date: '28-11-2026',
      lines: [
        { description: 'Binnenband 28 inch met een heel lange naam', quantity: 3, unitPriceInclVat: 595, vatRate: 'high' },
        { description: 'Reparatie', quantity: 1, unitPriceInclVat: 1250, vatRate: 'low' },
      ],
      payments: [{ method: 'Contant', amount: 5000 }],
      footer: 'Bedankt voor uw bezoek en tot de volgende keer\r\n\r\nRuilen binnen 14 dagen',
    });
    // 3 × € 5,95 = € 17,85 (excl. 17,85 / 1,21 = 14,75); € 12,50 / 1,09 = 11,47; paid € 50 → € 19,65 back.
    expect(receiptLines(receipt, 32)).toEqual([
      '          Fietsenmaker          ',
      '         Dorpsstraat 1          ',
      '         1234 AB Ergens         ',
      '          020 123 4567          ',
      '          KvK 12345678          ',
      '       Btw NL123456789B01       ',
      '--------------------------------',
      '            KASSABON            ',
      'B-0042                28-11-2026',
      '--------------------------------',
      'Binnenband 28 inch met e € 17,85',
      '  3 x € 5,95                    ',
      'Reparatie                € 12,50',
      '--------------------------------',
      'TOTAAL                   € 30,35',
      'Contant                  € 50,00',
      'Wisselgeld               € 19,65',
      '--------------------------------',
      'Btw                  excl.   btw',
      '21 % (hoog)       € 14,75 € 3,10',
      '9 % (laag)        € 11,47 € 1,03',
      '--------------------------------',
      'Bedankt voor uw bezoek en tot de',
      'volgende keer                   ',
      '                                ',
      'Ruilen binnen 14 dagen          ',
    ]);
    expect(receiptLines(receipt, 32, 'en').slice(4, 6)).toEqual(['          CoC 12345678          ', '       VAT NL123456789B01       ']);
  });

  it('leaves out what the shop has not filled in, the change when paid exactly and an empty footer', () => {
    const receipt = buildReceipt({
      title: 'Kwitantie',
      supplier,
      number: 'K-7',
      date: '1-12-2026',
      lines: [{ description: 'Ketting', quantity: 1, unitPriceInclVat: 1000, vatRate: 'high' }],
      payments: [{ method: 'Pin', amount: 1000 }],
      footer: '',
    });
    expect(receipt.change).toBe(0);
    expect(receipt.footer).toEqual([]);
    expect(receiptLines(receipt, 24)).toEqual([
      '      Fietsenmaker      ',
      '     Dorpsstraat 1      ',
      '     1234 AB Ergens     ',
      '------------------------',
      '       KWITANTIE        ',
      'K-7            1-12-2026',
      '------------------------',
      'Ketting          € 10,00',
      '------------------------',
      'TOTAAL           € 10,00',
      'Pin              € 10,00',
      '------------------------',
      'Btw          excl.   btw',
      // On narrow paper the rate's name gives way, never the amounts.
      '21 % (hoog € 8,26 € 1,74',
    ]);
  });

  it('gives no negative change when the customer paid too little', () => {
    const receipt = buildReceipt({ title: 'Kassabon', supplier, number: '1', date: '', lines: [{ description: 'Bel', quantity: 2, unitPriceInclVat: 500, vatRate: 'high' }], payments: [{ method: 'Pin', amount: 600 }, { method: 'Contant', amount: 300 }], footer: 'x' });
    expect(receipt.change).toBe(0);
  });

  it('cuts a shop name wider than the paper and keeps blank footer lines, whatever the line endings', () => {
    const receipt = buildReceipt({ title: 'Bon', supplier: { name: 'Rijwielhandel De Snelle Fietsenmaker', address: [] }, number: '1', date: '2-12-2026', lines: [], payments: [], footer: 'Tot ziens\n  \nOpen ma-za' });
    expect(receipt.footer).toEqual(['Tot ziens', '  ', 'Open ma-za']);
    const lines = receiptLines(receipt, 16);
    expect(lines[0]).toBe('Rijwielhandel De');
    expect(lines.slice(-3)).toEqual(['Tot ziens       ', '                ', 'Open ma-za      ']);
  });
});

describe('wrapping the receipt footer', () => {
  it('breaks at spaces and cuts a word longer than the paper', () => {
    expect(wrap('Ruilen  binnen 14 dagen', 10)).toEqual(['Ruilen', 'binnen 14', 'dagen']);
    expect(wrap('Fietsenmakerij', 6)).toEqual(['Fietse']);
    expect(wrap('ab cdefghij', 4)).toEqual(['ab', 'cdef']);
    expect(wrap('ab cd', 5)).toEqual(['ab cd']);
    expect(wrap('   ', 5)).toEqual([]);
    expect(wrap('ab cd ', 10)).toEqual(['ab cd']);
  });
});

describe('totals of a B2B document', () => {
  it('adds the excl. amounts per rate and puts VAT on top, rounded to the cent', () => {
    // Excl. prices lead: € 4,13 excl. is € 5,00 incl. 21 %, so three are € 12,39 excl. + € 2,60 VAT.
    const totals = computeTotals([{ description: 'Lamp', quantity: 3, unitPriceInclVat: 500, vatRate: 'high' }], 'b2b');
    expect(totals.vat).toEqual([{ rate: 'high', label: '21 % (hoog)', excl: 1239, vat: 260, incl: 1499 }]);
    expect(totals).toMatchObject({ totalExclVat: 1239, totalVat: 260, totalInclVat: 1499 });
  });

  it('lists VAT rates high, low, zero, exempt whatever order the lines came in', () => {
    const totals = computeTotals([
      { description: 'Boek', quantity: 1, unitPriceInclVat: 1090, vatRate: 'low' },
      { description: 'Cursus', quantity: 1, unitPriceInclVat: 5000, vatRate: 'exempt' },
      { description: 'Lamp', quantity: 1, unitPriceInclVat: 1210, vatRate: 'high' },
      { description: 'Export', quantity: 1, unitPriceInclVat: 700, vatRate: 'zero' },
    ]);
    expect(totals.vat.map((line) => [line.rate, line.excl, line.vat])).toEqual([['high', 1000, 210], ['low', 1000, 90], ['zero', 700, 0], ['exempt', 5000, 0]]);
  });
});
