import type Database from 'better-sqlite3';

/**
 * `records.pending` names the fields a record's pending outbox mutations change, with how many
 * name each (db/schema.ts); a pull keeps those fields' local values. Local writes and answers keep
 * the count as they go. This counts it afresh from the outbox, as migration 0010 first did, for
 * when the record's own count is missing or unreadable: a record put back from a backup, made
 * again while its changes still wait, or with a damaged count on disk. The outbox has no index on
 * the record, so this reads it whole (about 4 ms at 10,000 queued changes): it runs when a record
 * is repaired, and for a record made anew only while `recordsLeftOut` says one may be named.
 */
const countFromOutbox = `SELECT json_group_object(field, n) FROM (
  SELECT f.key AS field, count(*) AS n FROM outbox o, json_each(o.base_revs) f
  WHERE o.collection = ? AND o.record_id = ? AND o.state = 'pending' AND json_valid(o.base_revs) GROUP BY f.key
)`;

interface Statements {
  count: Database.Statement<[string, string], string>;
  leftOut: Database.Statement<[string], number>;
}

/** Prepared once per connection: a new record asks on every list item made and every record a pull brings. */
const prepared = new WeakMap<Database.Database, Statements>();

function statementsOn(sqlite: Database.Database): Statements {
  let statements = prepared.get(sqlite);
  if (!statements) {
    statements = {
      count: sqlite.prepare<[string, string], string>(countFromOutbox).pluck(),
      leftOut: sqlite.prepare<[string], number>('SELECT 1 FROM meta WHERE key = ?').pluck(),
    };
    prepared.set(sqlite, statements);
  }
  return statements;
}

/** The record's waiting fields as `records.pending` stores them: JSON text, '{}' when nothing waits. */
export function pendingFromOutbox(sqlite: Database.Database, collection: string, id: string): string {
  return statementsOn(sqlite).count.get(collection, id) ?? '{}';
}

/**
 * Set when the start-up check removed a damaged record that no backup had intact: only then can
 * queued changes name a record that is not there, so only then does a record made anew (a new
 * list item, a record a pull brings) need its waiting fields counted from the outbox. Cleared by
 * pruning once nothing is queued.
 */
export const recordsLeftOut = 'recordsLeftOutWhileQueued';

export function markRecordsLeftOut(sqlite: Database.Database): void {
  sqlite.prepare("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(recordsLeftOut);
}

/** The waiting fields of a record about to be made: none, unless records were left out (see above). */
export function pendingOfNewRecord(sqlite: Database.Database, collection: string, id: string): string {
  return statementsOn(sqlite).leftOut.get(recordsLeftOut) === undefined ? '{}' : pendingFromOutbox(sqlite, collection, id);
}
