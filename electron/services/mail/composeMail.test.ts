import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { logoPng, termsPdf } from '../../../test/mailShop';
import { composeMail, type MailAssets } from './composeMail';
import type { QueuedMail } from './mailQueue';

/**
 * The message as the customer's mail program shows it: built by nodemailer exactly as it is sent
 * (its stream transport gives the bytes instead of an SMTP server) and read back with mailparser.
 * A real SMTP server receives the same in mailDelivery.test.ts.
 */
const queued: QueuedMail = {
  id: 1,
  messageId: '<0193a0c4-0000-7000-8000-000000000001@despaak.nl>',
  kind: 'readyForPickup',
  to: 'zoe@example.nl',
  subject: 'Uw bestelling S4-2 ligt klaar',
  html: 'Beste Zoë,\n\nUw fiets ligt klaar: € 10,00.',
  text: 'Beste Zoë,\n\nUw fiets ligt klaar: € 10,00.',
  attachTerms: false,
  state: 'sending',
  attempts: 0,
  nextAttemptAt: '2026-11-28T10:00:00.000Z',
  lastAnswer: null,
  lastProblem: null,
  interrupted: false,
  createdAt: '2026-11-28T10:00:00.000Z',
  createdBy: 'kassa',
  sentAt: null,
};
const sender = { from: { name: 'Fietsenwinkel Zoë', address: 'winkel@despaak.nl' }, replyTo: 'klantenservice@despaak.nl', bcc: 'eigenaar@despaak.nl' };
const noAssets: MailAssets = { shopName: 'Jansen & Zn', logo: null, terms: null };

async function received(mail: QueuedMail, assets: MailAssets): Promise<{ raw: string; parsed: ParsedMail; envelope: unknown }> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await transport.sendMail(composeMail(mail, sender, assets));
  const raw = info.message as Buffer;
  return { raw: raw.toString('utf8'), parsed: await simpleParser(raw, { skipImageLinks: true }), envelope: info.envelope };
}

describe('a mail as the customer receives it', () => {
  it('comes from the shop with its reply-to, keeps the owner’s copy out of sight, and carries € and ë intact in HTML and text', async () => {
    const { raw, parsed, envelope } = await received(queued, noAssets);
    expect(parsed.messageId).toBe('<0193a0c4-0000-7000-8000-000000000001@despaak.nl>');
    expect(parsed.from?.value).toEqual([{ name: 'Fietsenwinkel Zoë', address: 'winkel@despaak.nl' }]);
    expect(parsed.replyTo?.value).toEqual([{ name: '', address: 'klantenservice@despaak.nl' }]);
    expect(parsed.to).toMatchObject({ value: [{ address: 'zoe@example.nl' }] });
    expect(parsed.subject).toBe('Uw bestelling S4-2 ligt klaar');
    expect(parsed.text).toBe('Beste Zoë,\n\nUw fiets ligt klaar: € 10,00.');
    expect(parsed.html).toBe(
      '<!doctype html><html><head><meta charset="utf-8"></head>' +
        '<body style="font-family:system-ui,-apple-system,\'Segoe UI\',sans-serif;font-size:14px;line-height:1.5;color:#222">' +
        '<div style="white-space:pre-wrap">Beste Zoë,\n\nUw fiets ligt klaar: € 10,00.</div></body></html>',
    );
    expect(parsed.attachments).toEqual([]);
    // The owner gets a copy (the SMTP transport then leaves the Bcc header out: mailDelivery.test.ts).
    expect(envelope).toEqual({ from: 'winkel@despaak.nl', to: ['zoe@example.nl', 'eigenaar@despaak.nl'] });
    // Every text part travels as quoted-printable, whatever the server would choose otherwise.
    expect(raw.match(/Content-Transfer-Encoding: (.+)/g)).toEqual(['Content-Transfer-Encoding: quoted-printable', 'Content-Transfer-Encoding: quoted-printable']);
  });

  it('shows the logo inside the mail, named after the shop, as PNG, JPEG or SVG', async () => {
    const { parsed } = await received(queued, { ...noAssets, logo: { bytes: logoPng, mime: 'image/png' } });
    expect(parsed.html).toContain('<p><img src="cid:logo@backoffice" alt="Jansen &#38; Zn" style="max-height:80px;max-width:240px"></p><div');
    expect(parsed.attachments).toEqual([expect.objectContaining({ filename: 'logo.png', contentType: 'image/png', contentDisposition: 'inline', cid: 'logo@backoffice', related: true })]);
    expect(parsed.attachments[0]?.content.equals(logoPng)).toBe(true);

    const jpeg = await received(queued, { ...noAssets, logo: { bytes: Buffer.from([0xff, 0xd8, 0xff, 0xd9]), mime: 'image/jpeg' } });
    expect(jpeg.parsed.attachments[0]).toMatchObject({ filename: 'logo.jpg', contentType: 'image/jpeg' });
    const svg = await received(queued, { ...noAssets, logo: { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), mime: 'image/svg+xml' } });
    expect(svg.parsed.attachments[0]).toMatchObject({ filename: 'logo.svg', contentType: 'image/svg+xml' });
  });

  it('carries the general terms only when the template asks: the PDF, or the terms text as a text file', async () => {
    const withTerms = { ...queued, attachTerms: true };
    const pdf = await received(withTerms, { ...noAssets, terms: { pdf: { bytes: termsPdf, mime: 'application/pdf' } } });
    expect(pdf.parsed.attachments).toEqual([expect.objectContaining({ filename: 'algemene-voorwaarden.pdf', contentType: 'application/pdf', contentDisposition: 'attachment' })]);
    expect(pdf.parsed.attachments[0]?.content.equals(termsPdf)).toBe(true);

    const text = await received(withTerms, { ...noAssets, terms: { text: 'Retour binnen 14 dagen, ook bij Zoë.' } });
    expect(text.parsed.attachments).toEqual([expect.objectContaining({ filename: 'algemene-voorwaarden.txt', contentType: 'text/plain' })]);
    expect(text.parsed.attachments[0]?.content.toString('utf8')).toBe('Retour binnen 14 dagen, ook bij Zoë.');

    expect((await received(queued, { ...noAssets, terms: { pdf: { bytes: termsPdf, mime: 'application/pdf' } } })).parsed.attachments).toEqual([]);
    expect((await received(queued, { ...noAssets, terms: { text: 'Retour binnen 14 dagen.' } })).parsed.attachments).toEqual([]);
    expect((await received(withTerms, noAssets)).parsed.attachments).toEqual([]);
  });
});
