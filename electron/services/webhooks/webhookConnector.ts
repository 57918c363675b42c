import { describe as describeReason } from '../../../domain/messages';
import { failure, success, type Result } from '../../../domain/result';
import type { Lang } from '../../../domain/text';
import { hookDeliveriesSchema, hookOutcomeSchema, type HookDelivery, type HookOutcome } from '../../../domain/webhooks/hookProtocol';
import { describeHookAnswer } from '../../../domain/webhooks/hookOutcome';
import { checkWebhookUrl } from '../../../domain/validators/webhookUrl';
import type { LocalStore } from '../../../db/open';
import type { ListService } from '../lists/listService';
import type { Logger } from '../logger';
import type { SecretStore } from '../secrets/secretStore';
import { createCloudClient, type CloudFailure } from '../sync/cloudClient';
import type { RunOutcome } from '../sync/syncEngine';
import { deviceTokenPurpose } from '../sync/syncEngine';
import { readSyncState } from '../sync/syncStateKeys';
import { webhookWords } from './webhookWords';

export interface WebhookConnectorDeps {
  store: LocalStore;
  secrets: SecretStore;
  lists: ListService;
  logger: Logger;
  /** Push before (the cloud delivers to the URL it holds) and pull after (the status it wrote). */
  syncNow(): Promise<RunOutcome>;
  /** Whether IT allows webhook URLs into private ranges (the policy AllowPrivateWebhookTargets). */
  privateTargetsAllowed(): boolean;
  fetch?: typeof fetch;
}

/** Where a connection's webshop token is kept: the keychain, never SQLite. */
export const webhookTokenPurpose = (id: string) => `webhook:${id}:token`;

/** Three attempts of 10 s with pauses between them, and the way there and back. */
const connectTimeoutMs = 60_000;

export type HookResult = HookOutcome & { message: string };

/**
 * Verbinden and Ontkoppelen from this workstation: the cloud makes the call to the webshop and
 * writes the status its answer produced, so nothing here writes a status. Without the cloud
 * nothing changes and the answer says so.
 */
export function createWebhookConnector(deps: WebhookConnectorDeps) {
  const { store, secrets, lists, logger } = deps;

  const offline = (lang: Lang, detail: string | null): Result<never> =>
    failure({ code: 'cloud_unreachable', message: webhookWords(detail === null ? 'needsCloud' : 'cloudUnreachable', lang, { detail: detail ?? '' }) });

  function cloudFailure(found: CloudFailure, lang: Lang): Result<never> {
    if (found.kind === 'temporary') return offline(lang, found.message);
    if (found.kind === 'unauthorized') return failure({ code: 'cloud_unpaired', message: webhookWords('unpaired', lang) });
    if (found.code === 'webhook_url_refused') return failure({ code: 'webhook_url_refused', message: webhookWords('refusedByCloud', lang, { detail: found.message }) });
    if (found.code === 'public_url_missing') return failure({ code: 'public_url_missing', message: webhookWords('publicUrlMissing', lang) });
    if (found.code === 'unknown_webhook') return failure({ code: 'unknown_webhook', message: webhookWords('notInCloud', lang) });
    return failure({ code: 'cloud_refused', message: webhookWords('cloudRefused', lang, { detail: found.message }) });
  }

  /** The cloud's address and this workstation's token, or why the cloud cannot be asked. */
  async function cloud(lang: Lang, timeoutMs: number) {
    const baseUrl = readSyncState(store.orm, 'cloudUrl');
    if (baseUrl === null) return offline(lang, null);
    if (readSyncState(store.orm, 'unpairedReason') !== null) return failure({ code: 'cloud_unpaired', message: webhookWords('unpaired', lang) });
    const token = await secrets.reveal(deviceTokenPurpose(store));
    if (!token.ok) return token;
    if (token.value === null) return failure({ code: 'cloud_unpaired', message: webhookWords('unpaired', lang) });
    return success(createCloudClient({ baseUrl, token: token.value, fetch: deps.fetch, timeoutMs }));
  }

  async function deliver(id: string, action: 'connect' | 'disconnect', lang: Lang): Promise<Result<HookResult>> {
    const items = lists.list('webhooks', lang);
    if (!items.ok) return items;
    const item = items.value.find((entry) => entry.id === id);
    if (!item) return failure({ code: 'unknown_record', message: describeReason('unknown_record', lang, { label: lang === 'nl' ? 'Koppeling' : 'Connection' }) });
    const allowPrivate = deps.privateTargetsAllowed();
    // Only Verbinden is held to the URL rule here; Ontkoppelen must always reach the cloud, which
    // revokes the webshop's credentials also when it may no longer tell the webshop.
    const url = action === 'connect' ? checkWebhookUrl(String(item.values.webhookUrl), { allowPrivate }) : null;
    if (url && !url.ok) {
      const message = describeReason(url.reason, lang, { label: lang === 'nl' ? 'Webhook-URL' : 'Webhook URL', ...url.values });
      return failure({ code: 'invalid', message, fields: [{ field: 'webhookUrl', reason: url.reason, message }] });
    }
    const token = await secrets.reveal(webhookTokenPurpose(id));
    if (!token.ok) return token;
    if (token.value === null) return failure({ code: 'token_missing', message: webhookWords('tokenMissing', lang) });
    const client = await cloud(lang, connectTimeoutMs);
    if (!client.ok) return client;

    // The cloud delivers to the URL it holds, so this connection must have reached it first.
    const pushed = await deps.syncNow();
    if (pushed.status === 'retrying') return offline(lang, pushed.error);
    if (pushed.status !== 'synced') return offline(lang, null);

    const answer = await client.value.post(`/v1/webhooks/${id}/${action}`, { token: token.value, privateTargetsAllowed: allowPrivate }, hookOutcomeSchema);
    if (!answer.ok) return cloudFailure(answer.failure, lang);
    logger.info('webhooks.delivered', { id, action, status: answer.value.status, responseCode: answer.value.responseCode, attempts: answer.value.attempts.length });
    // The status the cloud wrote arrives with this pull; if the pull fails, with the next one.
    await deps.syncNow();
    return success({ ...answer.value, message: describeHookAnswer(answer.value, lang) });
  }

  return {
    connect: (id: string, lang: Lang) => deliver(id, 'connect', lang),
    disconnect: (id: string, lang: Lang) => deliver(id, 'disconnect', lang),
    /** The newest attempts to reach this connection's webshop, from the cloud. */
    async deliveries(id: string, lang: Lang): Promise<Result<HookDelivery[]>> {
      const client = await cloud(lang, 15_000);
      if (!client.ok) return client;
      const answer = await client.value.get(`/v1/webhooks/${id}/deliveries`, hookDeliveriesSchema);
      return answer.ok ? success(answer.value.deliveries) : cloudFailure(answer.failure, lang);
    },
  };
}

export type WebhookConnector = ReturnType<typeof createWebhookConnector>;
