import { z } from 'zod';
import { describe } from '../messages';
import type { Failure } from '../result';
import { reasonOf, type FieldError } from '../settings/validate';
import { fill, type Lang, type Text } from '../text';
import { signInLimits } from './signInLimits';

type SignInField = keyof typeof signInLimits;

/** The labels the sign-in form shows, so a refusal names the field the user sees. */
const labels = {
  email: { nl: 'E-mailadres', en: 'E-mail address' },
  password: { nl: 'Wachtwoord', en: 'Password' },
} satisfies Record<SignInField, Text>;

// A missing or null field reads as an empty one: "is verplicht", not "moet tekst zijn".
const filled = (inner: z.ZodString) => z.preprocess((value) => value ?? '', inner);

// The address is trimmed (a space pasted along is no reason to refuse); the password is taken as typed.
const signInShape = z.object({
  email: filled(z.string().trim().min(1).max(signInLimits.email)),
  password: filled(z.string().min(1).max(signInLimits.password)),
});

export type SignInInput = z.infer<typeof signInShape>;

/** Refused: the refusal as the sign-in call answers it (`invalid_input`, with the fields when it names any). */
export type SignInCheck = { ok: true; value: SignInInput } | { ok: false; error: Failure };

/**
 * What a sign-in must hold before it is compared with any account: both fields filled and within
 * their limits. Refused here, an empty or overlong try never counts towards a lockout, so
 * pressing Enter on an empty form cannot lock anyone out. Every refusal names the field by its label.
 */
export function checkSignIn(input: unknown, lang: Lang): SignInCheck {
  const parsed = signInShape.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields: FieldError[] = [];
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field !== 'email' && field !== 'password') return { ok: false, error: { code: 'invalid_input', message: describe('not_an_object', lang) } };
    const { reason, values } = reasonOf(issue);
    fields.push({ field, reason, message: describe(reason, lang, { label: labels[field][lang], ...values }) });
  }
  return { ok: false, error: { code: 'invalid_input', message: fields.map((field) => field.message).join(' '), fields } };
}

const minutesText = { one: { nl: '{count} minuut', en: '{count} minute' }, many: { nl: '{count} minuten', en: '{count} minutes' } } satisfies Record<string, Text>;

/** "1 minuut", "5 minuten": a lockout's length in words, singular for one. */
function minutesWords(minutes: number, lang: Lang): string {
  return fill(minutesText[minutes === 1 ? 'one' : 'many'][lang], { count: minutes });
}

/**
 * How many tries are left and how long the lockout after them lasts (one try, one minute:
 * singular). Said after every wrong password that counts towards the lockout: at sign-in and for
 * the current password in Wachtwoord wijzigen.
 */
export function lockoutWarning(triesLeft: number, lockMinutes: number, lang: Lang): string {
  return describe(triesLeft === 1 ? 'signIn.triesLeftLast' : 'signIn.triesLeft', lang, { left: triesLeft, lock: minutesWords(lockMinutes, lang) });
}

/** A wrong e-mail address or password, with the lockout warning. */
export function wrongSignInMessage(triesLeft: number, lockMinutes: number, lang: Lang): string {
  return describe('signIn.wrong', lang, { warning: lockoutWarning(triesLeft, lockMinutes, lang) });
}

/** A locked account, with the minutes left until it may try again (the last minute: singular). */
export function lockedSignInMessage(minutesLeft: number, lang: Lang): string {
  return describe('signIn.locked', lang, { wait: minutesWords(minutesLeft, lang) });
}
