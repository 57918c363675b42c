import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant of cloud/ (stryker.cloud.config.mjs). The cloud runs
 * in the test worker over real HTTP on 127.0.0.1; its database is a real PostgreSQL cluster
 * started once for the run (test/mutation/cloudPostgres.ts), one database per test file copied
 * from a migrated template, instead of a PGlite folder per file: the cloud code under test is the
 * same on both, and the plain test run keeps testing PGlite.
 */
export default defineConfig({
  test: {
    include: ['cloud/**/*.test.ts'],
    exclude: [
      ...configDefaults.exclude,
      // The cloud's command line, started as a child process: the child runs unmutated code.
      'cloud/cli.test.ts',
    ],
    globalSetup: ['test/mutation/cloudPostgres.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
