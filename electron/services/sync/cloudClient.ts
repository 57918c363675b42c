import type { z } from 'zod';
import {
  blobPath,
  deviceInfoSchema,
  errorBodySchema,
  pairResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  type DeviceInfo,
  type Mutation,
  type PairResponse,
  type PullResponse,
  type PushResponse,
} from '../../../domain/sync/protocol';

/**
 * How a call to the cloud went wrong, which decides what the engine does next:
 * temporary (network, 5xx, 429, a garbled answer) is retried with backoff; unauthorized (401)
 * puts the workstation in "ontkoppeld"; permanent (400, 413, other 4xx) is not retried as is.
 * `detail` is what a provider behind the cloud said (Pay.nl's "Service … not found."), as the
 * cloud passed it on: one plain line of at most 200 characters (errorBodySchema), or absent.
 */
export type CloudFailure =
  | { kind: 'temporary'; message: string; retryAfterMs?: number; code?: string; detail?: string }
  | { kind: 'unauthorized'; message: string }
  | { kind: 'permanent'; status: number; code: string; message: string; detail?: string };

export type CloudAnswer<T> = { ok: true; value: T } | { ok: false; failure: CloudFailure };

export interface CloudClientOptions {
  baseUrl: string;
  /** Null only for pairing, the one call without a device token. */
  token: string | null;
  fetch?: typeof fetch;
  /** A request that takes longer is abandoned and counts as a network failure. */
  timeoutMs?: number;
}

function retryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 600) * 1000 : undefined;
}

async function failureOf(response: Response): Promise<CloudFailure> {
  const text = await response.text().catch(() => '');
  let code = `http_${response.status}`;
  let message = `HTTP ${response.status}`;
  let detail: string | undefined;
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    if (parsed.success) ({ code, message, detail } = parsed.data.error);
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  const said = detail === undefined ? {} : { detail };
  if (response.status === 401) return { kind: 'unauthorized', message };
  if (response.status === 429 || response.status >= 500)
    return { kind: 'temporary', message, retryAfterMs: retryAfter(response.headers.get('retry-after')), ...(code === `http_${response.status}` ? {} : { code }), ...said };
  return { kind: 'permanent', status: response.status, code, message, ...said };
}

/** The workstation's side of the wire contract in domain/sync/protocol.ts, over fetch. */
export function createCloudClient({ baseUrl, token, fetch: fetchImpl = fetch, timeoutMs = 30_000 }: CloudClientOptions) {
  async function request(path: string, init: RequestInit): Promise<CloudAnswer<Response>> {
    const headers = new Headers(init.headers);
    if (token !== null) headers.set('authorization', `Bearer ${token}`);
    try {
      const response = await fetchImpl(`${baseUrl}${path}`, { ...init, headers, signal: AbortSignal.timeout(timeoutMs) });
      if (response.ok) return { ok: true, value: response };
      return { ok: false, failure: await failureOf(response) };
    } catch (error) {
      return { ok: false, failure: { kind: 'temporary', message: networkMessage(error) } };
    }
  }

  async function json<S extends z.ZodType>(path: string, init: RequestInit, schema: S): Promise<CloudAnswer<z.output<S>>> {
    const answer = await request(path, init);
    if (!answer.ok) return answer;
    try {
      const parsed = schema.safeParse(await answer.value.json());
      if (parsed.success) return { ok: true, value: parsed.data };
    } catch {
      // Cut off mid-body: the same as no answer.
    }
    return { ok: false, failure: { kind: 'temporary', message: 'Onleesbaar antwoord van de cloud' } };
  }

  const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  return {
    pair: (code: string, deviceName: string): Promise<CloudAnswer<PairResponse>> => json('/v1/pair', post({ code, deviceName }), pairResponseSchema),
    device: (): Promise<CloudAnswer<DeviceInfo>> => json('/v1/device', { method: 'GET' }, deviceInfoSchema),
    push: (mutations: Mutation[]): Promise<CloudAnswer<PushResponse>> => json('/v1/push', post({ mutations }), pushResponseSchema),
    pull: (after: string, limit: number): Promise<CloudAnswer<PullResponse>> =>
      json(`/v1/pull?after=${encodeURIComponent(after)}&limit=${limit}`, { method: 'GET' }, pullResponseSchema),
    /** A read of a resource the cloud keeps or asks a provider for (payment options, the sales report). */
    get: <S extends z.ZodType>(path: string, schema: S): Promise<CloudAnswer<z.output<S>>> => json(path, { method: 'GET' }, schema),
    /** A request about something the cloud does for the shop (connecting a webshop), answered as `schema`. */
    post: <S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<CloudAnswer<z.output<S>>> => json(path, post(body), schema),
    /** Unpairing: the cloud revokes this device's token, so a copy of it elsewhere is worthless. */
    async forget(): Promise<CloudAnswer<null>> {
      const answer = await request('/v1/device', { method: 'DELETE' });
      return answer.ok ? { ok: true, value: null } : answer;
    },
    async hasBlob(hash: string): Promise<CloudAnswer<boolean>> {
      const answer = await request(blobPath(hash), { method: 'HEAD' });
      if (answer.ok) return { ok: true, value: true };
      return answer.failure.kind === 'permanent' && answer.failure.status === 404 ? { ok: true, value: false } : answer;
    },
    async putBlob(hash: string, bytes: Uint8Array): Promise<CloudAnswer<null>> {
      const answer = await request(blobPath(hash), { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: bytes });
      return answer.ok ? { ok: true, value: null } : answer;
    },
    async getBlob(hash: string): Promise<CloudAnswer<Uint8Array>> {
      const answer = await request(blobPath(hash), { method: 'GET' });
      if (!answer.ok) return answer;
      try {
        return { ok: true, value: new Uint8Array(await answer.value.arrayBuffer()) };
      } catch (error) {
        return { ok: false, failure: { kind: 'temporary', message: networkMessage(error) } };
      }
    },
  };
}

/** fetch hides the reason in `cause`; the top bar shows something a shop owner can act on. */
function networkMessage(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  if ((error as Error).name === 'TimeoutError') return 'De cloud antwoordde niet op tijd';
  if (cause === 'ECONNREFUSED') return 'De cloud is niet bereikbaar (verbinding geweigerd)';
  if (cause === 'ENOTFOUND' || cause === 'EAI_AGAIN') return 'De cloud is niet te vinden (geen internet?)';
  if (cause === 'ECONNRESET' || cause === 'UND_ERR_SOCKET') return 'De verbinding met de cloud werd verbroken';
  return `Geen verbinding met de cloud (${cause ?? (error as Error).message})`;
}

export type CloudClient = ReturnType<typeof createCloudClient>;
