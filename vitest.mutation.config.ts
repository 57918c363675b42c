import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant: the unit tests under Node that need no browser,
 * keychain session or database server, so a mutant's verdict depends on the code alone.
 */
export default defineConfig({
  test: {
    include: ['domain/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
