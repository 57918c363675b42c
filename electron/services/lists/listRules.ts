import { describe as describeReason, type ReasonCode } from '../../../domain/messages';
import { findTemplateKind } from '../../../domain/lists/emailTemplates';
import type { CollectionDef } from '../../../domain/settings/types';
import type { FieldError } from '../../../domain/settings/validate';
import type { Lang } from '../../../domain/text';
import { checkTemplate } from '../templates/templateEngine';
import type { Handle } from '../store/records';

/** One change to a list item as the rules see it: `after` is null for a deletion, `before` for a new item. */
export interface ItemChange {
  db: Handle;
  def: CollectionDef;
  id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** The other live items of the same list, read on first call: most changes need none of them. */
  others: () => { id: string; data: Record<string, unknown> }[];
  lang: Lang;
}

type Rule = (change: ItemChange) => FieldError[];

function refusal(change: ItemChange, field: string, reason: ReasonCode, values: Record<string, string | number> = {}): FieldError {
  const label = change.def.fields.find((f) => f.key === field)?.label[change.lang] ?? field;
  return { field, reason, message: describeReason(reason, change.lang, { label, ...values }) };
}

/** No two items may share this value (case-insensitive), e.g. an order number prefix or a login e-mail. */
const unique =
  (field: string): Rule =>
  (change) => {
    const value = change.after?.[field];
    if (typeof value !== 'string' || value === '' || value === change.before?.[field]) return [];
    const taken = change.others().some((other) => String(other.data[field] ?? '').toLowerCase() === value.toLowerCase());
    return taken ? [refusal(change, field, 'not_unique', { value })] : [];
  };

/** Exactly one sales channel is the default: it can be moved to another channel, not switched off. */
const oneDefaultChannel: Rule = (change) => {
  const wasDefault = change.before?.isDefault === true;
  const staysDefault = change.after?.isDefault === true;
  return wasDefault && !staysDefault && change.others().length > 0 ? [refusal(change, 'isDefault', 'channels.defaultRequired')] : [];
};

/** The shop can never lock itself out: the last active Administrator stays one. */
const keepAnAdministrator: Rule = (change) => {
  const isActiveAdmin = (data: Record<string, unknown> | null) => data?.role === 'administrator' && data.active === true;
  if (!isActiveAdmin(change.before) || isActiveAdmin(change.after)) return [];
  return change.others().some((other) => isActiveAdmin(other.data)) ? [] : [refusal(change, change.after ? 'role' : 'name', 'users.lastAdministrator')];
};

/** Every subject and body may use only the placeholders its template offers, in valid Liquid. */
const knownPlaceholders: Rule = (change) => {
  const offered = findTemplateKind(change.id)?.placeholders ?? [];
  return ['subjectNl', 'bodyNl', 'subjectEn', 'bodyEn'].flatMap((field) => {
    const text = change.after?.[field];
    if (typeof text !== 'string' || text === change.before?.[field]) return [];
    const problem = checkTemplate(text, offered);
    if (!problem) return [];
    return [refusal(change, field, problem.reason, problem.values)];
  });
};

const rules: Readonly<Record<string, readonly Rule[]>> = {
  salesChannels: [unique('orderNumberPrefix'), oneDefaultChannel],
  users: [unique('email'), keepAnAdministrator],
  emailTemplates: [knownPlaceholders],
  webhooks: [],
  paymentMethods: [],
  shippingMethods: [unique('name')],
};

export function checkListRules(change: ItemChange): FieldError[] {
  return (rules[change.def.key] ?? []).flatMap((rule) => rule(change));
}
