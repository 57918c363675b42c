import { accept, refuse, type Check } from './check';

/**
 * KvK-nummer: exactly 8 digits, no checksum. People type it with any of the usual separators
 * (`1234 5678`, `1234-5678`, `12.34.56.78`) and often copy it with the branch suffix of the KvK
 * extract (`12345678/0000`, `12345678 0000`); both are accepted, the suffix is stripped. Twelve
 * digits without a separator stay refused: that is a vestigingsnummer, not a KvK-nummer.
 */
export function checkKvk(input: string): Check {
  const parts = input.trim().split(/[\s.\-/]+/).filter(Boolean);
  const digits = parts.join('');
  if (!/^\d+$/.test(digits)) return refuse('kvk.format');
  if (digits.length === 8) return accept(digits);
  const branch = parts.at(-1) ?? '';
  const number = parts.slice(0, -1).join('');
  return parts.length > 1 && /^\d{4}$/.test(branch) && number.length === 8 ? accept(number) : refuse('kvk.format');
}
