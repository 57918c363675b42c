import { z } from 'zod';
import type { Cents } from '../money';
import { excludingVat, type VatRateId } from '../vat';

/**
 * An order as a sales channel posts it to the cloud (`POST /v1/orders`). Money is integer cents;
 * each line carries its own VAT rate as the fraction DOMAIN.md uses ("0.21"), or "exempt".
 * A line's price may be negative (a discount or a returned item); its quantity may not.
 */
const vatRateByFraction = { '0.21': 'high', '0.09': 'low', '0': 'zero', exempt: 'exempt' } as const satisfies Record<string, VatRateId>;

export const orderLineSchema = z.object({
  description: z.string().max(200).optional(),
  quantity: z.number().int().min(1).max(100_000),
  unitPriceInclVatCents: z.number().int().min(-100_000_000).max(100_000_000),
  vatRate: z.enum(Object.keys(vatRateByFraction) as [keyof typeof vatRateByFraction, ...(keyof typeof vatRateByFraction)[]]),
});

/**
 * The largest total, of a line or of a whole order, either way: 10^11 cents, € 1 miljard. Far
 * beyond any real order, and it keeps every sum of an order, and of 90,000 such orders in a
 * report, an exact integer in a JavaScript number (2^53 ≈ 9·10^15).
 */
export const maxTotalCents = 100_000_000_000;

export const salesOrderSchema = z
  .object({
    orderId: z.string().min(1).max(64).regex(/^[A-Za-z0-9._\-/]+$/, 'letters, digits and . _ - / only'),
    /** ISO 8601 with its offset or Z, e.g. 2026-03-29T01:30:00+01:00. */
    placedAt: z.iso.datetime({ offset: true }),
    currency: z.literal('EUR'),
    lines: z.array(orderLineSchema).min(1).max(1000),
  })
  .strict()
  .superRefine((order, ctx) => {
    const tooLarge = (cents: number) => Math.abs(cents) > maxTotalCents;
    order.lines.forEach((line, index) => {
      if (tooLarge(line.quantity * line.unitPriceInclVatCents)) {
        ctx.addIssue({ code: 'custom', path: ['lines', index], message: `line total (quantity × unitPriceInclVatCents) is beyond ${maxTotalCents} cents (EUR 1 billion) either way` });
      }
    });
    // Each line is within 10^11, so this sum of at most 1000 of them is still exact.
    if (tooLarge(order.lines.reduce((total, line) => total + line.quantity * line.unitPriceInclVatCents, 0))) {
      ctx.addIssue({ code: 'custom', path: ['lines'], message: `order total is beyond ${maxTotalCents} cents (EUR 1 billion) either way` });
    }
  });

export type SalesOrder = z.infer<typeof salesOrderSchema>;

export interface OrderTotals {
  inclCents: Cents;
  exclCents: Cents;
}

/** Totals with the VAT taken out per line (rounded per line, as a till and an invoice do), so incl − excl is exactly the VAT of the lines. */
export function orderTotals(order: Pick<SalesOrder, 'lines'>): OrderTotals {
  let inclCents = 0;
  let exclCents = 0;
  for (const line of order.lines) {
    const lineIncl = line.quantity * line.unitPriceInclVatCents;
    inclCents += lineIncl;
    exclCents += excludingVat(lineIncl, vatRateByFraction[line.vatRate]);
  }
  return { inclCents, exclCents };
}

export const reportTimeZone = 'Europe/Amsterdam';
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: reportTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The shop's calendar day (Europe/Amsterdam, so summer and winter time both count) an instant falls on, as YYYY-MM-DD. */
export function shopDay(instant: string | Date): string {
  return dayFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}
