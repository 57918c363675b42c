import { z } from 'zod';
import { attachmentOf, isTypeOfKind, type AttachmentKind, type AttachmentRef } from '../attachments';
import type { ReasonCode } from '../messages';
import { formatEuro, readEuro } from '../money';
import type { Text } from '../text';
import type { Check } from '../validators/check';
import type { FieldDef, FieldScope, Option, TextInputHint, VisibleIf } from './types';

/**
 * Builders for catalogue fields. Each one pairs the control with a zod schema that normalises
 * what the user typed and refuses it with a reason code (see messages.ts), so that the services
 * layer, the API and the forms all agree on one definition.
 */

interface Common {
  help?: Text;
  /** `shop` unless the value belongs to this machine only. */
  scope?: FieldScope;
  required?: boolean;
  visibleIf?: VisibleIf;
  policy?: boolean;
}

type Ctx = z.core.$RefinementCtx;

function refuse(ctx: Ctx, input: unknown, reason: ReasonCode, values: Record<string, string | number> = {}): void {
  ctx.addIssue({ code: 'custom', message: reason, input, params: { reason, values } });
}

function field<K extends string, V>(def: Omit<FieldDef<K, V>, 'required' | 'secure' | 'scope'> & Common): FieldDef<K, V> & { secure: false } {
  return { ...def, required: def.required ?? false, secure: false, scope: def.scope ?? 'shop' };
}

interface TextOptions extends Common {
  default?: string;
  max?: number;
  check?: (input: string) => Check;
  input?: TextInputHint;
  /** Each line must fit this many characters (receipt footers: 48 on 80 mm paper). */
  lineWidth?: number;
}

function textSchema(o: TextOptions): z.ZodType<string> {
  return z.string().transform((raw, ctx) => {
    const value = raw.trim();
    if (value === '') {
      if (o.required) refuse(ctx, raw, 'required');
      return '';
    }
    if (o.max !== undefined && value.length > o.max) {
      refuse(ctx, raw, 'too_long', { max: o.max });
      return value;
    }
    if (o.lineWidth !== undefined) {
      const lines = value.split(/\r?\n/);
      const index = lines.findIndex((line) => line.length > (o.lineWidth ?? 0));
      if (index >= 0) {
        refuse(ctx, raw, 'receipt.lineTooLong', { line: index + 1, length: lines[index]?.length ?? 0, max: o.lineWidth });
        return value;
      }
    }
    if (o.check) {
      const checked = o.check(value);
      if (!checked.ok) {
        refuse(ctx, raw, checked.reason, checked.values);
        return value;
      }
      return checked.value;
    }
    return value;
  });
}

export function text<K extends string>(key: K, label: Text, o: TextOptions = {}) {
  return field({ ...o, key, label, kind: 'text', schema: textSchema({ max: 200, ...o }), default: o.default ?? '' });
}

export function longText<K extends string>(key: K, label: Text, o: TextOptions = {}) {
  return field({ ...o, key, label, kind: 'longText', schema: textSchema({ max: 10_000, ...o }), default: o.default ?? '' });
}

interface NumberOptions extends Common {
  default: number;
  min: number;
  max: number;
  unit?: Text;
}

export function integer<K extends string>(key: K, label: Text, o: NumberOptions) {
  return field({ key, label, kind: 'number', schema: z.number().int().min(o.min).max(o.max), ...o });
}

/** Money is integer cents; the form may also send what the user typed, e.g. "12,50". */
export function money<K extends string>(key: K, label: Text, o: Common & { default: number; unit?: Text }) {
  const schema = z.union([z.number(), z.string()]).transform((raw, ctx) => {
    const reading = typeof raw === 'number' ? { ok: true as const, cents: raw } : readEuro(raw);
    if (!reading.ok && reading.reason === 'money.ambiguous') {
      refuse(ctx, raw, 'money.ambiguous', { value: String(raw).trim(), small: formatEuro(reading.small), large: formatEuro(reading.large) });
      return 0;
    }
    if (!reading.ok || !Number.isSafeInteger(reading.cents)) {
      refuse(ctx, raw, 'money.invalid');
      return 0;
    }
    if (reading.cents < 0) refuse(ctx, raw, 'money.negative');
    return reading.cents;
  });
  return field({ key, label, kind: 'money', schema, ...o });
}

export function toggle<K extends string>(key: K, label: Text, o: Common & { default: boolean }) {
  return field({ key, label, kind: 'toggle', schema: z.boolean(), ...o });
}

/** `readOnly`: a state the app records (a webhook's status), shown as a choice but never chosen by the user. */
export function select<K extends string>(key: K, label: Text, options: readonly Option[], o: Common & { default: string; readOnly?: boolean; recordedBy?: 'cloud' | 'desktop' }) {
  const values = options.map((option) => option.value) as [string, ...string[]];
  return field({ key, label, kind: 'select', schema: z.enum(values), options, ...o });
}

function uniqueList(item: z.ZodType<string>, max: number): z.ZodType<string[]> {
  return z
    .array(item)
    .max(max)
    .superRefine((list, ctx) => {
      if (new Set(list).size !== list.length) refuse(ctx, list, 'duplicate_items');
    });
}

interface MultiOptions extends Common {
  default: string[];
  max?: number;
}

export function multiSelect<K extends string>(key: K, label: Text, options: readonly Option[], o: MultiOptions) {
  const values = options.map((option) => option.value) as [string, ...string[]];
  return field({ key, label, kind: 'multiSelect', schema: uniqueList(z.enum(values), o.max ?? values.length), options, ...o });
}

/** An ordered choice from a catalogue, like the dashboard widgets: order is meaningful, no repeats. */
export function orderedMultiSelect<K extends string>(key: K, label: Text, options: readonly Option[], o: MultiOptions & { max: number }) {
  const values = options.map((option) => option.value) as [string, ...string[]];
  return field({ key, label, kind: 'orderedMultiSelect', schema: uniqueList(z.enum(values), o.max), options, ...o });
}

/** A choice of items from a list the user keeps; whether each id exists is checked by the service. */
export function multiSelectFrom<K extends string>(key: K, label: Text, from: 'salesChannels', o: MultiOptions) {
  return field({ key, label, kind: 'multiSelect', schema: uniqueList(z.string().min(1), o.max ?? 100), optionsFrom: from, ...o });
}

/** One item from a list the user keeps, e.g. the sales channel a webhook belongs to. */
export function selectFrom<K extends string>(key: K, label: Text, from: 'salesChannels', o: Common = {}) {
  return field({ ...o, key, label, kind: 'select', schema: z.string().min(1, { message: 'required' }), default: '', optionsFrom: from });
}

export function secret<K extends string>(key: K, label: Text, o: Common = {}): FieldDef<K, string | null> & { secure: true } {
  return { ...field<K, string | null>({ ...o, key, label, kind: 'secret', schema: z.string().min(1), default: null }), secure: true };
}

const uploadReasons = {
  image: { typeReason: 'image.type', sizeReason: 'image.tooLarge' },
  pdf: { typeReason: 'pdf.type', sizeReason: 'pdf.tooLarge' },
} as const satisfies Record<AttachmentKind, { typeReason: ReasonCode; sizeReason: ReasonCode }>;

/**
 * An upload field holds a reference to a file in the blobs table (see domain/attachments.ts),
 * or null for none. The bytes were checked when uploaded (real type by their first bytes, size);
 * here the reference itself is checked, so the cloud refuses a reference it could not accept.
 */
function upload<K extends string>(kind: AttachmentKind, key: K, label: Text, o: Common & { maxKilobytes: number }) {
  const reasons = uploadReasons[kind];
  const schema = z.unknown().transform((raw, ctx): AttachmentRef | null => {
    // '' is how older versions kept "no file", and what a cleared control sends.
    if (raw === '' || raw === null) return null;
    const ref = attachmentOf(raw);
    if (!ref || !isTypeOfKind(kind, ref.type)) refuse(ctx, raw, reasons.typeReason);
    else if (ref.size > o.maxKilobytes * 1024) refuse(ctx, raw, reasons.sizeReason, { max: o.maxKilobytes });
    return ref;
  });
  return field({ ...o, key, label, kind, schema, default: null, max: o.maxKilobytes });
}

export const image = <K extends string>(key: K, label: Text, o: Common & { maxKilobytes: number }) =>
  upload('image', key, label, o);

export const pdf = <K extends string>(key: K, label: Text, o: Common & { maxKilobytes: number }) =>
  upload('pdf', key, label, o);

/** Filled in by the app (a webhook's last response), shown to the user but never written by them. */
export function readOnlyText<K extends string>(key: K, label: Text, o: Common & { default?: string | null; recordedBy?: 'cloud' | 'desktop' } = {}) {
  return field({ ...o, key, label, kind: 'text', schema: z.string().nullable(), default: o.default ?? null, readOnly: true });
}
