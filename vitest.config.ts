import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['domain/**/*.test.ts', 'db/**/*.test.ts', 'electron/**/*.test.ts', 'bench/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts', 'cloud/**/*.test.ts'],
    // Real SQLite files, real child processes and a real keychain: give slow disks room.
    testTimeout: 30_000,
    pool: 'forks',
    // CI sums every runner's counts from these reports into one line (see .ci/run).
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
  },
});
