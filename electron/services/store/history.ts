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

/**
 * Appends one change of a field to `history`, inside the caller's transaction: what a pull brings
 * and changes of workstation fields (a queued local change keeps its rows in the outbox until it
 * leaves, see db/schema.ts). History is ordered by field, and a row's id is the field's newest id
 * plus one, so ids order the changes of a field. Looked up for every row: the outbox trigger and
 * other connections add rows too, so an id remembered here could already be taken.
 */
export function appendHistory(db: Handle, row: HistoryRow): void {
  const statements = statementsOf(db);
  const id = ((statements.lastHistoryId.get(row.collection, row.recordId, row.field) as number | undefined) ?? 0) + 1;
  statements.insertHistory.run(id, row.collection, row.recordId, row.field, row.oldValue, row.newValue, row.at, row.by, row.origin);
}
