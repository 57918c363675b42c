import { z } from 'zod';
import { accept, refuse, type Check } from './check';

/** A server's host name such as `smtp.example.com`; IP addresses pass too. */
export function checkHostname(input: string): Check {
  const value = input.trim().toLowerCase();
  return z.regexes.hostname.test(value) ? accept(value) : refuse('hostname.invalid');
}
