import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkWebhookUrl, isPublicAddress } from '../../../domain/validators/webhookUrl';

/**
 * The webshop side of a connection: the cloud POSTs `{"action", "payload"}` with the header
 * `UpxHookToken: <token>` to the webshop's webhook URL. 200 means the webshop took it, 401 that
 * the token does not match; anything else, or no answer, is a failed delivery.
 */
export type HookAction = 'init' | 'disconnect';

/** One try at delivering, as the delivery log keeps it. */
export interface HookAttempt {
  attempt: number;
  at: string;
  /** The webshop's HTTP status, or null when none came. */
  responseCode: number | null;
  outcome: 'accepted' | 'tokenRefused' | 'failed' | 'noAnswer' | 'unreachable' | 'blocked';
  /** For noAnswer the seconds waited; for unreachable the network's reason; for blocked the address. */
  detail: string | null;
}

export interface WebshopHookOptions {
  /** How long one attempt may take, connecting included. */
  timeoutMs: number;
  /** At most this many attempts; only "no answer", "unreachable", 429 and 5xx are tried again. */
  attempts: number;
  retryDelayMs: number;
  /** Private, loopback and link-local targets, allowed only when the cloud's operator and the shop's IT both say so. */
  allowPrivate: boolean;
  now: () => Date;
  /**
   * Name resolution; the system's by default. Tests hand in a stand-in resolver, because a name
   * that resolves to a private address cannot exist on a test machine without DNS.
   */
  resolve?: (hostname: string) => Promise<dns.LookupAddress[]>;
}

const systemResolve = (hostname: string) => dns.promises.lookup(hostname, { all: true });

export const defaultHookOptions = { timeoutMs: 10_000, attempts: 3, retryDelayMs: 1_000 } as const;

class BlockedAddress extends Error {
  constructor(readonly address: string) {
    super(`${address} is a private address`);
  }
}

/**
 * Resolves the host and refuses when ANY of its addresses is not public, at connect time, so the
 * address checked is the address connected to (a name cannot resolve to a public address for the
 * check and a private one for the request).
 */
function guardedLookup(allowPrivate: boolean, resolve: (hostname: string) => Promise<dns.LookupAddress[]>): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then((all) => {
      const addresses = options.family === 4 || options.family === 6 ? all.filter((entry) => entry.family === options.family) : all;
      const blocked = allowPrivate ? undefined : addresses.find((entry) => !isPublicAddress(entry.address));
      if (blocked) return callback(new BlockedAddress(blocked.address), '', 0);
      if (options.all) return (callback as unknown as (e: null, all: dns.LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    }, (error: NodeJS.ErrnoException) => callback(error, '', 0));
  };
}

type Reply = { kind: 'answered'; status: number } | { kind: 'noAnswer' } | { kind: 'unreachable'; cause: string } | { kind: 'blocked'; address: string };

/** One POST with a deadline. Redirects are not followed: a 3xx would carry the token elsewhere. */
function postOnce(url: URL, token: string, body: string, options: WebshopHookOptions): Promise<Reply> {
  return new Promise((resolve) => {
    const transport = url.protocol === 'https:' ? https : http;
    const request = transport.request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), UpxHookToken: token },
      lookup: guardedLookup(options.allowPrivate, options.resolve ?? systemResolve),
      timeout: options.timeoutMs,
    });
    const deadline = setTimeout(() => request.destroy(Object.assign(new Error('deadline'), { code: 'DEADLINE' })), options.timeoutMs);
    const settle = (reply: Reply) => {
      clearTimeout(deadline);
      resolve(reply);
    };
    request.on('timeout', () => request.destroy(Object.assign(new Error('deadline'), { code: 'DEADLINE' })));
    request.on('response', (response) => {
      // The body says nothing the status does not; it is read and dropped so the socket is freed.
      response.resume();
      settle({ kind: 'answered', status: response.statusCode ?? 0 });
    });
    request.on('error', (error: Error & { code?: string }) => {
      if (error instanceof BlockedAddress) return settle({ kind: 'blocked', address: error.address });
      if (error.code === 'DEADLINE') return settle({ kind: 'noAnswer' });
      settle({ kind: 'unreachable', cause: error.code ?? error.message });
    });
    request.end(body);
  });
}

function attemptOf(reply: Reply, attempt: number, at: string, timeoutMs: number): HookAttempt {
  switch (reply.kind) {
    case 'answered':
      return {
        attempt,
        at,
        responseCode: reply.status,
        outcome: reply.status === 200 ? 'accepted' : reply.status === 401 ? 'tokenRefused' : 'failed',
        detail: null,
      };
    case 'noAnswer':
      return { attempt, at, responseCode: null, outcome: 'noAnswer', detail: timeoutMs % 1000 === 0 ? String(timeoutMs / 1000) : (timeoutMs / 1000).toFixed(1) };
    case 'unreachable':
      return { attempt, at, responseCode: null, outcome: 'unreachable', detail: reply.cause };
    case 'blocked':
      return { attempt, at, responseCode: null, outcome: 'blocked', detail: reply.address };
  }
}

/** A webshop that is briefly away or overloaded may answer the next try; a refusal will not change. */
function worthRetrying(attempt: HookAttempt): boolean {
  if (attempt.outcome === 'noAnswer' || attempt.outcome === 'unreachable') return true;
  return attempt.outcome === 'failed' && attempt.responseCode !== null && (attempt.responseCode === 429 || attempt.responseCode >= 500);
}

/**
 * Delivers one action, trying again a bounded number of times. Returns every attempt, the last
 * one deciding. A URL that breaks the rules (not https, a private address) is not tried at all.
 */
export async function deliverHook(
  webhookUrl: string,
  token: string,
  message: { action: HookAction; payload: Record<string, unknown> },
  options: WebshopHookOptions,
): Promise<HookAttempt[]> {
  const checked = checkWebhookUrl(webhookUrl, { allowPrivate: options.allowPrivate });
  if (!checked.ok) {
    const detail = checked.reason === 'webhookUrl.privateAddress' ? String(checked.values?.host ?? '') : checked.reason;
    return [{ attempt: 1, at: options.now().toISOString(), responseCode: null, outcome: 'blocked', detail }];
  }
  const body = JSON.stringify(message);
  const attempts: HookAttempt[] = [];
  for (let attempt = 1; attempt <= options.attempts; attempt += 1) {
    const at = options.now().toISOString();
    const result = attemptOf(await postOnce(new URL(checked.value), token, body, options), attempt, at, options.timeoutMs);
    attempts.push(result);
    if (!worthRetrying(result) || attempt === options.attempts) break;
    await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs * attempt));
  }
  return attempts;
}
