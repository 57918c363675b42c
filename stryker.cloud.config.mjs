// Mutation testing of cloud/ (area `cloud`, see stryker.config.mjs): the sync protocol's push and
// pull, orders and the sales report, webhooks, the routes and the server. The tests run as
// vitest.mutation.cloud.config.ts says.
import main from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...main,
  vitest: { configFile: 'vitest.mutation.cloud.config.ts' },
  mutate: [
    // The sync protocol (push, pull), orders and the sales report, webhooks, the lock that keeps a
    // second cloud off a PGlite data folder, every route, and what all requests go through: the
    // device token and pairing (accounts.ts), the server's refusals and its overload and outage
    // answers (server.ts, errors.ts, httpError.ts).
    'cloud/push/**/*.ts',
    'cloud/pull.ts',
    'cloud/orders/**/*.ts',
    'cloud/db/folderLock.ts',
    'cloud/webhooks/**/*.ts',
    'cloud/routes/**/*.ts',
    'cloud/accounts.ts',
    'cloud/server.ts',
    'cloud/errors.ts',
    'cloud/httpError.ts',
    '!cloud/**/*.test.ts',
    // Not yet: the provider adapters (providers/: Pay.nl, StoreKeeper Payments, the webshop hook).
    // A first run here costs 5 to 15 s a mutant on the shared two-core machine (a mutant's tests
    // start a cloud per file and talk to it over HTTP, and a surviving mutant waits on every
    // provider stand-in's timeout), and the routes and the server took this session's run. Their
    // refusals are tested through the routes (providerRefusals.test.ts, paymentProvider.test.ts,
    // storekeeperPayments.test.ts, webhooks*.test.ts).
    // Never: the command line (main.ts, run by cli.test.ts as a child process, which never sees a
    // mutant), and what runs once per test file before any test, which Stryker counts as static
    // and leaves out: start.ts, db/connect.ts, db/migrate.ts, db/schema.ts.
  ],
  incrementalFile: 'reports/mutation/cloud/incremental.json',
  htmlReporter: { fileName: 'reports/mutation/cloud/index.html' },
  jsonReporter: { fileName: 'reports/mutation/cloud/mutation.json' },
};
