import http from 'node:http';
import { listenOnLoopback } from './loopbackServer';

/**
 * A stand-in for a webshop's webhook endpoint on 127.0.0.1 (no real webshop is reachable from
 * tests). Like a webshop that handed out a key, it knows one token: a POST whose `UpxHookToken`
 * header is that token gets 200, any other 401. Behaviours let a test make it fail or hang.
 */
export type WebshopBehaviour = 'normal' | 'serverError' | 'slow' | 'failOnce';

export interface WebshopDelivery {
  method: string;
  path: string;
  token: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

export interface WebshopPeer {
  url: string;
  /** Every delivery as it arrived, body parsed. */
  deliveries: WebshopDelivery[];
  behave(next: WebshopBehaviour): void;
  stop(): Promise<void>;
}

export async function startWebshopPeer(token: string, path = '/upx/hook'): Promise<WebshopPeer> {
  let behaviour: WebshopBehaviour = 'normal';
  const deliveries: WebshopDelivery[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = Buffer.concat(chunks).toString('utf8');
      }
      const header = request.headers.upxhooktoken;
      deliveries.push({ method: request.method ?? '', path: request.url ?? '', token: Array.isArray(header) ? header.join(',') : header, contentType: request.headers['content-type'], body });
      const send = (status: number, answer: unknown) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(answer));
      };
      if (behaviour === 'slow') return; // holds the request open until the cloud gives up
      if (behaviour === 'serverError') return send(500, { error: 'Internal Server Error' });
      if (behaviour === 'failOnce') {
        behaviour = 'normal';
        return send(503, { error: 'Service Unavailable' });
      }
      if (request.method !== 'POST' || request.url !== path) return send(404, { error: 'Not found' });
      if (header !== token) return send(401, { error: 'Invalid UpxHookToken' });
      send(200, { success: true });
    });
  });
  const loopback = await listenOnLoopback(server);
  return {
    url: `${loopback.url}${path}`,
    deliveries,
    behave: (next) => (behaviour = next),
    stop: loopback.stop,
  };
}
