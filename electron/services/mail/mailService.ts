import { findTemplateKind, samplePlaceholderValues } from '../../../domain/lists/emailTemplates';
import { failure, success, type Result } from '../../../domain/result';
import { fill, type Lang } from '../../../domain/text';
import type { createListService } from '../lists/listService';
import type { Tx } from '../store/records';
import { createMailDelivery, type MailDeps } from './mailDelivery';
import { describeMailProblem, readProblem } from './mailProblems';
import { discardMail, dueMails, enqueueMail, nextDueAt, readMail, pruneDoneMails, recentMails, recoverInterrupted, requeueMail, type QueuedMail } from './mailQueue';
import { renderTemplateMail } from './templateMail';

type Lists = ReturnType<typeof createListService>;

export interface MailServiceDeps extends MailDeps {
  lists: Lists;
  /** For the jitter of the backoff; tests may fix it. */
  random?: () => number;
}

/** A row of Verzonden e-mail, in the reader's language. */
export interface SentMailRow {
  id: number;
  kind: string;
  to: string;
  subject: string;
  state: QueuedMail['state'];
  attempts: number;
  lastAnswer: string | null;
  problem: string | null;
  interrupted: boolean;
  messageId: string;
  createdAt: string;
  createdBy: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
}

const minute = 60_000;
const hour = 60 * minute;
/** A mail that could not go for a day is given up and shown as failed; the user can send it again. */
const giveUpAfter = 24 * hour;

const testMail = {
  subject: { nl: 'Test-e-mail van {shop}', en: 'Test e-mail from {shop}' },
  body: {
    nl: 'Dit is een test-e-mail, verstuurd door {by} vanuit Backoffice.\n\nAls u dit leest, kan {shop} e-mail versturen via de eigen mailserver. Tekens als € en ë komen ongeschonden aan.',
    en: 'This is a test e-mail, sent by {by} from Backoffice.\n\nIf you can read this, {shop} can send e-mail through its own mail server. Characters such as € and ë arrive intact.',
  },
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * E-mail of the shop: the test mail, template samples, template mails for events (queued in the
 * caller's transaction), the queue worker with backoff, and the Verzonden e-mail list.
 */
export function createMailService(deps: MailServiceDeps) {
  const { store, settings, lists, clock, logger } = deps;
  const { orm } = store;
  const random = deps.random ?? Math.random;
  const delivery = createMailDelivery(deps);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let started = false;

  const shopName = () => {
    const company = settings.readGroup('company.general');
    const values = company.ok ? company.value.values : {};
    return String(values.companyName || values.backOfficeName || 'Backoffice');
  };

  /** 30 s after the first failure, doubling to at most an hour, ±20 % so many shops do not retry in step. */
  function retryAt(mail: QueuedMail): Date | null {
    const now = clock.now().getTime();
    if (now - Date.parse(mail.createdAt) >= giveUpAfter) return null;
    const delay = Math.min(30_000 * 2 ** mail.attempts, hour);
    return new Date(now + delay * (0.8 + 0.4 * random()));
  }

  async function drain(): Promise<number> {
    let attempts = 0;
    for (let due = dueMails(orm, clock.now()); due.length > 0; due = dueMails(orm, clock.now())) {
      for (const mail of due) if (await delivery.deliverQueued(mail.id, retryAt)) attempts++;
    }
    // A workstation that runs for months without a restart still lets old mail go.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: pruning after an idle run too removes the same mails, at most a minute sooner; the condition only saves a query a minute
    if (attempts > 0) pruneDoneMails(orm, clock.now());
    return attempts;
  }

  /** Sends every mail whose time has come, one at a time; concurrent callers share one run. */
  function runDue(): Promise<number> {
    running ??= drain().finally(() => (running = null));
    return running;
  }

  function schedule(delay: number): void {
    if (!started) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void runDue()
        .catch((error: Error) => logger.error('mail.queueFailed', { error: error.message }))
        .then(() => {
          const next = nextDueAt(orm);
          schedule(next ? Math.min(Math.max(Date.parse(next) - clock.now().getTime(), 0), minute) : minute);
        });
    }, delay);
    // The queue never keeps a host alive on its own.
    timer.unref();
  }

  const wake = () => schedule(0);

  function row(mail: QueuedMail, lang: Lang): SentMailRow {
    const problem = readProblem(mail.lastProblem);
    return {
      id: mail.id,
      kind: mail.kind,
      to: mail.to,
      subject: mail.subject,
      state: mail.state,
      attempts: mail.attempts,
      lastAnswer: mail.lastAnswer,
      problem: problem && mail.state !== 'sent' ? describeMailProblem(problem, lang) : null,
      interrupted: mail.interrupted,
      messageId: mail.messageId,
      createdAt: mail.createdAt,
      createdBy: mail.createdBy,
      sentAt: mail.sentAt,
      nextAttemptAt: mail.state === 'queued' ? mail.nextAttemptAt : null,
    };
  }

  return {
    runDue,

    /** Only in the host that owns the data folder: mails a crash left `sending` go again, then the worker runs. */
    start(): void {
      if (started) return;
      const recovered = recoverInterrupted(orm, clock.now());
      if (recovered > 0) logger.warn('mail.recoveredInterrupted', { count: recovered });
      const pruned = pruneDoneMails(orm, clock.now());
      if (pruned > 0) logger.info('mail.pruned', { count: pruned });
      started = true;
      wake();
    },

    async stop(): Promise<void> {
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },

    sendTest(to: string, actor: { by: string; lang: Lang }) {
      const values = { shop: shopName(), by: actor.by };
      const body = fill(testMail.body[actor.lang], values);
      return delivery.sendNow(
        { kind: 'test', to, subject: fill(testMail.subject[actor.lang], values), html: escapeHtml(body), text: body, attachTerms: false, by: actor.by },
        actor.lang,
      );
    },

    /** A template as the user is editing it, filled with sample data, sent now to one address. */
    sendSample(input: { kind: string; to: string; subject: string; body: string }, actor: { by: string; lang: Lang }) {
      const template = findStoredTemplate(input.kind);
      const terms = settings.readGroup('orders.terms');
      const rendered = renderTemplateMail(
        { ...template, subjectNl: input.subject, bodyNl: input.body },
        samplePlaceholderValues,
        'nl',
        terms.ok ? String(terms.value.values.emailTermsText ?? '') : '',
      );
      return delivery.sendNow({ kind: input.kind, to: input.to, ...rendered, by: actor.by }, actor.lang);
    },

    /**
     * Queues the template mail for an event inside the caller's transaction, so the mail exists
     * exactly when the change that caused it does. Nothing is queued (and that is said) when the
     * template is switched off, or for an order confirmation the order settings do not send.
     */
    queueTemplate(tx: Tx, input: { kind: string; to: string; values: Readonly<Record<string, string>>; lang: Lang; by: string }): Result<QueuedMail | null> {
      if (!findTemplateKind(input.kind)) return failure({ code: 'unknown_template', message: input.kind });
      const template = findStoredTemplate(input.kind);
      if (template.enabled === false) return success(null);
      const processing = settings.readGroup('orders.processing');
      if (input.kind === 'orderConfirmation' && processing.ok && processing.value.values.sendOrderConfirmation === false) return success(null);
      const terms = settings.readGroup('orders.terms');
      const rendered = renderTemplateMail(template, input.values, input.lang, terms.ok ? String(terms.value.values.emailTermsText ?? '') : '');
      const mail = enqueueMail(tx, { kind: input.kind, to: input.to, ...rendered, by: input.by, at: clock.now(), domain: delivery.messageDomain() });
      // After the caller's transaction: if it rolled back, the worker simply finds nothing.
      setImmediate(wake);
      return success(mail);
    },

    list(lang: Lang, limit = 200): SentMailRow[] {
      return recentMails(orm, limit).map((mail) => row(mail, lang));
    },

    /** Sends again: a mail that never arrived keeps its Message-ID; a delivered one goes as a new mail. */
    resend(id: number, actor: { by: string; lang: Lang }): Result<SentMailRow> {
      const mail = readMail(orm, id);
      if (!mail || mail.state === 'sending') return failure({ code: 'mail.notResendable', message: notFound[actor.lang] });
      const again =
        mail.state === 'sent'
          ? enqueueMail(orm, { kind: mail.kind, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text, attachTerms: mail.attachTerms, by: actor.by, at: clock.now(), domain: delivery.messageDomain() })
          : requeueMail(orm, id, clock.now()) && readMail(orm, id);
      if (!again) return failure({ code: 'mail.notResendable', message: notFound[actor.lang] });
      deps.events?.emit('mail.changed', { id: again.id });
      wake();
      return success(row(again, actor.lang));
    },

    discard(id: number, lang: Lang): Result<SentMailRow> {
      if (!discardMail(orm, id)) return failure({ code: 'mail.notDiscardable', message: notDiscardable[lang] });
      deps.events?.emit('mail.changed', { id });
      return success(row(readMail(orm, id) as QueuedMail, lang));
    },
  };

  function findStoredTemplate(kind: string): Record<string, unknown> {
    const all = lists.list('emailTemplates');
    return (all.ok ? all.value.find((item) => item.id === kind)?.values : undefined) ?? {};
  }
}

const notFound = { nl: 'Deze mail bestaat niet (meer) of wordt nu verstuurd.', en: 'This mail does not exist (any more) or is being sent now.' };
const notDiscardable = { nl: 'Alleen een mail die wacht of mislukt is kan verwijderd worden.', en: 'Only a mail that is waiting or failed can be discarded.' };

export type MailService = ReturnType<typeof createMailService>;
