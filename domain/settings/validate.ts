import type { z } from 'zod';
import { describe, isReasonCode, type ReasonCode } from '../messages';
import type { Lang } from '../text';
import { findField } from './catalogue';
import type { CollectionDef, GroupDef } from './types';

/** A refusal as the user sees it: which field, why (a stable code) and the sentence to show. */
export interface FieldError {
  field: string;
  reason: ReasonCode;
  message: string;
}

export type Validation =
  | { ok: true; values: Record<string, unknown>; changes: Record<string, unknown> }
  | { ok: false; errors: FieldError[] };

type Issue = z.core.$ZodIssue;

/** Translates a zod issue into one of our reasons, keeping the numbers the message needs. */
export function reasonOf(issue: Issue): { reason: ReasonCode; values: Record<string, string | number> } {
  switch (issue.code) {
    case 'custom': {
      // Stryker disable next-line StringLiteral: any text that is not a reason code gives the same "invalid".
      const reason = String(issue.params?.reason ?? '');
      // Stryker disable next-line OptionalChaining: a reason code came from params, so params is set here.
      return isReasonCode(reason) ? { reason, values: issue.params?.values ?? {} } : { reason: 'invalid', values: {} };
    }
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return { reason: 'not_number', values: {} };
      if (issue.expected === 'string') return { reason: 'not_text', values: {} };
      if (issue.expected === 'boolean') return { reason: 'not_toggle', values: {} };
      return { reason: 'invalid', values: {} };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? { reason: 'required', values: {} } : { reason: 'too_short', values: { min } };
      if (issue.origin === 'array') return { reason: 'too_few_items', values: { min } };
      return { reason: 'too_small', values: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { reason: 'too_long', values: { max } };
      if (issue.origin === 'array') return { reason: 'too_many_items', values: { max } };
      return { reason: 'too_big', values: { max } };
    }
    case 'invalid_value':
    // Stryker disable next-line ConditionalExpression,StringLiteral: only maps and sets report invalid_element and the catalogue has neither; listed so one would read as a choice.
    case 'invalid_element':
      return { reason: 'invalid_option', values: {} };
    default:
      // A union none of whose options took the value (a money field sent true), and whatever zod adds later.
      return { reason: 'invalid', values: {} };
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the same text or number compares equal either way; checked first as it is most saves.
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export interface ValidateOptions {
  lang: Lang;
  /** Services may write fields the user cannot, such as a webhook's last response code. */
  allowReadOnly?: boolean;
}

/**
 * Checks a change to a group or list item against the catalogue, all or nothing: every field
 * parsed (and normalised), then the rules over several fields, then the rules over the change.
 * Returns the complete new values and just the fields that really change.
 */
export function validateChange(
  owner: GroupDef | CollectionDef,
  before: Readonly<Record<string, unknown>>,
  input: Readonly<Record<string, unknown>>,
  options: ValidateOptions,
): Validation {
  const errors: FieldError[] = [];
  const parsed: Record<string, unknown> = {};
  const fail = (field: string, label: string, reason: ReasonCode, values: Record<string, string | number> = {}) =>
    errors.push({ field, reason, message: describe(reason, options.lang, { label, ...values }) });

  for (const key of Object.keys(input)) {
    const raw = input[key];
    const field = findField(owner, key);
    if (!field) {
      fail(key, key, 'unknown_field');
      continue;
    }
    if (field.readOnly && !options.allowReadOnly) {
      fail(key, field.label[options.lang], 'read_only');
      continue;
    }
    const label = field.label[options.lang];
    if (field.secure) {
      fail(key, label, 'secret_field');
      continue;
    }
    const result = field.schema.safeParse(raw);
    if (result.success) {
      parsed[key] = result.data;
    } else {
      const first = result.error.issues[0];
      // Stryker disable next-line all: a failed zod parse always carries at least one issue; the fallback only satisfies the type.
      const { reason, values } = first ? reasonOf(first) : { reason: 'invalid' as const, values: {} };
      fail(key, label, reason, values);
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const values: Record<string, unknown> = { ...before, ...parsed };
  const touched = new Set(Object.keys(parsed));
  for (const rule of owner.rules ?? []) {
    if (!rule.fields.some((key) => touched.has(key))) continue;
    const outcome = rule.check(values, before);
    if (outcome === null) continue;
    if ('fill' in outcome) {
      for (const [key, value] of Object.entries(outcome.fill)) {
        values[key] = value;
        parsed[key] = value;
      }
      continue;
    }
    const label = findField(owner, outcome.field)?.label[options.lang] ?? outcome.field;
    fail(outcome.field, label, outcome.reason, outcome.values);
  }
  // Stryker disable next-line ArrayDeclaration: a group that has the transitions key always gives it a list.
  for (const rule of 'transitions' in owner ? (owner.transitions ?? []) : []) {
    if (!rule.fields.some((key) => touched.has(key))) continue;
    const refusal = rule.check(before, values);
    if (refusal) fail(refusal.field, findField(owner, refusal.field)?.label[options.lang] ?? refusal.field, refusal.reason, refusal.values);
  }
  if (errors.length > 0) return { ok: false, errors };

  const changes: Record<string, unknown> = {};
  for (const key in parsed) if (!sameValue(before[key], parsed[key])) changes[key] = parsed[key];
  return { ok: true, values, changes };
}

/**
 * A new list item is checked whole: every field of the defaults merged with the input goes
 * through its schema and every rule runs, so a required field left out is refused like one
 * sent empty (an empty `{}` never makes a user without an e-mail address).
 */
export function validateNewItem(
  def: CollectionDef,
  defaults: Readonly<Record<string, unknown>>,
  input: Readonly<Record<string, unknown>>,
  options: ValidateOptions,
): Validation {
  const writable = Object.fromEntries(
    Object.entries(defaults).filter(([key]) => {
      const field = findField(def, key);
      return field !== undefined && !field.secure && (!field.readOnly || options.allowReadOnly === true);
    }),
  );
  const validation = validateChange(def, {}, { ...writable, ...input }, options);
  return validation.ok ? { ...validation, values: { ...defaults, ...validation.values } } : validation;
}
