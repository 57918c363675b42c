import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant of the sync engine. One cloud on PGlite serves every
 * test file and every mutant of a Stryker worker (test/mutation/sharedCloudSetup.ts): Stryker runs
 * the covering tests again for each mutant, and a cloud costs ~5 s to start against a few hundred
 * ms for a test. The desktops under test run in the test worker, where the mutant is switched on.
 */
export default defineConfig({
  test: {
    include: ['electron/services/sync/**/*.test.ts'],
    exclude: [
      ...configDefaults.exclude,
      // The cloud runs in a child process there, the desktops are paired once in a beforeAll shared
      // by every test (coverage Stryker cannot give to a test), and two tests SIGKILL a child
      // process (~8 s each); syncEngine.test.ts puts the same faults to the engine in this process.
      'electron/services/sync/faults.test.ts',
      // Randomized: 6 runs of 3 desktops (~7 s) covering nearly the whole engine for every mutant;
      // what it checks (convergence, each conflict once) is pinned by the deterministic tests.
      'electron/services/sync/model.test.ts',
      // Every sign-in hashes a password with scrypt (~5 s a test); what it adds is the credentials
      // path (credentialWriter.ts), which this area does not mutate.
      'electron/services/sync/usersSync.test.ts',
    ],
    globalSetup: ['test/mutation/sharedCloudSetup.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
