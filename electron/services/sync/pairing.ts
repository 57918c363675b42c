import os from 'node:os';
import type { LocalStore } from '../../../db/open';
import { failure, success, type Result } from '../../../domain/result';
import type { Lang } from '../../../domain/text';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import type { SecretStore } from '../secrets/secretStore';
import { createCloudClient } from './cloudClient';
import { checkCloudUrl } from './cloudUrl';
import { syncMessage } from './syncMessages';
import { readSyncState, writeSyncState } from './syncStateKeys';
import { deviceTokenPurpose } from './syncEngine';

export interface PairingDeps {
  store: LocalStore;
  secrets: SecretStore;
  clock: Clock;
  logger: Logger;
  events?: EventBus;
  fetch?: typeof fetch;
  /** Told after pairing and unpairing, so the loop starts or stops. */
  onPaired(): void;
}

export interface PairInput {
  cloudUrl: unknown;
  code: unknown;
  deviceName?: string;
}

/**
 * Pairing a workstation with its shop in the cloud: a one-time code buys a device token, which goes
 * into the keychain and nowhere else (not SQLite, not the log, not the renderer). The shop's name
 * is kept to show which account this workstation belongs to. Unpairing removes the token; changes
 * made meanwhile stay in the outbox and are sent after pairing again.
 */
export function createPairing({ store, secrets, clock, logger, events, fetch: fetchImpl, onPaired }: PairingDeps) {
  const invalid = (field: 'cloudUrl' | 'code', message: string): Result<never> =>
    failure({ code: 'invalid', message, fields: [{ field, reason: 'invalid', message }] });

  return {
    async pair(input: PairInput, lang: Lang): Promise<Result<{ shopName: string }>> {
      const url = checkCloudUrl(input.cloudUrl);
      if (!url.ok) return invalid('cloudUrl', syncMessage(`cloudUrl.${url.reason}`, lang));
      const code = typeof input.code === 'string' ? input.code.trim() : '';
      if (code.length < 6 || code.length > 64) return invalid('code', syncMessage('pairingCode.required', lang));
      const current = readSyncState(store.orm, 'cloudAccount');
      if (current !== null && readSyncState(store.orm, 'unpairedReason') === null) {
        return failure({ code: 'already_paired', message: syncMessage('pair.already', lang, { shop: current }) });
      }

      const answer = await createCloudClient({ baseUrl: url.url, token: null, fetch: fetchImpl }).pair(code, input.deviceName ?? os.hostname().slice(0, 100));
      if (!answer.ok) {
        const detail = answer.failure.message;
        return answer.failure.kind === 'permanent' || answer.failure.kind === 'unauthorized'
          ? invalid('code', syncMessage('pairingCode.refused', lang, { detail }))
          : failure({ code: 'cloud_unreachable', message: syncMessage('pair.unreachable', lang, { detail }) });
      }
      const paired = answer.value;
      const previousShop = readSyncState(store.orm, 'shopId');
      if (previousShop !== null && previousShop !== paired.shopId) {
        return failure({ code: 'other_shop', message: syncMessage('pair.otherShop', lang, { shop: current ?? previousShop }) });
      }
      // The keychain first: if it cannot hold the token, nothing about the pairing is kept.
      const kept = await secrets.set(deviceTokenPurpose(store), paired.token, lang);
      if (!kept.ok) return kept;
      store.orm.transaction((tx) => {
        writeSyncState(tx, 'cloudUrl', url.url);
        writeSyncState(tx, 'cloudAccount', paired.shopName);
        writeSyncState(tx, 'shopId', paired.shopId);
        writeSyncState(tx, 'cloudDeviceId', paired.deviceId);
        writeSyncState(tx, 'unpairedReason', null);
        writeSyncState(tx, 'lastError', null);
        writeSyncState(tx, 'lastErrorAt', null);
        if (readSyncState(tx, 'pullCursor') === null) writeSyncState(tx, 'pullCursor', '0');
      });
      logger.info('sync.paired', { shopId: paired.shopId, deviceId: paired.deviceId, cloud: url.url, at: clock.now().toISOString() });
      events?.emit('sync.changed', {});
      onPaired();
      return success({ shopName: paired.shopName });
    },

    /** Forgets the token and the cloud; the shop id stays so this workstation cannot join another shop. */
    async unpair(lang: Lang): Promise<Result<null>> {
      if (readSyncState(store.orm, 'cloudUrl') === null) return failure({ code: 'not_paired', message: syncMessage('pair.notPaired', lang) });
      // Tell the cloud first, while the token is still here; offline, unpairing still goes ahead.
      const token = await secrets.reveal(deviceTokenPurpose(store));
      const cloudUrl = readSyncState(store.orm, 'cloudUrl');
      if (token.ok && token.value !== null && cloudUrl !== null) {
        const forgotten = await createCloudClient({ baseUrl: cloudUrl, token: token.value, fetch: fetchImpl, timeoutMs: 5_000 }).forget();
        if (!forgotten.ok) logger.warn('sync.unpairNotTold', { reason: forgotten.failure.message });
      }
      const cleared = await secrets.clear(deviceTokenPurpose(store), lang);
      if (!cleared.ok) return cleared;
      store.orm.transaction((tx) => {
        for (const key of ['cloudUrl', 'cloudAccount', 'cloudDeviceId', 'unpairedReason', 'lastError', 'lastErrorAt', 'nextAttemptAt'] as const) writeSyncState(tx, key, null);
      });
      logger.info('sync.unpaired', { by: 'user' });
      events?.emit('sync.changed', {});
      return success(null);
    },
  };
}

export type Pairing = ReturnType<typeof createPairing>;
