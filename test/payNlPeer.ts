import http from 'node:http';
import { listenOnLoopback } from './loopbackServer';

/**
 * A stand-in for Pay.nl's API on 127.0.0.1 (Pay.nl is not reachable from tests). It answers
 * `GET /v2/services/config?serviceId=…` as Pay.nl's API reference and its own Node SDK
 * (`ServiceConfig`) show: the service with its checkout options and their payment methods. It
 * accepts only HTTP Basic with the one token code and API token it knows, and answers errors in
 * Pay.nl's error shape (`type`, `code`, `title`, `detail`).
 */
export type PayNlBehaviour = 'normal' | 'slow' | 'serverError' | 'tokenExpired' | 'echoesCredentials';

export interface PayNlMethod {
  id: number;
  name: string;
  nameEn?: string;
}

export interface PayNlPeer {
  url: string;
  requests: { path: string; authorization: string | undefined }[];
  /** The payment methods each service offers now; tests change it between syncs. */
  services: Map<string, { name: string; methods: PayNlMethod[] }>;
  behave(next: PayNlBehaviour): void;
  stop(): Promise<void>;
}

function problem(status: number, code: string, title: string, detail: string) {
  return { status, body: { type: `https://developer.pay.nl/docs/error-codes#${code}`, code, title, detail } };
}

export async function startPayNlPeer(tokenCode: string, apiToken: string): Promise<PayNlPeer> {
  let behaviour: PayNlBehaviour = 'normal';
  const requests: PayNlPeer['requests'] = [];
  const services: PayNlPeer['services'] = new Map();
  const expected = `Basic ${Buffer.from(`${tokenCode}:${apiToken}`).toString('base64')}`;

  const server = http.createServer((request, response) => {
    requests.push({ path: request.url ?? '', authorization: request.headers.authorization });
    const send = ({ status, body }: { status: number; body: unknown }) => {
      response.writeHead(status, { 'Content-Type': status === 200 ? 'application/json' : 'application/problem+json' });
      response.end(JSON.stringify(body));
    };
    if (behaviour === 'slow') return; // holds the request open until the caller gives up
    if (behaviour === 'serverError') return send(problem(500, 'PAY-500', 'Internal Server Error', 'Something went wrong on our side.'));
    // A refusal whose detail quotes the credentials back, over two lines: the cloud must pass neither on.
    // A gateway before Pay.nl that quotes what it was sent, encoded as it came.
    if (behaviour === 'echoesCredentials') {
      return send(problem(401, 'PAY-401', 'Unauthorized', `Invalid credentials in header ${request.headers.authorization ?? ''}; token=${encodeURIComponent(apiToken)}; bearer ${apiToken.toUpperCase()}`));
    }
    if (behaviour === 'tokenExpired') return send(problem(401, 'PAY-401', 'Unauthorized', `Token ${tokenCode} (${apiToken}) has expired.\nCreate a new one in My Pay.nl.`));
    if (request.headers.authorization !== expected) return send(problem(401, 'PAY-401', 'Unauthorized', 'Invalid or missing credentials.'));
    const url = new URL(request.url ?? '/', 'http://peer');
    if (request.method !== 'GET' || url.pathname !== '/v2/services/config') return send(problem(404, 'PAY-404', 'Not Found', 'No route found.'));
    const serviceId = url.searchParams.get('serviceId') ?? '';
    const service = services.get(serviceId);
    if (!service) return send(problem(404, 'PAY-2201', 'Not Found', `Service ${serviceId} not found.`));
    send({
      status: 200,
      body: {
        code: serviceId,
        name: service.name,
        status: 'ACTIVE',
        testMode: false,
        merchant: { code: 'M-1234-5678', name: 'Fietsenwinkel De Spaak', status: 'ACTIVE' },
        checkoutOptions: service.methods.map((method) => ({
          id: method.id,
          tag: `PM_${method.id}`,
          name: method.name,
          image: `/payment_methods/${method.id}.svg`,
          translations: { name: { nl_NL: method.name, en_GB: method.nameEn ?? method.name } },
          paymentMethods: [
            {
              id: method.id,
              name: method.name,
              image: `/payment_methods/${method.id}.svg`,
              options: [],
              settings: null,
              minAmount: 1,
              maxAmount: 5_000_000,
              description: '',
              translations: { name: { nl_NL: method.name, en_GB: method.nameEn ?? method.name } },
              targetCountries: ['NL'],
            },
          ],
          requiredFields: null,
        })),
      },
    });
  });
  const loopback = await listenOnLoopback(server);
  return {
    url: loopback.url,
    requests,
    services,
    behave: (next) => (behaviour = next),
    stop: loopback.stop,
  };
}
