import http from 'node:http';
import { listenOnLoopback } from './loopbackServer';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for a shipping provider's API on 127.0.0.1 (MyParcel or Veloyd are not reachable
 * from tests). It answers as the provider's public documentation shows, and only when the
 * Authorization header is exactly the provider's documented format for the one key it knows.
 */
export type PeerBehaviour = 'normal' | 'slow' | 'serverError' | 'notJson';

export interface CarrierPeer {
  url: string;
  /** Every request as it arrived: method, path and the Authorization header. */
  requests: { method: string; path: string; authorization: string | undefined }[];
  behave(next: PeerBehaviour): void;
  stop(): Promise<void>;
}

const expectedHeader = {
  myparcel: (key: string) => `basic ${Buffer.from(key).toString('base64')}`,
  veloyd: (key: string) => `Apikey ${key}`,
};

const goodAnswer = {
  // MyParcel API reference 6.C, "Retrieve shipments": the shipments under data.
  myparcel: { path: '/shipments?size=1', body: { data: { shipments: [], results: 0 } } },
  veloyd: { path: '/account', body: { id: 4711, name: 'Fietsenwinkel De Spaak' } },
};

const refusal = {
  myparcel: { errors: [{ status: 401, code: 3000, title: 'Access denied', message: 'Invalid credentials' }], message: 'Access denied' },
  veloyd: { message: 'Invalid API key' },
};

export async function startCarrierPeer(provider: 'myparcel' | 'veloyd', key: string): Promise<CarrierPeer> {
  let behaviour: PeerBehaviour = 'normal';
  const requests: CarrierPeer['requests'] = [];
  const server = http.createServer((request, response) => {
    requests.push({ method: request.method ?? '', path: request.url ?? '', authorization: request.headers.authorization });
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (behaviour === 'slow') return; // holds the request open until the caller gives up
    if (behaviour === 'serverError') return send(500, { message: 'Internal Server Error' });
    if (request.headers.authorization !== expectedHeader[provider](key)) return send(401, refusal[provider]);
    if (request.method !== 'GET' || request.url !== goodAnswer[provider].path) return send(404, { message: 'Not found' });
    if (behaviour === 'notJson') {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      return response.end('<html><body>Log in to the hotel Wi-Fi</body></html>');
    }
    send(200, goodAnswer[provider].body);
  });
  const loopback = await listenOnLoopback(server);
  return {
    url: loopback.url,
    requests,
    behave: (next) => (behaviour = next),
    stop: loopback.stop,
  };
}

/** A loopback address where nothing listens: a port that was just free, so connecting is refused. */
export async function closedPort(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
