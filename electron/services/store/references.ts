import { describe as describeReason } from '../../../domain/messages';
import type { FieldDef } from '../../../domain/settings/types';
import type { FieldError } from '../../../domain/settings/validate';
import type { Lang } from '../../../domain/text';
import { readRecord, type Handle } from './records';

const choicesOf = new WeakMap<readonly FieldDef[], readonly FieldDef[]>();

/** The fields whose choices come from a list, worked out once per group or list: most have none, and a write then checks nothing. */
function choiceFields(fields: readonly FieldDef[]): readonly FieldDef[] {
  let choices = choicesOf.get(fields);
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: a cache; working the list out again gives the same list.
  if (!choices) {
    choices = fields.filter((field) => field.optionsFrom !== undefined);
    // Stryker disable next-line CallExpression: a cache; not keeping the list only means working it out again.
    choicesOf.set(fields, choices);
  }
  return choices;
}

/**
 * Choices that point into a list the user keeps (a sales channel, the stores of a user) must
 * point at items that still exist. Checked inside the write's transaction, for the given values.
 */
export function missingReferences(db: Handle, fields: readonly FieldDef[], values: Readonly<Record<string, unknown>>, lang: Lang): FieldError[] {
  return choiceFields(fields).flatMap((field) => {
    const chosen = values[field.key];
    const list = field.optionsFrom;
    if (!list || chosen === undefined || chosen === '') return [];
    const ids = Array.isArray(chosen) ? chosen.map(String) : [String(chosen)];
    // One keyed read per chosen item, never the whole list.
    if (ids.every((id) => readRecord(db, list, id)?.deleted === false)) return [];
    return [{ field: field.key, reason: 'unknown_item', message: describeReason('unknown_item', lang, { label: field.label[lang] }) }];
  });
}
