import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against the mutants of the `access` area (stryker.access.config.mjs): the
 * access service's own tests, on real SQLite files and the real keychain (`npm run test:mutation`
 * runs inside test/with-keychain.sh). None of them runs the service in a child process.
 */
export default defineConfig({
  test: {
    include: ['electron/services/access/**/*.test.ts'],
    exclude: [...configDefaults.exclude],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
