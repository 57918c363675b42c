import { eq } from 'drizzle-orm';
import type { LocalStore } from '../../../db/open';
import { syncState } from '../../../db/schema';

/** What the top bar shows about sync: always the outbox size, oldest pending change, last sync and last error. */
export interface SyncStatus {
  connected: boolean;
  cloudAccount: string | null;
  pending: number;
  rejected: number;
  oldestPendingAt: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
}

export function createSyncStatus(store: LocalStore) {
  const state = (key: string) => store.orm.select({ value: syncState.value }).from(syncState).where(eq(syncState.key, key)).get()?.value ?? null;
  const count = store.sqlite.prepare(
    "SELECT sum(state = 'pending') AS pending, sum(state = 'rejected') AS rejected, min(CASE WHEN state = 'pending' THEN created_at END) AS oldest FROM outbox",
  );
  return {
    read(): SyncStatus {
      const row = count.get() as { pending: number | null; rejected: number | null; oldest: string | null };
      return {
        // No cloud account is linked until the sync engine is configured; until then nothing is sent.
        connected: state('cloudAccount') !== null,
        cloudAccount: state('cloudAccount'),
        pending: row.pending ?? 0,
        rejected: row.rejected ?? 0,
        oldestPendingAt: row.oldest,
        lastSyncAt: state('lastSyncAt'),
        lastError: state('lastError'),
      };
    },
  };
}

export type SyncStatusService = ReturnType<typeof createSyncStatus>;
