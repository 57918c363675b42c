import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against the mutants of the `services` area (stryker.services.config.mjs):
 * the lists and secrets tests, on real SQLite files and the real keychain
 * (`npm run test:mutation` runs inside test/with-keychain.sh).
 */
export default defineConfig({
  test: {
    include: ['electron/services/lists/**/*.test.ts', 'electron/services/secrets/**/*.test.ts'],
    exclude: [...configDefaults.exclude],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
