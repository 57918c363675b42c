// Mutation testing of the mail queue (electron/services/mail): its tests send through a real SMTP
// server in the test process (smtp-server on 127.0.0.1) and the real keychain, so this area runs
// inside test/with-keychain.sh like the main one. See stryker.config.mjs for how areas work.
import main from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...main,
  // The queue itself (mailQueue.ts: enqueueing in the caller's transaction, claiming, marking,
  // recovery after a crash, resend, discard, pruning), the worker's retry (mailService.ts: the
  // backoff, giving up after a day, draining what is due, one run at a time), the reasons in words
  // (mailProblems.ts), the message layout (composeMail.ts) and template rendering (templateMail.ts).
  // Left out for now, each because a first run of it does not fit the session on this two-core
  // machine (5 mutants a minute at best, the machine shared): the rest of mailService.ts (the
  // timer, the test mail and samples, queueing a template, Verzonden e-mail rows), one attempt
  // over SMTP (mailDelivery.ts) and the SMTP transport options (smtpSettings.ts, whose mutants
  // mostly make nodemailer wait out its own 15 s timeouts).
  mutate: [
    'electron/services/mail/mailQueue.ts',
    'electron/services/mail/mailService.ts:72-94',
    'electron/services/mail/mailProblems.ts',
    'electron/services/mail/composeMail.ts',
    'electron/services/mail/templateMail.ts',
  ],
  vitest: { ...main.vitest, configFile: 'vitest.mutation.mail.config.ts' },
  incrementalFile: 'reports/mutation/mail/incremental.json',
  htmlReporter: { fileName: 'reports/mutation/mail/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mail/mutation.json' },
};
