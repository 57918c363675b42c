import { z } from 'zod';
import { emailTemplates, findTemplateKind, samplePlaceholderValues } from '../../../domain/lists/emailTemplates';
import { describe as describeReason } from '../../../domain/messages';
import { failure, success } from '../../../domain/result';
import type { FieldError } from '../../../domain/settings/validate';
import { checkTemplate, renderTemplate, TemplateTooHeavyError } from '../../services/templates/templateEngine';
import { actorOf, call } from '../define';

const kind = z.string().refine((key) => findTemplateKind(key) !== undefined);

/**
 * The subject and body checked against the placeholders the template offers. An error names the
 * field by the label the form shows: `Tekst (Nederlands)` when the text is the Dutch variant.
 */
export function templateErrors(kind: string, texts: { subject: string; body: string }, lang: 'nl' | 'en', variant: 'nl' | 'en' = 'nl'): FieldError[] {
  const offered = findTemplateKind(kind)?.placeholders ?? [];
  return (['subject', 'body'] as const).flatMap((field) => {
    const problem = checkTemplate(texts[field], offered);
    if (!problem) return [];
    const key = `${field}${variant === 'nl' ? 'Nl' : 'En'}`;
    const label = emailTemplates.fields.find((f) => f.key === key)?.label[lang] ?? key;
    return [{ field: key, reason: problem.reason, message: describeReason(problem.reason, lang, { label, ...problem.values }) }];
  });
}

export const templateCalls = {
  /** Renders a subject (plain text, as mailed) and body (HTML, values escaped) with sample data by the engine that sends the mail. */
  'templates.preview': call({
    input: z.object({ kind, subject: z.string().max(1000), body: z.string().max(50_000), variant: z.enum(['nl', 'en']).optional() }),
    permission: 'templates.view',
    run: ({ kind, subject, body, variant }, { lang }) => {
      const fields = templateErrors(kind, { subject, body }, lang, variant);
      if (fields.length > 0) return failure({ code: 'invalid', message: fields.map((f) => f.message).join(' '), fields });
      const rendered: Record<'subject' | 'body', string> = { subject: '', body: '' };
      for (const field of ['subject', 'body'] as const) {
        try {
          rendered[field] = field === 'subject' ? renderTemplate(subject, samplePlaceholderValues, 'plain') : renderTemplate(body);
        } catch (error) {
          if (!(error instanceof TemplateTooHeavyError)) throw error;
          const key = `${field}${variant === 'en' ? 'En' : 'Nl'}`;
          const label = emailTemplates.fields.find((f) => f.key === key)?.label[lang] ?? key;
          const message = describeReason('templates.tooHeavy', lang, { label });
          return failure({ code: 'invalid', message, fields: [{ field: key, reason: 'templates.tooHeavy', message }] });
        }
      }
      return success(rendered);
    },
  }),
  'templates.reset': call({
    input: z.object({ kind }),
    permission: 'templates.edit',
    run: ({ kind }, { services, session, lang }) => services.lists.resetTemplate(kind, actorOf({ session, lang })),
  }),
};
