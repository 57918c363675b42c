import { z } from 'zod';
import { describe as describeReason, type ReasonCode } from '../../../domain/messages';
import { reasonOf } from '../../../domain/settings/validate';
import type { Lang, Text } from '../../../domain/text';
import {
  featurePolicies,
  findPolicyField,
  generalPolicies,
  idleMinutesRange,
  policyFeatures,
  policyFields,
  updateChannels,
  type PolicyFeature,
  type UpdateChannel,
} from './policyCatalogue';

/** What one source says, after validation: only the parts that passed. */
export interface Policy {
  cloudUrl?: string;
  updateChannel?: UpdateChannel;
  updateUrl?: string;
  maxIdleTimeoutMinutes?: number;
  allowPrivateWebhookTargets?: boolean;
  disabledFeatures: PolicyFeature[];
  /** Fixed values by `group.field`, already normalised by the field's own schema. */
  settings: Record<string, unknown>;
}

/** Something in a policy that was ignored, said so that IT can fix it. */
export interface PolicyProblem {
  source: string;
  key: string;
  message: Text;
}

const webAddress = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).transform((url) => url.replace(/\/+$/, ''));

const generalSchemas = {
  cloudUrl: webAddress,
  updateChannel: z.enum(updateChannels),
  updateUrl: webAddress,
  maxIdleTimeoutMinutes: z.number().int().min(idleMinutesRange.min).max(idleMinutesRange.max),
  // The registry stores a switch as 1 or 0 (see the ADMX's enabledValue / disabledValue).
  allowPrivateWebhookTargets: z.union([z.boolean(), z.literal(1).transform(() => true), z.literal(0).transform(() => false)]),
} satisfies Record<keyof typeof generalPolicies, z.ZodType>;

function text(reason: ReasonCode, values: Record<string, string | number>): Text {
  return { nl: describeReason(reason, 'nl', values), en: describeReason(reason, 'en', values) };
}

/** The zod refusal as the same sentence a user gets beside a field, naming it by its label. */
function invalidValue(source: string, key: string, label: Text, issue: z.core.$ZodIssue | undefined): PolicyProblem {
  const { reason, values } = issue ? reasonOf(issue) : { reason: 'invalid' as const, values: {} };
  const detail = (lang: Lang) => describeReason(reason, lang, { ...values, label: label[lang] });
  return { source, key, message: { nl: describeReason('policy.invalidValue', 'nl', { label: key, detail: detail('nl') }), en: describeReason('policy.invalidValue', 'en', { label: key, detail: detail('en') }) } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates a policy document (the JSON file's shape) key by key: a bad key or value is reported
 * and left out, the rest still applies. A policy is never fatal, because a typo by IT must not
 * stop a shop from working.
 */
export function readPolicyDocument(raw: unknown, source: string): { policy: Policy; problems: PolicyProblem[] } {
  const policy: Policy = { disabledFeatures: [], settings: {} };
  const problems: PolicyProblem[] = [];
  if (!isPlainObject(raw)) {
    problems.push({ source, key: '(bestand)', message: text('policy.unreadable', { label: source, detail: 'geen JSON-object / not a JSON object' }) });
    return { policy, problems };
  }
  for (const [key, value] of Object.entries(raw)) {
    if (Object.hasOwn(generalSchemas, key)) {
      const name = key as keyof typeof generalSchemas;
      const parsed = generalSchemas[name].safeParse(value);
      if (parsed.success) Object.assign(policy, { [name]: parsed.data });
      else problems.push(invalidValue(source, key, generalPolicies[name].label, parsed.error.issues[0]));
    } else if (key === 'disabledFeatures') {
      const list = Array.isArray(value) ? value : [value];
      for (const feature of list) {
        if (policyFeatures.includes(feature as PolicyFeature)) policy.disabledFeatures.push(feature as PolicyFeature);
        else problems.push({ source, key: `disabledFeatures: ${String(feature).slice(0, 80)}`, message: text('policy.unknownKey', { label: String(feature).slice(0, 80) }) });
      }
    } else if (key === 'settings') {
      if (!isPlainObject(value)) {
        problems.push({ source, key, message: text('policy.invalidValue', { label: key, detail: 'verwacht: { "groep.veld": waarde } / expected: { "group.field": value }' }) });
        continue;
      }
      for (const [fieldKey, fieldValue] of Object.entries(value)) {
        const entry = findPolicyField(fieldKey);
        if (!entry) {
          problems.push({ source, key: fieldKey, message: text('policy.unknownKey', { label: fieldKey.slice(0, 120) }) });
          continue;
        }
        const parsed = entry.field.schema.safeParse(fieldValue);
        if (parsed.success) policy.settings[fieldKey] = parsed.data;
        else problems.push(invalidValue(source, fieldKey, entry.field.label, parsed.error.issues[0]));
      }
    } else {
      problems.push({ source, key: key.slice(0, 120), message: text('policy.unknownKey', { label: key.slice(0, 120) }) });
    }
  }
  return { policy, problems };
}

/**
 * The registry / managed preferences give flat named values (`CloudUrl`, `CompanyBusinessVatId`,
 * `DisableAddingUsers`); this turns them into a document and validates it the same way.
 */
export function documentFromNamedValues(values: Record<string, unknown>): Record<string, unknown> {
  const document: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(generalPolicies)) if (values[def.name] !== undefined) document[key] = values[def.name];
  const disabled = featurePolicies.filter((def) => values[def.name] === true || values[def.name] === 1).map((def) => def.feature);
  if (disabled.length > 0) document.disabledFeatures = disabled;
  const settings = Object.fromEntries(policyFields.filter((def) => values[def.name] !== undefined).map((def) => [def.key, values[def.name]]));
  if (Object.keys(settings).length > 0) document.settings = settings;
  return document;
}

/** The value-name table @vscode/policy-watcher needs: every policy the templates offer. */
export function namedValueTypes(): Record<string, { type: 'string' | 'number' | 'boolean' }> {
  return Object.fromEntries([...Object.values(generalPolicies), ...featurePolicies, ...policyFields].map((def) => [def.name, { type: def.type }]));
}
