import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant: the domain's unit tests and the tests of the
 * services it mutates (real SQLite files in temporary folders; `npm run test:mutation` runs inside
 * test/with-keychain.sh). Left out: tests whose code runs in a child process, which never sees the
 * mutant Stryker switches on in this one.
 */
export default defineConfig({
  test: {
    include: [
      'domain/**/*.test.ts',
      'electron/services/settings/**/*.test.ts',
      'electron/services/templates/**/*.test.ts',
      'electron/services/printing/**/*.test.ts',
    ],
    // The settings store killed mid-write in a child process: the child runs unmutated code. The
    // random comparison of saves from the service's copy with fresh reads takes seconds and runs
    // every save path, so it would run again for nearly every mutant of the domain; the settings
    // tests beside it check each path on its own.
    exclude: [...configDefaults.exclude, 'electron/services/settings/crashSafety.test.ts', 'electron/services/settings/copyAgainstFreshRead.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
