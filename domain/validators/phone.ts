import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { accept, refuse, type Check } from './check';

/**
 * Phone numbers through libphonenumber (Google's maintained numbering plans). A number without a
 * country code is read as Dutch; it is stored in international form so it dials from anywhere.
 */
export function checkPhone(input: string): Check {
  const parsed = parsePhoneNumberFromString(input.trim(), 'NL');
  return parsed?.isValid() ? accept(parsed.formatInternational()) : refuse('phone.invalid');
}
