import path from 'node:path';
import { openDatabase, type LocalStore } from '../db/open';
import type { Clock } from '../electron/services/clock';
import { createMemoryLogger, type Logger } from '../electron/services/logger';
import { createSettingsService } from '../electron/services/settings/settingsService';
import { createBackoffice } from '../electron/services/backoffice';
import { confBacking } from '../electron/services/preferences/confBacking';
import type { KeychainBackend } from '../electron/services/secrets/secretStore';
import type { CarrierEndpoints } from '../electron/services/carriers/carrierService';

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
export function backofficeOn(dir: string, options: { clock?: Clock; keychain?: KeychainBackend | null; policyFile?: string; trustedCertificates?: string[]; carriers?: CarrierEndpoints; logger?: Logger } = {}) {
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
  });
}
