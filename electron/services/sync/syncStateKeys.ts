import { eq } from 'drizzle-orm';
import type { Orm } from '../../../db/open';
import { syncState } from '../../../db/schema';
import type { Tx } from '../store/records';

/**
 * What this workstation remembers about its cloud, in `sync_state`. The device token is not
 * here: it lives in the keychain only. `unpairedReason` is set when the cloud refused the token
 * (revoked device), which the top bar shows as "ontkoppeld".
 */
export type SyncStateKey =
  | 'cloudUrl'
  | 'cloudAccount'
  | 'shopId'
  | 'cloudDeviceId'
  | 'pullCursor'
  | 'lastSyncAt'
  | 'lastError'
  | 'lastErrorAt'
  | 'nextAttemptAt'
  | 'unpairedReason'
  | 'initialPullDone';

export function readSyncState(db: Tx | Orm, key: SyncStateKey): string | null {
  return db.select({ value: syncState.value }).from(syncState).where(eq(syncState.key, key)).get()?.value ?? null;
}

export function writeSyncState(db: Tx | Orm, key: SyncStateKey, value: string | null): void {
  if (value === null) {
    db.delete(syncState).where(eq(syncState.key, key)).run();
    return;
  }
  db.insert(syncState).values({ key, value }).onConflictDoUpdate({ target: syncState.key, set: { value } }).run();
}
