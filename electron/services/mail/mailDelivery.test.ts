import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inKeychainSession } from '../../../test/keychainSession';
import { actor, configureMailShop, logoPng, smtpPassword, termsPdf } from '../../../test/mailShop';
import { fixedClock, backofficeOn } from '../../../test/services';
import { makeCertificates, startSmtpServer, type Certificates, type TestSmtpServer } from '../../../test/smtpServer';
import { useTempDir } from '../../../test/tempDir';
import { createMemoryLogger } from '../logger';
import { loadKeytar } from '../secrets/keytarBackend';
import { blobTable } from '../attachments/blobTable';

const tempDir = useTempDir();
let certificates: Certificates;
const servers: TestSmtpServer[] = [];
const apps: { close(): Promise<void> }[] = [];

beforeAll(() => {
  certificates = makeCertificates();
});
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const server of servers.splice(0)) await server.stop();
});

async function server(options: { expired?: boolean } = {}) {
  const started = await startSmtpServer({ certificates, ...options });
  servers.push(started);
  return started;
}

/** A configured shop on a real data folder and the real keychain; `trusted: false` leaves the test CA out. */
async function shop(port: number, options: { trusted?: boolean; overrides?: Record<string, unknown> } = {}) {
  const clock = fixedClock('2026-11-28T10:00:00Z');
  const dir = tempDir();
  const app = backofficeOn(dir, { clock, keychain: await loadKeytar(createMemoryLogger()), trustedCertificates: options.trusted === false ? undefined : [certificates.ca] });
  apps.push(app);
  await configureMailShop(app, port, options.overrides);
  return { app, clock, dir, mail: app.services.mail, orm: app.store.orm };
}

const orderValues = {
  'shop.name': 'Jansen & Zn',
  'shop.email': 'info@despaak.nl',
  'shop.phone': '030 123 4567',
  'shop.address': 'Oudegracht 12',
  'customer.name': 'Zoë <b>de Groot</b>',
  'customer.email': 'zoe@example.nl',
  'order.number': 'S4-10023',
  'order.date': '28 november 2026',
  'order.total': '€ 1.234,56',
  'order.url': 'https://despaak.nl/bestelling/S4-10023',
};

describe.runIf(inKeychainSession)('mail through a real SMTP server (STARTTLS, AUTH)', () => {
  it('sends a template mail queued in the transaction of its order: plain subject, HTML and text, BCC, reply-to, terms PDF, inline logo, € and ë', async () => {
    const smtp = await server();
    const { app, mail, orm } = await shop(smtp.port);
    const update = app.services.lists.update('emailTemplates', 'orderConfirmation', { subjectNl: 'Uw bestelling {{ order.number }} bij {{ shop.name }}', attachTerms: true }, actor);
    expect(update.ok).toBe(true);

    const queued = orm.transaction((tx) => mail.queueTemplate(tx, { kind: 'orderConfirmation', to: 'zoe@example.nl', values: orderValues, lang: 'nl', by: 'webshop' }));
    expect(queued.ok && queued.value?.state).toBe('queued');
    expect(await mail.runDue()).toBe(1);

    const [arrived] = await smtp.waitFor(1);
    const parsed = arrived?.parsed;
    expect(arrived?.secure).toBe(true);
    expect(arrived?.user).toBe('winkel');
    expect(parsed?.subject).toBe('Uw bestelling S4-10023 bij Jansen & Zn');
    expect(parsed?.from?.value).toEqual([{ name: 'Fietsenwinkel Zoë', address: 'winkel@despaak.nl' }]);
    expect(parsed?.replyTo?.value[0]?.address).toBe('klantenservice@despaak.nl');
    // BCC is in the envelope only: the customer never sees the owner's address.
    expect(arrived?.envelope.to).toEqual(['zoe@example.nl', 'eigenaar@despaak.nl']);
    expect(parsed?.bcc).toBeUndefined();
    expect(parsed?.headers.get('to')).toMatchObject({ text: 'zoe@example.nl' });
    expect(parsed?.messageId).toBe(queued.ok ? queued.value?.messageId : '');
    expect(parsed?.text).toContain('Beste Zoë <b>de Groot</b>,');
    expect(parsed?.text).toContain('Het totaalbedrag is € 1.234,56.');
    expect(parsed?.html).toContain('Beste Zoë &lt;b&gt;de Groot&lt;/b&gt;,');
    expect(parsed?.html).toContain('€ 1.234,56');
    expect(parsed?.html).toContain('src="cid:logo@backoffice"');
    expect(arrived?.raw.toString()).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect(arrived?.raw.toString()).toMatch(/Content-Type: text\/html; charset=utf-8/i);

    const logo = parsed?.attachments.find((a) => a.cid === 'logo@backoffice');
    expect(logo?.contentType).toBe('image/png');
    expect(logo?.related).toBe(true);
    expect(logo?.content.equals(logoPng)).toBe(true);
    const terms = parsed?.attachments.find((a) => a.filename === 'algemene-voorwaarden.pdf');
    expect(terms?.contentType).toBe('application/pdf');
    expect(terms?.content.equals(termsPdf)).toBe(true);

    expect(mail.list('nl')[0]).toMatchObject({ state: 'sent', attempts: 1, lastAnswer: '250 2.0.0 Ok: queued as TEST1', problem: null });
  });

  it('leaves out a logo that would be refused as an upload (an SVG with a script, stored by an older version), and still sends the mail', async () => {
    const smtp = await server();
    const { app, mail } = await shop(smtp.port);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>');
    // Straight into the blobs table, as a version without the SVG check (or a data-URL migration) left it.
    const hash = blobTable(app.store.sqlite).keep(svg, 'image/svg+xml', new Date('2026-11-28T10:00:00Z'));
    const written = app.services.settings.writeGroup('company.general', { logo: { hash, type: 'image/svg+xml', name: 'logo.svg', size: svg.length } }, actor);
    expect(written.ok).toBe(true);

    expect(await mail.sendTest('zoe@example.nl', actor)).toMatchObject({ ok: true });
    const [arrived] = await smtp.waitFor(1);
    expect(arrived?.parsed.attachments.filter((a) => a.filename?.startsWith('logo'))).toEqual([]);
    expect(arrived?.parsed.html).not.toContain('cid:logo@backoffice');
  });

  it('queues nothing when the transaction that caused the mail rolls back', async () => {
    const smtp = await server();
    const { mail, orm } = await shop(smtp.port);
    expect(() =>
      orm.transaction((tx) => {
        mail.queueTemplate(tx, { kind: 'orderConfirmation', to: 'zoe@example.nl', values: orderValues, lang: 'nl', by: 'webshop' });
        throw new Error('the order could not be saved');
      }),
    ).toThrow('the order could not be saved');
    expect(mail.list('nl')).toEqual([]);
  });

  it('sends the test mail and reports the server answer; Verzonden e-mail lists it', async () => {
    const smtp = await server();
    const { mail } = await shop(smtp.port);
    const sent = await mail.sendTest('anna@despaak.nl', actor);
    expect(sent).toMatchObject({ ok: true, value: { answer: '250 2.0.0 Ok: queued as TEST1' } });
    const [arrived] = await smtp.waitFor(1);
    expect(arrived?.parsed.subject).toBe('Test-e-mail van Fietsenwinkel Zoë');
    expect(arrived?.parsed.text).toContain('Tekens als € en ë komen ongeschonden aan.');
    expect(mail.list('en')[0]).toMatchObject({ kind: 'test', to: 'anna@despaak.nl', state: 'sent', createdBy: 'Anna de Vries' });
  });

  it('explains a wrong password in the user words, sends nothing, and keeps the password out of the database and the log', async () => {
    const smtp = await server();
    const { app, mail, dir } = await shop(smtp.port);
    await app.services.secrets.set('settings:email.smtpPassword', 'verkeerd-wachtwoord');
    const sent = await mail.sendTest('anna@despaak.nl', actor);
    expect(sent).toEqual({
      ok: false,
      error: {
        code: 'mail.auth',
        message: 'De server localhost weigert gebruiker of wachtwoord. Controleer de SMTP-gebruikersnaam en het SMTP-wachtwoord. (Antwoord: 535 5.7.8 Authentication credentials invalid)',
      },
    });
    expect(smtp.received).toEqual([]);
    expect(mail.list('nl')[0]).toMatchObject({ state: 'failed', attempts: 1 });
    const database = fs.readFileSync(path.join(dir, 'backoffice.sqlite')).toString('latin1') + fs.readFileSync(path.join(dir, 'backoffice.sqlite-wal')).toString('latin1');
    expect(database).not.toContain('verkeerd-wachtwoord');
    expect(database).not.toContain(smtpPassword);
    expect((app.logger as ReturnType<typeof createMemoryLogger>).lines.join('')).not.toContain('wachtwoord');
  });

  it('refuses an untrusted certificate and an expired one, with the reason', async () => {
    const smtp = await server();
    const untrusted = await shop(smtp.port, { trusted: false });
    expect(await untrusted.mail.sendTest('anna@despaak.nl', actor)).toMatchObject({
      ok: false,
      error: { code: 'mail.certUntrusted', message: expect.stringContaining('Het certificaat van localhost wordt niet vertrouwd (unable to verify the first certificate)') },
    });
    const expired = await server({ expired: true });
    const { mail } = await shop(expired.port);
    expect(await mail.sendTest('anna@despaak.nl', actor)).toMatchObject({
      ok: false,
      error: { code: 'mail.certExpired', message: expect.stringContaining('Het certificaat van localhost is verlopen') },
    });
    expect([...smtp.received, ...expired.received]).toEqual([]);
  });

  it('sends over implicit TLS (port 465 style), and names a security setting that does not fit the port', async () => {
    const implicit = await startSmtpServer({ certificates, implicitTls: true });
    servers.push(implicit);
    const { mail } = await shop(implicit.port, { overrides: { smtpSecurity: 'tls' } });
    expect(await mail.sendTest('anna@despaak.nl', actor)).toMatchObject({ ok: true });
    expect(implicit.received[0]?.secure).toBe(true);

    const starttls = await server();
    const mismatched = await shop(starttls.port, { overrides: { smtpSecurity: 'tls' } });
    expect(await mismatched.mail.sendTest('anna@despaak.nl', actor)).toMatchObject({
      ok: false,
      error: { code: 'mail.tlsMismatch', message: 'De beveiliging past niet bij de poort van localhost: gebruik STARTTLS met poort 587 of SSL/TLS met poort 465.' },
    });
  });

  it('does not send without encryption to a server that is not on this computer', async () => {
    const { app, mail } = await shop(25);
    expect(app.services.settings.writeGroup('email', { smtpHost: 'smtp.example.nl', smtpSecurity: 'none' }, actor)).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'smtpSecurity', message: 'Beveiliging: zonder beveiliging kan alleen naar een server op deze computer (localhost) gemaild worden; kies STARTTLS of SSL/TLS.' }] },
    });
    // Stored before the rule existed, or arrived by sync: the mail service refuses on its own too.
    app.store.sqlite.prepare(`UPDATE records SET data = json_set(data, '$.smtpSecurity', 'none', '$.smtpHost', 'smtp.example.nl') WHERE collection = 'settings' AND id = 'email'`).run();
    expect(await mail.sendTest('anna@despaak.nl', actor)).toMatchObject({
      ok: false,
      error: { code: 'mail.insecureNotLocal', message: expect.stringContaining('Kies bij Beveiliging STARTTLS of SSL/TLS voor smtp.example.nl') },
    });
  });
});

describe.runIf(inKeychainSession)('the mail queue', () => {
  const queueOne = (target: Awaited<ReturnType<typeof shop>>) =>
    target.orm.transaction((tx) => target.mail.queueTemplate(tx, { kind: 'orderConfirmation', to: 'zoe@example.nl', values: orderValues, lang: 'nl', by: 'webshop' }));

  it('keeps a mail while the server is down and delivers it once the server is back', async () => {
    const probe = await server();
    const port = probe.port;
    await probe.stop();
    servers.splice(servers.indexOf(probe), 1);
    const target = await shop(port);
    queueOne(target);
    await target.mail.runDue();
    expect(target.mail.list('nl')[0]).toMatchObject({ state: 'queued', attempts: 1, problem: expect.stringContaining('De mailserver localhost is niet bereikbaar') });

    const back = await startSmtpServer({ certificates, port });
    servers.push(back);
    expect(await target.mail.runDue()).toBe(0);
    target.clock.set('2026-11-28T10:01:00Z');
    expect(await target.mail.runDue()).toBe(1);
    expect(back.received).toHaveLength(1);
    expect(target.mail.list('nl')[0]).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('retries a 4xx later and delivers it; keeps a 5xx with its reason until a person resends or discards it', async () => {
    const smtp = await server();
    const target = await shop(smtp.port);
    smtp.answerNext({ code: 451, message: '4.7.1 Greylisted, try again later' });
    queueOne(target);
    await target.mail.runDue();
    expect(target.mail.list('nl')[0]).toMatchObject({ state: 'queued', attempts: 1, lastAnswer: '451 4.7.1 Greylisted, try again later' });
    target.clock.set('2026-11-28T10:01:00Z');
    await target.mail.runDue();
    expect(smtp.received).toHaveLength(1);
    expect(target.mail.list('nl')[0]).toMatchObject({ state: 'sent', attempts: 2 });

    smtp.answerNext({ code: 550, message: '5.1.1 Mailbox does not exist' });
    queueOne(target);
    await target.mail.runDue();
    const failed = target.mail.list('nl')[0];
    expect(failed).toMatchObject({ state: 'failed', lastAnswer: '550 5.1.1 Mailbox does not exist', problem: expect.stringContaining('De server weigert deze mail definitief: 550 5.1.1 Mailbox does not exist') });
    target.clock.set('2026-11-28T12:00:00Z');
    expect(await target.mail.runDue()).toBe(0);
    expect(smtp.received).toHaveLength(1);

    expect(target.mail.resend(failed?.id ?? 0, actor)).toMatchObject({ ok: true, value: { state: 'queued' } });
    await target.mail.runDue();
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1]?.parsed.messageId).toBe(failed?.messageId);
    expect(target.mail.discard(failed?.id ?? 0, 'nl')).toMatchObject({ ok: false, error: { code: 'mail.notDiscardable' } });
  });

  it('gives up after a day of temporary failures and says so', async () => {
    const probe = await server();
    await probe.stop();
    servers.splice(servers.indexOf(probe), 1);
    const target = await shop(probe.port);
    queueOne(target);
    await target.mail.runDue();
    target.clock.set('2026-11-29T10:00:01Z');
    await target.mail.runDue();
    expect(target.mail.list('nl')[0]).toMatchObject({ state: 'failed', attempts: 2, problem: expect.stringMatching(/^Na een dag opnieuw proberen is de mail niet verstuurd\. Laatste reden: De mailserver localhost is niet bereikbaar/) });
    expect(target.mail.discard(target.mail.list('nl')[0]?.id ?? 0, 'nl')).toMatchObject({ ok: true, value: { state: 'discarded' } });
  });
});
