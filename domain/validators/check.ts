import type { ReasonCode } from '../messages';

/**
 * What every Dutch validator returns: the normalised value to store, or the reason it was refused.
 * Validators normalise as they check so that what is stored is always the canonical form
 * (compact uppercase IBAN, `1234 AB`), whatever the user typed.
 */
export type Check<T = string> = { ok: true; value: T } | { ok: false; reason: ReasonCode; values?: Record<string, string | number> };

export const accept = <T>(value: T): Check<T> => ({ ok: true, value });
export const refuse = (reason: ReasonCode, values?: Record<string, string | number>): Check<never> =>
  values ? { ok: false, reason, values } : { ok: false, reason };

/** Removes the separators people type inside numbers: spaces, dots, dashes and slashes are never significant. */
export function compact(input: string): string {
  return input.replace(/[\s.\-/]/g, '').toUpperCase();
}

/** A short code people type in any case but that is always written in capitals (`s4` → `S4`). */
export function uppercaseCode(pattern: RegExp, reason: ReasonCode): (input: string) => Check {
  return (input) => {
    const value = input.toUpperCase();
    return pattern.test(value) ? accept(value) : refuse(reason);
  };
}
