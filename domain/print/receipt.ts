import { divideRounded, formatEuro, type Cents } from '../money';
import type { Lang } from '../text';
import { excludingVat, vatRates, type VatRateId } from '../vat';

export interface SaleLine {
  description: string;
  quantity: number;
  unitPriceInclVat: Cents;
  vatRate: VatRateId;
}

export interface VatLine {
  rate: VatRateId;
  label: string;
  excl: Cents;
  vat: Cents;
  incl: Cents;
}

export interface TotalsLine extends SaleLine {
  /** The unit price excl. VAT, which an invoice must show (Belastingdienst: prijs per eenheid exclusief btw). */
  unitPriceExclVat: Cents;
  totalInclVat: Cents;
  totalExclVat: Cents;
}

export interface Totals {
  lines: TotalsLine[];
  vat: VatLine[];
  totalInclVat: Cents;
  totalExclVat: Cents;
  totalVat: Cents;
}

/**
 * Which prices lead (Bedrijfsinformatie › Klanttype): B2C shops price incl. VAT, B2B shops
 * excl. VAT. The leading amounts are exact; the others are derived per VAT rate.
 */
export type PriceMode = 'b2c' | 'b2b';

/**
 * One rounding rule for every document: the leading line totals are exact (quantity × price).
 * B2C: per VAT rate the incl. amounts are added, the excl. amount is that sum / (1 + rate)
 * rounded half away from zero to the cent, and the VAT is the difference. B2B: per rate the
 * excl. amounts are added and the VAT is that sum × rate, rounded the same way. Either way
 * excl. + VAT = incl. to the cent for every rate and for the whole document.
 */
// Stryker disable next-line StringLiteral: any mode but 'b2b' leads with incl. prices, so an emptied default reads as B2C.
export function computeTotals(lines: readonly SaleLine[], mode: PriceMode = 'b2c'): Totals {
  const withTotals = lines.map((line) => {
    const unitPriceExclVat = excludingVat(line.unitPriceInclVat, line.vatRate);
    return { ...line, unitPriceExclVat, totalInclVat: line.quantity * line.unitPriceInclVat, totalExclVat: line.quantity * unitPriceExclVat };
  });
  const byRate = new Map<VatRateId, Cents>();
  const leading = (line: TotalsLine) => (mode === 'b2b' ? line.totalExclVat : line.totalInclVat);
  for (const line of withTotals) byRate.set(line.vatRate, (byRate.get(line.vatRate) ?? 0) + leading(line));
  const order: VatRateId[] = ['high', 'low', 'zero', 'exempt'];
  const vat = order
    .filter((rate) => byRate.has(rate))
    .map((rate) => {
      const sum = byRate.get(rate) ?? 0;
      if (mode === 'b2b') {
        const tax = divideRounded(sum * vatRates[rate].basisPoints, 10_000);
        return { rate, label: vatRates[rate].label.nl, excl: sum, vat: tax, incl: sum + tax };
      }
      const excl = excludingVat(sum, rate);
      return { rate, label: vatRates[rate].label.nl, excl, vat: sum - excl, incl: sum };
    });
  const totalInclVat = vat.reduce((sum, line) => sum + line.incl, 0);
  const totalExclVat = vat.reduce((sum, line) => sum + line.excl, 0);
  return { lines: withTotals, vat, totalInclVat, totalExclVat, totalVat: totalInclVat - totalExclVat };
}

/** The shop as every document's header shows it. */
export interface Supplier {
  name: string;
  address: string[];
  phone?: string;
  email?: string;
  kvkNumber?: string;
  vatId?: string;
  iban?: string;
}

export interface Payment {
  method: string;
  amount: Cents;
}

/** A receipt (kassabon) or a repair receipt (kwitantie), laid out in fixed-width lines. */
export interface ReceiptDocument {
  title: string;
  supplier: Supplier;
  number: string;
  date: string;
  totals: Totals;
  payments: Payment[];
  change: Cents;
  footer: string[];
}

export function buildReceipt(input: { title: string; supplier: Supplier; number: string; date: string; lines: SaleLine[]; payments: Payment[]; footer: string }): ReceiptDocument {
  const totals = computeTotals(input.lines);
  const paid = input.payments.reduce((sum, payment) => sum + payment.amount, 0);
  return {
    title: input.title,
    supplier: input.supplier,
    number: input.number,
    date: input.date,
    totals,
    payments: input.payments,
    change: Math.max(0, paid - totals.totalInclVat),
    footer: input.footer === '' ? [] : input.footer.split(/\r?\n/),
  };
}

/** Left text and right-aligned amount on one line of `width` characters; the text is cut if needed. */
export function twoColumns(left: string, right: string, width: number): string {
  const room = Math.max(0, width - right.length - 1);
  const text = left.slice(0, room);
  return `${text}${' '.repeat(width - text.length - right.length)}${right}`;
}

/** Breaks text into lines of at most `width` characters at spaces; a longer word is cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  // Stryker disable next-line Regex: `\s` instead of `\s+` only adds empty words, which the filter drops.
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current === '') current = word.slice(0, width);
    else if (current.length + 1 + word.length <= width) current = `${current} ${word}`;
    else {
      lines.push(current);
      current = word.slice(0, width);
    }
  }
  return current === '' ? lines : [...lines, current];
}

const money = (cents: Cents) => formatEuro(cents).replace(/\u00a0/g, ' ');

/** The fixed words of a receipt, in the language of the person printing it. */
const receiptWords: Readonly<Record<Lang, { kvk: string; vatId: string; total: string; change: string; vat: string; exclVat: string }>> = {
  nl: { kvk: 'KvK', vatId: 'Btw', total: 'TOTAAL', change: 'Wisselgeld', vat: 'Btw', exclVat: 'excl.   btw' },
  en: { kvk: 'CoC', vatId: 'VAT', total: 'TOTAL', change: 'Change', vat: 'VAT', exclVat: 'excl.   VAT' },
};

/** The receipt as the printer prints it: plain lines of exactly the paper's width. */
export function receiptLines(receipt: ReceiptDocument, width: number, lang: Lang = 'nl'): string[] {
  const words = receiptWords[lang];
  const center = (text: string) => {
    const cut = text.slice(0, width);
    const pad = Math.floor((width - cut.length) / 2);
    return `${' '.repeat(pad)}${cut}`.padEnd(width);
  };
  const rule = '-'.repeat(width);
  const { supplier, totals } = receipt;
  return [
    center(supplier.name),
    ...supplier.address.map(center),
    ...(supplier.phone ? [center(supplier.phone)] : []),
    ...(supplier.kvkNumber ? [center(`${words.kvk} ${supplier.kvkNumber}`)] : []),
    ...(supplier.vatId ? [center(`${words.vatId} ${supplier.vatId}`)] : []),
    rule,
    center(receipt.title.toUpperCase()),
    twoColumns(receipt.number, receipt.date, width),
    rule,
    ...totals.lines.flatMap((line) => [
      twoColumns(line.description, money(line.totalInclVat), width),
      ...(line.quantity !== 1 ? [`  ${line.quantity} x ${money(line.unitPriceInclVat)}`.padEnd(width)] : []),
    ]),
    rule,
    twoColumns(words.total, money(totals.totalInclVat), width),
    ...receipt.payments.map((payment) => twoColumns(payment.method, money(payment.amount), width)),
    ...(receipt.change > 0 ? [twoColumns(words.change, money(receipt.change), width)] : []),
    rule,
    twoColumns(words.vat, words.exclVat, width),
    ...totals.vat.map((line) => twoColumns(vatRates[line.rate].label[lang], `${money(line.excl)} ${money(line.vat)}`, width)),
    ...(receipt.footer.length > 0 ? [rule, ...receipt.footer.flatMap((line) => (line.trim() === '' ? [''] : wrap(line, width)))] : []),
  ].map((line) => line.padEnd(width).slice(0, width));
}
