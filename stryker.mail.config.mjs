// Mutation testing of the mail queue (electron/services/mail): its tests send through a real SMTP
// server in the test process (smtp-server on 127.0.0.1) and the real keychain, so this area runs
// inside test/with-keychain.sh like the main one. See stryker.config.mjs for how areas work.
import main from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...main,
  // The queue itself: enqueueing in the caller's transaction, claiming, retry with backoff, giving
  // up after a day, recovery after a crash, resend and discard. Left out for now, each because a
  // first run of it does not fit the session on this two-core machine (about 10 s a mutant): the
  // SMTP transport options (smtpSettings.ts: most of its mutants make nodemailer wait out its own
  // 15 s timeouts), the reasons in words (mailProblems.ts), one attempt over SMTP
  // (mailDelivery.ts), the message layout (composeMail.ts) and template rendering (templateMail.ts).
  mutate: ['electron/services/mail/mailQueue.ts', 'electron/services/mail/mailService.ts'],
  vitest: { ...main.vitest, configFile: 'vitest.mutation.mail.config.ts' },
  incrementalFile: 'reports/mutation/mail/incremental.json',
  htmlReporter: { fileName: 'reports/mutation/mail/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mail/mutation.json' },
};
