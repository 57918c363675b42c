// Mutation testing of the sync engine (electron/services/sync): its tests run desktops on real
// SQLite folders against the real cloud on PGlite over HTTP on 127.0.0.1, with the device token in
// the real keychain, so this area runs inside test/with-keychain.sh. The cloud is started once per
// Stryker worker (vitest.mutation.sync.config.ts). See stryker.config.mjs for how areas work.
import main from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...main,
  // The engine's core, with the lines: pushing in batches, an unreadable batch split until its
  // culprit is refused alone with the cloud's reason (push), pulling in pages and "start over"
  // (pull), and a failure's retry with backoff and jitter or "ontkoppeld" (fail, backoff.ts);
  // conflicts and refused changes as the Conflicten screen shows and settles them (conflicts.ts);
  // the top bar's sync line (syncStatus.ts).
  // Left out for now, each because a first run of it does not fit the session on this two-core
  // machine (5 mutants a minute at best, the machine shared): the rest of syncEngine.ts (the timer,
  // one run at a time, the keychain token, blob downloads), merging answers and pulls into the
  // records (recordWriter.ts, sqliteLedger.ts, credentialWriter.ts), the HTTP client
  // (cloudClient.ts), pairing (pairing.ts, cloudUrl.ts) and the glue (syncService.ts,
  // deviceClient.ts, syncStateKeys.ts, recordFields.ts, syncMessages.ts).
  mutate: [
    'electron/services/sync/syncEngine.ts:107-166',
    'electron/services/sync/syncEngine.ts:184-202',
    'electron/services/sync/backoff.ts',
    'electron/services/sync/conflicts.ts',
    'electron/services/sync/syncStatus.ts',
  ],
  vitest: { ...main.vitest, configFile: 'vitest.mutation.sync.config.ts' },
  // The first run of every test (with the cloud started for each worker) takes 2–3 minutes on a
  // quiet machine and more than Stryker's default 5 on a busy one; a hang still ends.
  dryRunTimeoutMinutes: 15,
  incrementalFile: 'reports/mutation/sync/incremental.json',
  htmlReporter: { fileName: 'reports/mutation/sync/index.html' },
  jsonReporter: { fileName: 'reports/mutation/sync/mutation.json' },
};
