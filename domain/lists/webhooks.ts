import { readOnlyText, select, selectFrom, text } from '../settings/fields';
import type { CollectionDef } from '../settings/types';
import { checkWebhookAddress } from '../validators/webhookUrl';

export const webhooks = {
  key: 'webhooks',
  label: { nl: 'Webhooks', en: 'Webhooks' },
  itemLabel: { nl: 'Koppeling', en: 'Connection' },
  titleField: 'webhookUrl',
  ordered: false,
  fields: [
    selectFrom('salesChannelId', { nl: 'Verkoopkanaal', en: 'Sales channel' }, 'salesChannels', { required: true }),
    text('webhookUrl', { nl: 'Webhook-URL', en: 'Webhook URL' }, { required: true, check: checkWebhookAddress, input: 'url' }),
    select('status', { nl: 'Status', en: 'Status' }, [
      { value: 'connected', label: { nl: 'Verbonden', en: 'Connected' } },
      { value: 'unauthorized', label: { nl: 'Mislukt: token geweigerd', en: 'Failed: token refused' } },
      { value: 'error', label: { nl: 'Mislukt', en: 'Failed' } },
      { value: 'disconnected', label: { nl: 'Niet verbonden', en: 'Disconnected' } },
    ], {
      default: 'disconnected',
      // Only the webshop's answer to a connection attempt says whether it is connected: the
      // cloud's connector writes it into the record, devices may not (domain/sync/validateMutation).
      readOnly: true,
    }),
    readOnlyText('lastDeliveryAt', { nl: 'Laatste levering', en: 'Last delivery' }),
    readOnlyText('lastResponseCode', { nl: 'Laatste antwoordcode', en: 'Last response code' }),
    // What went wrong, as a code the screen puts in words (`noAnswer:10`, `tokenRefused`); null when it went well.
    readOnlyText('lastProblem', { nl: 'Reden', en: 'Reason' }),
  ],
} as const satisfies CollectionDef;
