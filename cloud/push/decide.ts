import { describe } from '../../domain/messages';
import type { FieldOutcome, Mutation, PushOutcome } from '../../domain/sync/protocol';
import type { FieldStamp } from '../db/schema';

/** A record as the push logic sees it: the cloud's values and, per field, who set it at which revision. */
export interface CloudRecord {
  collection: string;
  recordId: string;
  data: Record<string, unknown>;
  fields: Record<string, FieldStamp>;
  deleted: boolean;
  seq: number;
  updatedBy: string;
  updatedAt: string;
}

export interface Decision {
  outcome: PushOutcome;
  /** The record after the mutation, or null when nothing in the cloud changed. */
  changed: CloudRecord | null;
}

/** JSON equality that ignores key order: jsonb hands objects back with its own key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: an array read as an object keeps its order by index, and quoted JSON needs no separator to stay apart.
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    // Stryker disable next-line EqualityOperator: the keys of an object are unique, so < and <= (> and >=) order them alike, and a reversed order is one order for both sides.
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // Stryker disable next-line StringLiteral: quoted JSON keys and values need no separator to stay apart.
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
  }
  // Stryker disable next-line StringLiteral: values come from JSON, which holds no undefined, the one value JSON.stringify turns into undefined.
  return JSON.stringify(value) ?? 'null';
}

function conflict(record: CloudRecord, field: string): FieldOutcome {
  // Stryker disable OptionalChaining: a conflict is only found on a field the cloud has a stamp for (a revision above the base).
  const stamp = record.fields[field];
  return {
    status: 'conflict',
    theirs: record.data[field] ?? null,
    theirRev: stamp?.rev ?? record.seq,
    theirBy: stamp?.by ?? record.updatedBy,
    theirAt: stamp?.at ?? record.updatedAt,
  };
  // Stryker restore OptionalChaining
}

interface Context {
  mutation: Mutation;
  /** The changes as the catalogue normalised them. */
  changes: Record<string, unknown>;
  /** `null` when the cloud has never seen this record. */
  record: CloudRecord | null;
  /** Whether the collection is a settings group, whose records exist on every desktop without a create. */
  isSettings: boolean;
  /**
   * For password and PIN hashes: the change made later wins instead of a conflict, even from a
   * workstation that had not seen the cloud's value. Two hashes side by side mean nothing to a
   * person, and the hash to keep is the intent of whoever set it last: a manager's reset at 10:00
   * must not be undone by a PIN changed at 09:00 on a workstation that was offline until 11:00,
   * which is what "the newest push wins" did. "Later" is the mutation's `createdAt`, the clock of
   * the workstation it was made on; equal times go by the cloud's order (the later push wins).
   * Workstation clocks can be off: a clock hours off can still make a stale change win, a known
   * limit. A change made after seeing the cloud's value (base not stale) always applies.
   */
  laterChangeWins: boolean;
  /** Singular name for messages, e.g. "Betaalmethode". */
  itemLabel: { nl: string; en: string };
  now: string;
  nextRev(): number;
}

/**
 * Whether a change was made no earlier than the one that set the field in the cloud. A field set
 * before the cloud kept `madeAt` is compared with when the cloud took it, which is never earlier
 * than when it was made.
 */
function madeLater(mutation: Mutation, stamp: FieldStamp | undefined): boolean {
  // Stryker disable next-line BooleanLiteral,ConditionalExpression: a field without a stamp has revision 0, so decide applies it before asking who changed it later.
  if (!stamp) return true;
  return Date.parse(mutation.createdAt) >= Date.parse(stamp.madeAt ?? stamp.at);
}

/**
 * What one mutation does to one record, decided field by field. A field is applied when the
 * desktop's base revision is at least the cloud's (it saw the cloud's latest value: equal, or
 * newer than a cloud restored from a backup), is `unchanged` when the cloud already holds the
 * same value, and is a conflict otherwise, while the mutation's other fields still apply.
 */
export function decide(context: Context): Decision {
  const { mutation, record } = context;
  if (mutation.op === 'delete') return decideDelete(context);
  if (record === null && mutation.op === 'update' && !context.isSettings) {
    // An update with no create before it: the create was refused, so there is nothing to update.
    const message = { nl: describe('unknown_record', 'nl', { label: context.itemLabel.nl }), en: describe('unknown_record', 'en', { label: context.itemLabel.en }) };
    return { outcome: { mutationId: mutation.mutationId, status: 'rejected', reason: { code: 'unknown_record', message } }, changed: null };
  }
  if (record?.deleted && mutation.op === 'update') {
    // Edited here, deleted there: every edited field is a conflict with "deleted" for a person to decide.
    const fields = Object.fromEntries(
      Object.keys(context.changes).map((field) => [field, { status: 'conflict', theirs: null, theirRev: record.seq, theirBy: record.updatedBy, theirAt: record.updatedAt } satisfies FieldOutcome]),
    );
    return { outcome: { mutationId: mutation.mutationId, status: 'accepted', fields, deleted: true }, changed: null };
  }
  // A create of a deleted record brings it back with only the values of this create.
  const base: CloudRecord =
    record && !record.deleted
      ? record
      : { collection: mutation.collection, recordId: mutation.recordId, data: {}, fields: {}, deleted: false, seq: record?.seq ?? 0, updatedBy: mutation.userId, updatedAt: context.now };
  const next: CloudRecord = { ...base, data: { ...base.data }, fields: { ...base.fields } };
  const fields: Record<string, FieldOutcome> = {};
  let applied = record === null || record.deleted;
  for (const [field, value] of Object.entries(context.changes)) {
    const current = next.fields[field]?.rev ?? 0;
    const baseRev = mutation.baseRevs[field] ?? 0;
    if (field in next.data && sameValue(next.data[field], value)) {
      fields[field] = { status: 'unchanged', rev: current };
    } else if (baseRev >= current || (context.laterChangeWins && madeLater(mutation, next.fields[field]))) {
      const rev = context.nextRev();
      next.data[field] = value;
      next.fields[field] = { rev, by: mutation.userId, at: context.now, ...(context.laterChangeWins ? { madeAt: mutation.createdAt } : {}) };
      fields[field] = { status: 'applied', rev };
      applied = true;
    } else {
      fields[field] = conflict(next, field);
    }
  }
  if (!applied) return { outcome: { mutationId: mutation.mutationId, status: 'accepted', fields }, changed: null };
  const newest = Math.max(0, ...Object.values(fields).map((outcome) => (outcome.status === 'applied' ? outcome.rev : 0)));
  next.seq = newest > 0 ? newest : context.nextRev();
  next.updatedBy = mutation.userId;
  next.updatedAt = context.now;
  return { outcome: { mutationId: mutation.mutationId, status: 'accepted', fields }, changed: next };
}

/**
 * A delete goes through only when nobody changed the record since the desktop last saw it: each
 * field is compared with the desktop's base revision for it, or with the newest revision it knew
 * of the record for fields it did not name. A newer change keeps the record and is a conflict.
 */
function decideDelete({ mutation, record, now, nextRev }: Context): Decision {
  if (record === null || record.deleted) {
    return { outcome: { mutationId: mutation.mutationId, status: 'accepted', fields: {}, deleted: true }, changed: null };
  }
  const newestKnown = Math.max(0, ...Object.values(mutation.baseRevs));
  const conflicts: Record<string, FieldOutcome> = {};
  for (const [field, stamp] of Object.entries(record.fields)) {
    if (stamp.rev > (mutation.baseRevs[field] ?? newestKnown)) conflicts[field] = conflict(record, field);
  }
  if (Object.keys(conflicts).length > 0) {
    return { outcome: { mutationId: mutation.mutationId, status: 'accepted', fields: conflicts, deleted: false }, changed: null };
  }
  const changed: CloudRecord = { ...record, deleted: true, seq: nextRev(), updatedBy: mutation.userId, updatedAt: now };
  return { outcome: { mutationId: mutation.mutationId, status: 'accepted', fields: {}, deleted: true }, changed };
}
