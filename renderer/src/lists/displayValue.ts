import { formatEuro } from '../../../domain/money';
import type { FieldDef } from '../../../domain/settings/types';
import type { Lang } from '../../../domain/text';

/** A stored value as a table cell shows it: option labels, euros, Ja/Nee, names of chosen channels. */
export function displayValue(field: FieldDef, value: unknown, lang: Lang, names: Record<string, string> = {}): string {
  const none = '—';
  if (value === null || value === undefined || value === '') return none;
  const label = (v: unknown) => field.options?.find((option) => option.value === v)?.label[lang] ?? names[String(v)] ?? String(v);
  switch (field.kind) {
    case 'money':
      return typeof value === 'number' ? formatEuro(value) : none;
    case 'toggle':
      return value === true ? (lang === 'nl' ? 'Ja' : 'Yes') : lang === 'nl' ? 'Nee' : 'No';
    case 'select':
      return label(value);
    case 'multiSelect':
    case 'orderedMultiSelect':
      return Array.isArray(value) && value.length > 0 ? value.map(label).join(', ') : none;
    default:
      return String(value);
  }
}
