/** What came back from a provider's API: an answer with its status, or why none came. */
export type ProviderReply =
  | { kind: 'answered'; status: number; body: unknown }
  | { kind: 'unreachable'; cause: string }
  | { kind: 'timedOut' };

/** How a provider judged the shop's API key, in terms the words for the user are chosen by. */
export type ConnectionOutcome =
  | { outcome: 'accepted'; status: number; account: string | null }
  | { outcome: 'refused'; status: number }
  | { outcome: 'unreachable' }
  | { outcome: 'timedOut' }
  | { outcome: 'unexpected'; status: number };

export interface AdapterOptions {
  /** The provider's API root; tests point it at a stand-in on 127.0.0.1. */
  baseUrl: string;
  timeoutMs: number;
}

/** `base` with one trailing slash, so a path joins under it and never replaces its last segment. */
export function endpoint(base: string, path: string): URL {
  return new URL(path, base.endsWith('/') ? base : `${base}/`);
}

/**
 * One GET with the provider's authorisation header and a deadline. Redirects are not followed:
 * a redirected request could carry the key to another host, and a provider's API never
 * redirects a key check, so a 3xx is an unexpected answer like any other.
 */
export async function askProvider(url: URL, authorization: string, timeoutMs: number): Promise<ProviderReply> {
  try {
    const response = await fetch(url, {
      headers: { Authorization: authorization, Accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // A login page or a proxy's error page: no JSON, so the caller sees no recognisable body.
    }
    return { kind: 'answered', status: response.status, body };
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return { kind: 'timedOut' };
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    return { kind: 'unreachable', cause };
  }
}

/**
 * The provider's reply judged the same way for each provider: 2xx with a body the adapter
 * recognises is accepted; 401/403 means the key is refused; anything else, a 2xx included
 * whose body is not the provider's (a captive portal), is unexpected with its status code.
 */
export function judge(reply: ProviderReply, recognise: (body: unknown) => { account: string | null } | null): ConnectionOutcome {
  if (reply.kind === 'timedOut') return { outcome: 'timedOut' };
  if (reply.kind === 'unreachable') return { outcome: 'unreachable' };
  if (reply.status === 401 || reply.status === 403) return { outcome: 'refused', status: reply.status };
  if (reply.status >= 200 && reply.status < 300) {
    const recognised = recognise(reply.body);
    if (recognised) return { outcome: 'accepted', status: reply.status, account: recognised.account };
  }
  return { outcome: 'unexpected', status: reply.status };
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
