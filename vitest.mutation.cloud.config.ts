import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Stryker stops a mutant's run at the first failing test (bail), so the files that fail or finish
 * soonest go first: the file that caught the last mutant, then the quick ones. Vitest's own order
 * runs the slowest file first, which for a mutant the quick protocol tests catch means waiting on
 * every webshop's timeout before them.
 */
class QuickFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const state = (file: TestSpecification) => cache.getFileTestResults(`${file.project.name}:${path.relative(this.ctx.config.root, file.moduleId)}`);
    return [...files].sort((a, b) => {
      const [left, right] = [state(a), state(b)];
      if (Boolean(left?.failed) !== Boolean(right?.failed)) return left?.failed ? -1 : 1;
      return (left?.duration ?? 0) - (right?.duration ?? 0);
    });
  }
}

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
      // Two cloud instances racing for seconds on PostgreSQL's row locks: no single mutant of the
      // cloud's own code changes the locking alone (Stryker empties a SQL string as a whole, which
      // every push test notices), and every surviving push mutant would pay those seconds again.
      'cloud/concurrency.test.ts',
    ],
    globalSetup: ['test/mutation/cloudPostgres.ts'],
    testTimeout: 30_000,
    // A mutant's tests often span several files: they share the imports (fastify, drizzle, the
    // catalogue) instead of loading them again per file. Each file still makes its own cloud.
    isolate: false,
    sequence: { sequencer: QuickFilesFirst },
  },
});
