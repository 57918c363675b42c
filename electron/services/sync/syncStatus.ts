import type { LocalStore } from '../../../db/open';
import type { SyncProgress } from './syncEngine';
import { readSyncState } from './syncStateKeys';

/**
 * What the top bar shows about sync, always: the outbox size, the oldest pending change, the last
 * sync and the last error; and whether this workstation is paired, or "ontkoppeld" because the
 * cloud no longer accepts its token.
 */
export interface SyncStatus {
  /** notPaired: never paired (or unpaired by a person); unpaired: the cloud refused the token. */
  state: 'notPaired' | 'paired' | 'unpaired';
  connected: boolean;
  cloudAccount: string | null;
  cloudUrl: string | null;
  pending: number;
  rejected: number;
  conflicts: number;
  oldestPendingAt: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  /** Set while a run is busy: which phase, and how many records so far. */
  progress: SyncProgress | null;
  /** Whether everything the cloud had has been pulled once (a new workstation waits for this). */
  initialPullDone: boolean;
}

export function createSyncStatus(store: LocalStore, progress: () => SyncProgress | null = () => null) {
  // Read after every write, so no row of the outbox is read whole: the count walks the smallest
  // index, rejected rows have their own (partial) index, and the oldest pending row is the first by seq.
  const count = store.sqlite.prepare<[], { pending: number | null; rejected: number | null; oldest: string | null }>(
    `SELECT count(*) - (SELECT count(*) FROM outbox WHERE state = 'rejected') AS pending, (SELECT count(*) FROM outbox WHERE state = 'rejected') AS rejected,
       (SELECT created_at FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT 1) AS oldest FROM outbox`,
  );
  const openConflicts = store.sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM conflicts WHERE resolved_at IS NULL');
  return {
    read(): SyncStatus {
      // Stryker disable next-line ObjectLiteral: an aggregate query always returns its one row; the fallback is for the type only.
      const row = count.get() ?? { pending: 0, rejected: 0, oldest: null };
      const state = (key: Parameters<typeof readSyncState>[1]) => readSyncState(store.orm, key);
      const paired = state('cloudUrl') !== null;
      const unpaired = paired && state('unpairedReason') !== null;
      return {
        state: !paired ? 'notPaired' : unpaired ? 'unpaired' : 'paired',
        connected: paired && !unpaired,
        cloudAccount: state('cloudAccount'),
        cloudUrl: state('cloudUrl'),
        pending: row.pending ?? 0,
        rejected: row.rejected ?? 0,
        // Stryker disable next-line OptionalChaining: count(*) always returns its one row.
        conflicts: openConflicts.get()?.n ?? 0,
        oldestPendingAt: row.oldest,
        lastSyncAt: state('lastSyncAt'),
        lastError: state('lastError'),
        nextAttemptAt: state('nextAttemptAt'),
        progress: progress(),
        initialPullDone: state('initialPullDone') !== null,
      };
    },
  };
}

export type SyncStatusService = ReturnType<typeof createSyncStatus>;
