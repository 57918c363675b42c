import { z } from 'zod';
import { describe as describeReason } from '../../../domain/messages';
import { mergeProviderOptions, type MergeSummary } from '../../../domain/payments/mergeProviderOptions';
import { providerConfigurationSchema, type ProviderConfiguration } from '../../../domain/payments/providerOptions';
import { failure, success, type Result } from '../../../domain/result';
import type { LocalStore } from '../../../db/open';
import type { Clock } from '../clock';
import type { ListService } from '../lists/listService';
import type { Logger } from '../logger';
import type { SecretStore } from '../secrets/secretStore';
import type { Actor } from '../settings/settingsService';
import { readCache, writeCache } from '../store/localCache';
import { deviceClient } from '../sync/deviceClient';
import { describeSyncFailure, payNlSaidIn } from './providerSyncWords';

export interface ProviderSyncDeps {
  store: LocalStore;
  secrets: SecretStore;
  lists: ListService;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
}

/** What the last [Sync betalingsprovider] did, kept on this workstation for "laatst gesynchroniseerd". */
const lastSyncSchema = z.object({
  at: z.string(),
  summary: z.object({
    added: z.array(z.string()),
    dropped: z.array(z.string()),
    returned: z.array(z.string()),
    renamed: z.array(z.object({ from: z.string(), to: z.string() })),
    channelsChanged: z.array(z.string()),
  }),
  refused: z.number().int(),
  services: providerConfigurationSchema.shape.services,
});

export type ProviderSyncOutcome = z.infer<typeof lastSyncSchema>;
const cacheKey = 'paymentProviderSync';

/**
 * [Sync betalingsprovider]: asks the cloud for the provider's configuration and merges it into
 * Betaalmethoden (domain/payments/mergeProviderOptions.ts) through the list service, so every
 * change has its history and outbox entry and reaches the other workstations. Nothing changes
 * when the cloud or the provider cannot be asked.
 */
export function createProviderSync({ store, secrets, lists, clock, logger, fetch: fetchImpl }: ProviderSyncDeps) {
  async function fetchConfiguration(lang: Actor['lang']): Promise<Result<ProviderConfiguration>> {
    const notConnected = () =>
      failure({ code: 'cloud_not_connected', message: describeReason('cloud_not_connected', lang, { action: lang === 'nl' ? 'de betaalmethoden ophalen bij de betalingsprovider' : 'fetching the payment methods from the provider' }) });
    // The cloud waits up to 15 s for the provider per service; the workstation waits a little longer.
    const client = await deviceClient({ store, secrets, fetch: fetchImpl }, 45_000);
    if (!client.ok) return client.error.code === 'not_paired' ? notConnected() : client;
    const answer = await client.value.get('/v1/payment-provider/options', providerConfigurationSchema);
    if (answer.ok) return success(answer.value);
    // Pay.nl's words reach the log as the cloud passed them on: one line, at most 200 characters, without the cloud's token (payNlAdapter.ts, errorBodySchema).
    logger.warn('payments.providerSyncFailed', { kind: answer.failure.kind, code: 'code' in answer.failure ? answer.failure.code : undefined, payNlSaid: payNlSaidIn(answer.failure) ?? undefined });
    return failure({ code: answer.failure.kind === 'temporary' && !('code' in answer.failure && answer.failure.code) ? 'offline' : 'provider_failed', message: describeSyncFailure(answer.failure, lang) });
  }

  return {
    async sync(actor: Actor): Promise<Result<ProviderSyncOutcome>> {
      const configuration = await fetchConfiguration(actor.lang);
      if (!configuration.ok) return configuration;
      const methods = lists.list('paymentMethods', actor.lang);
      const channels = lists.list('salesChannels', actor.lang);
      if (!methods.ok) return methods;
      if (!channels.ok) return channels;
      const plan = mergeProviderOptions(
        methods.value,
        configuration.value.options,
        channels.value.map((channel) => ({ id: channel.id, prefix: String(channel.values.orderNumberPrefix ?? ''), type: String(channel.values.type ?? '') })),
      );
      // Each change is an ordinary list write. One the catalogue refuses is counted and logged;
      // the others stand, and the next sync tries the refused one again.
      let refused = 0;
      for (const values of plan.create) if (!lists.writeAsApp('paymentMethods', null, values, actor).ok) refused += 1;
      for (const { id, changes } of plan.update) if (!lists.writeAsApp('paymentMethods', id, changes, actor).ok) refused += 1;
      if (refused > 0) logger.warn('payments.providerChangesRefused', { refused });
      const outcome: ProviderSyncOutcome = { at: clock.now().toISOString(), summary: plan.summary satisfies MergeSummary, refused, services: configuration.value.services };
      writeCache(store.sqlite, cacheKey, outcome, clock.now());
      logger.info('payments.providerSynced', { added: plan.summary.added.length, dropped: plan.summary.dropped.length, updates: plan.update.length });
      return success(outcome);
    },

    /** The last sync on this workstation, or null before the first. */
    lastSync(): ProviderSyncOutcome | null {
      const parsed = lastSyncSchema.safeParse(readCache(store.sqlite, cacheKey)?.data);
      return parsed.success ? parsed.data : null;
    },
  };
}

export type ProviderSync = ReturnType<typeof createProviderSync>;
