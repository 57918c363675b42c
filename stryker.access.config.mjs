// Mutation testing, area `access`: sign-in, sessions, password rules and the password/PIN hashes.
// An area of its own because its tests hash with scrypt (at the cheap test cost, see
// cheapTestHashing) on real SQLite files; the main area (stryker.config.mjs) explains the set-up.
import main from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...main,
  mutate: ['electron/services/access/**/*.ts', '!electron/**/*.test.ts'],
  vitest: { ...main.vitest, configFile: 'vitest.mutation.access.config.ts' },
  incrementalFile: 'reports/mutation/access/incremental.json',
  htmlReporter: { fileName: 'reports/mutation/access/index.html' },
  jsonReporter: { fileName: 'reports/mutation/access/mutation.json' },
};
