import { describe as describeReason } from '../../../domain/messages';
import type { FieldDef } from '../../../domain/settings/types';
import type { FieldError } from '../../../domain/settings/validate';
import type { Lang } from '../../../domain/text';
import { listRecords, type Tx } from './records';

/**
 * Choices that point into a list the user keeps (a sales channel, the stores of a user) must
 * point at items that still exist. Checked inside the write's transaction, for the given values.
 */
export function missingReferences(tx: Tx, fields: readonly FieldDef[], values: Readonly<Record<string, unknown>>, lang: Lang): FieldError[] {
  return fields.flatMap((field) => {
    const chosen = values[field.key];
    if (!field.optionsFrom || chosen === undefined || chosen === '') return [];
    const existing = new Set(listRecords(tx, field.optionsFrom).filter((record) => !record.deleted).map((record) => record.id));
    const ids = Array.isArray(chosen) ? chosen.map(String) : [String(chosen)];
    if (ids.every((id) => existing.has(id))) return [];
    return [{ field: field.key, reason: 'unknown_item', message: describeReason('unknown_item', lang, { label: field.label[lang] }) }];
  });
}
