import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { signInLimits } from '../../../domain/access/signInLimits';
import { passwordMinLength } from '../../../domain/lists/users';
import { describe as describeReason } from '../../../domain/messages';
import type { FieldError } from '../../../domain/settings/validate';
import type { Lang } from '../../../domain/text';

/**
 * Which passwords are refused: blank, shorter than 12 characters, one character or a short
 * pattern repeated, guessable from the common and Dutch (nl-be) password and word lists, or made
 * of the user's own name, e-mail address or the shop's name. Guessability is zxcvbn's estimate
 * (@zxcvbn-ts/core); score 3 ("safely unguessable") is the least accepted.
 */
let checker: Promise<ZxcvbnFactory> | null = null;

/** Loaded on the first password check only: the word lists cost tens of megabytes. */
function strengthChecker(): Promise<ZxcvbnFactory> {
  checker ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-nl-be')]).then(
    ([core, common, dutch]) => new core.ZxcvbnFactory({ dictionary: { ...common.dictionary, ...dutch.dictionary }, graphs: common.adjacencyGraphs }),
  );
  return checker;
}

export type PasswordReason = 'password.blank' | 'password.tooShort' | 'password.repeated' | 'password.personal' | 'password.common';

/** The words a person's password must not be built from: their name, their e-mail and its parts, the shop. */
export function personalWords(...values: (string | undefined)[]): string[] {
  return values.flatMap((value) => (value ? [value, ...value.toLowerCase().split(/[\s@.+_-]+/).filter((part) => part.length >= 3)] : []));
}

export async function passwordReason(password: string, personal: readonly string[]): Promise<PasswordReason | null> {
  if (password.trim() === '') return 'password.blank';
  if (password.length < passwordMinLength) return 'password.tooShort';
  if (new Set(password.toLowerCase()).size < 5) return 'password.repeated';
  const checker = await strengthChecker();
  // A name or address with a few digits around it is what someone who knows the user tries first.
  const lower = password.toLowerCase();
  const remainder = personal.reduce((rest, word) => (word.length >= 3 ? rest.split(word.toLowerCase()).join(' ') : rest), lower);
  if (remainder !== lower && checker.check(remainder.trim()).score < 3) return 'password.personal';
  const result = checker.check(password, [...personal]);
  if (result.score >= 3) return null;
  if (result.sequence.some((match) => match.pattern === 'dictionary' && match.dictionaryName === 'userInputs')) return 'password.personal';
  if (result.sequence.some((match) => match.pattern === 'repeat')) return 'password.repeated';
  return 'password.common';
}

/** The refusal as a field error naming the field by its label, or null when the password is fine. */
export async function passwordRefusal(password: string, personal: readonly string[], lang: Lang, field = 'password'): Promise<FieldError | null> {
  const label = lang === 'nl' ? 'Wachtwoord' : 'Password';
  // Sign-in takes no longer password (and its field cuts a pasted one there): a longer one would lock its owner out.
  if (password.length > signInLimits.password) return { field, reason: 'too_long', message: describeReason('too_long', lang, { label, max: signInLimits.password }) };
  const reason = await passwordReason(password, personal);
  if (!reason) return null;
  return { field, reason, message: describeReason(reason, lang, { label, min: passwordMinLength }) };
}
