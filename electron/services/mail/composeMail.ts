import type Mail from 'nodemailer/lib/mailer';
import type { QueuedMail } from './mailQueue';
import type { Sender } from './smtpSettings';

/** An upload from the settings (logo, terms PDF) as bytes with its type. */
export interface Upload {
  bytes: Buffer;
  mime: string;
}

/** The things of the shop a mail carries beside its text; read when the mail is sent. */
export interface MailAssets {
  shopName: string;
  logo: Upload | null;
  /** The general terms, as the order settings keep them: a PDF, or text. */
  terms: { pdf: Upload } | { text: string } | null;
}

const logoCid = 'logo@backoffice';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const extensionOf = (mime: string) => (mime === 'image/svg+xml' ? 'svg' : mime === 'image/jpeg' ? 'jpg' : 'png');

/**
 * The message as nodemailer sends it: HTML in a plain layout with the logo inline (by cid, so
 * mail clients that block remote images still show it), the plain-text alternative, sender,
 * reply-to and BCC from E-mailinstellingen, and the terms when the template asks for them.
 */
export function composeMail(mail: QueuedMail, sender: Sender, assets: MailAssets): Mail.Options {
  const attachments: NonNullable<Mail.Options['attachments']> = [];
  let logoHtml = '';
  if (assets.logo) {
    // Stryker disable next-line StringLiteral: nodemailer makes an attachment with a cid inline by itself.
    attachments.push({ filename: `logo.${extensionOf(assets.logo.mime)}`, content: assets.logo.bytes, contentType: assets.logo.mime, cid: logoCid, contentDisposition: 'inline' });
    logoHtml = `<p><img src="cid:${logoCid}" alt="${escapeHtml(assets.shopName)}" style="max-height:80px;max-width:240px"></p>`;
  }
  if (mail.attachTerms && assets.terms && 'pdf' in assets.terms) {
    // Stryker disable next-line StringLiteral: nodemailer gives the same type from the file name.
    attachments.push({ filename: 'algemene-voorwaarden.pdf', content: assets.terms.pdf.bytes, contentType: 'application/pdf' });
  } else if (mail.attachTerms && assets.terms && 'text' in assets.terms) {
    // Stryker disable next-line StringLiteral: nodemailer gives the same type from the file name.
    attachments.push({ filename: 'algemene-voorwaarden.txt', content: assets.terms.text, contentType: 'text/plain; charset=utf-8' });
  }
  const html =
    '<!doctype html><html><head><meta charset="utf-8"></head>' +
    `<body style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:14px;line-height:1.5;color:#222">${logoHtml}` +
    `<div style="white-space:pre-wrap">${mail.html}</div></body></html>`;

  return {
    messageId: mail.messageId,
    from: { name: sender.from.name, address: sender.from.address },
    replyTo: sender.replyTo,
    to: mail.to,
    bcc: sender.bcc,
    subject: mail.subject,
    html,
    text: mail.text,
    attachments,
    // Explicit so "€" and "ë" arrive intact whatever the server's default is.
    textEncoding: 'quoted-printable',
  };
}
