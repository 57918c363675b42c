// Mutation testing of cloud/ (area `cloud`, see stryker.config.mjs): the sync protocol's push and
// pull, orders and the sales report, webhooks. The tests run as vitest.mutation.cloud.config.ts says.
import main from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...main,
  vitest: { configFile: 'vitest.mutation.cloud.config.ts' },
  mutate: [
    // The folders holding the most logic: the sync protocol (push, pull), orders and the sales
    // report, webhooks, and the lock that keeps a second cloud off a PGlite data folder.
    'cloud/push/**/*.ts',
    'cloud/pull.ts',
    'cloud/orders/**/*.ts',
    'cloud/db/folderLock.ts',
    'cloud/webhooks/**/*.ts',
    '!cloud/**/*.test.ts',
    // Not yet: a first run here costs 5 to 15 s a mutant on the shared two-core machine (a mutant's
    // tests start a cloud per file and talk to it over HTTP), and this area's first run of the
    // files above took the session's time. Next, in this order: the routes (sync, orders,
    // webhooks, devices, blobs, payment providers), accounts.ts, server.ts and errors.ts, and the
    // provider adapters (providers/).
    // Never: the command line (main.ts, run by cli.test.ts as a child process, which never sees a
    // mutant), and what runs once per test file before any test, which Stryker counts as static
    // and leaves out: start.ts, db/connect.ts, db/migrate.ts, db/schema.ts.
  ],
  incrementalFile: 'reports/mutation/cloud/incremental.json',
  htmlReporter: { fileName: 'reports/mutation/cloud/index.html' },
  jsonReporter: { fileName: 'reports/mutation/cloud/mutation.json' },
};
