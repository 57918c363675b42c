import { describe, expect, it } from 'vitest';
import { describeMailProblem, explainSmtpError, readProblem } from './mailProblems';
import { isLoopbackHost } from '../../../domain/validators/hostname';
import { renderTemplateMail } from './templateMail';

describe('plain SMTP only to this computer', () => {
  it('accepts the loopback names and addresses', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.8.9.10', '::1', '[::1]']) expect(isLoopbackHost(host), host).toBe(true);
  });

  it('refuses look-alikes and the local network', () => {
    for (const host of ['localhost.example.nl', 'evil-localhost', '127.0.0.1.nip.io', '127.0.0.256', '10.0.0.5', '192.168.1.10', '0.0.0.0', '::ffff:7f00:1', 'smtp.example.nl', '']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});

describe('template mails', () => {
  const template = { subjectNl: 'Bestelling {{ order.number }} bij {{ shop.name }}', bodyNl: 'Beste {{ customer.name }}', subjectEn: 'Order {{ order.number }}', bodyEn: 'Dear {{ customer.name }}', attachTerms: true };
  const values = { 'order.number': 'S4-1', 'shop.name': 'Jansen & Zn', 'customer.name': 'Zoë <script>' };

  it('keeps the subject plain text on one line, escapes values in the HTML only, and closes with the terms text', () => {
    const mail = renderTemplateMail({ ...template, subjectNl: 'Bestelling {{ order.number }}\r\nBcc: x@y.nl {{ shop.name }}' }, values, 'nl', 'Retour binnen 14 dagen.');
    expect(mail.subject).toBe('Bestelling S4-1 Bcc: x@y.nl Jansen & Zn');
    expect(mail.html).toContain('Beste Zoë &lt;script&gt;');
    expect(mail.text).toBe('Beste Zoë <script>\n\nRetour binnen 14 dagen.');
    expect(mail.attachTerms).toBe(true);
  });

  it('uses English only where the shop filled in the English variant', () => {
    expect(renderTemplateMail(template, values, 'en', '').subject).toBe('Order S4-1');
    expect(renderTemplateMail({ ...template, bodyEn: '' }, values, 'en', '').subject).toBe('Bestelling S4-1 bij Jansen & Zn');
  });

  it('keeps Dutch for a Dutch customer, and for an English one while the English subject is blank', () => {
    expect(renderTemplateMail(template, values, 'nl', '').text).toBe('Beste Zoë <script>');
    expect(renderTemplateMail({ ...template, subjectEn: '  ' }, values, 'en', '')).toMatchObject({ subject: 'Bestelling S4-1 bij Jansen & Zn', text: 'Beste Zoë <script>' });
    expect(renderTemplateMail({ ...template, subjectEn: 7, bodyEn: ['Dear'] }, values, 'en', '').subject).toBe('Bestelling S4-1 bij Jansen & Zn');
    expect(renderTemplateMail({ ...template, bodyEn: ' \n ' }, values, 'en', '').text).toBe('Beste Zoë <script>');
  });

  it('a subject is one trimmed line; a template stored without one sends an empty subject, not "undefined"', () => {
    expect(renderTemplateMail({ ...template, subjectNl: '  Bestelling\n\n   {{ order.number }}  \n' }, values, 'nl', '').subject).toBe('Bestelling S4-1');
    expect(renderTemplateMail({ bodyNl: 'Hallo' }, values, 'nl', '')).toEqual({ subject: '', html: 'Hallo', text: 'Hallo', attachTerms: false });
    expect(renderTemplateMail({ ...template, subjectNl: 'Bestelling\n{{ order.number }}' }, values, 'nl', '').subject).toBe('Bestelling S4-1');
  });

  it('the terms text under the mail is trimmed and escaped in the HTML, and left out when blank; the PDF goes only when switched on', () => {
    const mail = renderTemplateMail({ ...template, attachTerms: 'true' }, values, 'nl', '  Retour <14 dagen> & "gratis" \'t is zo  \n');
    expect(mail.html).toBe('Beste Zoë &lt;script&gt;\n\n<small style="color:#666">Retour &#60;14 dagen&#62; &#38; &#34;gratis&#34; &#39;t is zo</small>');
    expect(mail.text).toBe('Beste Zoë <script>\n\nRetour <14 dagen> & "gratis" \'t is zo');
    expect(mail.attachTerms).toBe(false);
    expect(renderTemplateMail(template, values, 'nl', ' \n ')).toMatchObject({ html: 'Beste Zoë &lt;script&gt;', text: 'Beste Zoë <script>' });
  });
});

describe('SMTP errors in the user words', () => {
  it('names the reason and never passes on a stack', () => {
    const openssl = { code: 'ESOCKET', message: 'C0EC:error:0A00010B:SSL routines::wrong version number:../deps/openssl/ssl/record.c:77:\n    at TLSSocket' };
    expect(explainSmtpError(openssl, 'smtp.example.nl')).toEqual({ reason: 'tlsMismatch', host: 'smtp.example.nl' });
    expect(explainSmtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 No such user' }, 'h')).toEqual({ reason: 'rejected', host: 'h', detail: '550 5.1.1 No such user' });
    expect(explainSmtpError({ code: 'EENVELOPE', responseCode: 452, response: '452 4.2.2 Mailbox full' }, 'h').reason).toBe('deferred');
    expect(explainSmtpError({ code: 'ETIMEDOUT', message: 'Greeting never received' }, 'h')).toEqual({ reason: 'noGreeting', host: 'h' });
    expect(explainSmtpError({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:587' }, 'h')).toEqual({ reason: 'unreachable', host: 'h', detail: 'connect ECONNREFUSED 127.0.0.1:587' });
    expect(explainSmtpError(new Error('boom\n    at x.js:1'), 'h')).toEqual({ reason: 'other', host: 'h', detail: 'boom' });
  });

  it('reads a stored problem back, also one from a later version', () => {
    expect(describeMailProblem(readProblem({ reason: 'gaveUp', last: { reason: 'unknownHost', host: 'smtp.example.nl' } }) ?? { reason: 'other' }, 'en')).toBe(
      'After a day of retrying the mail was not sent. Last reason: The mail server smtp.example.nl cannot be found: check the name, or the internet connection. The mail is kept and will be sent again later.',
    );
    expect(readProblem({ reason: 'toString' })).toEqual({ reason: 'other' });
    expect(readProblem('x')).toBeNull();
  });
});
