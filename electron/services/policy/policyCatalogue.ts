import { groups } from '../../../domain/settings/catalogue';
import type { FieldDef, GroupDef, Option } from '../../../domain/settings/types';
import type { Text } from '../../../domain/text';

/**
 * What IT can set by policy, as data: the runtime validator, the registry / managed-preferences
 * reader and the ADMX / ADML / .mobileconfig generator all read this one list, so a template can
 * never offer a policy the app does not understand.
 */

export const policyFeatures = ['diagnosticsExport', 'receiptPrinterTest', 'addUsers'] as const;
export type PolicyFeature = (typeof policyFeatures)[number];

export const updateChannels = ['stable', 'beta', 'off'] as const;
export type UpdateChannel = (typeof updateChannels)[number];

/** How a value is stored in the registry and in a plist. */
export type PolicyValueType = 'string' | 'number' | 'boolean';

/** One policy as the templates offer it: a registry value / preference key and its meaning. */
export interface PolicyDef {
  /** The registry value name and the managed-preferences key. */
  name: string;
  type: PolicyValueType;
  label: Text;
  help: Text;
  /** Fixed choices (an ADMX enum, a profile's allowed values). */
  options?: readonly Option[];
  min?: number;
  max?: number;
}

export const featureLabels: Record<PolicyFeature, Text> = {
  diagnosticsExport: { nl: 'Diagnose exporteren', en: 'Diagnostics export' },
  receiptPrinterTest: { nl: 'Proefbon afdrukken', en: 'Test receipt printing' },
  addUsers: { nl: 'Gebruikers toevoegen', en: 'Adding users' },
};

const featurePolicyNames: Record<PolicyFeature, string> = {
  diagnosticsExport: 'DisableDiagnosticsExport',
  receiptPrinterTest: 'DisableReceiptPrinterTest',
  addUsers: 'DisableAddingUsers',
};

/** Same bounds as BackOffice-instellingen › Automatisch afmelden na. */
export const idleMinutesRange = { min: 1, max: 480 } as const;

export const generalPolicies = {
  cloudUrl: {
    name: 'CloudUrl',
    type: 'string',
    label: { nl: 'Cloudadres', en: 'Cloud address' },
    help: {
      nl: 'Het adres van de Backoffice-cloud waarmee deze werkplek synchroniseert (https://…). Gebruikers kunnen het niet wijzigen.',
      en: 'The address of the Backoffice cloud this workstation syncs with (https://…). Users cannot change it.',
    },
  },
  updateChannel: {
    name: 'UpdateChannel',
    type: 'string',
    label: { nl: 'Updatekanaal', en: 'Update channel' },
    help: {
      nl: 'stable: alleen vrijgegeven versies; beta: ook testversies; off: nooit naar updates zoeken.',
      en: 'stable: released versions only; beta: test versions too; off: never look for updates.',
    },
    options: [
      { value: 'stable', label: { nl: 'Stabiel', en: 'Stable' } },
      { value: 'beta', label: { nl: 'Bèta', en: 'Beta' } },
      { value: 'off', label: { nl: 'Uit', en: 'Off' } },
    ],
  },
  updateUrl: {
    name: 'UpdateUrl',
    type: 'string',
    label: { nl: 'Adres voor updates', en: 'Update address' },
    help: {
      nl: 'Een eigen updateserver (https://…) met de bestanden van de release, in plaats van die van Backoffice.',
      en: "Your own update server (https://…) holding the release's files, instead of Backoffice's.",
    },
  },
  maxIdleTimeoutMinutes: {
    name: 'MaxIdleTimeoutMinutes',
    type: 'number',
    label: { nl: 'Hoogste tijd tot automatisch afmelden (minuten)', en: 'Longest time until automatic sign-out (minutes)' },
    help: {
      nl: 'Gebruikers worden na hoogstens zoveel minuten zonder activiteit afgemeld; een langere instelling wordt geweigerd.',
      en: 'Users are signed out after at most this many idle minutes; a longer setting is refused.',
    },
    ...idleMinutesRange,
  },
  allowPrivateWebhookTargets: {
    name: 'AllowPrivateWebhookTargets',
    type: 'boolean',
    label: { nl: 'Webhooks naar het eigen netwerk toestaan', en: 'Allow webhooks into the own network' },
    help: {
      nl: 'Aan: een webhook-URL mag naar een privé-, loopback- of link-local adres wijzen (een webshop in het eigen netwerk). De cloud moet dit ook toestaan.',
      en: "On: a webhook URL may point to a private, loopback or link-local address (a web shop on the shop's own network). The cloud must allow it too.",
    },
  },
} as const satisfies Record<string, PolicyDef>;

export const featurePolicies: readonly (PolicyDef & { feature: PolicyFeature })[] = policyFeatures.map((feature) => ({
  feature,
  name: featurePolicyNames[feature],
  type: 'boolean',
  label: { nl: `${featureLabels[feature].nl} uitschakelen`, en: `Switch off ${featureLabels[feature].en.toLowerCase()}` },
  help: {
    nl: `Aan: ${featureLabels[feature].nl.toLowerCase()} is niet beschikbaar en wordt ook door de app geweigerd.`,
    en: `On: ${featureLabels[feature].en.toLowerCase()} is unavailable and is also refused by the app.`,
  },
}));

/** A catalogue field IT may fix, keyed `group.field` (e.g. `company.business.vatId`). */
export interface PolicyField extends PolicyDef {
  key: string;
  group: GroupDef;
  field: FieldDef;
}

function valueTypeOf(field: FieldDef): PolicyValueType {
  if (field.kind === 'number') return 'number';
  if (field.kind === 'toggle') return 'boolean';
  if (field.kind === 'text' || field.kind === 'longText' || field.kind === 'select') return 'string';
  throw new Error(`Field ${field.key} of kind ${field.kind} cannot be fixed by policy`);
}

/** `company.business.vatId` -> `CompanyBusinessVatId`: a name the registry, plists and ADMX all accept. */
export function policyNameFor(key: string): string {
  return key
    .split('.')
    .map((part) => `${part[0]?.toUpperCase() ?? ''}${part.slice(1)}`)
    .join('');
}

export const policyFields: readonly PolicyField[] = groups.flatMap((group) =>
  group.fields
    .filter((field) => field.policy === true)
    .map((field) => {
      const key = `${group.key}.${field.key}`;
      const { min, max } = field.kind === 'number' ? field : { min: undefined, max: undefined };
      return {
        key,
        group,
        field,
        name: policyNameFor(key),
        type: valueTypeOf(field),
        label: { nl: `${group.label.nl} › ${field.label.nl}`, en: `${group.label.en} › ${field.label.en}` },
        help: field.help ?? { nl: `Vaste waarde voor ${field.label.nl}.`, en: `Fixed value for ${field.label.en}.` },
        ...(field.kind === 'select' && field.options ? { options: field.options } : {}),
        ...(min === undefined ? {} : { min }),
        ...(max === undefined ? {} : { max }),
      };
    }),
);

const policyFieldsByKey = new Map(policyFields.map((entry) => [entry.key, entry]));

export function findPolicyField(key: string): PolicyField | undefined {
  return policyFieldsByKey.get(key);
}

/** Every policy of every kind, in the order the templates list them. */
export const allPolicies: readonly PolicyDef[] = [...Object.values(generalPolicies), ...featurePolicies, ...policyFields];
