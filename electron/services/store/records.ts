import { and, asc, desc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { catalogueVersion, workstationFields, type CollectionKey, type GroupKey, type GroupValues, type ItemValues } from '../../../domain/settings/catalogue';
import type { Orm } from '../../../db/open';
import { history, meta, outbox, pendingFields, records } from '../../../db/schema';

/** A drizzle handle or a transaction on it; every function here runs inside the caller's transaction. */
export type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];

export interface StoredRecord {
  data: Record<string, unknown>;
  revs: Record<string, number>;
  deleted: boolean;
  updatedAt: string;
  updatedBy: string;
}

export function readRecord(tx: Tx | Orm, collection: string, id: string): StoredRecord | undefined {
  return tx
    .select({ data: records.data, revs: records.revs, deleted: records.deleted, updatedAt: records.updatedAt, updatedBy: records.updatedBy })
    .from(records)
    .where(and(eq(records.collection, collection), eq(records.id, id)))
    .get();
}

export function listRecords(tx: Tx | Orm, collection: string): ({ id: string } & StoredRecord)[] {
  return tx
    .select({ id: records.id, data: records.data, revs: records.revs, deleted: records.deleted, updatedAt: records.updatedAt, updatedBy: records.updatedBy })
    .from(records)
    .where(eq(records.collection, collection))
    .orderBy(asc(records.id))
    .all();
}

/**
 * The typed views of stored records. Every stored value went through its field's schema on the
 * way in, so the declared type holds; partial, because a record holds only the fields ever
 * written (defaults are filled in by the services that show them).
 */
export function readGroupRecord<K extends GroupKey>(tx: Tx | Orm, key: K): (StoredRecord & { data: Partial<GroupValues<K>> }) | undefined {
  return readRecord(tx, 'settings', key) as (StoredRecord & { data: Partial<GroupValues<K>> }) | undefined;
}

export function listItemRecords<K extends CollectionKey>(tx: Tx | Orm, key: K): ({ id: string } & StoredRecord & { data: Partial<ItemValues<K>> })[] {
  return listRecords(tx, key) as ({ id: string } & StoredRecord & { data: Partial<ItemValues<K>> })[];
}

export interface LocalChange {
  collection: string;
  id: string;
  /** The values before the change, defaults filled in, so history shows what the user saw. */
  before: Readonly<Record<string, unknown>>;
  /** Only the fields that really change. */
  changes: Readonly<Record<string, unknown>>;
  by: string;
  /** The user's id for the outbox; `system` when no person made the change. */
  userId?: string;
  /** Handed in by the caller so a retried write is recognised; made here otherwise. */
  mutationId?: string;
  origin: 'local' | 'resolution';
  at: Date;
}

/**
 * This workstation's id, made once (UUIDv7) and kept in `meta`. Changes queued before the
 * outbox knew its device get it too, so every mutation names where it was made.
 */
export function deviceIdOf(tx: Tx | Orm): string {
  const stored = tx.select({ value: meta.value }).from(meta).where(eq(meta.key, 'deviceId')).get();
  if (stored) return stored.value;
  const deviceId = uuidv7();
  tx.insert(meta).values({ key: 'deviceId', value: deviceId }).run();
  tx.update(outbox).set({ deviceId }).where(eq(outbox.deviceId, '')).run();
  return deviceId;
}

function enqueue(tx: Tx, change: Omit<LocalChange, 'before' | 'changes' | 'origin'>, op: 'create' | 'update' | 'delete', changes: Record<string, unknown>, baseRevs: Record<string, number>): string {
  const mutationId = change.mutationId ?? uuidv7();
  const { seq } = tx
    .insert(outbox)
    .values({
      mutationId,
      deviceId: deviceIdOf(tx),
      userId: change.userId ?? 'system',
      op,
      collection: change.collection,
      recordId: change.id,
      changes,
      baseRevs,
      catalogueVersion,
      createdAt: change.at.toISOString(),
    })
    .returning({ seq: outbox.seq })
    .get();
  for (const field of Object.keys(baseRevs)) tx.insert(pendingFields).values({ seq, collection: change.collection, recordId: change.id, field }).run();
  return mutationId;
}

/**
 * The one way a local edit reaches the store: the record, one history row per field and one
 * outbox mutation carrying the cloud revisions the edit was based on (none when only fields of
 * this workstation changed; `mutationId` is then null). The caller runs it inside
 * a transaction together with its own checks, so either all of it is written or none.
 */
export function commitChange(tx: Tx, change: LocalChange): { mutationId: string | null } {
  const at = change.at.toISOString();
  const current = readRecord(tx, change.collection, change.id);
  const data = { ...(current?.data ?? {}), ...change.changes };
  if (current) {
    tx.update(records)
      .set({ data, updatedAt: at, updatedBy: change.by, deleted: false })
      .where(and(eq(records.collection, change.collection), eq(records.id, change.id)))
      .run();
  } else {
    tx.insert(records).values({ collection: change.collection, id: change.id, data, updatedAt: at, updatedBy: change.by }).run();
  }
  for (const [field, value] of Object.entries(change.changes)) {
    tx.insert(history)
      .values({
        collection: change.collection,
        recordId: change.id,
        field,
        oldValue: change.before[field] ?? null,
        newValue: value ?? null,
        at,
        by: change.by,
        origin: change.origin,
      })
      .run();
  }
  // Fields of this machine only (the receipt printer, the label to start at) stay here.
  const local = workstationFields(change.collection, change.id);
  const shared = Object.fromEntries(Object.entries(change.changes).filter(([field]) => !local.has(field)));
  if (Object.keys(shared).length === 0) return { mutationId: null };
  const revs = current?.revs ?? {};
  const baseRevs = Object.fromEntries(Object.keys(shared).map((field) => [field, revs[field] ?? 0]));
  return { mutationId: enqueue(tx, change, current || change.collection === 'settings' ? 'update' : 'create', shared, baseRevs) };
}

export interface HistoryEntry {
  at: string;
  by: string;
  origin: 'local' | 'sync' | 'resolution';
  oldValue: unknown;
  newValue: unknown;
}

/** The changes of one field, newest first. */
export function fieldHistory(tx: Tx | Orm, collection: string, id: string, field: string, limit = 50): HistoryEntry[] {
  return tx
    .select({ at: history.at, by: history.by, origin: history.origin, oldValue: history.oldValue, newValue: history.newValue })
    .from(history)
    .where(and(eq(history.collection, collection), eq(history.recordId, id), eq(history.field, field)))
    .orderBy(desc(history.id))
    .limit(limit)
    .all();
}

/**
 * Deleting is marking: the record stays (so sync can tell the cloud and history keeps its past),
 * flagged deleted, with a history row and an outbox mutation like any other change.
 */
export function commitDeletion(tx: Tx, change: Omit<LocalChange, 'changes' | 'before'>): { mutationId: string } {
  const at = change.at.toISOString();
  const current = readRecord(tx, change.collection, change.id);
  tx.update(records)
    .set({ deleted: true, updatedAt: at, updatedBy: change.by })
    .where(and(eq(records.collection, change.collection), eq(records.id, change.id)))
    .run();
  tx.insert(history)
    .values({ collection: change.collection, recordId: change.id, field: '_deleted', oldValue: false, newValue: true, at, by: change.by, origin: change.origin })
    .run();
  // The cloud deletes only when nobody changed the record since: it compares every field's revision we knew.
  return { mutationId: enqueue(tx, change, 'delete', {}, { ...current?.revs, _deleted: current?.revs._deleted ?? 0 }) };
}
