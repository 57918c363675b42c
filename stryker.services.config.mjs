// Mutation testing, area `services`: the lists and secrets services. An area of its own because
// their tests start the whole backend on a real SQLite file (a copy of a migrated one, see
// quickBackofficeOn in test/services.ts); the main area (stryker.config.mjs) explains the set-up.
import main from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...main,
  mutate: ['electron/services/lists/**/*.ts', 'electron/services/secrets/**/*.ts', '!electron/**/*.test.ts'],
  // Forks like the main area: in worker threads keytar can hang on a write, and a hang would count as a kill.
  vitest: { ...main.vitest, configFile: 'vitest.mutation.services.config.ts' },
  incrementalFile: 'reports/mutation/services/incremental.json',
  htmlReporter: { fileName: 'reports/mutation/services/index.html' },
  jsonReporter: { fileName: 'reports/mutation/services/mutation.json' },
};
