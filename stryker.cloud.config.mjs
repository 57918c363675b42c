// Mutation testing of cloud/ (area `cloud`, see stryker.config.mjs): the sync protocol's push and
// pull, orders and the sales report, webhooks, the provider adapters, the routes and accounts.
import main from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...main,
  vitest: { configFile: 'vitest.mutation.cloud.config.ts' },
  mutate: [
    // The folders holding the most logic first: the sync protocol (push, pull), orders and the
    // sales report, webhooks, and the routes in front of them.
    'cloud/push/**/*.ts',
    'cloud/pull.ts',
    'cloud/orders/**/*.ts',
    'cloud/webhooks/**/*.ts',
    'cloud/routes/sync.ts',
    'cloud/routes/orders.ts',
    'cloud/routes/webhooks.ts',
    'cloud/db/folderLock.ts',
    '!cloud/**/*.test.ts',
    // Not yet (about 700 mutants; on the shared two-core machine a first run of all of cloud/ took
    // about 3 s a mutant, more than this session had): accounts.ts, server.ts, errors.ts, the
    // provider adapters (providers/), and the routes for devices, blobs and the payment providers.
    // Wiring, never mutated: the command line (main.ts, run by cli.test.ts as a child process,
    // which never sees a mutant), and what runs once per test file before any test, which Stryker
    // counts as static and leaves out: start.ts, db/connect.ts, db/migrate.ts, db/schema.ts.
  ],
  incrementalFile: 'reports/mutation/cloud/incremental.json',
  htmlReporter: { fileName: 'reports/mutation/cloud/index.html' },
  jsonReporter: { fileName: 'reports/mutation/cloud/mutation.json' },
};
