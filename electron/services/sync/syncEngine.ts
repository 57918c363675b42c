import type { LocalStore } from '../../../db/open';
import { syncLimits, type Rejection } from '../../../domain/sync/protocol';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import type { SecretStore } from '../secrets/secretStore';
import { defaultBackoff, retryDelay, type BackoffPolicy } from './backoff';
import { createCloudClient, type CloudClient, type CloudFailure } from './cloudClient';
import { deviceIdOf } from '../store/records';
import type { BlobDownload } from '../attachments/attachmentService';
import type { SyncLedger } from './ledger';
import { readSyncState, writeSyncState } from './syncStateKeys';

/** The keychain entry of this workstation's device token, one per data folder's workstation id. */
export const deviceTokenPurpose = (store: LocalStore) => `cloud:deviceToken:${deviceIdOf(store.orm)}`;

export interface SyncEngineDeps {
  store: LocalStore;
  ledger: SyncLedger;
  secrets: SecretStore;
  clock: Clock;
  logger: Logger;
  events?: EventBus;
  fetch?: typeof fetch;
  random?: () => number;
  /** How often a paired workstation syncs when nothing happens locally. */
  intervalMs?: number;
  /** How soon after a local write its change is sent; writes in this window go together. */
  afterWriteMs?: number;
  backoff?: BackoffPolicy;
  batchSize?: number;
  pullPageSize?: number;
  requestTimeoutMs?: number;
}

/** How one run ended; the top bar and the tests read it. */
export type RunOutcome =
  | { status: 'synced'; pushed: number; pulled: number; conflicts: number; rejected: number }
  | { status: 'notPaired' | 'unpaired' | 'stopped' }
  | { status: 'retrying'; error: string; retryInMs: number };

export interface SyncProgress {
  phase: 'push' | 'pull';
  done: number;
}

/**
 * The sync loop of the host that owns the data folder: push the outbox in order, in batches, then
 * pull until the cloud has nothing newer. One run at a time; a run is started shortly after a local
 * write, on a timer, or by "Nu synchroniseren". Temporary failures back off with jitter; a 401
 * stops the loop in "ontkoppeld" until the workstation is paired again.
 */
export function createSyncEngine(deps: SyncEngineDeps) {
  const { store, ledger, secrets, clock, logger, events } = deps;
  const intervalMs = deps.intervalMs ?? 60_000;
  const afterWriteMs = deps.afterWriteMs ?? 1_000;
  const batchSize = Math.min(deps.batchSize ?? 200, syncLimits.mutationsPerPush);
  const pullPageSize = Math.min(deps.pullPageSize ?? 500, syncLimits.changesPerPull);
  let running: Promise<RunOutcome> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let dueAt = Infinity;
  let started = false;
  let failures = 0;
  let progress: SyncProgress | null = null;

  const state = (key: Parameters<typeof readSyncState>[1]) => readSyncState(store.orm, key);
  const changed = () => events?.emit('sync.changed', {});

  function schedule(delayMs: number): void {
    if (!started) return;
    const at = Date.now() + delayMs;
    if (timer && at >= dueAt) return;
    if (timer) clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(() => {
      timer = null;
      dueAt = Infinity;
      void runOnce();
    }, delayMs);
    timer.unref?.();
  }

  async function client(): Promise<CloudClient | 'notPaired' | 'unpaired'> {
    const baseUrl = state('cloudUrl');
    if (baseUrl === null) return 'notPaired';
    if (state('unpairedReason') !== null) return 'unpaired';
    const token = await secrets.reveal(deviceTokenPurpose(store));
    if (!token.ok) throw new Error(token.error.message);
    if (token.value === null) {
      markUnpaired('missing_token');
      return 'unpaired';
    }
    return createCloudClient({ baseUrl, token: token.value, fetch: deps.fetch, timeoutMs: deps.requestTimeoutMs });
  }

  function markUnpaired(reason: string): void {
    store.orm.transaction((tx) => {
      writeSyncState(tx, 'unpairedReason', reason);
      writeSyncState(tx, 'lastError', reason === 'missing_token' ? 'Het apparaattoken ontbreekt in de sleutelhanger' : 'De cloud kent dit apparaat niet meer');
      writeSyncState(tx, 'lastErrorAt', clock.now().toISOString());
    });
    logger.warn('sync.unpaired', { reason });
  }

  /** Mutations in order; a batch the cloud cannot read is split until the one culprit is rejected alone. */
  async function push(cloud: CloudClient): Promise<{ pushed: number; conflicts: number; rejected: number } | CloudFailure> {
    const tally = { pushed: 0, conflicts: 0, rejected: 0 };
    let size = batchSize;
    for (;;) {
      const batch = ledger.pendingBatch(size);
      if (batch.length === 0) return tally;
      progress = { phase: 'push', done: tally.pushed };
      for (const blob of ledger.blobsNamedBy(batch)) {
        const held = await cloud.hasBlob(blob.hash);
        if (!held.ok) return held.failure;
        const bytes = held.value ? null : blob.bytes();
        if (bytes) {
          const put = await cloud.putBlob(blob.hash, bytes);
          if (!put.ok) return put.failure;
        }
      }
      const answer = await cloud.push(batch);
      if (!answer.ok) {
        const { failure } = answer;
        if (failure.kind !== 'permanent') return failure;
        if (batch.length > 1) {
          // Stryker disable next-line MethodExpression: halving or going one at a time refuses the same culprit alone; only the number of requests differs
          size = Math.max(1, Math.floor(batch.length / 2));
          continue;
        }
        const reason: Rejection = { code: failure.code, message: { nl: `De cloud weigert deze wijziging: ${failure.message}`, en: `The cloud refuses this change: ${failure.message}` } };
        ledger.reject(batch[0]!.mutationId, reason);
        tally.rejected += 1;
        continue;
      }
      const outcome = ledger.recordOutcomes(batch, answer.value.results, clock.now());
      tally.pushed += outcome.acknowledged + outcome.rejected;
      tally.conflicts += outcome.conflicts;
      tally.rejected += outcome.rejected;
      size = batchSize;
      changed();
    }
  }

  async function pull(cloud: CloudClient): Promise<{ pulled: number; collections: Set<string> } | CloudFailure> {
    let pulled = 0;
    const collections = new Set<string>();
    for (let startedOver = false; ; ) {
      progress = { phase: 'pull', done: pulled };
      const answer = await cloud.pull(ledger.cursor(), pullPageSize);
      if (!answer.ok) return answer.failure;
      if (answer.value.kind === 'startOver') {
        // A second "start over" in one run would loop forever against a confused cloud.
        if (startedOver) return { kind: 'temporary', message: 'De cloud herkent de synchronisatiepositie niet' };
        startedOver = true;
        ledger.startOver();
        continue;
      }
      const page = answer.value;
      for (const collection of ledger.applyPulled(page.records, page.cursor).collections) collections.add(collection);
      pulled += page.records.length;
      if (!page.more) return { pulled, collections };
    }
  }

  /** One file from the cloud into the blobs table; a failure leaves it for the next time it is needed. */
  async function download(cloud: CloudClient, hash: string): Promise<BlobDownload> {
    const answer = await cloud.getBlob(hash);
    if (!answer.ok) return answer.failure.kind === 'permanent' && answer.failure.status === 404 ? 'notInCloud' : 'offline';
    if (ledger.keepBlob(hash, answer.value)) return 'stored';
    logger.warn('sync.blobDamaged', { hash, size: answer.value.length });
    return 'offline';
  }

  /** After a pull: the files the pulled records name are fetched now, so they are here before anyone is offline. */
  async function downloadMissing(cloud: CloudClient): Promise<void> {
    for (const hash of ledger.blobsMissing()) {
      const outcome = await download(cloud, hash);
      if (outcome !== 'stored') logger.warn('sync.blobNotDownloaded', { hash, outcome });
    }
  }

  function fail(failure: CloudFailure): RunOutcome {
    if (failure.kind === 'unauthorized') {
      // Stryker disable next-line StringLiteral: the reason is only logged; any reason but a missing token reads "ontkoppeld" with the same message
      markUnpaired('revoked');
      return { status: 'unpaired' };
    }
    failures += 1;
    // Stryker disable next-line ConditionalExpression: only a temporary failure carries retryAfterMs; for the others it is undefined, which retryDelay takes as 0 as well
    const retryInMs = retryDelay(failures, deps.backoff ?? defaultBackoff, deps.random, failure.kind === 'temporary' ? failure.retryAfterMs : 0);
    store.orm.transaction((tx) => {
      writeSyncState(tx, 'lastError', failure.message);
      // Stryker disable next-line StringLiteral,CallExpression: lastErrorAt is kept for whoever reads the database; the app shows lastError and nextAttemptAt
      writeSyncState(tx, 'lastErrorAt', clock.now().toISOString());
      writeSyncState(tx, 'nextAttemptAt', new Date(clock.now().getTime() + retryInMs).toISOString());
    });
    logger.warn('sync.failed', { kind: failure.kind, message: failure.message, attempt: failures, retryInMs });
    schedule(retryInMs);
    return { status: 'retrying', error: failure.message, retryInMs };
  }

  async function attempt(): Promise<RunOutcome> {
    const cloud = await client();
    if (cloud === 'notPaired' || cloud === 'unpaired') return { status: cloud };
    const pushed = await push(cloud);
    if ('kind' in pushed) return fail(pushed);
    const pulled = await pull(cloud);
    if ('kind' in pulled) return fail(pulled);
    await downloadMissing(cloud);
    failures = 0;
    store.orm.transaction((tx) => {
      writeSyncState(tx, 'lastSyncAt', clock.now().toISOString());
      writeSyncState(tx, 'lastError', null);
      writeSyncState(tx, 'lastErrorAt', null);
      writeSyncState(tx, 'nextAttemptAt', null);
      writeSyncState(tx, 'initialPullDone', 'yes');
    });
    for (const collection of pulled.collections) {
      if (collection === 'settings') events?.emit('settings.changed', { group: '*', by: 'sync' });
      else events?.emit('records.changed', { collection, by: 'sync' });
    }
    if (pushed.pushed + pulled.pulled > 0) logger.info('sync.done', { pushed: pushed.pushed, pulled: pulled.pulled, conflicts: pushed.conflicts });
    schedule(intervalMs);
    return { status: 'synced', pushed: pushed.pushed, pulled: pulled.pulled, conflicts: pushed.conflicts, rejected: pushed.rejected };
  }

  /** Runs now, or right after the run in progress (a write made during a push is not forgotten). */
  function runOnce(): Promise<RunOutcome> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        let outcome: RunOutcome;
        do {
          again = false;
          outcome = await attempt().catch((error: Error) => fail({ kind: 'temporary', message: error.message }));
        } while (again && outcome.status === 'synced');
        return outcome;
      } finally {
        running = null;
        progress = null;
        changed();
      }
    })();
    return running;
  }

  return {
    start(): void {
      if (started) return;
      started = true;
      schedule(0);
    },
    /** Stops the timer and waits for a run in progress, so closing the store never cuts a transaction. */
    async stop(): Promise<void> {
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
      dueAt = Infinity;
      await running;
    },
    /** Called after every committed local write. */
    nudge(): void {
      schedule(afterWriteMs);
    },
    /** "Nu synchroniseren": skips any backoff wait and reports how the run went. */
    async syncNow(): Promise<RunOutcome> {
      if (running) await running;
      failures = 0;
      return runOnce();
    },
    progress: (): SyncProgress | null => progress,
    /** A file a record names but this workstation lacks, fetched when someone wants to see or send it. */
    async fetchBlob(hash: string): Promise<BlobDownload> {
      // The keychain may refuse the token; the file then waits like any other offline moment.
      const cloud = await client().catch(() => null);
      if (cloud === null) return 'offline';
      return cloud === 'notPaired' || cloud === 'unpaired' ? 'notPaired' : download(cloud, hash);
    },
    /** After pairing anew the loop may run again. */
    resume(): void {
      failures = 0;
      schedule(0);
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
