import type { SMTPTransportOptions } from 'nodemailer/lib/smtp-transport';
import { isLoopbackHost } from '../../../domain/validators/hostname';
import type { SecretStore } from '../secrets/secretStore';
import type { GroupState } from '../settings/settingsService';
import type { MailProblem } from './mailProblems';

/** Who a mail is from, who replies go to, and who gets a blind copy: E-mailinstellingen. */
export interface Sender {
  from: { name: string; address: string };
  replyTo?: string;
  bcc?: string;
}

export interface SmtpConnection {
  host: string;
  transport: SMTPTransportOptions;
  sender: Sender;
}

export const passwordPurpose = 'settings:email.smtpPassword';

/** Either the connection, or why no attempt can be made. */
export type Loaded = { ok: true; connection: SmtpConnection } | { ok: false; problem: MailProblem };

export interface SmtpDeps {
  readEmailSettings(): GroupState['values'];
  secrets: SecretStore;
  /** Certificate authorities to trust instead of the system's; only tests hand their own CA. */
  trustedCertificates?: string[];
}

/**
 * Builds the nodemailer options from E-mailinstellingen and the password from the keychain.
 * Certificates are always verified; STARTTLS is required on a non-TLS port so a server that
 * drops STARTTLS cannot silently downgrade the session.
 */
export async function loadSmtpConnection({ readEmailSettings, secrets, trustedCertificates }: SmtpDeps): Promise<Loaded> {
  const values = readEmailSettings();
  const host = String(values.smtpHost ?? '').trim();
  const senderAddress = String(values.senderAddress ?? '').trim();
  if (host === '' || senderAddress === '') return { ok: false, problem: { reason: 'notConfigured' } };
  const security = String(values.smtpSecurity ?? 'starttls');
  if (security === 'none' && !isLoopbackHost(host)) return { ok: false, problem: { reason: 'insecureNotLocal', host } };

  const user = String(values.smtpUser ?? '').trim();
  let auth: SMTPTransportOptions['auth'];
  if (user !== '') {
    const password = await secrets.reveal(passwordPurpose);
    if (!password.ok) return { ok: false, problem: { reason: 'keychain' } };
    if (password.value === null) return { ok: false, problem: { reason: 'noPassword' } };
    auth = { user, pass: password.value };
  }

  const bcc = values.bccOwner === true && String(values.bccAddress ?? '') !== '' ? String(values.bccAddress) : undefined;
  const replyTo = String(values.replyTo ?? '').trim() || undefined;
  return {
    ok: true,
    connection: {
    host,
    transport: {
      host,
      port: Number(values.smtpPort ?? 587),
      secure: security === 'tls',
      requireTLS: security === 'starttls',
      ignoreTLS: security === 'none',
      auth,
      tls: { minVersion: 'TLSv1.2', rejectUnauthorized: true, ...(trustedCertificates ? { ca: trustedCertificates } : {}) },
      // A shop's connection can be slow, but the user waits on a test mail: half a minute at most.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    },
    sender: { from: { name: String(values.senderName ?? ''), address: senderAddress }, replyTo, bcc },
    },
  };
}
