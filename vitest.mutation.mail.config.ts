import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant of the mail queue: a real SMTP server in this process
 * (test/smtpServer.ts), real SQLite files, the real keychain (the area runs inside
 * test/with-keychain.sh).
 */
export default defineConfig({
  test: {
    include: ['electron/services/mail/**/*.test.ts'],
    // The host killed (SIGKILL) between queueing and sending runs the queue in a child process,
    // which never sees the mutant Stryker switches on in this one.
    exclude: [...configDefaults.exclude, 'electron/services/mail/mailCrash.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    isolate: false,
  },
});
