import type { Lang } from '../text';
import type { SalesReport } from './salesReport';

/**
 * The sales report as CSV that Excel opens as a table in either language: Dutch Excel expects `;`
 * between fields and a decimal comma, English `,` and a decimal point; the UTF-8 byte order mark
 * makes Excel read "€" and accented channel names as UTF-8 instead of the system code page.
 */
const headers = {
  nl: ['Verkoopkanaal', 'Voorvoegsel', 'Datum', 'Bestellingen', 'Omzet incl. btw', 'Omzet excl. btw', 'Btw'],
  en: ['Sales channel', 'Prefix', 'Date', 'Orders', 'Revenue incl. VAT', 'Revenue excl. VAT', 'VAT'],
} as const;

/** Cents as a plain decimal number (no currency sign, no thousands separator) in the language's notation. */
export function csvAmount(cents: number, lang: Lang): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}${lang === 'nl' ? ',' : '.'}${String(abs % 100).padStart(2, '0')}`;
}

function quoted(value: string, separator: string): string {
  return /["\r\n]/.test(value) || value.includes(separator) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function salesReportCsv(report: SalesReport, channelNames: Readonly<Record<string, string>>, lang: Lang): string {
  const separator = lang === 'nl' ? ';' : ',';
  const rows: string[][] = [[...headers[lang]]];
  for (const channel of report.channels) {
    const name = channelNames[channel.channel] ?? channel.channel;
    for (const day of channel.days) {
      rows.push([name, channel.channel, day.day, String(day.orders), csvAmount(day.inclCents, lang), csvAmount(day.exclCents, lang), csvAmount(day.inclCents - day.exclCents, lang)]);
    }
  }
  return `\uFEFF${rows.map((row) => row.map((cell) => quoted(cell, separator)).join(separator)).join('\r\n')}\r\n`;
}
