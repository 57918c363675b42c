import type { LocalStore } from '../../../db/open';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { ListService } from '../lists/listService';
import type { Logger } from '../logger';
import type { SecretStore } from '../secrets/secretStore';
import type { PolicyService } from '../policy/policyService';
import type { SettingsService } from '../settings/settingsService';
import { createConflictService } from './conflicts';
import { createPairing } from './pairing';
import { createSqliteLedger } from './sqliteLedger';
import { createSyncEngine, type SyncEngineDeps } from './syncEngine';
import { createSyncStatus } from './syncStatus';

export interface SyncServiceDeps {
  store: LocalStore;
  secrets: SecretStore;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  settings: SettingsService;
  lists: ListService;
  /** A pull never overwrites a field IT locked on this machine. */
  policy: Pick<PolicyService, 'isLocked'>;
  /** Timings and transport, for tests and benchmarks; the defaults suit a shop. */
  engine?: Pick<SyncEngineDeps, 'fetch' | 'random' | 'intervalMs' | 'afterWriteMs' | 'backoff' | 'batchSize' | 'pullPageSize' | 'requestTimeoutMs'>;
}

/**
 * Everything about the cloud one workstation has: status, the loop, pairing, conflicts and
 * refused changes. The loop only runs after `start()`, which the host owning the data folder calls.
 */
export function createSyncService(deps: SyncServiceDeps) {
  const { store, secrets, clock, logger, events } = deps;
  const engine = createSyncEngine({ store, secrets, clock, logger, events, ledger: createSqliteLedger(store, deps.policy), ...deps.engine });
  const status = createSyncStatus(store, engine.progress);
  const pairing = createPairing({ store, secrets, clock, logger, events, fetch: deps.engine?.fetch, onPaired: () => engine.resume() });
  const conflicts = createConflictService({ store, clock, settings: deps.settings, lists: deps.lists, events, onWrite: () => engine.nudge() });
  let unsubscribe: (() => void) | null = null;

  return {
    read: status.read,
    pairing,
    conflicts,
    syncNow: engine.syncNow,
    fetchBlob: engine.fetchBlob,
    start(): void {
      // A local write (not one the sync itself made) is sent shortly after.
      unsubscribe ??= events.subscribe((name, payload) => {
        if ((name === 'settings.changed' || name === 'records.changed') && (payload as { by: string }).by !== 'sync') engine.nudge();
      });
      engine.start();
    },
    async stop(): Promise<void> {
      unsubscribe?.();
      unsubscribe = null;
      await engine.stop();
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
