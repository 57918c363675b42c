import type { z } from 'zod';
import type { ReasonCode } from '../messages';
import type { Text } from '../text';

/** How a field is edited; the renderer picks its control by this, never by the key. */
export type FieldKind =
  | 'text'
  | 'longText'
  | 'number'
  | 'money'
  | 'toggle'
  | 'select'
  | 'multiSelect'
  | 'orderedMultiSelect'
  | 'secret'
  | 'image'
  | 'pdf';

/** What the browser needs to offer the right keyboard and autofill for a text field. */
export type TextInputHint = 'email' | 'tel' | 'url' | 'postcode' | 'iban' | 'bic' | 'kvk' | 'vatId' | 'country';

export interface Option {
  value: string;
  label: Text;
}

/** A field is shown only while another field of the same group has one of these values. */
export interface VisibleIf {
  field: string;
  in: readonly (string | number | boolean)[];
}

/**
 * Where a field's value belongs: `shop` values are synced to every workstation of the shop;
 * `workstation` values (the receipt printer on this counter, the label to start a sheet at)
 * belong to this machine only, never enter the outbox and are never overwritten by a pull.
 */
export type FieldScope = 'shop' | 'workstation';

/**
 * One setting: everything the forms, the validation and the search need, as data. `K` and `V`
 * are the field's key and stored value type, kept by the builders in fields.ts so a group's
 * value type can be derived from its declaration (see `ValuesOf`).
 */
export interface FieldDef<K extends string = string, V = unknown> {
  key: K;
  kind: FieldKind;
  label: Text;
  help?: Text;
  unit?: Text;
  /** Parses what the user entered into the stored value (normalising as it goes) or refuses it. */
  schema: z.ZodType<V>;
  default: V;
  required: boolean;
  /** Secrets live in the OS keychain; the store keeps nothing of them and the UI sees only whether one is set and when. */
  secure: boolean;
  scope: FieldScope;
  options?: readonly Option[];
  /** Options that come from a list the user keeps, e.g. the sales channels. */
  optionsFrom?: 'salesChannels';
  input?: TextInputHint;
  min?: number;
  max?: number;
  visibleIf?: VisibleIf;
  /** Shown but never written by the user, e.g. a webhook's last response code. */
  readOnly?: boolean;
  /**
   * Who records a read-only field: the cloud (a webhook's status; the default, so a workstation
   * may not push it) or the desktop's own services (what the payment provider said at a sync).
   */
  recordedBy?: 'cloud' | 'desktop';
  /** IT may fix this field's value by policy (registry, managed preferences or policy file). */
  policy?: boolean;
}

/**
 * The stored values of a group or a list item, typed from its field declarations: a secret has
 * no value in the store, every other field its builder's value type.
 */
export type ValuesOf<D extends { fields: readonly FieldDef[] }> = {
  [F in D['fields'][number] as F extends { secure: true } ? never : F['key']]: F['default'];
};

/** A refusal found by a rule over several fields of a group. */
export interface Refusal {
  field: string;
  reason: ReasonCode;
  values?: Record<string, string | number>;
}

/** A rule that needs more than one field, e.g. minimum stock <= maximum stock. */
export interface GroupRule {
  fields: readonly string[];
  /**
   * Refuses, or returns values to fill in (a BIC derived from the IBAN), or null when all is well.
   * `before` is what was stored, so a rule can tell a value the user just typed from one it filled.
   */
  check(values: Readonly<Record<string, unknown>>, before: Readonly<Record<string, unknown>>): Refusal | { fill: Record<string, unknown> } | null;
}

/** A rule over the change itself, e.g. an invoice number may never go back and be reused. */
export interface TransitionRule {
  fields: readonly string[];
  check(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): Refusal | null;
}

/** A settings group is one record `('settings', key)`: saved, synced and versioned as a unit. */
export interface GroupDef {
  key: string;
  label: Text;
  help?: Text;
  fields: readonly FieldDef[];
  rules?: readonly GroupRule[];
  transitions?: readonly TransitionRule[];
}

/** A list the user keeps (payment methods, users, ...): one record per item in `collection`. */
export interface CollectionDef {
  key: string;
  label: Text;
  /** The singular, for "Nieuwe betaalmethode". */
  itemLabel: Text;
  fields: readonly FieldDef[];
  rules?: readonly GroupRule[];
  /** The field shown as the item's name in tables and messages. */
  titleField: string;
  ordered: boolean;
}

/** What a node of the settings tree shows when opened. */
export type SectionContent =
  | { kind: 'group'; group: string }
  | { kind: 'list'; collection: string }
  | { kind: 'info'; page: 'storekeeperPayments' | 'system' | 'salesReport' };

export interface TreeNode {
  key: string;
  label: Text;
  help?: Text;
  content?: SectionContent;
  children?: readonly TreeNode[];
}
