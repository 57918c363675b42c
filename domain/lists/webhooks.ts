import { readOnlyText, select, selectFrom, text } from '../settings/fields';
import type { CollectionDef } from '../settings/types';
import { checkWebUrl } from '../validators/url';

export const webhooks = {
  key: 'webhooks',
  label: { nl: 'Webhooks', en: 'Webhooks' },
  itemLabel: { nl: 'Koppeling', en: 'Connection' },
  titleField: 'webhookUrl',
  ordered: false,
  fields: [
    selectFrom('salesChannelId', { nl: 'Verkoopkanaal', en: 'Sales channel' }, 'salesChannels', { required: true }),
    text('webhookUrl', { nl: 'Webhook-URL', en: 'Webhook URL' }, { required: true, check: checkWebUrl, input: 'url' }),
    select('status', { nl: 'Status', en: 'Status' }, [
      { value: 'connected', label: { nl: 'Verbonden', en: 'Connected' } },
      { value: 'unauthorized', label: { nl: 'Niet geautoriseerd', en: 'Unauthorized' } },
      { value: 'error', label: { nl: 'Fout', en: 'Error' } },
      { value: 'disconnected', label: { nl: 'Niet verbonden', en: 'Disconnected' } },
    ], {
      default: 'disconnected',
      // Only the webshop's answer to a connection attempt says whether it is connected.
      readOnly: true,
    }),
    readOnlyText('lastDeliveryAt', { nl: 'Laatste levering', en: 'Last delivery' }),
    readOnlyText('lastResponseCode', { nl: 'Laatste antwoordcode', en: 'Last response code' }),
  ],
} as const satisfies CollectionDef;
