import { and, desc, eq, notInArray } from 'drizzle-orm';
import type { Queryable } from '../db/connect';
import { webhookDeliveries } from '../db/schema';
import type { HookAction, HookAttempt } from '../providers/webshop/webshopHook';

/** Enough to see a pattern (three retries of the last few tries), small enough to never need pruning. */
export const deliveriesKept = 20;

export type Delivery = HookAttempt & { action: HookAction };

/** Appends the attempts of one delivery and drops all but the newest `deliveriesKept` of this connection. */
export async function logDeliveries(db: Queryable, shopId: string, hookId: string, action: HookAction, attempts: HookAttempt[]): Promise<void> {
  if (attempts.length === 0) return;
  await db.insert(webhookDeliveries).values(attempts.map((attempt) => ({ shopId, hookId, action, ...attempt })));
  const newest = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.shopId, shopId), eq(webhookDeliveries.hookId, hookId)))
    .orderBy(desc(webhookDeliveries.id))
    .limit(deliveriesKept);
  await db.delete(webhookDeliveries).where(and(eq(webhookDeliveries.shopId, shopId), eq(webhookDeliveries.hookId, hookId), notInArray(webhookDeliveries.id, newest)));
}

/** The connection's log, newest first. */
export async function listDeliveries(db: Queryable, shopId: string, hookId: string): Promise<Delivery[]> {
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.shopId, shopId), eq(webhookDeliveries.hookId, hookId)))
    .orderBy(desc(webhookDeliveries.id))
    .limit(deliveriesKept);
  return rows.map((row) => ({
    action: row.action as HookAction,
    attempt: row.attempt,
    at: new Date(row.at).toISOString(),
    responseCode: row.responseCode,
    outcome: row.outcome as HookAttempt['outcome'],
    detail: row.detail,
  }));
}
