import type Database from 'better-sqlite3';

/**
 * `records.pending` names the fields a record's pending outbox mutations change, with how many
 * name each (db/schema.ts); a pull keeps those fields' local values. Local writes and answers keep
 * the count as they go. This counts it afresh from the outbox, as migration 0010 first did, for
 * when the record's own count is missing or unreadable: a record put back from a backup, made
 * again while its changes still wait, or with a damaged count on disk. The outbox has no index on
 * the record, so this reads it whole; it runs only when a record is made or repaired.
 */
const countFromOutbox = `SELECT json_group_object(field, n) FROM (
  SELECT f.key AS field, count(*) AS n FROM outbox o, json_each(o.base_revs) f
  WHERE o.collection = ? AND o.record_id = ? AND o.state = 'pending' AND json_valid(o.base_revs) GROUP BY f.key
)`;

const prepared = new WeakMap<Database.Database, Database.Statement<[string, string], string>>();

/** The record's waiting fields as `records.pending` stores them: JSON text, '{}' when nothing waits. */
export function pendingFromOutbox(sqlite: Database.Database, collection: string, id: string): string {
  let statement = prepared.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare<[string, string], string>(countFromOutbox).pluck();
    prepared.set(sqlite, statement);
  }
  return statement.get(collection, id) ?? '{}';
}
