import { z } from 'zod';
import { accept, refuse, type Check } from './check';

/** A server's host name such as `smtp.example.com`; IP addresses pass too. */
export function checkHostname(input: string): Check {
  const value = input.trim().toLowerCase();
  return z.regexes.hostname.test(value) ? accept(value) : refuse('hostname.invalid');
}

/**
 * This computer only: `localhost`, 127.x.x.x or ::1. Exact matches, so `localhost.example.nl` or
 * `127.0.0.1.nip.io` never pass. Plain SMTP is allowed to these alone.
 */
export function isLoopbackHost(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name === '::1') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255);
}
