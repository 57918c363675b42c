import type { FieldDef } from '../../../domain/settings/types';
import { formatIban } from '../../../domain/validators/iban';

/**
 * Stored value → what the control edits: money as `12,50`, an IBAN in groups of four as people
 * read it from a bank card; everything else as stored.
 */
export function toFormValue(field: FieldDef, stored: unknown): unknown {
  if (field.kind === 'money') return typeof stored === 'number' ? (stored / 100).toFixed(2).replace('.', ',') : '';
  if (field.input === 'iban' && typeof stored === 'string' && stored !== '') return formatIban(stored);
  return stored;
}

/** Whether the control's value differs from the stored one, comparing money and IBANs as shown. */
export function isChanged(field: FieldDef, formValue: unknown, stored: unknown): boolean {
  if (field.kind === 'money' || field.input === 'iban') return formValue !== toFormValue(field, stored);
  return JSON.stringify(formValue ?? null) !== JSON.stringify(stored ?? null);
}
