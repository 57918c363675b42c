import { accept, compact, refuse, type Check } from './check';

/**
 * Dutch BTW-identificatienummer: `NL` + 9 digits + `B` + 2 digits (01 or higher).
 * Two numbering schemes are in use, and a number is valid when either check passes:
 * - the 11-proef over the 9 digits (numbers derived from the RSIN / BSN);
 * - ISO 7064 mod 97-10 over the whole string (numbers issued to sole traders since 2020).
 * A number written without its leading zeros (`NL4495445B01`) is the same number and is stored
 * padded (`NL004495445B01`), as peer validators do. All nine digits zero passes the 11-proef
 * arithmetically but is never issued, so it is refused.
 */
export function checkVatId(input: string): Check {
  let id = compact(input);
  if (/^\d/.test(id)) id = `NL${id}`;
  const short = /^NL(\d{1,8})(B\d{2})$/.exec(id);
  if (short) id = `NL${(short[1] ?? '').padStart(9, '0')}${short[2] ?? ''}`;
  if (!/^NL\d{9}B\d{2}$/.test(id)) return refuse('vatId.format');
  if (id.endsWith('B00')) return refuse('vatId.suffix');
  if (id.slice(2, 11) === '000000000') return refuse('vatId.checksum');
  return passesElevenTest(id.slice(2, 11)) || passesMod97(id) ? accept(id) : refuse('vatId.checksum');
}

/** 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be divisible by 11. */
export function passesElevenTest(nineDigits: string): boolean {
  const digits = [...nineDigits].map(Number);
  const weighted = digits.slice(0, 8).reduce((sum, d, i) => sum + d * (9 - i), 0);
  return (weighted - (digits[8] ?? 0)) % 11 === 0;
}

/** ISO 7064 mod 97-10 with letters as numbers (A=10 … Z=35): the remainder must be 1. */
export function passesMod97(value: string): boolean {
  const numeric = [...value].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');
  return mod97(numeric) === 1;
}

/** Remainder of a long decimal string by 97, digit by digit so it never exceeds a safe integer. */
export function mod97(numeric: string): number {
  let rest = 0;
  for (const digit of numeric) rest = (rest * 10 + Number(digit)) % 97;
  return rest;
}
