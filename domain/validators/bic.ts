import { isValidBIC } from 'ibantools';
import { accept, compact, refuse, type Check } from './check';

const bicPattern = /^[A-Z]{4}[A-Z]{2}[0-9A-Z]{2}([0-9A-Z]{3})?$/;

/**
 * BIC: 4 letters bank, 2 letters country, 2 location, optionally 3 branch. The country part
 * must be a real country (ibantools keeps the ISO 3166 list), so a word that happens to have
 * eight letters, such as `MULTIPLE`, is refused as peers refuse it.
 */
export function checkBic(input: string): Check {
  const bic = compact(input);
  if (!bicPattern.test(bic)) return refuse('bic.format');
  return isValidBIC(bic) ? accept(bic) : refuse('bic.country', { country: bic.slice(4, 6) });
}

/** BICs of the Dutch banks by the bank code inside an NL IBAN (positions 5-8). */
const dutchBanks: Readonly<Record<string, string>> = {
  ABNA: 'ABNANL2A',
  INGB: 'INGBNL2A',
  RABO: 'RABONL2U',
  SNSB: 'SNSBNL2A',
  ASNB: 'ASNBNL21',
  RBRB: 'RBRBNL21',
  TRIO: 'TRIONL2U',
  KNAB: 'KNABNL2H',
  BUNQ: 'BUNQNL2A',
  FVLB: 'FVLBNL22',
  HAND: 'HANDNL2A',
  NNBA: 'NNBANL2G',
};

/** The BIC for a compact Dutch IBAN when its bank is known, so the form can fill it in. */
export function bicForIban(iban: string): string | undefined {
  if (!iban.startsWith('NL')) return undefined;
  return dutchBanks[iban.slice(4, 8)];
}
