import type { FieldDef } from '../../../domain/settings/types';

/** Stored value → what the control edits. Money is shown as `12,50`; everything else as stored. */
export function toFormValue(field: FieldDef, stored: unknown): unknown {
  if (field.kind === 'money') return typeof stored === 'number' ? (stored / 100).toFixed(2).replace('.', ',') : '';
  return stored;
}

/** Whether the control's value differs from the stored one, comparing money by its cents. */
export function isChanged(field: FieldDef, formValue: unknown, stored: unknown): boolean {
  if (field.kind === 'money') return formValue !== toFormValue(field, stored);
  return JSON.stringify(formValue ?? null) !== JSON.stringify(stored ?? null);
}
