import type { Handle } from './records';
import { statementsOf } from './statements';

/**
 * How long the store keeps what it no longer needs, so it stays the same size however long a
 * shop uses it:
 * - history: per field the newest 50 changes (what the history view shows), and of those only
 *   the newest once they are older than two years — so the current value always says who set it;
 * - outbox: a mutation leaves the outbox when the cloud acknowledges it (the sync engine deletes
 *   the row, and its pending-field rows go with it); a rejected one stays until a person acts;
 * - handled mutation ids: 30 days, far longer than any client retries a lost answer.
 * Attachments are stored once by hash (the blobs table); nothing here copies them.
 */
export const retention = {
  historyPerField: 50,
  historyDays: 730,
  handledMutationDays: 30,
} as const;

const day = 24 * 60 * 60 * 1000;

export function pruneStore(db: Handle, now: Date): { history: number; handledMutations: number } {
  const { connection } = statementsOf(db);
  const historyBefore = new Date(now.getTime() - retention.historyDays * day).toISOString();
  const handledBefore = new Date(now.getTime() - retention.handledMutationDays * day).toISOString();
  return connection.transaction(() => {
    const history = connection
      .prepare(
        `DELETE FROM history WHERE id IN (
           SELECT id FROM (SELECT id, at, row_number() OVER (PARTITION BY collection, record_id, field ORDER BY id DESC) AS newer FROM history)
           WHERE newer > ? OR (newer > 1 AND at < ?))`,
      )
      .run(retention.historyPerField, historyBefore).changes;
    const handledMutations = connection.prepare('DELETE FROM handled_mutations WHERE handled_at < ?').run(handledBefore).changes;
    return { history, handledMutations };
  }).immediate();
}
