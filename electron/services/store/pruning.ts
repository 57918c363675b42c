import type { Handle } from './records';
import { statementsOf } from './statements';
import { recordsLeftOut } from '../../../db/pendingFields';

/**
 * How long the store keeps what it no longer needs, so it stays the same size however long a
 * shop uses it:
 * - history: per field the newest 50 changes (what the history view shows), and of those only
 *   the newest once they are older than two years — so the current value always says who set it;
 * - outbox: a mutation leaves the outbox when the cloud acknowledges it (the sync engine deletes
 *   the row, and counts its fields off the record's `pending`); a rejected one stays until a person acts;
 * - waiting fields counted in records: cleared whenever the outbox holds nothing pending;
 * - handled mutation ids: 30 days, far longer than any client retries a lost answer.
 * - files (the blobs table): kept while a record, a kept history row, the outbox or a conflict
 *   names them; a file nothing names any more (replaced long ago, or chosen and never saved)
 *   goes after a day, so a form still open with a fresh upload keeps its file.
 */
export const retention = {
  historyPerField: 50,
  historyDays: 730,
  handledMutationDays: 30,
  unusedFileDays: 1,
} as const;

const day = 24 * 60 * 60 * 1000;

/** Every JSON column that can hold an attachment reference. */
const namedBy = [
  'SELECT 1 FROM records WHERE instr(data, blobs.hash) > 0 OR instr(ifnull(base, \'\'), blobs.hash) > 0',
  'SELECT 1 FROM history WHERE instr(ifnull(old_value, \'\'), blobs.hash) > 0 OR instr(ifnull(new_value, \'\'), blobs.hash) > 0',
  // A queued change names the file it replaced in its waiting history rows (outbox.history).
  'SELECT 1 FROM outbox WHERE instr(changes, blobs.hash) > 0 OR instr(history, blobs.hash) > 0',
  'SELECT 1 FROM conflicts WHERE instr(ifnull(base, \'\') || ifnull(mine, \'\') || ifnull(theirs, \'\'), blobs.hash) > 0',
].map((query) => `NOT EXISTS (${query})`).join(' AND ');

export function pruneStore(db: Handle, now: Date): { history: number; handledMutations: number; files: number; pendingCleared: number } {
  const { connection } = statementsOf(db);
  const historyBefore = new Date(now.getTime() - retention.historyDays * day).toISOString();
  const handledBefore = new Date(now.getTime() - retention.handledMutationDays * day).toISOString();
  return connection.transaction(() => {
    const history = connection
      .prepare(
        // By the whole key: an id orders the changes of its own field only.
        `DELETE FROM history WHERE (collection, record_id, field, id) IN (
           SELECT collection, record_id, field, id FROM (
             SELECT collection, record_id, field, id, at, row_number() OVER (PARTITION BY collection, record_id, field ORDER BY id DESC) AS newer FROM history)
           WHERE newer > ? OR (newer > 1 AND at < ?))`,
      )
      .run(retention.historyPerField, historyBefore).changes;
    // A change still queued (offline for weeks) keeps its id known, so the caller's retry gets the first
    // answer instead of a refusal; the outbox is scanned once per pruning, in the background.
    const handledMutations = connection
      .prepare('DELETE FROM handled_mutations WHERE handled_at < ? AND mutation_id NOT IN (SELECT mutation_id FROM outbox)')
      .run(handledBefore).changes;
    const filesBefore = new Date(now.getTime() - retention.unusedFileDays * day).toISOString();
    const files = connection.prepare(`DELETE FROM blobs WHERE created_at < ? AND ${namedBy}`).run(filesBefore).changes;
    // With nothing pending in the outbox no field waits: a count left in a record (an outbox row removed
    // some other way than by the cloud's answer) would keep the cloud's values out of that field for good.
    const pendingCleared = connection
      .prepare("UPDATE records SET pending = '{}' WHERE pending <> '{}' AND NOT EXISTS (SELECT 1 FROM outbox WHERE state = 'pending')")
      .run().changes;
    // Nothing queued can name a record left out as damaged any more: new records need no count from the outbox.
    connection.prepare("DELETE FROM meta WHERE key = ? AND NOT EXISTS (SELECT 1 FROM outbox WHERE state = 'pending')").run(recordsLeftOut);
    return { history, handledMutations, files, pendingCleared };
  }).immediate();
}
