import { describe, expect, it } from 'vitest';
import { describeMailProblem, explainSmtpError, isPermanent, readProblem } from './mailProblems';

/**
 * What Verzonden e-mail and "Testmail versturen" say when a mail did not go: nodemailer's errors
 * (in the shapes nodemailer and Node's OpenSSL give them) turned into a reason the shop manager can
 * act on, in Dutch and in English. The same errors from a real SMTP server are in
 * mailDelivery.test.ts; here every reason is checked, which a real server cannot all produce.
 */
const host = 'smtp.despaak.nl';
const inWords = (error: unknown, lang: 'nl' | 'en' = 'nl') => describeMailProblem(explainSmtpError(error, host), lang);

describe('an SMTP refusal in the shop manager’s words', () => {
  it('a wrong user or password: "weigert gebruiker of wachtwoord", with the server’s answer', () => {
    const refused = { code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Error: authentication failed: UGFzc3dvcmQ6', command: 'AUTH PLAIN' };
    expect(inWords(refused)).toBe(
      'De server smtp.despaak.nl weigert gebruiker of wachtwoord. Controleer de SMTP-gebruikersnaam en het SMTP-wachtwoord. (Antwoord: 535 5.7.8 Error: authentication failed: UGFzc3dvcmQ6)',
    );
    expect(inWords(refused, 'en')).toBe(
      'The server smtp.despaak.nl refuses the user name or password. Check the SMTP user name and password. (Answer: 535 5.7.8 Error: authentication failed: UGFzc3dvcmQ6)',
    );
    // A server that asks for a login nodemailer has no password for.
    expect(explainSmtpError({ code: 'ENOAUTH', message: 'Missing credentials for "PLAIN"' }, host)).toEqual({ reason: 'auth', host, detail: 'Missing credentials for "PLAIN"' });
  });

  it('a certificate that expired, belongs to another name, or is not trusted', () => {
    expect(inWords({ code: 'ESOCKET', message: 'certificate has expired' })).toBe(
      'Het certificaat van smtp.despaak.nl is verlopen, dus de verbinding is niet veilig en er is niets verstuurd. Vraag de beheerder van de mailserver het certificaat te vernieuwen.',
    );
    expect(explainSmtpError({ code: 'ESOCKET', message: "Hostname/IP does not match certificate's altnames: Host: smtp.despaak.nl. is not in the cert's altnames: DNS:localhost" }, host)).toEqual({ reason: 'certWrongHost', host });
    expect(explainSmtpError({ code: 'ESOCKET', message: 'IP: 10.0.0.5 is not in the cert’s altnames' }, host)).toEqual({ reason: 'certWrongHost', host });
    expect(inWords({ code: 'ESOCKET', message: 'Hostname/IP does not match certificate' })).toBe('Het certificaat van de server hoort niet bij de naam smtp.despaak.nl. Gebruik de naam die uw provider opgeeft.');
    for (const message of ['self-signed certificate', 'self signed certificate in certificate chain', 'unable to verify the first certificate', 'unable to get local issuer certificate']) {
      expect(explainSmtpError({ code: 'ESOCKET', message }, host), message).toEqual({ reason: 'certUntrusted', host, detail: message });
    }
    expect(inWords({ code: 'ESOCKET', message: 'self-signed certificate' })).toBe(
      'Het certificaat van smtp.despaak.nl wordt niet vertrouwd (self-signed certificate), dus de verbinding is niet veilig en er is niets verstuurd. Controleer de naam van de SMTP-server of vraag de beheerder van de mailserver.',
    );
  });

  it('a security setting that does not fit the port, however OpenSSL or the server puts it', () => {
    const messages = [
      '40F7:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/ssl/record.c:354:',
      'error:0A0000C6:SSL routines::packet length too long',
      'Client network socket disconnected before secure TLS connection was established (unexpected eof while reading)',
      'Can not upgrade connection: the server does not offer STARTTLS',
    ];
    for (const message of messages) expect(explainSmtpError({ code: 'ESOCKET', message }, host), message).toEqual({ reason: 'tlsMismatch', host });
    expect(inWords({ code: 'ESOCKET', message: messages[0] })).toBe('De beveiliging past niet bij de poort van smtp.despaak.nl: gebruik STARTTLS met poort 587 of SSL/TLS met poort 465.');
    expect(inWords({ code: 'ETIMEDOUT', message: 'Greeting never received' })).toMatch(/^De server smtp\.despaak\.nl meldt zich niet\. Meestal past de beveiliging niet bij de poort/);
  });

  it('a server that cannot be found or reached: the mail is kept for later', () => {
    expect(inWords({ code: 'EDNS', message: 'getaddrinfo ENOTFOUND smtp.despaak.nl' })).toBe(
      'De mailserver smtp.despaak.nl is niet te vinden: controleer de naam, of de internetverbinding. De mail blijft bewaard en wordt later opnieuw verstuurd.',
    );
    for (const code of ['ESOCKET', 'ECONNECTION', 'ETIMEDOUT']) {
      expect(explainSmtpError({ code, message: 'connect ECONNREFUSED 10.0.0.5:587' }, host), code).toEqual({ reason: 'unreachable', host, detail: 'connect ECONNREFUSED 10.0.0.5:587' });
    }
    expect(inWords({ code: 'ECONNECTION', message: 'Connection closed unexpectedly' }, 'en')).toBe(
      'The mail server smtp.despaak.nl cannot be reached (Connection closed unexpectedly). The mail is kept and will be sent again later.',
    );
  });

  it('a 5xx answer refuses the mail for good, a 4xx defers it; the first line of the answer is the reason', () => {
    const answer = (responseCode: number, response: string) => explainSmtpError({ code: 'EENVELOPE', responseCode, response }, host);
    expect(answer(550, '550 5.1.1 <zoe@example.nl>: Recipient address rejected\r\n  (in reply to RCPT TO)')).toEqual({ reason: 'rejected', host, detail: '550 5.1.1 <zoe@example.nl>: Recipient address rejected' });
    expect(answer(500, '500 5.5.2 Syntax error').reason).toBe('rejected');
    expect(answer(499, '499 too busy').reason).toBe('deferred');
    expect(answer(400, '400 try later').reason).toBe('deferred');
    expect(answer(354, '354 go ahead')).toEqual({ reason: 'other', host, detail: '354 go ahead' });
    expect(describeMailProblem(answer(550, '550 5.1.1 No such user'), 'nl')).toBe(
      'De server weigert deze mail definitief: 550 5.1.1 No such user. Controleer het adres en verstuur hem opnieuw, of verwijder hem.',
    );
    expect(describeMailProblem(answer(451, '451 4.7.1 Greylisted'), 'en')).toBe('The server deferred the mail (451 4.7.1 Greylisted); it will be sent again later.');
  });

  it('anything else says what little is known, never a stack', () => {
    expect(inWords(new Error('Message failed: 552 message too large\n    at SMTPConnection._formatError (smtp-connection/index.js:798:19)'))).toBe('Verzenden is mislukt: Message failed: 552 message too large');
    expect(explainSmtpError({ code: 'EMESSAGE' }, host)).toEqual({ reason: 'other', host, detail: 'EMESSAGE' });
    expect(explainSmtpError(undefined, host)).toEqual({ reason: 'other', host, detail: 'onbekend' });
    expect(explainSmtpError(null, host)).toEqual({ reason: 'other', host, detail: 'onbekend' });
    expect(explainSmtpError({ message: '   ' }, host)).toEqual({ reason: 'other', host, detail: 'onbekend' });
  });
});

describe('which problems are tried again', () => {
  it('a mail refused for good or given up waits for a person; anything else is tried again', () => {
    expect(isPermanent({ reason: 'rejected', host, detail: '550' })).toBe(true);
    expect(isPermanent({ reason: 'gaveUp', last: { reason: 'unreachable', host } })).toBe(true);
    for (const reason of ['deferred', 'unreachable', 'auth', 'noGreeting', 'other'] as const) expect(isPermanent({ reason, host }), reason).toBe(false);
  });
});

describe('a problem as Verzonden e-mail reads it back', () => {
  it('given up after a day, with the last reason in the same language', () => {
    const stored = JSON.parse(JSON.stringify({ reason: 'gaveUp', last: { reason: 'deferred', host, detail: '451 4.7.1 Greylisted' } })) as unknown;
    expect(describeMailProblem(readProblem(stored) ?? { reason: 'other' }, 'nl')).toBe(
      'Na een dag opnieuw proberen is de mail niet verstuurd. Laatste reden: De server stelt de mail tijdelijk uit (451 4.7.1 Greylisted); hij wordt later opnieuw verstuurd.',
    );
    // A give-up stored without its last reason still reads as a sentence, without a placeholder.
    expect(describeMailProblem({ reason: 'gaveUp' }, 'en')).toBe('After a day of retrying the mail was not sent. Last reason: ');
  });

  it('a problem stored without a server name or answer reads without placeholders', () => {
    expect(describeMailProblem({ reason: 'unreachable' }, 'nl')).toBe('De mailserver  is niet bereikbaar (). De mail blijft bewaard en wordt later opnieuw verstuurd.');
    expect(describeMailProblem({ reason: 'noPassword' }, 'nl')).toBe('Het SMTP-wachtwoord is niet ingesteld. Vul het in bij E-mailinstellingen.');
  });

  it('keeps what it understands of a stored problem and reads anything else as "verzenden is mislukt"', () => {
    expect(readProblem({ reason: 'auth', host, detail: '535 nee', extra: 1 })).toEqual({ reason: 'auth', host, detail: '535 nee' });
    expect(readProblem({ reason: 'auth', host: 42, detail: ['x'] })).toEqual({ reason: 'auth' });
    expect(readProblem({ reason: 7 })).toEqual({ reason: 'other' });
    expect(readProblem({ reason: 'hasOwnProperty' })).toEqual({ reason: 'other' });
    expect(readProblem({ reason: 'gaveUp', last: 'kapot' })).toEqual({ reason: 'gaveUp' });
    expect(readProblem({ reason: 'gaveUp', last: { reason: 'rejected', detail: '550' } })).toEqual({ reason: 'gaveUp', last: { reason: 'rejected', detail: '550' } });
    for (const value of [null, undefined, 'auth', 42, true]) expect(readProblem(value), String(value)).toBeNull();
  });
});
