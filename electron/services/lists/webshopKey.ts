import { z } from 'zod';
import { checkWebhookAddress } from '../../../domain/validators/webhookUrl';

const keyContent = z.object({ token: z.string().min(8).max(512), webhook_url: z.string().max(2048) });

export type WebshopKeyProblem = 'webhookKey.notBase64' | 'webhookKey.notJson' | 'webhookKey.fields' | 'url.invalid' | 'webhookUrl.notHttps' | 'webhookUrl.privateAddress';

/**
 * A webshop hands over its "API key" as base64 of JSON `{"token": …, "webhook_url": …}`. It is
 * decoded and checked here so the user sees where Backoffice will connect before it does.
 */
export function decodeWebshopKey(apiKey: string): { ok: true; token: string; webhookUrl: string } | { ok: false; reason: WebshopKeyProblem } {
  const compact = apiKey.replace(/\s/g, '');
  if (compact.length < 16 || !/^[A-Za-z0-9+/_-]+=*$/.test(compact)) return { ok: false, reason: 'webhookKey.notBase64' };
  let content: unknown;
  try {
    content = JSON.parse(Buffer.from(compact, 'base64').toString('utf8'));
  } catch {
    return { ok: false, reason: 'webhookKey.notJson' };
  }
  const parsed = keyContent.safeParse(content);
  if (!parsed.success) return { ok: false, reason: 'webhookKey.fields' };
  const url = checkWebhookAddress(parsed.data.webhook_url);
  return url.ok ? { ok: true, token: parsed.data.token, webhookUrl: url.value } : { ok: false, reason: url.reason as WebshopKeyProblem };
}
