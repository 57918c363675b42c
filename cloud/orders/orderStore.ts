import { createHash } from 'node:crypto';
import { and, asc, between, count, eq, sum } from 'drizzle-orm';
import { orderTotals, reportTimeZone, shopDay, type SalesOrder } from '../../domain/sales/salesOrder';
import { sumCents, type SalesReport } from '../../domain/sales/salesReport';
import { HttpError } from '../httpError';
import type { Queryable } from '../db/connect';
import { salesOrders } from '../db/schema';

export type OrderReceipt = 'accepted' | 'duplicate' | 'conflict';

/**
 * Keeps an order once: the same order id again with the same content is a retry and changes
 * nothing ('duplicate'); with other content it is refused ('conflict'), never silently replaced,
 * so a report never counts an order twice or changes under a retry.
 */
export async function receiveOrder(db: Queryable, shopId: string, channel: string, order: SalesOrder): Promise<OrderReceipt> {
  const bodyHash = createHash('sha256').update(JSON.stringify(order)).digest('hex');
  const totals = orderTotals(order);
  const inserted = await db
    .insert(salesOrders)
    .values({ shopId, channel, orderId: order.orderId, placedAt: order.placedAt, day: shopDay(order.placedAt), totalInclCents: totals.inclCents, totalExclCents: totals.exclCents, bodyHash })
    .onConflictDoNothing()
    .returning({ orderId: salesOrders.orderId });
  if (inserted.length > 0) return 'accepted';
  const [kept] = await db
    .select({ bodyHash: salesOrders.bodyHash })
    .from(salesOrders)
    .where(and(eq(salesOrders.shopId, shopId), eq(salesOrders.channel, channel), eq(salesOrders.orderId, order.orderId)));
  // Stryker disable next-line OptionalChaining: the insert just met this row, and orders are never deleted.
  return kept?.bodyHash === bodyHash ? 'duplicate' : 'conflict';
}

/** Orders and revenue per channel and shop day in [from, to], both days included; one grouped sum on the (shop, day) index. */
export async function salesReport(db: Queryable, shopId: string, from: string, to: string, now: Date): Promise<SalesReport> {
  const rows = await db
    .select({
      channel: salesOrders.channel,
      day: salesOrders.day,
      orders: count(),
      inclCents: sum(salesOrders.totalInclCents),
      exclCents: sum(salesOrders.totalExclCents),
    })
    .from(salesOrders)
    .where(and(eq(salesOrders.shopId, shopId), between(salesOrders.day, from, to)))
    .groupBy(salesOrders.channel, salesOrders.day)
    .orderBy(asc(salesOrders.channel), asc(salesOrders.day));
  const channels = new Map<string, SalesReport['channels'][number]>();
  try {
    for (const row of rows) {
      // The database's sums arrive as decimal strings; they are added as BigInt, never rounded.
      const day = { day: row.day, orders: Number(row.orders), inclCents: sumCents([row.inclCents]), exclCents: sumCents([row.exclCents]) };
      const channel = channels.get(row.channel) ?? { channel: row.channel, orders: 0, inclCents: 0, exclCents: 0, days: [] };
      channel.orders += day.orders;
      channel.inclCents = sumCents([channel.inclCents, day.inclCents]);
      channel.exclCents = sumCents([channel.exclCents, day.exclCents]);
      channel.days.push(day);
      channels.set(row.channel, channel);
    }
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: only sumCents throws in the loop above, and only RangeError.
    if (error instanceof RangeError) throw new HttpError(422, 'report_too_large', 'to: the totals of this period are beyond what a report counts exactly; ask for a shorter period.');
    throw error;
  }
  return { from, to, timeZone: reportTimeZone, generatedAt: now.toISOString(), channels: [...channels.values()] };
}

