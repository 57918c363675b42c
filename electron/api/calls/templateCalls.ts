import { z } from 'zod';
import { findTemplateKind, samplePlaceholderValues } from '../../../domain/lists/emailTemplates';
import { describe as describeReason } from '../../../domain/messages';
import { failure, success } from '../../../domain/result';
import type { FieldError } from '../../../domain/settings/validate';
import { checkTemplate, renderTemplate } from '../../services/templates/templateEngine';
import { actorOf, call } from '../define';

const kind = z.string().refine((key) => findTemplateKind(key) !== undefined);

/** The subject and body checked against the placeholders the template offers; errors name the field. */
export function templateErrors(kind: string, texts: { subject: string; body: string }, lang: 'nl' | 'en'): FieldError[] {
  const offered = findTemplateKind(kind)?.placeholders ?? [];
  return (['subject', 'body'] as const).flatMap((field) => {
    const problem = checkTemplate(texts[field], offered);
    if (!problem) return [];
    const label = field === 'subject' ? (lang === 'nl' ? 'Onderwerp' : 'Subject') : lang === 'nl' ? 'Tekst' : 'Body';
    const values: Record<string, string> = problem.reason === 'templates.syntax' ? { label, detail: problem.detail } : { label, name: problem.name };
    return [{ field, reason: problem.reason, message: describeReason(problem.reason, lang, values) }];
  });
}

export const templateCalls = {
  /** Renders a subject (plain text, as mailed) and body (HTML, values escaped) with sample data by the engine that sends the mail. */
  'templates.preview': call({
    input: z.object({ kind, subject: z.string().max(1000), body: z.string().max(50_000) }),
    permission: 'templates.view',
    run: ({ kind, subject, body }, { lang }) => {
      const fields = templateErrors(kind, { subject, body }, lang);
      if (fields.length > 0) return failure({ code: 'invalid', message: fields.map((f) => f.message).join(' '), fields });
      return success({ subject: renderTemplate(subject, samplePlaceholderValues, 'plain'), body: renderTemplate(body) });
    },
  }),
  'templates.reset': call({
    input: z.object({ kind }),
    permission: 'templates.edit',
    run: ({ kind }, { services, session, lang }) => services.lists.resetTemplate(kind, actorOf({ session, lang })),
  }),
};
