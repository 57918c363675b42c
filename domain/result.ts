import type { FieldError } from './settings/validate';

/**
 * Results over exceptions at every boundary the UI talks to: a refusal is data with a stable
 * code, a message in the user's language and, for input, the errors per field.
 */
export interface Failure {
  code: string;
  message: string;
  fields?: FieldError[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export const success = <T>(value: T): Result<T> => ({ ok: true, value });
export const failure = (error: Failure): Result<never> => ({ ok: false, error });
