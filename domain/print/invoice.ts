import { computeTotals, type SaleLine, type Supplier, type Totals } from './receipt';

export interface Customer {
  name: string;
  address: string[];
  vatId?: string;
}

/**
 * An invoice or quote on A4. An invoice carries everything Dutch law asks for: supplier name and
 * address, BTW-id, KvK-nummer, date, a consecutive number, what was supplied, the amounts excl.
 * VAT per rate, the rates and the VAT amounts.
 */
export interface A4Document {
  kind: 'invoice' | 'quote';
  supplier: Supplier;
  customer: Customer;
  number: string;
  date: string;
  /** Invoices: pay before; quotes: valid until. */
  until: string;
  totals: Totals;
  note: string;
  footer: string;
}

/** The invoice number: the prefix of Factuurinformatie and the next number, e.g. `F2026-0042`. */
export function invoiceNumber(prefix: string, next: number): string {
  return `${prefix}${String(next).padStart(4, '0')}`;
}

/** `base` + `days` as an ISO date (yyyy-mm-dd), counting in whole calendar days (UTC). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function buildA4Document(input: Omit<A4Document, 'totals'> & { lines: SaleLine[] }): A4Document {
  const { lines, ...rest } = input;
  return { ...rest, totals: computeTotals(lines) };
}
