import type { ProviderOption } from './providerOptions';

/** A payment method as Betaalmethoden holds it; only the fields the provider sync reads or writes. */
export interface KnownMethod {
  id: string;
  values: {
    nameNl?: unknown;
    nameEn?: unknown;
    providerOptionId?: unknown;
    providerName?: unknown;
    providerStatus?: unknown;
    offeredOn?: unknown;
    active?: unknown;
  };
}

/** A sales channel of the shop, to turn a provider service's channel prefix into the channel's id. */
export interface ChannelRef {
  id: string;
  prefix: string;
  type: string;
}

export interface MergeSummary {
  /** Names of options that appeared (new methods, off until switched on). */
  added: string[];
  /** Names of methods the provider no longer offers (marked, never deleted). */
  dropped: string[];
  /** Names of methods the provider offers again after having dropped them. */
  returned: string[];
  /** Methods whose name followed the provider's new name (the shop had not renamed them). */
  renamed: { from: string; to: string }[];
  /** Methods now offered on other sales channels than before. */
  channelsChanged: string[];
}

export interface MergePlan {
  create: Record<string, unknown>[];
  update: { id: string; changes: Record<string, unknown> }[];
  summary: MergeSummary;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item) => b.includes(item));
const channelIds = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/**
 * Merges the provider's options into the shop's payment methods, matched by provider option id:
 * - an option the shop does not have yet becomes a new method, switched off;
 * - a method whose option the provider no longer offers is marked `dropped`, never deleted;
 * - an option offered again after being dropped is marked `available` again (its on/off stays);
 * - a name follows the provider's new name only where the shop kept the provider's old name,
 *   so a name the shop chose is never overwritten;
 * - the sales channels a method is offered on are those whose provider service offers it.
 * Pure and idempotent: merging the same options into the result plans no change.
 */
export function mergeProviderOptions(methods: readonly KnownMethod[], options: readonly ProviderOption[], channels: readonly ChannelRef[]): MergePlan {
  const plan: MergePlan = { create: [], update: [], summary: { added: [], dropped: [], returned: [], renamed: [], channelsChanged: [] } };
  const channelOf = new Map(channels.map((channel) => [channel.prefix.toUpperCase(), channel]));
  const offered = new Map(options.map((option) => [option.optionId, option]));

  for (const option of options) {
    const offeredOn = option.channels.flatMap((prefix) => channelOf.get(prefix.toUpperCase()) ?? []);
    const ids = offeredOn.map((channel) => channel.id).sort();
    const matches = methods.filter((method) => method.values.providerOptionId === option.optionId);
    if (matches.length === 0) {
      // Only the till's channels offer it: a POS method; anything a webshop offers counts as web.
      const type = offeredOn.length > 0 && offeredOn.every((channel) => channel.type === 'pos') ? 'pos' : 'web';
      plan.create.push({
        nameNl: option.name,
        nameEn: option.nameEn ?? option.name,
        providerOptionId: option.optionId,
        type,
        active: false,
        offeredOn: ids,
        providerName: option.name,
        providerStatus: 'available',
      });
      plan.summary.added.push(option.name);
      continue;
    }
    for (const method of matches) {
      const changes: Record<string, unknown> = {};
      const name = text(method.values.nameNl);
      // Stryker disable next-line ConditionalExpression: a stored name that is not text can never equal the shop's name (text() gives a string), just like null.
      const previousProviderName = typeof method.values.providerName === 'string' ? method.values.providerName : null;
      if (method.values.providerStatus !== 'available') {
        changes.providerStatus = 'available';
        if (method.values.providerStatus === 'dropped') plan.summary.returned.push(name);
      }
      if (previousProviderName !== option.name) {
        changes.providerName = option.name;
        // Never synced before (null): the shop's name stands. Synced before: follow only an untouched name.
        // Stryker disable next-line ConditionalExpression: a string name never equals null, so the first test only says what the second already does.
        if (previousProviderName !== null && name === previousProviderName) {
          changes.nameNl = option.name;
          plan.summary.renamed.push({ from: name, to: option.name });
        }
        if (previousProviderName !== null && option.nameEn !== null && text(method.values.nameEn) === previousProviderName) changes.nameEn = option.nameEn;
      }
      if (!sameSet(channelIds(method.values.offeredOn), ids)) {
        changes.offeredOn = ids;
        plan.summary.channelsChanged.push(name);
      }
      if (Object.keys(changes).length > 0) plan.update.push({ id: method.id, changes });
    }
  }

  for (const method of methods) {
    const optionId = method.values.providerOptionId;
    // Stryker disable next-line ConditionalExpression: the map holds only numbers, so has() is false for anything else anyway.
    if (typeof optionId === 'number' && offered.has(optionId)) continue;
    if (method.values.providerStatus === 'dropped') continue;
    plan.update.push({ id: method.id, changes: { providerStatus: 'dropped' } });
    plan.summary.dropped.push(text(method.values.nameNl));
  }
  return plan;
}

/** True when a sync changed nothing: the summary a user reads as "alles was al bijgewerkt". */
export function nothingChanged(plan: MergePlan): boolean {
  return plan.create.length === 0 && plan.update.length === 0;
}
