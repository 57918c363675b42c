import { z } from 'zod';
import { findTemplateKind } from '../../../domain/lists/emailTemplates';
import { describe as describeReason } from '../../../domain/messages';
import { failure, success, type Result } from '../../../domain/result';
import type { Lang } from '../../../domain/text';
import { checkEmail } from '../../../domain/validators/email';
import { actorOf, call } from '../define';
import { templateErrors } from './templateCalls';

const kind = z.string().refine((key) => findTemplateKind(key) !== undefined);
const mailId = z.number().int().positive();

const recipientLabel = { nl: 'Ontvanger', en: 'Recipient' };

/** The address the user typed, normalised, or a refusal naming the field by its label. */
function recipient(to: string, lang: Lang): Result<string> {
  const checked = checkEmail(to);
  if (checked.ok) return success(checked.value);
  const message = describeReason('email.invalid', lang, { label: recipientLabel[lang] });
  return failure({ code: 'invalid', message, fields: [{ field: 'to', reason: 'email.invalid', message }] });
}

export const mailCalls = {
  /** Sends a test mail through the shop's SMTP server now and reports the server's answer or the reason, in the user's words. */
  'mail.sendTest': call({
    input: z.object({ to: z.string().max(320) }),
    permission: 'email.edit',
    run: async ({ to }, { services, session, lang }) => {
      const address = recipient(to, lang);
      if (!address.ok) return address;
      return services.mail.sendTest(address.value, actorOf({ session, lang }));
    },
  }),
  /** The template as it is being edited, filled with sample data, sent now to one address. */
  'mail.sendSample': call({
    input: z.object({ kind, to: z.string().max(320), subject: z.string().max(1000), body: z.string().max(50_000), variant: z.enum(['nl', 'en']).optional() }),
    permission: 'templates.edit',
    run: async ({ kind, to, subject, body, variant }, { services, session, lang }) => {
      const fields = templateErrors(kind, { subject, body }, lang, variant);
      if (fields.length > 0) return failure({ code: 'invalid', message: fields.map((f) => f.message).join(' '), fields });
      const address = recipient(to, lang);
      if (!address.ok) return address;
      return services.mail.sendSample({ kind, to: address.value, subject, body }, actorOf({ session, lang }));
    },
  }),
  /** Verzonden e-mail: recent mails with state, attempts, the server's last answer and the reason in the reader's language. */
  'mail.list': call({
    input: z.object({}),
    permission: 'email.view',
    run: (_input, { services, lang }) => success(services.mail.list(lang)),
  }),
  'mail.resend': call({
    input: z.object({ id: mailId }),
    permission: 'email.edit',
    run: ({ id }, { services, session, lang }) => services.mail.resend(id, actorOf({ session, lang })),
  }),
  'mail.discard': call({
    input: z.object({ id: mailId }),
    permission: 'email.edit',
    run: ({ id }, { services, lang }) => services.mail.discard(id, lang),
  }),
};
