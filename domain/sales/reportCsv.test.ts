import { describe, expect, it } from 'vitest';
import { csvAmount, salesReportCsv } from './reportCsv';
import type { SalesReport } from './salesReport';

const report: SalesReport = {
  from: '2026-10-24',
  to: '2026-10-25',
  timeZone: 'Europe/Amsterdam',
  generatedAt: '2026-10-26T08:00:00.000Z',
  channels: [
    {
      channel: 'W1', orders: 4, inclCents: 1_399_800, exclCents: 1_339_600,
      days: [{ day: '2026-10-24', orders: 1, inclCents: 2500, exclCents: 2066 }, { day: '2026-10-25', orders: 3, inclCents: 1_397_300, exclCents: 1_337_534 }],
    },
  ],
};

describe('the sales report as CSV', () => {
  it('writes Dutch with ; between fields and a decimal comma, behind a UTF-8 byte order mark, so Excel opens it as a table', () => {
    const csv = salesReportCsv(report, { W1: 'Webshop; De Spaak' }, 'nl');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Verkoopkanaal;Voorvoegsel;Datum;Bestellingen;Omzet incl. btw;Omzet excl. btw;Btw',
      '"Webshop; De Spaak";W1;2026-10-24;1;25,00;20,66;4,34',
      '"Webshop; De Spaak";W1;2026-10-25;3;13973,00;13375,34;597,66',
      '',
    ]);
  });

  it('writes English with , between fields and a decimal point', () => {
    const csv = salesReportCsv(report, {}, 'en');
    expect(csv.slice(1).split('\r\n').slice(0, 2)).toEqual(['Sales channel,Prefix,Date,Orders,Revenue incl. VAT,Revenue excl. VAT,VAT', 'W1,W1,2026-10-24,1,25.00,20.66,4.34']);
  });

  it('writes amounts exactly from cents, negatives too', () => {
    expect(csvAmount(5, 'nl')).toBe('0,05');
    expect(csvAmount(-826, 'nl')).toBe('-8,26');
    expect(csvAmount(123_456_789, 'en')).toBe('1234567.89');
  });
});
