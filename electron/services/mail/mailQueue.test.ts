import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inKeychainSession } from '../../../test/keychainSession';
import { actor, configureMailShop, pickupValues } from '../../../test/mailShop';
import { backofficeOn, fixedClock } from '../../../test/services';
import { makeCertificates, startSmtpServer, type TestSmtpServer } from '../../../test/smtpServer';
import { useTempDir } from '../../../test/tempDir';
import { createMemoryLogger } from '../logger';
import { loadKeytar } from '../secrets/keytarBackend';
import { claimMail, enqueueMail, markSent } from './mailQueue';

/**
 * The queue as Verzonden e-mail shows it: when a mail that did not go is tried again, when it is
 * given up, what "opnieuw versturen" and "verwijderen" do, and which events queue nothing. One
 * real SMTP server in this process for the file; each test its own shop on a real data folder.
 */
const tempDir = useTempDir();
let smtp: TestSmtpServer;
let ca: string;
const apps: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  const certificates = makeCertificates();
  ca = certificates.ca;
  smtp = await startSmtpServer({ certificates });
});
afterAll(async () => smtp?.stop());
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function shop(overrides: Record<string, unknown> = {}) {
  const clock = fixedClock('2026-11-28T10:00:00Z');
  const app = backofficeOn(tempDir(), { clock, keychain: await loadKeytar(createMemoryLogger()), trustedCertificates: [ca] });
  apps.push(app);
  await configureMailShop(app, smtp.port, overrides);
  const { mail, lists, settings } = app.services;
  const queue = (kind = 'readyForPickup', to = 'zoe@example.nl') => app.store.orm.transaction((tx) => mail.queueTemplate(tx, { kind, to, values: pickupValues, lang: 'nl', by: 'kassa' }));
  const first = () => mail.list('nl')[0];
  const received = smtp.received.length;
  return { app, clock, mail, lists, settings, queue, first, arrived: () => smtp.received.slice(received), waitFor: (count: number) => smtp.waitFor(received + count) };
}

/** Seconds from the clock's now to the mail's next attempt. */
const waitOf = (row: { nextAttemptAt: string | null } | undefined, now: string) => (Date.parse(row?.nextAttemptAt ?? '') - Date.parse(now)) / 1000;

describe.runIf(inKeychainSession)('retrying a mail that did not go', () => {
  it('tries again after about 30 s, then about a minute, doubling to at most an hour, each with ±20 % spread', async () => {
    const { clock, mail, queue, first } = await shop();
    queue();
    const waits: number[] = [];
    for (let attempt = 0; attempt < 9; attempt++) {
      smtp.answerNext({ code: 451, message: '4.7.1 Greylisted, try again later' });
      await mail.runDue();
      const row = first();
      expect(row).toMatchObject({ state: 'queued', attempts: attempt + 1, problem: 'De server stelt de mail tijdelijk uit (451 4.7.1 Greylisted, try again later); hij wordt later opnieuw verstuurd.' });
      waits.push(waitOf(row, clock.now().toISOString()));
      clock.set(row?.nextAttemptAt ?? '');
    }
    const planned = [30, 60, 120, 240, 480, 960, 1920, 3600, 3600];
    waits.forEach((wait, index) => {
      expect(wait).toBeGreaterThanOrEqual(planned[index]! * 0.8);
      expect(wait).toBeLessThanOrEqual(planned[index]! * 1.2);
    });
  });

  it('waits: nothing goes before its time, and a mail whose time has come goes', async () => {
    const { clock, mail, queue, first, arrived } = await shop();
    queue();
    smtp.answerNext({ code: 451, message: '4.7.1 Try later' });
    await mail.runDue();
    const due = first()?.nextAttemptAt ?? '';
    clock.set(new Date(Date.parse(due) - 1).toISOString());
    expect(await mail.runDue()).toBe(0);
    clock.set(due);
    expect(await mail.runDue()).toBe(1);
    expect(arrived()).toHaveLength(1);
    expect(first()).toMatchObject({ state: 'sent', attempts: 2, problem: null, nextAttemptAt: null });
  });

  it('gives up exactly a day after the mail was made, with the last reason, and a person can send it again', async () => {
    const { clock, mail, queue, first, arrived } = await shop();
    queue();
    smtp.answerNext({ code: 451, message: '4.7.1 Try later' });
    await mail.runDue();
    clock.set('2026-11-29T10:00:00Z');
    smtp.answerNext({ code: 452, message: '4.2.2 Mailbox full' });
    await mail.runDue();
    expect(first()).toMatchObject({
      state: 'failed',
      attempts: 2,
      nextAttemptAt: null,
      problem: 'Na een dag opnieuw proberen is de mail niet verstuurd. Laatste reden: De server stelt de mail tijdelijk uit (452 4.2.2 Mailbox full); hij wordt later opnieuw verstuurd.',
    });
    clock.set('2026-11-30T10:00:00Z');
    expect(await mail.runDue()).toBe(0);

    const again = mail.resend(first()?.id ?? 0, actor);
    expect(again).toMatchObject({ ok: true, value: { state: 'queued', attempts: 0, nextAttemptAt: '2026-11-30T10:00:00.000Z' } });
    await mail.runDue();
    expect(arrived()).toHaveLength(1);
    expect(mail.list('en')[0]).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('a mail refused for good (5xx) is not tried again, and says why in the reader’s language', async () => {
    const { clock, mail, queue, first } = await shop();
    queue();
    smtp.answerNext({ code: 554, message: '5.7.1 Message refused' });
    await mail.runDue();
    expect(first()).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: null });
    expect(mail.list('en')[0]?.problem).toBe('The server permanently refuses this mail: 554 5.7.1 Message refused. Check the address and send it again, or discard it.');
    clock.set('2026-11-28T11:00:00Z');
    expect(await mail.runDue()).toBe(0);
  });
});

describe.runIf(inKeychainSession)('the queue worker', () => {
  it('sends what is due when two callers ask at once, once', async () => {
    const { mail, queue, arrived } = await shop();
    queue();
    queue('readyForPickup', 'bram@example.nl');
    expect(await Promise.all([mail.runDue(), mail.runDue()])).toEqual([2, 2]);
    expect(arrived().map((mail) => mail.envelope.to[0]).sort()).toEqual(['bram@example.nl', 'zoe@example.nl']);
  });

  it('sends more than one batch in one run, oldest first', async () => {
    const { mail, queue, arrived } = await shop();
    for (let n = 1; n <= 21; n++) queue('readyForPickup', `klant${n}@example.nl`);
    expect(await mail.runDue()).toBe(21);
    expect(arrived().map((mail) => mail.envelope.to[0])).toEqual(Array.from({ length: 21 }, (_, index) => `klant${index + 1}@example.nl`));
  });

  it('a queued mail is sent once the host starts the worker, and stopping waits for it', async () => {
    const { mail, queue, first, arrived, waitFor } = await shop();
    queue();
    mail.start();
    await waitFor(1);
    await mail.stop();
    expect(arrived()).toHaveLength(1);
    expect(first()).toMatchObject({ state: 'sent' });
  });

  it('after months of running, sending removes done mail older than 90 days', async () => {
    const { app, clock, mail, queue, arrived } = await shop();
    const old = enqueueMail(app.store.orm, { kind: 'test', to: 'oud@example.nl', subject: 'Oud', html: 'x', text: 'x', attachTerms: false, by: 'Anna', at: new Date('2026-08-01T10:00:00Z'), domain: 'despaak.nl' });
    markSent(app.store.orm, old.id, '250 Ok', new Date('2026-08-01T10:00:01Z'));
    clock.set('2026-11-28T10:00:00Z');
    queue();
    await mail.runDue();
    expect(arrived()).toHaveLength(1);
    expect(mail.list('nl').map((row) => row.to)).toEqual(['zoe@example.nl']);
  });
});

describe.runIf(inKeychainSession)('Verzonden e-mail: send again and discard', () => {
  it('a mail that arrived goes again as a new mail; one that is being sent cannot be sent again or discarded', async () => {
    const { app, mail, queue, first, arrived } = await shop();
    queue();
    await mail.runDue();
    const sent = first();
    const again = mail.resend(sent?.id ?? 0, { by: 'Bram', lang: 'nl' });
    expect(again).toMatchObject({ ok: true, value: { state: 'queued', createdBy: 'Bram', to: 'zoe@example.nl' } });
    expect(again.ok && again.value.messageId).not.toBe(sent?.messageId);
    await mail.runDue();
    expect(arrived().map((mail) => mail.parsed.subject)).toEqual(['Uw bestelling S4-2 ligt klaar', 'Uw bestelling S4-2 ligt klaar']);

    const busy = queue();
    const busyId = busy.ok ? (busy.value?.id ?? 0) : 0;
    claimMail(app.store.orm, busyId);
    expect(mail.resend(busyId, actor)).toEqual({ ok: false, error: { code: 'mail.notResendable', message: 'Deze mail bestaat niet (meer) of wordt nu verstuurd.' } });
    expect(mail.resend(9999, { by: 'Anna', lang: 'en' })).toEqual({ ok: false, error: { code: 'mail.notResendable', message: 'This mail does not exist (any more) or is being sent now.' } });
    expect(mail.discard(busyId, 'en')).toEqual({ ok: false, error: { code: 'mail.notDiscardable', message: 'Only a mail that is waiting or failed can be discarded.' } });
  });

  it('a waiting mail can be discarded and is then never sent; discarded, it can still be sent again', async () => {
    const { clock, mail, queue, first, arrived } = await shop();
    queue();
    smtp.answerNext({ code: 451, message: '4.7.1 Try later' });
    await mail.runDue();
    expect(mail.discard(first()?.id ?? 0, 'nl')).toMatchObject({ ok: true, value: { state: 'discarded', nextAttemptAt: null } });
    clock.set('2026-11-28T12:00:00Z');
    expect(await mail.runDue()).toBe(0);
    expect(mail.resend(first()?.id ?? 0, actor)).toMatchObject({ ok: true, value: { state: 'queued' } });
    expect(await mail.runDue()).toBe(1);
    expect(arrived()).toHaveLength(1);
  });
});

describe.runIf(inKeychainSession)('which events queue a mail', () => {
  it('nothing for a switched-off template or an order confirmation the order settings do not send; an unknown kind is an error', async () => {
    const { lists, settings, queue, mail } = await shop();
    expect(lists.update('emailTemplates', 'readyForPickup', { enabled: false }, actor).ok).toBe(true);
    expect(queue()).toEqual({ ok: true, value: null });
    expect(settings.writeGroup('orders.processing', { sendOrderConfirmation: false }, actor).ok).toBe(true);
    expect(queue('orderConfirmation')).toEqual({ ok: true, value: null });
    expect(settings.writeGroup('orders.processing', { sendOrderConfirmation: true }, actor).ok).toBe(true);
    expect(queue('orderConfirmation')).toMatchObject({ ok: true, value: { state: 'queued', kind: 'orderConfirmation' } });
    expect(queue('geenSjabloon')).toEqual({ ok: false, error: { code: 'unknown_template', message: 'geenSjabloon' } });
    expect(mail.list('nl').map((row) => row.kind)).toEqual(['orderConfirmation']);
  });

  it('the English variant for an English customer, the terms text under it', async () => {
    const { app, settings, mail, arrived } = await shop();
    expect(settings.writeGroup('orders.terms', { generalTermsFormat: 'text', generalTermsText: 'Algemene voorwaarden', emailTermsText: 'Returns within 14 days.' }, actor).ok).toBe(true);
    app.store.orm.transaction((tx) => mail.queueTemplate(tx, { kind: 'readyForPickup', to: 'zoe@example.nl', values: pickupValues, lang: 'en', by: 'kassa' }));
    await mail.runDue();
    expect(arrived()[0]?.parsed.subject).toBe('Your order S4-2 is ready for pickup');
    expect(arrived()[0]?.parsed.text).toContain('Returns within 14 days.');
  });

  it('a template sample goes now with the sample data; the test mail names the shop and who sent it, in their language', async () => {
    const { settings, mail, arrived } = await shop();
    const sample = await mail.sendSample({ kind: 'readyForPickup', to: 'anna@despaak.nl', subject: 'Proef {{ order.number }}', body: 'Hallo {{ customer.name }}' }, actor);
    expect(sample).toMatchObject({ ok: true, value: { answer: expect.stringMatching(/^250 /) } });
    expect(arrived()[0]?.parsed.subject).toBe('Proef S4-10023');
    expect(arrived()[0]?.parsed.text).toContain('Hallo Jan Jansen');

    expect(settings.writeGroup('company.general', { companyName: '', backOfficeName: 'Spaak Utrecht' }, actor).ok).toBe(true);
    await mail.sendTest('anna@despaak.nl', { by: 'Anna <beheer>', lang: 'en' });
    expect(arrived()[1]?.parsed.subject).toBe('Test e-mail from Spaak Utrecht');
    expect(arrived()[1]?.parsed.text).toContain('This is a test e-mail, sent by Anna <beheer> from Backoffice.');
    expect(arrived()[1]?.parsed.html).toContain('sent by Anna &#60;beheer&#62; from Backoffice');
    expect(mail.list('nl')[0]).toMatchObject({ kind: 'test', state: 'sent', problem: null });
  });
});

describe.runIf(inKeychainSession)('sending a waiting mail again', () => {
  it('goes now instead of at its planned time, counting its attempts afresh', async () => {
    const { clock, mail, queue, first, arrived } = await shop();
    queue();
    smtp.answerNext({ code: 451, message: '4.7.1 Try later' });
    await mail.runDue();
    expect(first()).toMatchObject({ state: 'queued', attempts: 1 });
    clock.set('2026-11-28T10:00:05Z');
    expect(mail.resend(first()?.id ?? 0, actor)).toMatchObject({ ok: true, value: { state: 'queued', attempts: 0, nextAttemptAt: '2026-11-28T10:00:05.000Z' } });
    expect(await mail.runDue()).toBe(1);
    expect(arrived()).toHaveLength(1);
  });
});
