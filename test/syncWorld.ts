import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newPairingCode, newShop } from '../cloud/accounts';
import { startCloud, type RunningCloud } from '../cloud/start';
import { cloudStorage, type CloudBackend } from './cloudBackends';
import { workstationFields } from '../domain/settings/catalogue';
import { createBackoffice, type BackofficeOptions } from '../electron/services/backoffice';
import type { Clock } from '../electron/services/clock';
import { createMemoryLogger } from '../electron/services/logger';
import { confBacking } from '../electron/services/preferences/confBacking';
import { loadKeytar } from '../electron/services/secrets/keytarBackend';

/**
 * Real parts for the sync suites: the reference cloud on 127.0.0.1, on embedded PGlite or a real
 * PostgreSQL (see cloudBackends.ts), and desktops that are whole backends on their own SQLite data
 * folders, with the real keychain. Sync runs when a test says so ("Nu synchroniseren"), so the
 * order of events is the test's.
 */
export async function cloudForShop(name = 'Fietsenwinkel De Spaak', backend: CloudBackend = 'PGlite', options: Pick<Parameters<typeof startCloud>[0], 'webhooks' | 'storekeeperPayments' | 'now'> = {}) {
  const storage = await cloudStorage(backend);
  const cloud = await startCloud({ database: storage.choice, ...options });
  const shop = await newShop(cloud.database.db, name);
  return {
    cloud,
    shop,
    pairingCode: async () => (await newPairingCode(cloud.database.db, shop.id)).code,
    async close() {
      await cloud.close();
      await storage.remove();
    },
  };
}

export type Desktop = Awaited<ReturnType<typeof openDesktop>>;

/** A desktop on its own data folder; `sync` overrides the engine's timings (a test that lets the loop run on its own). */
export async function openDesktop(dir: string, options: { clock?: Clock; fetch?: typeof fetch; policyFile?: string; sync?: BackofficeOptions['sync'] } = {}) {
  const logger = createMemoryLogger();
  const keychain = await loadKeytar(logger);
  if (!keychain) throw new Error('These tests need the keychain: run them through test/with-keychain.sh');
  const office = createBackoffice({
    dataDir: dir,
    keychain,
    preferences: confBacking(dir),
    versions: { app: '0.0.0-test', electron: null, chromium: null, node: process.versions.node },
    host: 'web',
    resourcesDir: path.resolve(import.meta.dirname, '..', 'resources'),
    clock: options.clock,
    logger,
    // Never the machine's own policy: a test names the policy it means.
    policyFile: options.policyFile ?? path.join(dir, 'policy.json'),
    sync: { fetch: options.fetch, intervalMs: 3_600_000, afterWriteMs: 3_600_000, backoff: { baseMs: 10, maxMs: 50 }, requestTimeoutMs: 10_000, random: () => 0.5, ...options.sync },
  });
  return { office, dir, logger, sync: office.services.sync, settings: office.services.settings, lists: office.services.lists };
}

export function tempFolder(prefix = 'backoffice-sync-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function pairDesktop(desktop: Desktop, cloudUrl: string, code: string): Promise<void> {
  const paired = await desktop.sync.pairing.pair({ cloudUrl, code, deviceName: path.basename(desktop.dir) }, 'nl');
  if (!paired.ok) throw new Error(`pairing failed: ${paired.error.message}`);
}

/** The shop's synced records as the desktop holds them: collection/id -> data, deleted ones left out. */
export function syncedState(desktop: Desktop): Record<string, Record<string, unknown>> {
  const rows = desktop.office.store.sqlite.prepare('SELECT collection, id, data, deleted FROM records ORDER BY collection, id').all() as { collection: string; id: string; data: string; deleted: number }[];
  return Object.fromEntries(rows.filter((row) => row.deleted === 0).map((row) => [`${row.collection}/${row.id}`, JSON.parse(row.data) as Record<string, unknown>]));
}

export type { RunningCloud };

/** What the cloud holds, read over the wire by a workstation of its own, in the shape of `syncedState`. */
export async function cloudReferee(cloudUrl: string, code: string): Promise<(url?: string) => Promise<Record<string, Record<string, unknown>>>> {
  const { pair, workstation } = await import('../cloud/test/harness');
  const paired = await pair(cloudUrl, code, 'Scheidsrechter');
  return async (url = cloudUrl) => {
    const referee = workstation(url, paired);
    const state: Record<string, Record<string, unknown>> = {};
    for (let after = '0'; ; ) {
      const page = await referee.pull(after, 1000);
      if (page.kind !== 'changes') throw new Error('the cloud asked to start over from 0');
      for (const record of page.records) {
        if (record.deleted) delete state[`${record.collection}/${record.recordId}`];
        else state[`${record.collection}/${record.recordId}`] = record.data;
      }
      after = page.cursor;
      if (!page.more) return state;
    }
  };
}

export async function cloudState(cloudUrl: string, code: string): Promise<Record<string, Record<string, unknown>>> {
  return (await cloudReferee(cloudUrl, code))();
}

/** A desktop's synced records without the fields that belong to that machine only. */
export function sharedState(desktop: Desktop): Record<string, Record<string, unknown>> {
  const state = syncedState(desktop);
  return Object.fromEntries(
    Object.entries(state).map(([key, data]) => {
      const [collection, id] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
      const local = workstationFields(collection, id);
      return [key, Object.fromEntries(Object.entries(data).filter(([field]) => !local.has(field)))];
    }),
  );
}
