import { accept, compact, refuse, type Check } from './check';

/**
 * Dutch postcode `1234 AB`; the letter pairs SA, SD and SS are never issued. The country prefix
 * of international mail (`NL-1234 AB`, `NL 1234AB`) is accepted and dropped.
 */
export function checkPostcode(input: string): Check {
  const code = compact(input).replace(/^NL(?=\d)/, '');
  if (!/^[1-9]\d{3}[A-Z]{2}$/.test(code)) return refuse('postcode.format');
  const letters = code.slice(4);
  if (letters === 'SA' || letters === 'SD' || letters === 'SS') return refuse('postcode.reserved');
  return accept(`${code.slice(0, 4)} ${letters}`);
}
