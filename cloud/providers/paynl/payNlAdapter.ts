import { z } from 'zod';
import { plainProviderText } from '../../../domain/payments/providerSaid';

/** Pay.nl's API root for service configuration (its "connect" API); tests and proxies set their own. */
export const payNlApi = 'https://connect.pay.nl';

export interface PayNlCredentials {
  /** `AT-1234-5678`: the token code, Pay.nl's user name for its API. */
  tokenCode: string;
  /** The API token itself: the password. */
  apiToken: string;
}

export interface PayNlOptions {
  baseUrl: string;
  timeoutMs: number;
}

/** One payment option of a service, as Pay.nl lists it under the service's checkout options. */
export interface ServiceOption {
  optionId: number;
  name: string;
  nameEn: string | null;
}

export type ServiceConfigAnswer =
  | { ok: true; serviceName: string | null; options: ServiceOption[] }
  | { ok: false; reason: 'refused' | 'unknownService' | 'unexpected'; status: number; detail: string | null }
  | { ok: false; reason: 'unreachable' | 'timedOut'; status: null; detail: null };

const translations = z.record(z.string(), z.string()).nullish();

/**
 * The part of `GET /v2/services/config` we read (Pay.nl API reference, "Get service config";
 * the same shape as Pay.nl's own Node SDK, `ServiceConfig`): the checkout options, each with the
 * payment methods it groups, whose `id` is the payment option id (10 iDEAL, 138 PayPal, …).
 * Everything else in the answer is ignored, so fields Pay.nl adds later change nothing.
 */
const serviceConfig = z.object({
  code: z.string(),
  name: z.string().nullish(),
  checkoutOptions: z.array(
    z.object({
      paymentMethods: z
        .array(z.object({ id: z.number().int().positive(), name: z.string().min(1), translations: z.object({ name: translations }).nullish() }))
        .nullish(),
    }),
  ),
});

/** Pay.nl's error body (RFC 7807 style): its `detail` (else `title`) is passed on to the shop's manager and the log. */
const errorBody = z.object({ title: z.string().optional(), detail: z.string().optional() });

/** The Basic authorization Pay.nl is sent: token code as user, API token as password. */
const basicOf = (credentials: PayNlCredentials) => Buffer.from(`${credentials.tokenCode}:${credentials.apiToken}`).toString('base64');

/**
 * What Pay.nl said, fit to show and log: one line, clipped, and with anything that could be the
 * credentials blanked should Pay.nl (or a gateway before it) ever echo them, so no secret leaves the
 * cloud in an error: the token code and API token as they are, URL-encoded and in the Basic header,
 * whatever follows "Basic" or "Bearer", and any run of 32 or more token-like characters.
 */
function saidByPayNl(body: unknown, credentials: PayNlCredentials): string | null {
  const parsed = errorBody.safeParse(body);
  if (!parsed.success) return null;
  const text = parsed.data.detail ?? parsed.data.title ?? '';
  const secrets = [basicOf(credentials), credentials.apiToken, encodeURIComponent(credentials.apiToken), credentials.tokenCode].filter((secret) => secret.length > 0);
  const blanked = secrets
    .reduce((said, secret) => said.split(secret).join('…'), text)
    .replace(/\b(basic|bearer)\s+\S+/gi, '$1 …')
    .replace(/[A-Za-z0-9+/=_-]{32,}/g, '…');
  return plainProviderText(blanked) || null;
}

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/**
 * Reads one Pay.nl service's configuration with HTTP Basic authentication (token code as user,
 * API token as password). Redirects are not followed, so the token is never sent to another host.
 */
export async function readServiceConfig(serviceId: string, credentials: PayNlCredentials, options: PayNlOptions): Promise<ServiceConfigAnswer> {
  const url = new URL(`v2/services/config?serviceId=${encodeURIComponent(serviceId)}`, options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  const basic = basicOf(credentials);
  let response: Response;
  let body: unknown = null;
  try {
    response = await fetch(url, { headers: { Authorization: `Basic ${basic}`, Accept: 'application/json' }, redirect: 'manual', signal: AbortSignal.timeout(options.timeoutMs) });
    const text = await response.text();
    try {
      body = JSON.parse(text);
    } catch {
      // A proxy's error page: no JSON, judged by its status alone.
    }
  } catch (error) {
    return { ok: false, reason: (error as Error).name === 'TimeoutError' ? 'timedOut' : 'unreachable', status: null, detail: null };
  }
  const said = saidByPayNl(body, credentials);
  if (response.status === 401 || response.status === 403) return { ok: false, reason: 'refused', status: response.status, detail: said };
  if (response.status === 404) return { ok: false, reason: 'unknownService', status: 404, detail: said };
  const parsed = serviceConfig.safeParse(body);
  if (response.status !== 200 || !parsed.success) return { ok: false, reason: 'unexpected', status: response.status, detail: said };

  const options_: ServiceOption[] = [];
  for (const checkout of parsed.data.checkoutOptions) {
    for (const method of checkout.paymentMethods ?? []) {
      if (options_.some((known) => known.optionId === method.id)) continue;
      const names = method.translations?.name ?? {};
      options_.push({ optionId: method.id, name: clip(names.nl_NL ?? method.name, 80), nameEn: names.en_GB ? clip(names.en_GB, 80) : null });
    }
  }
  return { ok: true, serviceName: parsed.data.name ?? null, options: options_ };
}
