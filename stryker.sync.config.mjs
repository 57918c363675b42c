// Mutation testing of the sync engine (electron/services/sync): its tests run desktops on real
// SQLite folders against the real cloud on PGlite over HTTP on 127.0.0.1, with the device token in
// the real keychain, so this area runs inside test/with-keychain.sh. The cloud is started once per
// Stryker worker (vitest.mutation.sync.config.ts). See stryker.config.mjs for how areas work.
import main from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...main,
  // The loop itself: push in batches with the culprit of an unreadable batch refused alone, pull in
  // pages, "start over", retry with backoff and jitter, "ontkoppeld", one run at a time.
  // Left out for now, each because a first run of it does not fit the session on this two-core
  // machine (about 10 s a mutant): merging answers and pulls into the records (recordWriter.ts,
  // sqliteLedger.ts, credentialWriter.ts), conflicts and refused changes as shown (conflicts.ts),
  // the HTTP client (cloudClient.ts), pairing (pairing.ts, cloudUrl.ts), the status read
  // (syncStatus.ts) and the small glue files (syncService.ts, deviceClient.ts, syncStateKeys.ts,
  // recordFields.ts, syncMessages.ts).
  mutate: ['electron/services/sync/syncEngine.ts', 'electron/services/sync/backoff.ts'],
  vitest: { ...main.vitest, configFile: 'vitest.mutation.sync.config.ts' },
  incrementalFile: 'reports/mutation/sync/incremental.json',
  htmlReporter: { fileName: 'reports/mutation/sync/index.html' },
  jsonReporter: { fileName: 'reports/mutation/sync/mutation.json' },
};
