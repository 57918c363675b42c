import { computeTotals, type PriceMode, type SaleLine, type Supplier, type Totals } from './receipt';

export interface Customer {
  name: string;
  address: string[];
  vatId?: string;
}

/**
 * An invoice or quote on A4. An invoice carries everything the Belastingdienst lists
 * (factuureisen): date, a consecutive number, supplier name and address, BTW-id, KvK-nummer,
 * customer name and address, quantity and description, the delivery date, the unit price excl.
 * VAT, the amount excl. VAT per rate, the rates and the VAT amounts; the customer's BTW-id when
 * they gave one. Prices follow the shop's B2C/B2B setting.
 */
export interface A4Document {
  kind: 'invoice' | 'quote';
  priceMode: PriceMode;
  supplier: Supplier;
  customer: Customer;
  number: string;
  date: string;
  /** When the goods were delivered or the service done (leverdatum); ISO date. */
  deliveryDate: string;
  /** Invoices: pay before; quotes: valid until. */
  until: string;
  totals: Totals;
  note: string;
  /** Bestelling › Voorwaarden › Voorwaarden op facturen, printed on invoices. */
  terms: string;
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
  return { ...rest, totals: computeTotals(lines, input.priceMode) };
}
