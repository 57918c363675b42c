// Mutation testing of cloud/ (area `cloud`, see stryker.config.mjs): the sync protocol's push and
// pull, orders and the sales report, webhooks, the provider adapters, the routes and accounts.
import main from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...main,
  vitest: { configFile: 'vitest.mutation.cloud.config.ts' },
  mutate: [
    'cloud/**/*.ts',
    '!cloud/**/*.test.ts',
    '!cloud/test/**',
    // The command line only reads its arguments and calls the functions mutated here; cli.test.ts
    // runs it as a child process, which never sees a mutant.
    '!cloud/main.ts',
    // Wiring run once per test file, before any test (Stryker counts it as static and leaves it out):
    // opening and migrating the database, listening. PGlite's own path is not taken under the
    // shared PostgreSQL of this run, and the plain test run covers it.
    '!cloud/start.ts',
    '!cloud/db/connect.ts',
    '!cloud/db/migrate.ts',
    '!cloud/db/schema.ts',
    '!cloud/drizzle.config.ts',
  ],
  incrementalFile: 'reports/mutation/cloud/incremental.json',
  htmlReporter: { fileName: 'reports/mutation/cloud/index.html' },
  jsonReporter: { fileName: 'reports/mutation/cloud/mutation.json' },
};
