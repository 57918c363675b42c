import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does to one request. `drop-response` forwards the request, lets the cloud finish
 * it, then cuts the connection without answering (the cloud applied a push the desktop never heard
 * about). `reset` cuts the connection while the request body is arriving, before the cloud sees it.
 * `duplicate` delivers the same request to the cloud twice and answers with the second reply.
 * `status` answers itself (5xx, 429, 401) without asking the cloud, with the given error body or an
 * injected one (a hostile cloud's answer). `latency` delays forwarding.
 */
export type Fault =
  | { kind: 'drop-response' }
  | { kind: 'reset' }
  | { kind: 'duplicate' }
  | { kind: 'status'; status: number; retryAfterSeconds?: number; body?: unknown }
  | { kind: 'latency'; ms: number };

export interface RequestInfo {
  method: string;
  path: string;
  /** How many requests this proxy has seen before this one. */
  n: number;
}

export type FaultPlan = (request: RequestInfo) => Fault | null;

export interface FaultProxy {
  url: string;
  /** Decides the fault of every following request; `null` to pass everything through. */
  setPlan(plan: FaultPlan | null): void;
  setTarget(target: string): void;
  /** How many times each fault kind was applied, and how many requests passed cleanly. */
  readonly counts: Record<Fault['kind'] | 'clean' | 'unreachable', number>;
  close(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function forward(target: string, request: http.IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const url = new URL(request.url ?? '/', target);
    const headers = { ...request.headers, host: url.host, 'content-length': String(body.length) };
    delete headers['transfer-encoding'];
    const outgoing = http.request(url, { method: request.method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** A man in the middle on 127.0.0.1 (node:http), between the desktop services and the real cloud. */
export async function startFaultProxy(initialTarget: string): Promise<FaultProxy> {
  let target = initialTarget;
  let plan: FaultPlan | null = null;
  let seen = 0;
  const counts: FaultProxy['counts'] = { 'drop-response': 0, reset: 0, duplicate: 0, status: 0, latency: 0, clean: 0, unreachable: 0 };

  const server = http.createServer((request, response) => {
    const info: RequestInfo = { method: request.method ?? 'GET', path: new URL(request.url ?? '/', 'http://proxy').pathname, n: seen++ };
    const fault = plan?.(info) ?? null;
    counts[fault?.kind ?? 'clean'] += 1;
    if (fault?.kind === 'reset') {
      // Cut after the first bytes of the body (or at once for a body-less request).
      const cut = () => request.socket.destroy();
      if (request.headers['content-length'] && request.headers['content-length'] !== '0') request.once('data', cut);
      else cut();
      return;
    }
    if (fault?.kind === 'status') {
      const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json' };
      if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
      void readBody(request).then(() => {
        response.writeHead(fault.status, headers);
        response.end(JSON.stringify(fault.body ?? { error: { code: `injected_${fault.status}`, message: `Ingevoegde fout ${fault.status}` } }));
      });
      return;
    }
    void (async () => {
      const body = await readBody(request);
      if (fault?.kind === 'latency') await new Promise((resolve) => setTimeout(resolve, fault.ms));
      let upstream: Upstream;
      try {
        upstream = await forward(target, request, body);
        if (fault?.kind === 'duplicate') upstream = await forward(target, request, body);
      } catch {
        counts.unreachable += 1;
        response.writeHead(502, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { code: 'bad_gateway', message: 'De cloud achter de proxy is niet bereikbaar' } }));
        return;
      }
      if (fault?.kind === 'drop-response') {
        request.socket.destroy();
        return;
      }
      const headers = { ...upstream.headers };
      delete headers['transfer-encoding'];
      delete headers.connection;
      response.writeHead(upstream.status, headers);
      response.end(upstream.body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    setPlan: (next) => (plan = next),
    setTarget: (next) => (target = next),
    counts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
