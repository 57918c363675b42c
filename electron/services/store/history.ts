import type Database from 'better-sqlite3';
import { statementsOf, type Handle } from './statements';

export type HistoryOrigin = 'local' | 'sync' | 'resolution';

export interface HistoryRow {
  collection: string;
  recordId: string;
  field: string;
  /** JSON text. */
  oldValue: string;
  newValue: string;
  at: string;
  by: string;
  origin: HistoryOrigin;
}

interface LastIds {
  /** `PRAGMA data_version` when the ids were last right: it moves when another connection commits. */
  version: unknown;
  byField: Map<string, number>;
}

const lastIdsOf = new WeakMap<Database.Database, LastIds>();

/**
 * Appends one change of a field, inside the caller's transaction. History is ordered by field (see
 * db/schema.ts), and a row's id is the field's newest id plus one, so ids order the changes of a
 * field. The newest id of each field is kept per connection once looked up: looking it up in the
 * insert cost a write about a fifth of its CPU. A commit by another connection makes this
 * connection forget them all (data_version); a rolled-back insert only leaves a gap in the ids.
 */
export function appendHistory(db: Handle, row: HistoryRow): void {
  const statements = statementsOf(db);
  const version = statements.dataVersion.get();
  let lastIds = lastIdsOf.get(statements.connection);
  if (!lastIds || lastIds.version !== version) {
    lastIds = { version, byField: new Map() };
    lastIdsOf.set(statements.connection, lastIds);
  }
  const key = `${row.collection}\u0000${row.recordId}\u0000${row.field}`;
  const id = (lastIds.byField.get(key) ?? ((statements.lastHistoryId.get(row.collection, row.recordId, row.field) as number | undefined) ?? 0)) + 1;
  statements.insertHistory.run(id, row.collection, row.recordId, row.field, row.oldValue, row.newValue, row.at, row.by, row.origin);
  lastIds.byField.set(key, id);
}
