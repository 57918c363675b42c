import { describe as describeReason } from '../../../domain/messages';
import { failure, type Result } from '../../../domain/result';
import type { Lang } from '../../../domain/text';
import { checkWebhookUrl } from '../../../domain/validators/webhookUrl';

const label = { nl: 'Webhook-URL', en: 'Webhook URL' };

/**
 * The cloud's rule for a webhook URL (https; no private address unless IT allows it), applied
 * where the URL is typed so the shop hears it on the field, before the cloud refuses it. Null
 * when the URL passes or is not being changed.
 */
export function webhookUrlRefusal(webhookUrl: unknown, allowPrivate: boolean, lang: Lang): Result<never> | null {
  if (typeof webhookUrl !== 'string') return null;
  const checked = checkWebhookUrl(webhookUrl, { allowPrivate });
  if (checked.ok) return null;
  const message = describeReason(checked.reason, lang, { label: label[lang], ...checked.values });
  return failure({ code: 'invalid', message, fields: [{ field: 'webhookUrl', reason: checked.reason, message }] });
}
