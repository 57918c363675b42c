import { describe as describeReason } from '../../../domain/messages';
import type { FieldDef } from '../../../domain/settings/types';
import type { FieldError } from '../../../domain/settings/validate';
import type { Lang } from '../../../domain/text';
import { readRecord, type Handle } from './records';

/**
 * Choices that point into a list the user keeps (a sales channel, the stores of a user) must
 * point at items that still exist. Checked inside the write's transaction, for the given values.
 */
export function missingReferences(db: Handle, fields: readonly FieldDef[], values: Readonly<Record<string, unknown>>, lang: Lang): FieldError[] {
  return fields.flatMap((field) => {
    const chosen = values[field.key];
    const list = field.optionsFrom;
    if (!list || chosen === undefined || chosen === '') return [];
    const ids = Array.isArray(chosen) ? chosen.map(String) : [String(chosen)];
    // One keyed read per chosen item, never the whole list.
    if (ids.every((id) => readRecord(db, list, id)?.deleted === false)) return [];
    return [{ field: field.key, reason: 'unknown_item', message: describeReason('unknown_item', lang, { label: field.label[lang] }) }];
  });
}
