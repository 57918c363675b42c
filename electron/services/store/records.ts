import type Database from 'better-sqlite3';
import type { Orm } from '../../../db/open';
import { pendingOfNewRecord } from '../../../db/pendingFields';
import { catalogueVersion, workstationFields, type CollectionKey, type GroupKey, type GroupValues, type ItemValues } from '../../../domain/settings/catalogue';
import { newUuidV7 } from './uuidV7';
import { appendHistory, type HistoryOrigin } from './history';
import { statementsOf, type Handle, type Statements } from './statements';

export type { Handle } from './statements';

/** A drizzle transaction; every function here runs inside the caller's transaction. */
export type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];

export interface StoredRecord {
  data: Record<string, unknown>;
  revs: Record<string, number>;
  /** The fields pending outbox mutations wait on, with how many name each (see db/schema.ts). */
  pending: Record<string, number>;
  deleted: boolean;
  updatedAt: string;
  updatedBy: string;
}

interface RecordRow {
  id: string;
  data: string;
  revs: string;
  pending: string;
  deleted: number;
  updated_at: string;
  updated_by: string;
}

const toRecord = (row: RecordRow): StoredRecord => ({
  data: JSON.parse(row.data) as Record<string, unknown>,
  revs: JSON.parse(row.revs) as Record<string, number>,
  pending: JSON.parse(row.pending) as Record<string, number>,
  deleted: row.deleted === 1,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

export function readRecord(db: Handle, collection: string, id: string): StoredRecord | undefined {
  const row = statementsOf(db).readRecord.get(collection, id) as RecordRow | undefined;
  return row ? toRecord(row) : undefined;
}

/** The stored texts a record was read from: a later write names them to make sure the row is still the one read. */
export interface SeenRow {
  data: string;
  revs: string;
  pending: string;
  deleted: number;
}

/** A record with the texts it was read from, for `commitChangeIfUnchanged`. */
export function readRecordSeen(db: Handle, collection: string, id: string): { record: StoredRecord; seen: SeenRow } | undefined {
  const row = statementsOf(db).readRecord.get(collection, id) as RecordRow | undefined;
  return row ? { record: toRecord(row), seen: { data: row.data, revs: row.revs, pending: row.pending, deleted: row.deleted } } : undefined;
}

export function listRecords(db: Handle, collection: string): ({ id: string } & StoredRecord)[] {
  return (statementsOf(db).listRecords.all(collection) as RecordRow[]).map((row) => ({ id: row.id, ...toRecord(row) }));
}

/**
 * The typed views of stored records. Every stored value went through its field's schema on the
 * way in, so the declared type holds; partial, because a record holds only the fields ever
 * written (defaults are filled in by the services that show them).
 */
export function readGroupRecord<K extends GroupKey>(db: Handle, key: K): (StoredRecord & { data: Partial<GroupValues<K>> }) | undefined {
  return readRecord(db, 'settings', key) as (StoredRecord & { data: Partial<GroupValues<K>> }) | undefined;
}

export function listItemRecords<K extends CollectionKey>(db: Handle, key: K): ({ id: string } & StoredRecord & { data: Partial<ItemValues<K>> })[] {
  return listRecords(db, key) as ({ id: string } & StoredRecord & { data: Partial<ItemValues<K>> })[];
}

export interface LocalChange {
  collection: string;
  id: string;
  /** The values before the change, defaults filled in, so history shows what the user saw. */
  before: Readonly<Record<string, unknown>>;
  /** Only the fields that really change. */
  changes: Readonly<Record<string, unknown>>;
  /** The record as stored, when the caller has just read it (one read per write); read here otherwise. */
  current?: StoredRecord | null;
  by: string;
  /** The user's id for the outbox; `system` when no person made the change. */
  userId?: string;
  /** Handed in by the caller so a retried write is recognised; made here otherwise. */
  mutationId?: string;
  origin: 'local' | 'resolution';
  at: Date;
}

const deviceIds = new WeakMap<Database.Database, string>();

/**
 * This workstation's id, made once (UUIDv7) and kept in `meta`. Changes queued before the
 * outbox knew its device get it too, so every mutation names where it was made.
 */
export function deviceIdOf(db: Handle): string {
  return deviceIdFor(statementsOf(db));
}

function deviceIdFor(statements: Statements): string {
  const known = deviceIds.get(statements.connection);
  if (known) return known;
  let deviceId = (statements.readMeta.get('deviceId') as { value: string } | undefined)?.value;
  if (!deviceId) {
    deviceId = newUuidV7();
    statements.writeMeta.run('deviceId', deviceId);
    statements.connection.prepare("UPDATE outbox SET device_id = ? WHERE device_id = ''").run(deviceId);
  }
  deviceIds.set(statements.connection, deviceId);
  return deviceId;
}

type Op = 'create' | 'update' | 'delete';

/**
 * One outbox mutation, inside the caller's transaction; its `base_revs` name the fields that wait
 * for the cloud. Records go through `commitChange`, which also counts those fields in the record's
 * `pending`; only the password and PIN hashes, which live outside `records`, queue directly.
 */
export function enqueueMutation(
  db: Handle,
  change: Pick<LocalChange, 'collection' | 'id' | 'userId' | 'mutationId' | 'at'>,
  op: Op,
  changes: Record<string, unknown>,
  baseRevs: Record<string, number>,
  history: QueuedHistory | null = null,
  createdAt = change.at.toISOString(),
): string {
  return queue(statementsOf(db), change, op, JSON.stringify(changes), JSON.stringify(baseRevs), history ? JSON.stringify(history) : '', createdAt);
}

/** The outbox row itself, from JSON already made. */
function queue(
  statements: Statements,
  change: Pick<LocalChange, 'collection' | 'id' | 'userId' | 'mutationId' | 'at'>,
  op: Op,
  changes: string,
  baseRevs: string,
  history: string,
  createdAt: string,
): string {
  const mutationId = change.mutationId ?? newUuidV7();
  statements.insertOutbox.run(
    mutationId,
    deviceIdFor(statements),
    change.userId ?? 'system',
    op,
    change.collection,
    change.id,
    changes,
    baseRevs,
    catalogueVersion,
    createdAt,
    history,
  );
  if (change.mutationId) statements.rememberMutation.run(change.mutationId, change.collection, change.id, change.at.toISOString());
  return mutationId;
}

const json = (value: unknown) => JSON.stringify(value ?? null);

/**
 * The history rows of a queued change, kept in its outbox row until it leaves the outbox (see
 * db/schema.ts, `outbox.history`): who, how, and per field the old and the new value as JSON text.
 */
interface QueuedHistory {
  by: string;
  origin: HistoryOrigin;
  fields: [field: string, oldValue: string, newValue: string][];
}

/** The record's pending fields with a new mutation's fields counted in, as stored JSON. */
export function withPending(pending: Readonly<Record<string, number>> | undefined, fields: readonly string[]): string {
  return JSON.stringify(countPending(pending, fields));
}

function countPending(pending: Readonly<Record<string, number>> | undefined, fields: readonly string[]): Record<string, number> {
  const counted = { ...pending };
  for (const field of fields) counted[field] = (counted[field] ?? 0) + 1;
  return counted;
}

/**
 * The one way a local edit reaches the store: the record, one history row per field and one
 * outbox mutation carrying the cloud revisions the edit was based on (none when only fields of
 * this workstation changed; `mutationId` is then null). The history rows of the shared fields
 * wait in the outbox row and move to `history` when it leaves (db/schema.ts); those of
 * workstation fields go to `history` at once. The caller runs it inside a transaction together
 * with its own checks, so either all of it is written or none. Answers the record's data as now
 * stored, so the caller need not read it again.
 */
export function commitChange(db: Handle, change: LocalChange): { mutationId: string | null; data: Record<string, unknown>; at: string } {
  const current = change.current === undefined ? readRecord(db, change.collection, change.id) : change.current ?? undefined;
  // Without the texts read there is nothing to compare, so the write always happens.
  const { mutationId, record, at } = writeChange(statementsOf(db), db, change, current, null) as Written;
  return { mutationId, data: record.data, at };
}

/**
 * `commitChange` of a record the caller read before, perhaps in an earlier transaction: written
 * only when the stored row is still exactly the one read (`seen`). Otherwise nothing is written
 * and the answer is null: the row changed since (a pull, the cloud's answer, a revert), so the
 * caller reads it again and checks the change anew. Answers the record as now stored and the
 * texts it is stored as, for the caller's next write.
 */
export function commitChangeIfUnchanged(db: Handle, change: LocalChange & { current: StoredRecord }, seen: SeenRow): (Written & { seen: SeenRow }) | null {
  // Given the texts read, a write that happens answers the texts it stored.
  return writeChange(statementsOf(db), db, change, change.current, seen) as (Written & { seen: SeenRow }) | null;
}

interface Written {
  mutationId: string | null;
  record: StoredRecord;
  /** The texts the record is now stored as; only for a write that was given the ones it was read from. */
  seen: SeenRow | null;
  at: string;
}

function writeChange(statements: Statements, db: Handle, change: LocalChange, current: StoredRecord | undefined, seen: SeenRow | null): Written | null {
  const at = change.at.toISOString();
  const fields = Object.keys(change.changes);
  const data = { ...current?.data, ...change.changes };
  // Fields of this machine only (the receipt printer, the label to start at) stay here.
  const local = workstationFields(change.collection, change.id);
  const shared = local.size === 0 ? fields : fields.filter((field) => !local.has(field));
  // A record made anew may still be named by queued changes (removed as damaged at start-up): they keep waiting.
  const waiting = current ? current.pending : (JSON.parse(pendingOfNewRecord(statements.connection, change.collection, change.id)) as Record<string, number>);
  const pending = shared.length === 0 ? waiting : countPending(waiting, shared);
  const dataText = JSON.stringify(data);
  const pendingText = JSON.stringify(pending);
  if (seen) {
    const { changes } = statements.updateRecordIfSeen.run(dataText, pendingText, at, change.by, change.collection, change.id, seen.data, seen.revs, seen.pending, seen.deleted);
    if (changes === 0) return null;
  } else if (current) statements.updateRecord.run(dataText, pendingText, at, change.by, change.collection, change.id);
  else statements.insertRecord.run(change.collection, change.id, dataText, pendingText, at, change.by);
  const written = seen && { data: dataText, revs: seen.revs, pending: pendingText, deleted: 0 };
  const record: StoredRecord = { data, revs: current?.revs ?? {}, pending, deleted: false, updatedAt: at, updatedBy: change.by };
  if (shared.length < fields.length) {
    for (const field of fields) {
      if (local.has(field)) appendHistory(db, { collection: change.collection, recordId: change.id, field, oldValue: json(change.before[field]), newValue: json(change.changes[field]), at, by: change.by, origin: change.origin });
    }
  }
  if (shared.length === 0) return { mutationId: null, record, seen: written, at };
  const revs = record.revs;
  const changes: Record<string, unknown> = {};
  const baseRevs: Record<string, number> = {};
  const history: QueuedHistory = { by: change.by, origin: change.origin, fields: [] };
  for (const field of shared) {
    const value = change.changes[field];
    changes[field] = value;
    baseRevs[field] = revs[field] ?? 0;
    history.fields.push([field, json(change.before[field]), json(value)]);
  }
  const op = current || change.collection === 'settings' ? 'update' : 'create';
  const mutationId = queue(statements, change, op, JSON.stringify(changes), JSON.stringify(baseRevs), JSON.stringify(history), at);
  return { mutationId, record, seen: written, at };
}

export interface HistoryEntry {
  at: string;
  by: string;
  origin: HistoryOrigin;
  oldValue: unknown;
  newValue: unknown;
}

type HistoryRowOf = { at: string; by: string; origin: HistoryOrigin; old_value: string | null; new_value: string | null };

/**
 * The changes of one field, newest first: those still waiting for the cloud in the outbox, then
 * those in `history`. A waiting field is never written by a pull, an answer or a refusal's revert
 * (a refused change's rows move to `history` at the refusal), so every waiting change is newer than
 * all of `history`; the order is the order they were made in, whatever the clock said.
 */
export function fieldHistory(db: Handle, collection: string, id: string, field: string, limit = 50): HistoryEntry[] {
  const statements = statementsOf(db);
  // The record counts its waiting fields; one left out as damaged is counted from the outbox, as when it is made anew.
  const pending = readRecord(db, collection, id)?.pending ?? (JSON.parse(pendingOfNewRecord(statements.connection, collection, id)) as Record<string, number>);
  const waiting = Math.min(pending[field] ?? 0, limit);
  const queued = waiting === 0 ? [] : (statements.queuedHistory.all(collection, id, field, waiting) as HistoryRowOf[]);
  const kept = queued.length === limit ? [] : (statements.fieldHistory.all(collection, id, field, limit - queued.length) as HistoryRowOf[]);
  return [...queued, ...kept].map((row) => ({
    at: row.at,
    by: row.by,
    origin: row.origin,
    oldValue: row.old_value === null ? null : JSON.parse(row.old_value),
    newValue: row.new_value === null ? null : JSON.parse(row.new_value),
  }));
}

/**
 * Deleting is marking: the record stays (so sync can tell the cloud and history keeps its past),
 * flagged deleted, with a history row and an outbox mutation like any other change.
 */
export function commitDeletion(db: Handle, change: Omit<LocalChange, 'changes' | 'before'>): { mutationId: string } {
  const statements = statementsOf(db);
  const at = change.at.toISOString();
  const current = change.current === undefined ? readRecord(db, change.collection, change.id) : change.current ?? undefined;
  // The cloud deletes only when nobody changed the record since: it compares every field's revision we knew.
  const baseRevs = { ...current?.revs, _deleted: current?.revs._deleted ?? 0 };
  statements.markDeleted.run(withPending(current?.pending, Object.keys(baseRevs)), at, change.by, change.collection, change.id);
  const history: QueuedHistory = { by: change.by, origin: change.origin, fields: [['_deleted', 'false', 'true']] };
  return { mutationId: enqueueMutation(db, change, 'delete', {}, baseRevs, history, at) };
}

/**
 * A mutation id a caller handed in before: the record it wrote, so a retry answers with that
 * record instead of writing again.
 */
export function handledMutation(db: Handle, mutationId: string): { collection: string; recordId: string } | undefined {
  return statementsOf(db).handledMutation.get(mutationId) as { collection: string; recordId: string } | undefined;
}

/**
 * Whether a mutation id is already in the outbox. The cloud answers a repeated id with its first
 * answer, so a second change under a queued id would count as synced without ever arriving.
 */
export function queuedMutation(db: Handle, mutationId: string): boolean {
  return statementsOf(db).queuedMutation.get(mutationId) !== undefined;
}
