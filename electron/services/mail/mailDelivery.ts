import nodemailer from 'nodemailer';
import type { LocalStore } from '../../../db/open';
import { failure, success, type Result } from '../../../domain/result';
import type { Lang } from '../../../domain/text';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import type { SecretStore } from '../secrets/secretStore';
import type { createSettingsService } from '../settings/settingsService';
import { attachmentOf, imageRefusal, sniffAttachmentType } from '../../../domain/attachments';
import type { AttachmentService } from '../attachments/attachmentService';
import { composeMail, type MailAssets, type Upload } from './composeMail';
import { describeMailProblem, explainSmtpError, isPermanent, type MailProblem } from './mailProblems';
import { claimMail, enqueueMail, markNotSent, markSent, readMail, type NewMail, type QueuedMail } from './mailQueue';
import { loadSmtpConnection } from './smtpSettings';

type Settings = ReturnType<typeof createSettingsService>;

export interface MailDeps {
  store: LocalStore;
  settings: Settings;
  secrets: SecretStore;
  clock: Clock;
  logger: Logger;
  events?: EventBus;
  /** The blobs table the logo and the terms PDF are read from when a mail is sent. */
  attachments: Pick<AttachmentService, 'content'>;
  /** Certificate authorities to trust instead of the system's; only tests hand their own CA. */
  trustedCertificates?: string[];
}

/** What one attempt gave: the server's answer, or why not. */
export type Attempt = { ok: true; answer: string } | { ok: false; problem: MailProblem; answer: string | null };

const settingsValues = (settings: Settings, group: string) => {
  const state = settings.readGroup(group);
  return state.ok ? state.value.values : {};
};

/**
 * Delivery of one queued mail over the shop's SMTP server, and the bookkeeping around it. The
 * row is marked `sending` (committed) before the server is contacted and `sent` after its 250,
 * so a crash in between leaves a row that says so.
 */
export function createMailDelivery({ store, settings, secrets, clock, logger, events, attachments, trustedCertificates }: MailDeps) {
  const { orm } = store;

  /** A file named by a setting, from this workstation or fetched from the cloud; null when there is none or it cannot be had now. */
  async function upload(value: unknown): Promise<Upload | null | 'notDownloaded'> {
    const ref = attachmentOf(value);
    if (!ref) return null;
    const content = await attachments.content(ref.hash);
    return content.state === 'ready' ? { mime: content.type, bytes: Buffer.from(content.base64, 'base64') } : 'notDownloaded';
  }

  function isSafeImage(bytes: Buffer): boolean {
    const type = sniffAttachmentType(bytes);
    return type !== null && type !== 'application/pdf' && imageRefusal(bytes, type) === null;
  }

  async function assets(): Promise<MailAssets | 'termsNotDownloaded'> {
    const company = settingsValues(settings, 'company.general');
    const terms = settingsValues(settings, 'orders.terms');
    const pdf = terms.generalTermsFormat === 'pdf' ? await upload(terms.generalTermsPdf) : null;
    // Terms the shop chose must go with the mail; a logo that is not here yet is left out rather than hold the mail back.
    if (pdf === 'notDownloaded') return 'termsNotDownloaded';
    const logo = await upload(company.logo);
    // Checked again as it goes out: a logo stored by an older version was never checked, and an
    // SVG with a script must not reach a customer's inbox. Such a logo is left out.
    const safeLogo = logo && logo !== 'notDownloaded' && isSafeImage(logo.bytes) ? logo : null;
    const text = terms.generalTermsFormat === 'text' && typeof terms.generalTermsText === 'string' && terms.generalTermsText.trim() !== '' ? terms.generalTermsText : null;
    return {
      shopName: String(company.companyName || company.backOfficeName || ''),
      logo: safeLogo,
      terms: pdf ? { pdf } : text ? { text } : null,
    };
  }

  async function attempt(mail: QueuedMail): Promise<Attempt> {
    const loaded = await loadSmtpConnection({ readEmailSettings: () => settingsValues(settings, 'email'), secrets, trustedCertificates });
    if (!loaded.ok) return { ok: false, problem: loaded.problem, answer: null };
    const { host, transport, sender } = loaded.connection;
    const carried = await assets();
    if (carried === 'termsNotDownloaded') return { ok: false, problem: { reason: 'termsNotDownloaded' }, answer: null };
    const transporter = nodemailer.createTransport(transport);
    try {
      const info = await transporter.sendMail(composeMail(mail, sender, carried));
      return { ok: true, answer: info.response };
    } catch (error) {
      const problem = explainSmtpError(error, host);
      // The log gets the reason code and the server's answer, never the message or a password.
      logger.warn('mail.notSent', { id: mail.id, reason: problem.reason, detail: problem.detail ?? '' });
      return { ok: false, problem, answer: (error as { response?: string }).response ?? null };
    } finally {
      transporter.close();
    }
  }

  /** The domain a Message-ID is made under: the sender's, so receiving servers accept it. */
  function messageDomain(): string {
    const address = String(settingsValues(settings, 'email').senderAddress ?? '');
    return address.split('@')[1] || 'backoffice.invalid';
  }

  /**
   * Sends a mail now and reports the server's answer; for the test mail and a template sample,
   * where a person is waiting. The row is kept so Verzonden e-mail shows it; it is not retried.
   */
  async function sendNow(mail: Omit<NewMail, 'domain' | 'state' | 'at'>, lang: Lang): Promise<Result<{ id: number; answer: string; messageId: string }>> {
    const row = enqueueMail(orm, { ...mail, at: clock.now(), domain: messageDomain(), state: 'sending' });
    events?.emit('mail.changed', { id: row.id });
    const outcome = await attempt(row);
    if (outcome.ok) markSent(orm, row.id, outcome.answer, clock.now());
    else markNotSent(orm, row.id, { problem: outcome.problem, answer: outcome.answer, retryAt: null });
    events?.emit('mail.changed', { id: row.id });
    if (!outcome.ok) return failure({ code: `mail.${outcome.problem.reason}`, message: describeMailProblem(outcome.problem, lang) });
    return success({ id: row.id, answer: outcome.answer, messageId: row.messageId });
  }

  /** One queued mail: claim it, try it, record the outcome; the retry time (or none: give up) comes from the caller's backoff. */
  async function deliverQueued(id: number, retryAt: (mail: QueuedMail) => Date | null): Promise<Attempt | null> {
    if (!claimMail(orm, id)) return null;
    const mail = readMail(orm, id);
    if (!mail) return null;
    events?.emit('mail.changed', { id });
    const outcome = await attempt(mail);
    if (outcome.ok) markSent(orm, id, outcome.answer, clock.now());
    else {
      const next = isPermanent(outcome.problem) ? null : retryAt(mail);
      const problem: MailProblem = next || isPermanent(outcome.problem) ? outcome.problem : { reason: 'gaveUp', last: outcome.problem };
      markNotSent(orm, id, { problem, answer: outcome.answer, retryAt: next });
    }
    events?.emit('mail.changed', { id });
    return outcome;
  }

  return { sendNow, deliverQueued, messageDomain };
}

export type MailDelivery = ReturnType<typeof createMailDelivery>;
