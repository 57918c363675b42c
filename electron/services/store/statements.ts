import type Database from 'better-sqlite3';
import type { Orm } from '../../../db/open';

type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];

/**
 * What the store functions accept: the better-sqlite3 connection itself (the services' hot
 * paths), or a drizzle handle or transaction on it (callers that mix in drizzle queries). All
 * of them reach the same connection, so statements run inside whatever transaction is open.
 */
export type Handle = Database.Database | Orm | Tx;

function connectionOf(handle: Handle): Database.Database {
  if ('prepare' in handle && typeof handle.prepare === 'function') return handle as Database.Database;
  if ('$client' in handle) return handle.$client as Database.Database;
  // A drizzle transaction keeps its connection in its session; drizzle has no public accessor for it.
  return (handle as unknown as { session: { client: Database.Database } }).session.client;
}

export type Statements = { connection: Database.Database } & Record<'readRecord' | 'listRecords' | 'updateRecord' | 'updateRecordIfSeen' | 'insertRecord' | 'markDeleted' | 'insertHistory' | 'lastHistoryId' | 'fieldHistory' | 'queuedHistory' | 'insertOutbox' | 'rememberMutation' | 'handledMutation' | 'queuedMutation' | 'readMeta' | 'writeMeta', Database.Statement>;

function prepare(connection: Database.Database): Statements {
  return {
    connection,
    readRecord: connection.prepare('SELECT id, data, revs, pending, deleted, updated_at, updated_by FROM records WHERE collection = ? AND id = ?'),
    listRecords: connection.prepare('SELECT id, data, revs, pending, deleted, updated_at, updated_by FROM records WHERE collection = ? ORDER BY id'),
    updateRecord: connection.prepare('UPDATE records SET data = ?, pending = ?, updated_at = ?, updated_by = ?, deleted = 0 WHERE collection = ? AND id = ?'),
    // The same, only while the row is exactly as the caller read it (records.ts, commitChangeIfUnchanged).
    updateRecordIfSeen: connection.prepare(
      'UPDATE records SET data = ?, pending = ?, updated_at = ?, updated_by = ?, deleted = 0 WHERE collection = ? AND id = ? AND data = ? AND revs = ? AND pending = ? AND deleted = ?',
    ),
    insertRecord: connection.prepare('INSERT INTO records (collection, id, data, pending, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)'),
    markDeleted: connection.prepare('UPDATE records SET deleted = 1, pending = ?, updated_at = ?, updated_by = ? WHERE collection = ? AND id = ?'),
    insertHistory: connection.prepare('INSERT INTO history (id, collection, record_id, field, old_value, new_value, at, by, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    lastHistoryId: connection.prepare('SELECT id FROM history WHERE collection = ? AND record_id = ? AND field = ? ORDER BY id DESC LIMIT 1').pluck(),
    fieldHistory: connection.prepare(
      'SELECT at, by, origin, old_value, new_value FROM history WHERE collection = ? AND record_id = ? AND field = ? ORDER BY id DESC LIMIT ?',
    ),
    // The outbox has no index on the record (one page less per local write): a field's history view
    // scans it from the newest change back, only as far as the record counts the field as waiting.
    queuedHistory: connection.prepare(
      `SELECT o.created_at AS at, json_extract(o.history, '$.by') AS by, json_extract(o.history, '$.origin') AS origin,
              json_extract(f.value, '$[1]') AS old_value, json_extract(f.value, '$[2]') AS new_value
       FROM outbox o, json_each(CASE WHEN json_valid(o.history) THEN o.history ELSE '{}' END, '$.fields') f
       WHERE o.collection = ? AND o.record_id = ? AND o.state = 'pending' AND o.history <> '' AND json_extract(CASE WHEN f.type = 'array' THEN f.value END, '$[0]') = ?
       ORDER BY o.seq DESC LIMIT ?`,
    ),
    insertOutbox: connection.prepare(
      `INSERT INTO outbox (mutation_id, device_id, user_id, op, collection, record_id, changes, base_revs, catalogue_version, created_at, history)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    rememberMutation: connection.prepare('INSERT INTO handled_mutations (mutation_id, collection, record_id, handled_at) VALUES (?, ?, ?, ?)'),
    handledMutation: connection.prepare('SELECT collection, record_id AS recordId FROM handled_mutations WHERE mutation_id = ?'),
    // Mutation ids have no index (one page less per local write), so this scans the outbox; only a
    // caller handing in its own id asks, and the app's own screens never do.
    queuedMutation: connection.prepare('SELECT 1 FROM outbox WHERE mutation_id = ? LIMIT 1'),
    readMeta: connection.prepare('SELECT value FROM meta WHERE key = ?'),
    writeMeta: connection.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  };
}

const prepared = new WeakMap<Database.Database, Statements>();

/**
 * The store's statements, prepared once per connection: building and preparing a query costs
 * about 15 times more than running a prepared one, and a write runs several.
 */
export function statementsOf(handle: Handle): Statements {
  const connection = connectionOf(handle);
  let statements = prepared.get(connection);
  if (!statements) {
    statements = prepare(connection);
    prepared.set(connection, statements);
  }
  return statements;
}
