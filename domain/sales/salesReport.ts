import { z } from 'zod';

/** A calendar day, YYYY-MM-DD, as the report's period and rows use it. */
export const reportDay = z.iso.date();

/** What `GET /v1/reports/sales?from=…&to=…` answers: per sales channel (order number prefix) and day, money in integer cents. */
export const salesReportSchema = z.object({
  from: reportDay,
  to: reportDay,
  timeZone: z.string(),
  generatedAt: z.string(),
  channels: z.array(
    z.object({
      channel: z.string(),
      orders: z.number().int(),
      inclCents: z.number().int(),
      exclCents: z.number().int(),
      days: z.array(z.object({ day: reportDay, orders: z.number().int(), inclCents: z.number().int(), exclCents: z.number().int() })),
    }),
  ),
});

export type SalesReport = z.infer<typeof salesReportSchema>;

/** The longest period one report covers: a year (and a leap day). */
export const maxReportDays = 366;

/** Days from `from` to `to`, both counted; negative when `to` comes first. */
export function daysInPeriod(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * Adds amounts in cents exactly, whatever their size (a database sum of bigints arrives as a
 * decimal string), and refuses a total a JavaScript number cannot hold exactly rather than
 * report a wrong one.
 */
export function sumCents(amounts: readonly (string | number | bigint | null)[]): number {
  const total = amounts.reduce<bigint>((sum, amount) => sum + BigInt(amount ?? 0), 0n);
  if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError(`a total of ${total} cents is beyond what a report counts exactly`);
  return Number(total);
}
