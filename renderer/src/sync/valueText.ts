import { fieldsOfRecord } from '../../../domain/settings/catalogue';
import type { FieldDef } from '../../../domain/settings/types';
import type { Lang } from '../../../domain/text';
import { displayValue } from '../lists/displayValue';

export function fieldDef(collection: string, recordId: string, field: string): FieldDef | undefined {
  return fieldsOfRecord(collection, recordId).find((def) => def.key === field);
}

/** A synced value as a person reads it: option labels, euros, Ja/Nee; a hash stays a hash. */
export function valueText(collection: string, recordId: string, field: string, value: unknown, lang: Lang): string {
  const def = fieldDef(collection, recordId, field);
  if (def) return displayValue(def, value, lang);
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Fields a person can type a third value for on the Conflicten screen. */
export function isTypable(def: FieldDef | undefined): boolean {
  return def !== undefined && (def.kind === 'text' || def.kind === 'longText' || def.kind === 'number' || def.kind === 'money');
}

/** What a typed value is stored as; the service validates it like any edit. */
export function typedValue(def: FieldDef | undefined, text: string): unknown {
  if (def?.kind === 'number' || def?.kind === 'money') return text.trim() === '' ? null : Number(text.replace(',', '.'));
  return text;
}
