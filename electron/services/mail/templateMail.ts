import type { Lang } from '../../../domain/text';
import { renderTemplate } from '../templates/templateEngine';

/** A template's stored values (E-mailsjablonen): subject and body per language, attachments. */
export type TemplateValues = Record<string, unknown>;

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  attachTerms: boolean;
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * Renders one template with real values in the customer's language (English only where the
 * shop filled in the English variant). The subject is plain text; the body goes as HTML with
 * the values escaped, and as plain text for the text part. "Voorwaarden in e-mails" close it.
 */
export function renderTemplateMail(template: TemplateValues, values: Readonly<Record<string, string>>, lang: Lang, termsText: string): RenderedMail {
  const english = lang === 'en' && textOf(template.subjectEn).trim() !== '' && textOf(template.bodyEn).trim() !== '';
  const subject = textOf(english ? template.subjectEn : template.subjectNl);
  const body = textOf(english ? template.bodyEn : template.bodyNl);
  const footer = termsText.trim();
  const escapedFooter = footer.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  // Stryker disable next-line StringLiteral: every mode but 'html' renders plain text.
  const plain = (text: string) => renderTemplate(text, values, 'plain');
  return {
    // A subject is one line: a placeholder value with a newline must not start a header.
    subject: plain(subject).replace(/\s*[\r\n]\s*/g, ' ').trim(),
    html: renderTemplate(body, values, 'html') + (footer ? `\n\n<small style="color:#666">${escapedFooter}</small>` : ''),
    text: plain(body) + (footer ? `\n\n${footer}` : ''),
    attachTerms: template.attachTerms === true,
  };
}
