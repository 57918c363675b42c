import http from 'node:http';
import { listenOnLoopback } from './loopbackServer';

/**
 * A stand-in for StoreKeeper Payments' merchant API on 127.0.0.1 (the real one is not reachable
 * from tests, and its reference is assumed: see cloud/providers/storekeeperPayments). It knows one
 * merchant and one key, answers 401 to any other key and 404 to any other merchant.
 */
export type SkPaymentsBehaviour = 'normal' | 'serverError' | 'slow';

export const standInMerchant = {
  merchant: {
    code: 'M-1234-5678',
    name: 'Fietsenwinkel De Spaak',
    status: 'ACTIVE',
    boardingStatus: 'ONBOARDING',
    payoutStatus: 'DISABLED',
    balance: { value: 123_456, currency: 'EUR' },
    clearingAccount: { iban: 'NL91ABNA0417164300', owner: 'De Spaak B.V.' },
  },
  documents: [
    { type: 'PAYMENT_AGREEMENT', status: 'ACCEPTED' },
    { type: 'UBO_FORM', status: 'UPLOADED' },
    { type: 'ID_COPY', status: 'DECLINED' },
    { type: 'BANK_STATEMENT', status: 'REQUESTED' },
  ],
  services: [
    {
      code: 'SL-1234-5678',
      name: 'Webshop De Spaak',
      paymentMethods: [
        { id: 10, name: 'iDEAL', status: 'ACTIVE' },
        { id: 706, name: 'Visa/Mastercard', status: 'INACTIVE' },
      ],
    },
  ],
};

export interface SkPaymentsPeer {
  url: string;
  requests: { path: string; authorization: string | undefined }[];
  behave(next: SkPaymentsBehaviour): void;
  stop(): Promise<void>;
}

export async function startSkPaymentsPeer(apiKey: string): Promise<SkPaymentsPeer> {
  let behaviour: SkPaymentsBehaviour = 'normal';
  const requests: SkPaymentsPeer['requests'] = [];
  const server = http.createServer((request, response) => {
    requests.push({ path: request.url ?? '', authorization: request.headers.authorization });
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (behaviour === 'slow') return;
    if (behaviour === 'serverError') return send(500, { title: 'Internal Server Error' });
    if (request.headers.authorization !== `Bearer ${apiKey}`) return send(401, { title: 'Unauthorized', detail: 'Invalid API key' });
    if (request.method !== 'GET' || request.url !== `/v1/merchants/${standInMerchant.merchant.code}`) return send(404, { title: 'Not Found' });
    send(200, standInMerchant);
  });
  const loopback = await listenOnLoopback(server);
  return {
    url: loopback.url,
    requests,
    behave: (next) => (behaviour = next),
    stop: loopback.stop,
  };
}
