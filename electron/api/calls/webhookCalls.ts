import { z } from 'zod';
import { describe as describeReason } from '../../../domain/messages';
import { failure, success } from '../../../domain/result';
import { checkWebhookUrl } from '../../../domain/validators/webhookUrl';
import { decodeWebshopKey, type WebshopKeyProblem } from '../../services/lists/webshopKey';
import { webhookTokenPurpose } from '../../services/webhooks/webhookConnector';
import { webhookWords } from '../../services/webhooks/webhookWords';
import { actorOf, call, type CallContext } from '../define';

const apiKey = z.string().max(8192);
const keyLabel = { nl: 'API-sleutel van de webshop', en: 'Web shop API key' };
const connection = z.object({ id: z.string().uuid() });

function keyRefusal(reason: WebshopKeyProblem | 'webhookUrl.notHttps' | 'webhookUrl.privateAddress', lang: 'nl' | 'en', values: Record<string, string | number> = {}) {
  const message = describeReason(reason, lang, { label: keyLabel[lang], ...values });
  return failure({ code: 'invalid', message, fields: [{ field: 'apiKey', reason, message }] });
}

/**
 * The key decoded, and its URL checked against the same rule the cloud applies when it delivers
 * (https; no private address unless IT allows it), so the shop hears it before connecting.
 */
function readKey(input: string, { services, lang }: Pick<CallContext, 'services' | 'lang'>) {
  const decoded = decodeWebshopKey(input);
  if (!decoded.ok) return keyRefusal(decoded.reason, lang);
  const url = checkWebhookUrl(decoded.webhookUrl, { allowPrivate: services.policy.state().allowPrivateWebhookTargets });
  if (!url.ok) return keyRefusal(url.reason as 'webhookUrl.notHttps', lang, url.values);
  return success(decoded);
}

/** The nil UUID never names a connection: reading it proves the keychain answers without touching a real secret. */
const keychainProbe = webhookTokenPurpose('00000000-0000-0000-0000-000000000000');

export const webhookCalls = {
  /**
   * Whether a connection's token could be kept, asked when the Webhooks screen opens: without a
   * keychain the user hears it before filling anything in, not at the last click.
   */
  'webhooks.keychain': call({
    input: z.object({}),
    permission: 'webhooks.view',
    run: async (_input, { services, lang }) => {
      const probe = await services.secrets.status(keychainProbe, lang);
      return probe.ok ? success(null) : probe;
    },
  }),
  /** Shows where a webshop's key points before anything is kept. */
  'webhooks.inspectKey': call({
    input: z.object({ apiKey }),
    permission: 'webhooks.view',
    run: ({ apiKey }, context) => {
      const read = readKey(apiKey, context);
      return read.ok ? success({ webhookUrl: read.value.webhookUrl }) : read;
    },
  }),
  /** 'Koppeling toevoegen': keeps the connection (Niet verbonden) with its token in the keychain; Verbinden is the next step. */
  'webhooks.add': call({
    input: z.object({ salesChannelId: z.string().max(100), apiKey }),
    permission: 'webhooks.edit',
    run: async ({ salesChannelId, apiKey }, context) => {
      const { services, session, lang } = context;
      const read = readKey(apiKey, context);
      if (!read.ok) return read;
      const created = services.lists.create('webhooks', { salesChannelId, webhookUrl: read.value.webhookUrl }, actorOf({ session, lang }));
      if (!created.ok) return created;
      const stored = await services.secrets.set(webhookTokenPurpose(created.value.id), read.value.token, lang);
      if (!stored.ok) {
        services.lists.remove('webhooks', created.value.id, actorOf({ session, lang }));
        return stored;
      }
      return success(created.value);
    },
  }),
  /** 'Verbinden': the cloud sends `init` to the webshop; its answer, and only that, sets the status. */
  'webhooks.connect': call({
    input: connection,
    permission: 'webhooks.edit',
    run: ({ id }, { services, lang }) => services.webhooks.connect(id, lang),
  }),
  /** 'Ontkoppelen': the cloud sends `disconnect` to the webshop and the connection becomes Niet verbonden. */
  'webhooks.disconnect': call({
    input: connection,
    permission: 'webhooks.edit',
    run: ({ id }, { services, lang }) => services.webhooks.disconnect(id, lang),
  }),
  /** The newest attempts to reach the webshop, from the cloud's delivery log. */
  'webhooks.deliveries': call({
    input: connection,
    permission: 'webhooks.view',
    run: ({ id }, { services, lang }) => services.webhooks.deliveries(id, lang),
  }),
  /** Removes a connection and its token; a connected one is disconnected first, so the webshop is told. */
  'webhooks.remove': call({
    input: connection,
    permission: 'webhooks.edit',
    run: async ({ id }, { services, session, lang }) => {
      const items = services.lists.list('webhooks', lang);
      if (items.ok && items.value.find((item) => item.id === id)?.values.status === 'connected') {
        return failure({ code: 'still_connected', message: webhookWords('mustDisconnectFirst', lang) });
      }
      const removed = services.lists.remove('webhooks', id, actorOf({ session, lang }));
      if (removed.ok) await services.secrets.clear(webhookTokenPurpose(id), lang);
      return removed;
    },
  }),
};
