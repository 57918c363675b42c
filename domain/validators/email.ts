import { z } from 'zod';
import { accept, refuse, type Check } from './check';

const emailAddress = z.email();

/** E-mail addresses are trimmed and lower-cased: mail systems treat them case-insensitively. */
export function checkEmail(input: string): Check {
  const value = input.trim().toLowerCase();
  return emailAddress.safeParse(value).success ? accept(value) : refuse('email.invalid');
}
