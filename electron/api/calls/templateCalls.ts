import { z } from 'zod';
import { findTemplateKind } from '../../../domain/lists/emailTemplates';
import { describe as describeReason } from '../../../domain/messages';
import { failure, success } from '../../../domain/result';
import { checkTemplate, renderTemplate } from '../../services/templates/templateEngine';
import { actorOf, call } from '../define';

const kind = z.string().refine((key) => findTemplateKind(key) !== undefined);

export const templateCalls = {
  /** Renders a subject and body with sample data by the same engine that sends the mail; HTML is escaped. */
  'templates.preview': call({
    input: z.object({ kind, subject: z.string().max(1000), body: z.string().max(50_000) }),
    permission: 'templates.view',
    run: ({ kind, subject, body }, { lang }) => {
      const offered = findTemplateKind(kind)?.placeholders ?? [];
      const fields = (['subject', 'body'] as const).flatMap((field) => {
        const problem = checkTemplate(field === 'subject' ? subject : body, offered);
        if (!problem) return [];
        const label = field === 'subject' ? (lang === 'nl' ? 'Onderwerp' : 'Subject') : lang === 'nl' ? 'Tekst' : 'Body';
        const values: Record<string, string> = problem.reason === 'templates.syntax' ? { label, detail: problem.detail } : { label, name: problem.name };
        return [{ field, reason: problem.reason, message: describeReason(problem.reason, lang, values) }];
      });
      if (fields.length > 0) return failure({ code: 'invalid', message: fields.map((f) => f.message).join(' '), fields });
      return success({ subject: renderTemplate(subject), body: renderTemplate(body) });
    },
  }),
  'templates.reset': call({
    input: z.object({ kind }),
    permission: 'templates.edit',
    run: ({ kind }, { services, session, lang }) => services.lists.resetTemplate(kind, actorOf({ session, lang })),
  }),
};
