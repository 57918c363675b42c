import { z } from 'zod';
import { describe as describeReason } from '../../../domain/messages';
import { failure, success } from '../../../domain/result';
import { decodeWebshopKey, type WebshopKeyProblem } from '../../services/lists/webshopKey';
import { actorOf, call } from '../define';

const apiKey = z.string().max(8192);
const keyLabel = { nl: 'API-sleutel van de webshop', en: 'Web shop API key' };

function keyRefusal(reason: WebshopKeyProblem, lang: 'nl' | 'en') {
  const message = describeReason(reason, lang, { label: keyLabel[lang] });
  return failure({ code: 'invalid', message, fields: [{ field: 'apiKey', reason, message }] });
}

/** The nil UUID never names a connection: reading it proves the keychain answers without touching a real secret. */
const keychainProbe = 'webhook:00000000-0000-0000-0000-000000000000:token';

export const webhookCalls = {
  /**
   * Whether a connection's token could be kept, asked when the Webhooks screen opens: without a
   * keychain the user hears it before filling anything in, not at the last click of Verbinden.
   */
  'webhooks.keychain': call({
    input: z.object({}),
    permission: 'webhooks.view',
    run: async (_input, { services, lang }) => {
      const probe = await services.secrets.status(keychainProbe, lang);
      return probe.ok ? success(null) : probe;
    },
  }),
  /** Shows where a webshop's key points before anything is connected. */
  'webhooks.inspectKey': call({
    input: z.object({ apiKey }),
    permission: 'webhooks.view',
    run: ({ apiKey }, { lang }) => {
      const decoded = decodeWebshopKey(apiKey);
      if (!decoded.ok) return keyRefusal(decoded.reason, lang);
      return success({ webhookUrl: decoded.webhookUrl });
    },
  }),
  /**
   * 'Verbinden': keeps the connection with its token in the keychain. The init call to the
   * webshop is made by the cloud, so until a cloud is linked the status stays 'disconnected'
   * and the answer says why.
   */
  'webhooks.connect': call({
    input: z.object({ salesChannelId: z.string().max(100), apiKey }),
    permission: 'webhooks.edit',
    run: async ({ salesChannelId, apiKey }, { services, session, lang }) => {
      const decoded = decodeWebshopKey(apiKey);
      if (!decoded.ok) return keyRefusal(decoded.reason, lang);
      const created = services.lists.create('webhooks', { salesChannelId, webhookUrl: decoded.webhookUrl }, actorOf({ session, lang }));
      if (!created.ok) return created;
      const stored = await services.secrets.set(`webhook:${created.value.id}:token`, decoded.token, lang);
      if (!stored.ok) {
        services.lists.remove('webhooks', created.value.id, actorOf({ session, lang }));
        return stored;
      }
      const reason = describeReason('cloud_not_connected', lang, { action: lang === 'nl' ? 'de koppeling met de webshop activeren' : 'activating the web shop connection' });
      return success({ item: created.value, statusReason: reason });
    },
  }),
  'webhooks.disconnect': call({
    input: z.object({ id: z.string().uuid() }),
    permission: 'webhooks.edit',
    run: async ({ id }, { services, session, lang }) => {
      const removed = services.lists.remove('webhooks', id, actorOf({ session, lang }));
      if (removed.ok) await services.secrets.clear(`webhook:${id}:token`, lang);
      return removed;
    },
  }),
};
