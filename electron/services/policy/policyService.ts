import { describe as describeReason } from '../../../domain/messages';
import type { Text } from '../../../domain/text';
import type { Logger } from '../logger';
import { featureLabels, findPolicyField, generalPolicies, type PolicyFeature, type UpdateChannel } from './policyCatalogue';
import { documentFromNamedValues, readPolicyDocument, type Policy, type PolicyProblem } from './policyDocument';
import { readPolicyFile, watchPolicyFile, type NativePolicySource, type PolicySourceKind } from './policySources';

export interface PolicySourceState {
  kind: PolicySourceKind;
  where: string;
  /** The source exists and said something (a file that is there, a registry key with values). */
  present: boolean;
}

/** One thing the policy fixes, for Systeeminformatie. */
export interface PolicyEntry {
  key: string;
  label: Text;
  value: string | number | boolean;
  source: PolicySourceKind;
}

/** The policy in force: what the api hands the renderer and what the services consult. */
export interface PolicyState {
  sources: PolicySourceState[];
  cloudUrl: string | null;
  updateChannel: UpdateChannel;
  updateUrl: string | null;
  maxIdleTimeoutMinutes: number | null;
  /** IT allows webhook URLs into private ranges (the cloud must allow it too). */
  allowPrivateWebhookTargets: boolean;
  disabledFeatures: PolicyFeature[];
  /** Fixed values by group, then field: the forms show these locked. */
  locked: Record<string, Record<string, unknown>>;
  entries: PolicyEntry[];
  problems: PolicyProblem[];
}

export interface PolicyServiceOptions {
  /** The policy file: `--policy`, BACKOFFICE_POLICY_FILE, or the machine-wide file. */
  file: string;
  /** The registry or managed preferences; null on Linux and in tests. */
  native: NativePolicySource | null;
  logger: Logger;
  /** How long to wait for a file being written to settle before reading it. */
  settleMs?: number;
}

interface Layer {
  kind: PolicySourceKind;
  where: string;
  present: boolean;
  policy: Policy;
  problems: PolicyProblem[];
}

function emptyLayer(kind: PolicySourceKind, where: string): Layer {
  return { kind, where, present: false, policy: { disabledFeatures: [], settings: {} }, problems: [] };
}

function fileLayer(file: string): Layer {
  const read = readPolicyFile(file);
  if (!read.found) return emptyLayer('file', file);
  if ('error' in read) {
    const detail = read.error.slice(0, 200);
    return {
      ...emptyLayer('file', file),
      present: true,
      problems: [{ source: file, key: '(bestand)', message: { nl: describeReason('policy.unreadable', 'nl', { label: file, detail }), en: describeReason('policy.unreadable', 'en', { label: file, detail }) } }],
    };
  }
  return { kind: 'file', where: file, present: true, ...readPolicyDocument(read.document, file) };
}

/** Strongest first: the first layer that names a key decides it. */
function merge(layers: Layer[]): PolicyState {
  const entries: PolicyEntry[] = [];
  const state: PolicyState = {
    sources: layers.map(({ kind, where, present }) => ({ kind, where, present })),
    cloudUrl: null,
    updateChannel: 'stable',
    updateUrl: null,
    maxIdleTimeoutMinutes: null,
    allowPrivateWebhookTargets: false,
    disabledFeatures: [],
    locked: {},
    entries,
    problems: layers.flatMap((layer) => layer.problems),
  };
  const taken = new Set<string>();
  const take = (key: string, label: Text, value: string | number | boolean, source: PolicySourceKind): boolean => {
    if (taken.has(key)) return false;
    taken.add(key);
    entries.push({ key, label, value, source });
    return true;
  };
  for (const { kind, policy } of layers) {
    if (policy.cloudUrl !== undefined && take('cloudUrl', generalPolicies.cloudUrl.label, policy.cloudUrl, kind)) state.cloudUrl = policy.cloudUrl;
    if (policy.updateChannel !== undefined && take('updateChannel', generalPolicies.updateChannel.label, policy.updateChannel, kind)) state.updateChannel = policy.updateChannel;
    if (policy.updateUrl !== undefined && take('updateUrl', generalPolicies.updateUrl.label, policy.updateUrl, kind)) state.updateUrl = policy.updateUrl;
    if (policy.maxIdleTimeoutMinutes !== undefined && take('maxIdleTimeoutMinutes', generalPolicies.maxIdleTimeoutMinutes.label, policy.maxIdleTimeoutMinutes, kind)) {
      state.maxIdleTimeoutMinutes = policy.maxIdleTimeoutMinutes;
    }
    if (policy.allowPrivateWebhookTargets !== undefined && take('allowPrivateWebhookTargets', generalPolicies.allowPrivateWebhookTargets.label, policy.allowPrivateWebhookTargets, kind)) {
      state.allowPrivateWebhookTargets = policy.allowPrivateWebhookTargets;
    }
    for (const feature of policy.disabledFeatures) {
      const label = { nl: `${featureLabels[feature].nl}: uit`, en: `${featureLabels[feature].en}: off` };
      if (take(`disabledFeatures.${feature}`, label, true, kind)) state.disabledFeatures.push(feature);
    }
    for (const [key, value] of Object.entries(policy.settings)) {
      const entry = findPolicyField(key);
      if (!entry || !take(key, entry.label, value as string | number | boolean, kind)) continue;
      (state.locked[entry.group.key] ??= {})[entry.field.key] = value;
    }
  }
  return state;
}

/**
 * The policy IT set for this machine, kept current: the file is watched and the registry or
 * managed preferences report their changes, so a new policy applies without a restart. Nothing
 * in a policy is ever fatal: what does not validate is reported and ignored.
 */
export function createPolicyService({ file, native, logger, settleMs = 100 }: PolicyServiceOptions) {
  let nativeValues: Record<string, unknown> = {};
  let nativeLayer = native ? emptyLayer(native.kind, native.where) : null;
  let fromFile = fileLayer(file);
  let state = merge(nativeLayer ? [nativeLayer, fromFile] : [fromFile]);
  const listeners = new Set<(state: PolicyState) => void>();
  const stops: (() => void)[] = [];
  let settleTimer: NodeJS.Timeout | undefined;

  function report(): void {
    logger.info('policy.loaded', { sources: state.sources, keys: state.entries.map((entry) => `${entry.key} (${entry.source})`) });
    for (const problem of state.problems) logger.warn('policy.problem', { source: problem.source, key: problem.key, message: problem.message.en });
  }

  function recompute(): void {
    const next = merge(nativeLayer ? [nativeLayer, fromFile] : [fromFile]);
    if (JSON.stringify(next) === JSON.stringify(state)) return;
    state = next;
    report();
    for (const listener of listeners) listener(state);
  }

  report();
  return {
    /** Starts watching the file and the native source; call once, in the host that owns the data folder. */
    start(): void {
      stops.push(
        watchPolicyFile(file, () => {
          clearTimeout(settleTimer);
          settleTimer = setTimeout(() => {
            fromFile = fileLayer(file);
            recompute();
          }, settleMs);
        }),
      );
      if (native) {
        stops.push(
          native.watch((update) => {
            // The watcher reports what changed; a value that disappears arrives as undefined.
            nativeValues = Object.fromEntries(Object.entries({ ...nativeValues, ...update }).filter(([, value]) => value !== undefined));
            const present = Object.keys(nativeValues).length > 0;
            nativeLayer = { kind: native.kind, where: native.where, present, ...readPolicyDocument(documentFromNamedValues(nativeValues), native.where) };
            recompute();
          }),
        );
      }
    },
    stop(): void {
      clearTimeout(settleTimer);
      for (const stop of stops.splice(0)) stop();
    },
    state(): PolicyState {
      return state;
    },
    /** True when IT fixed this field: the api refuses writes to it and sync keeps the policy value. */
    isLocked(group: string, field: string): boolean {
      return Object.hasOwn(state.locked[group] ?? {}, field);
    },
    lockedValues(group: string): Record<string, unknown> {
      return { ...state.locked[group] };
    },
    isFeatureOff(feature: PolicyFeature): boolean {
      return state.disabledFeatures.includes(feature);
    },
    /** Called with the new state after every change that alters it. */
    onChange(listener: (state: PolicyState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type PolicyService = ReturnType<typeof createPolicyService>;
