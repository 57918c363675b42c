// Mutation testing: Stryker changes the code in small ways (an anchor dropped, `>` made `>=`,
// a condition made `true`) and checks that some test fails. `npm run test:mutation` runs it
// incrementally against reports/mutation/incremental.json (committed), so after a small change
// only the mutants it touches are tested again; test/mutation/thresholds.ts then fails the run
// when a folder scores below 85 %.
//
// This is the main area. Further areas (slower tests: a cloud, an SMTP server or scrypt per test)
// each have a `stryker.<area>.config.mjs` that spreads this one and sets its own `mutate`, vitest
// config, incrementalFile and reports under reports/mutation/<area>/; test/mutation/run.ts runs
// them all in turn.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Forks, not Stryker's default worker threads (it overrides the vitest config's pool): keytar
  // (libsecret) loaded in several threads of one process hangs on a keychain write after a while,
  // and Stryker would count each such hang as a mutant killed by a timeout.
  vitest: { configFile: 'vitest.mutation.config.ts', pool: 'forks' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'domain/**/*.ts',
    '!domain/**/*.test.ts',
    '!domain/test/**',
    // The services whose tests run in seconds on real SQLite files. Lists and secrets are the area
    // `services` (stryker.services.config.mjs): their tests start the whole backend, so their first
    // run alone takes most of an hour here. Not yet mutated: access (see the note in
    // stryker.services.config.mjs). The sync engine, the mail queue and cloud/ have areas of their
    // own (their tests start a cloud or an SMTP server per test).
    'electron/services/settings/**/*.ts',
    'electron/services/templates/**/*.ts',
    'electron/services/printing/**/*.ts',
    '!electron/**/*.test.ts',
  ],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  timeoutMS: 10000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignoreStatic: true,
};
