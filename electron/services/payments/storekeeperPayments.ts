import type { LocalStore } from '../../../db/open';
import { failure, success, type Result } from '../../../domain/result';
import { storekeeperPaymentsSnapshot, type StorekeeperPaymentsSnapshot } from '../../../domain/storekeeperPayments';
import type { Lang } from '../../../domain/text';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { SecretStore } from '../secrets/secretStore';
import { readCache, writeCache } from '../store/localCache';
import { createCloudClient } from '../sync/cloudClient';
import { deviceTokenPurpose } from '../sync/syncEngine';
import { readSyncState } from '../sync/syncStateKeys';
import { describeSkPaymentsFailure, skPaymentsWords } from './storekeeperPaymentsWords';

const cacheKey = 'storekeeperPayments';

/**
 * StoreKeeper Payments is read-only here: a refresh asks the cloud (which asks StoreKeeper
 * Payments) and keeps the answer as the record ('cache', 'storekeeperPayments') for offline
 * viewing, with the moment it was fetched. A cache that does not match the schema (written by
 * another version) is treated as absent rather than shown wrong.
 */
export function readStorekeeperPayments(store: LocalStore): StorekeeperPaymentsSnapshot | null {
  const parsed = storekeeperPaymentsSnapshot.safeParse(readCache(store.sqlite, cacheKey)?.data);
  return parsed.success ? parsed.data : null;
}

export interface StorekeeperPaymentsDeps {
  store: LocalStore;
  secrets: SecretStore;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
}

export function createStorekeeperPayments({ store, secrets, clock, logger, fetch: fetchImpl }: StorekeeperPaymentsDeps) {
  return {
    /** The last answer, and whether a refresh could be asked at all (paired with a cloud). */
    read: () => ({ snapshot: readStorekeeperPayments(store), paired: readSyncState(store.orm, 'cloudUrl') !== null, now: clock.now().toISOString() }),

    /** Asks the cloud again; on any failure the cached answer stays as it was. */
    async refresh(lang: Lang): Promise<Result<StorekeeperPaymentsSnapshot>> {
      const baseUrl = readSyncState(store.orm, 'cloudUrl');
      if (baseUrl === null) return failure({ code: 'cloud_not_connected', message: skPaymentsWords('notPaired', lang) });
      const token = await secrets.reveal(deviceTokenPurpose(store));
      if (!token.ok) return token;
      if (token.value === null) return failure({ code: 'cloud_unpaired', message: skPaymentsWords('unpaired', lang) });
      const answer = await createCloudClient({ baseUrl, token: token.value, fetch: fetchImpl, timeoutMs: 30_000 }).get('/v1/storekeeper-payments', storekeeperPaymentsSnapshot);
      if (!answer.ok) {
        logger.warn('storekeeperPayments.refreshFailed', { kind: answer.failure.kind, message: answer.failure.message });
        return failure({ code: 'refresh_failed', message: describeSkPaymentsFailure(answer.failure, lang) });
      }
      writeCache(store.sqlite, cacheKey, answer.value, new Date(answer.value.fetchedAt));
      return success(answer.value);
    },
  };
}

export type StorekeeperPayments = ReturnType<typeof createStorekeeperPayments>;
