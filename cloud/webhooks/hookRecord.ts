import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/connect';
import { records, shops, type FieldStamp } from '../db/schema';

/** The fields of a `webhooks` record only the cloud writes, from a webshop's answer (see cloud push: devices may not). */
export interface HookState {
  status: 'connected' | 'unauthorized' | 'error' | 'disconnected';
  lastDeliveryAt: string;
  lastResponseCode: string | null;
  lastProblem: string | null;
}

/** Who the record's history names for these fields: not a user, the connector in the cloud. */
export const connectorId = 'cloud-webshop-connector';

/** The connection as the shop's workstations synced it: where to deliver. Null for an unknown or deleted connection. */
export async function readHook(db: Queryable, shopId: string, hookId: string): Promise<{ webhookUrl: string; salesChannelId: string | null } | null> {
  const [row] = await db
    .select({ data: records.data, deleted: records.deleted })
    .from(records)
    .where(and(eq(records.shopId, shopId), eq(records.collection, 'webhooks'), eq(records.recordId, hookId)));
  if (!row || row.deleted || typeof row.data.webhookUrl !== 'string') return null;
  return { webhookUrl: row.data.webhookUrl, salesChannelId: typeof row.data.salesChannelId === 'string' ? row.data.salesChannelId : null };
}

/**
 * The connection's webhook URL as it stands now, read inside the transaction that will record a
 * webshop's answer and holding it until commit: first the shop's counter (the lock every push
 * takes first too, so the two wait in the same order), then the record. Null when the connection
 * is gone. A push that changes or deletes the connection waits for this transaction, or this one
 * sees its change.
 */
export async function lockHookUrl(db: Queryable, shopId: string, hookId: string): Promise<string | null> {
  await db.select({ id: shops.id }).from(shops).where(eq(shops.id, shopId)).for('update');
  const [row] = await db
    .select({ data: records.data, deleted: records.deleted })
    .from(records)
    .where(and(eq(records.shopId, shopId), eq(records.collection, 'webhooks'), eq(records.recordId, hookId)))
    .for('update');
  if (!row || row.deleted || typeof row.data.webhookUrl !== 'string') return null;
  return row.data.webhookUrl;
}

/**
 * Writes the state a webshop's answer produced into the shop's `webhooks` record, as a change of
 * its own with the next revision of the shop's counter, so every workstation pulls it like any
 * other change. Taking the counter locks the shop row, the lock every push takes too.
 */
export async function writeHookState(db: Queryable, shopId: string, hookId: string, state: HookState, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ data: records.data, fields: records.fields, updatedBy: records.updatedBy, updatedAt: records.updatedAt, deleted: records.deleted })
    .from(records)
    .where(and(eq(records.shopId, shopId), eq(records.collection, 'webhooks'), eq(records.recordId, hookId)))
    .for('update');
  if (!row || row.deleted) return false;
  const [counter] = await db.update(shops).set({ seq: sql`${shops.seq} + 1` }).where(eq(shops.id, shopId)).returning({ seq: shops.seq });
  // Stryker disable next-line BooleanLiteral: the shop row was just locked in this transaction; shops are never deleted.
  if (!counter) return false;
  const at = now.toISOString();
  const previousAt = new Date(row.updatedAt).toISOString();
  // Stamps stored without who/when take them from the record (pushStore's compact form); spell
  // them out before the record's own who/when become the connector's.
  const fields: Record<string, FieldStamp> = Object.fromEntries(
    Object.entries(row.fields).map(([field, stamp]) => [field, { rev: stamp.rev, by: stamp.by ?? row.updatedBy, at: stamp.at ?? previousAt }]),
  );
  for (const field of Object.keys(state)) fields[field] = { rev: counter.seq, by: connectorId, at };
  await db
    .update(records)
    .set({ data: { ...row.data, ...state }, fields, seq: counter.seq, updatedBy: connectorId, updatedAt: at })
    .where(and(eq(records.shopId, shopId), eq(records.collection, 'webhooks'), eq(records.recordId, hookId)));
  return true;
}
