import { electronicFormatIBAN, friendlyFormatIBAN, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import type { ReasonCode } from '../messages';
import { accept, compact, refuse, type Check } from './check';

/**
 * IBAN through ibantools, which keeps every country's length and format as maintained data.
 * The old Dutch account elfproef is deliberately not applied: many valid IBANs fail it.
 * Separators are dropped first, dots included (`NL91.ABNA.0417.1643.00`, as some bank apps copy it).
 */
export function checkIban(input: string): Check {
  const iban = electronicFormatIBAN(compact(input)) ?? '';
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return refuse('iban.format');
  const result = validateIBAN(iban);
  if (result.valid) return accept(iban);
  return refuse(reasonFor(result.errorCodes[0]));
}

function reasonFor(code: ValidationErrorsIBAN | undefined): ReasonCode {
  switch (code) {
    case ValidationErrorsIBAN.NoIBANCountry:
      return 'iban.country';
    case ValidationErrorsIBAN.WrongBBANLength:
      return 'iban.length';
    case ValidationErrorsIBAN.WrongIBANChecksum:
    case ValidationErrorsIBAN.WrongAccountBankBranchChecksum:
      return 'iban.checksum';
    default:
      return 'iban.format';
  }
}

/** `NL91ABNA0417164300` → `NL91 ABNA 0417 1643 00`, the way it is printed on invoices. */
export function formatIban(iban: string): string {
  return friendlyFormatIBAN(iban) ?? iban;
}
