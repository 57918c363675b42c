import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type LocalStore } from '../db/open';
import type { Clock } from '../electron/services/clock';
import { createMemoryLogger, type Logger } from '../electron/services/logger';
import { createSettingsService } from '../electron/services/settings/settingsService';
import { createBackoffice } from '../electron/services/backoffice';
import { confBacking } from '../electron/services/preferences/confBacking';
import type { KeychainBackend } from '../electron/services/secrets/secretStore';
import type { CarrierEndpoints } from '../electron/services/carriers/carrierService';
import type { ScryptCost } from '../electron/services/access/secretHash';

/** A clock that stands still until a test moves it, so timestamps in assertions are exact. */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => now, set: (next) => (now = new Date(next)) };
}

/** Real services on a real SQLite file in the given folder. */
export function settingsOn(dir: string, clock: Clock = fixedClock('2026-11-28T10:00:00Z')) {
  const store: LocalStore = openDatabase(path.join(dir, 'backoffice.sqlite'));
  const logger = createMemoryLogger();
  return { store, logger, settings: createSettingsService({ store, clock, logger }) };
}

/** The whole backend as a host builds it, on a real data folder; no keychain unless one is given. */
type BackofficeTestOptions = { clock?: Clock; keychain?: KeychainBackend | null; policyFile?: string; trustedCertificates?: string[]; carriers?: CarrierEndpoints; logger?: Logger; hashingCost?: ScryptCost };

export function backofficeOn(dir: string, options: BackofficeTestOptions = {}) {
  return createBackoffice({
    dataDir: dir,
    keychain: options.keychain ?? null,
    preferences: confBacking(dir),
    versions: { app: '0.0.0-test', electron: null, chromium: null, node: process.versions.node },
    host: 'web',
    resourcesDir: path.resolve(import.meta.dirname, '..', 'resources'),
    clock: options.clock,
    trustedCertificates: options.trustedCertificates,
    carriers: options.carriers,
    logger: options.logger ?? createMemoryLogger(),
    // Never the machine's own policy: a test names the policy it means.
    policyFile: options.policyFile ?? path.join(dir, 'policy.json'),
    hashingCost: options.hashingCost,
  });
}

/**
 * A scrypt cost a thousand times cheaper than the app's (N=2^10, r=8, p=1: about a millisecond),
 * for tests of who may sign in. Never for a test that syncs: the cloud refuses hashes of any cost
 * but the app's own sets, which `backofficeOn` keeps.
 */
export const cheapTestHashing: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

let migratedTemplate: string | null = null;

/** An empty database with every migration applied, made once per test process and copied per test. */
function migratedDatabase(): string {
  if (migratedTemplate) return migratedTemplate;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-template-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const template = openDatabase(path.join(dir, 'backoffice.sqlite'));
  template.close();
  migratedTemplate = template.path;
  return migratedTemplate;
}

/**
 * `backofficeOn` for the access, lists and secrets tests, which mutation testing runs hundreds of
 * times: the database is a copy of one migrated once per process (migrating costs most of a
 * fresh start; a second start on the same folder keeps its database) and passwords are hashed at `cheapTestHashing`. Not for tests of migrations,
 * start-up or sync.
 */
export function quickBackofficeOn(dir: string, options: BackofficeTestOptions = {}) {
  const file = path.join(dir, 'backoffice.sqlite');
  // A restart on the same folder opens the database the first start left.
  if (!fs.existsSync(file)) fs.copyFileSync(migratedDatabase(), file);
  return backofficeOn(dir, { hashingCost: cheapTestHashing, ...options });
}
