import { fill, type Lang, type Text } from '../../../domain/text';

/**
 * Why a mail did not go, as a reason the user can act on. Stored with the queued mail as data
 * (not as a sentence) so the Verzonden e-mail view says it in the reader's language.
 */
export interface MailProblem {
  reason: MailReason;
  host?: string;
  /** The server's own answer or the system's short message; never a stack. */
  detail?: string;
  /** For `gaveUp`: the problem of the last attempt. */
  last?: MailProblem;
}

const texts = {
  notConfigured: {
    nl: 'Vul bij E-mailinstellingen de SMTP-server en het e-mailadres van de afzender in.',
    en: 'Fill in the SMTP server and the sender address in E-mail settings.',
  },
  insecureNotLocal: {
    nl: 'Zonder beveiliging mag alleen naar een server op deze computer (localhost) gemaild worden. Kies bij Beveiliging STARTTLS of SSL/TLS voor {host}.',
    en: 'Without security, mail may only go to a server on this computer (localhost). Choose STARTTLS or SSL/TLS under Security for {host}.',
  },
  noPassword: {
    nl: 'Het SMTP-wachtwoord is niet ingesteld. Vul het in bij E-mailinstellingen.',
    en: 'The SMTP password is not set. Enter it in E-mail settings.',
  },
  keychain: {
    nl: 'Het SMTP-wachtwoord kan niet uit de sleutelhanger van het systeem gelezen worden. Meld u opnieuw aan bij het systeem of vraag de systeembeheerder.',
    en: "The SMTP password cannot be read from the system's keychain. Sign in to the system again or ask your IT administrator.",
  },
  auth: {
    nl: 'De server {host} weigert gebruiker of wachtwoord. Controleer de SMTP-gebruikersnaam en het SMTP-wachtwoord. (Antwoord: {detail})',
    en: 'The server {host} refuses the user name or password. Check the SMTP user name and password. (Answer: {detail})',
  },
  certExpired: {
    nl: 'Het certificaat van {host} is verlopen, dus de verbinding is niet veilig en er is niets verstuurd. Vraag de beheerder van de mailserver het certificaat te vernieuwen.',
    en: 'The certificate of {host} has expired, so the connection is not safe and nothing was sent. Ask the mail server administrator to renew it.',
  },
  certUntrusted: {
    nl: 'Het certificaat van {host} wordt niet vertrouwd ({detail}), dus de verbinding is niet veilig en er is niets verstuurd. Controleer de naam van de SMTP-server of vraag de beheerder van de mailserver.',
    en: 'The certificate of {host} is not trusted ({detail}), so the connection is not safe and nothing was sent. Check the SMTP server name or ask the mail server administrator.',
  },
  certWrongHost: {
    nl: 'Het certificaat van de server hoort niet bij de naam {host}. Gebruik de naam die uw provider opgeeft.',
    en: 'The server certificate does not belong to the name {host}. Use the name your provider gives.',
  },
  tlsMismatch: {
    nl: 'De beveiliging past niet bij de poort van {host}: gebruik STARTTLS met poort 587 of SSL/TLS met poort 465.',
    en: 'The security does not match the port of {host}: use STARTTLS with port 587 or SSL/TLS with port 465.',
  },
  noGreeting: {
    nl: 'De server {host} meldt zich niet. Meestal past de beveiliging niet bij de poort (SSL/TLS hoort bij poort 465, STARTTLS bij 587); anders is de server overbelast. De mail blijft bewaard en wordt later opnieuw verstuurd.',
    en: 'The server {host} does not greet. Usually the security does not match the port (SSL/TLS belongs to port 465, STARTTLS to 587); otherwise the server is overloaded. The mail is kept and will be sent again later.',
  },
  termsNotDownloaded: {
    nl: 'De algemene voorwaarden (PDF) zijn op een andere werkplek gekozen en nog niet gedownload, en de cloud is nu niet bereikbaar. De mail blijft bewaard en wordt later opnieuw verstuurd.',
    en: 'The general terms (PDF) were chosen on another workstation and are not downloaded yet, and the cloud cannot be reached now. The mail is kept and will be sent again later.',
  },
  unreachable: {
    nl: 'De mailserver {host} is niet bereikbaar ({detail}). De mail blijft bewaard en wordt later opnieuw verstuurd.',
    en: 'The mail server {host} cannot be reached ({detail}). The mail is kept and will be sent again later.',
  },
  unknownHost: {
    nl: 'De mailserver {host} is niet te vinden: controleer de naam, of de internetverbinding. De mail blijft bewaard en wordt later opnieuw verstuurd.',
    en: 'The mail server {host} cannot be found: check the name, or the internet connection. The mail is kept and will be sent again later.',
  },
  deferred: {
    nl: 'De server stelt de mail tijdelijk uit ({detail}); hij wordt later opnieuw verstuurd.',
    en: 'The server deferred the mail ({detail}); it will be sent again later.',
  },
  rejected: {
    nl: 'De server weigert deze mail definitief: {detail}. Controleer het adres en verstuur hem opnieuw, of verwijder hem.',
    en: 'The server permanently refuses this mail: {detail}. Check the address and send it again, or discard it.',
  },
  gaveUp: {
    nl: 'Na een dag opnieuw proberen is de mail niet verstuurd. Laatste reden: {last}',
    en: 'After a day of retrying the mail was not sent. Last reason: {last}',
  },
  interrupted: {
    nl: 'De app stopte terwijl deze mail bij de server was; hij is opnieuw verstuurd met hetzelfde Message-ID en kan dus één keer dubbel aankomen.',
    en: 'The app stopped while this mail was with the server; it was sent again with the same Message-ID, so it may arrive twice once.',
  },
  other: { nl: 'Verzenden is mislukt: {detail}', en: 'Sending failed: {detail}' },
} satisfies Record<string, Text>;

export type MailReason = keyof typeof texts;

export function describeMailProblem(problem: MailProblem, lang: Lang): string {
  const last = problem.last ? describeMailProblem(problem.last, lang) : '';
  return fill(texts[problem.reason][lang], { host: problem.host ?? '', detail: problem.detail ?? '', last });
}

/** A stored problem read back; a reason this version does not know reads as `other`. */
export function readProblem(value: unknown): MailProblem | null {
  if (typeof value !== 'object' || value === null) return null;
  const { reason, host, detail, last } = value as Record<string, unknown>;
  return {
    // Stryker disable next-line ConditionalExpression: Object.hasOwn finds no reason that is not a string; the check narrows the type.
    reason: typeof reason === 'string' && Object.hasOwn(texts, reason) ? (reason as MailReason) : 'other',
    ...(typeof host === 'string' ? { host } : {}),
    ...(typeof detail === 'string' ? { detail } : {}),
    ...(last ? { last: readProblem(last) ?? undefined } : {}),
  };
}

/** 5xx to the message or an address: sending it again unchanged gives the same answer. */
export function isPermanent(problem: MailProblem): boolean {
  return problem.reason === 'rejected' || problem.reason === 'gaveUp';
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** The first line only: OpenSSL messages carry a source path after it. */
const firstLine = (text: string) => (text.split('\n')[0] ?? text).trim();

/**
 * nodemailer's errors in the user's terms. Certificate problems arrive as ESOCKET with Node's
 * OpenSSL message, whose wording is stable across Node versions.
 */
export function explainSmtpError(error: unknown, host: string): MailProblem {
  const { code, responseCode, response, message = '' } = (error ?? {}) as SmtpError;
  const detail = firstLine(response ?? message);
  // Without a response code there was no SMTP answer at all.
  const status = responseCode ?? 0;
  if (code === 'EAUTH' || code === 'ENOAUTH') return { reason: 'auth', host, detail };
  if (/certificate has expired/i.test(message)) return { reason: 'certExpired', host };
  if (/altnames|does not match certificate/i.test(message)) return { reason: 'certWrongHost', host };
  // Every other OpenSSL verification failure names the certificate: "self-signed certificate",
  // "unable to verify the first certificate", "unable to get local issuer certificate".
  if (/certificate/i.test(message)) return { reason: 'certUntrusted', host, detail };
  if (/wrong version number|packet length too long|unexpected eof|STARTTLS/i.test(message)) return { reason: 'tlsMismatch', host };
  // STARTTLS against an implicit-TLS port: both sides wait for the other until the timeout.
  if (/greeting never received/i.test(message)) return { reason: 'noGreeting', host };
  if (code === 'EDNS') return { reason: 'unknownHost', host };
  if (code === 'ESOCKET' || code === 'ECONNECTION' || code === 'ETIMEDOUT') return { reason: 'unreachable', host, detail };
  if (status >= 500) return { reason: 'rejected', host, detail };
  if (status >= 400) return { reason: 'deferred', host, detail };
  return { reason: 'other', host, detail: detail || code || 'onbekend' };
}
