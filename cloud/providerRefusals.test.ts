import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../test/carrierPeer';
import { startPayNlPeer, type PayNlPeer } from '../test/payNlPeer';
import { startSkPaymentsPeer, type SkPaymentsPeer } from '../test/skPaymentsPeer';
import { parseServiceArgument, setProviderLink } from './providers/paynl/providerLink';
import { setSkPaymentsAccount } from './providers/storekeeperPayments/skPaymentsAccount';
import { useFileCloud, type Workstation } from './test/harness';

/**
 * The words a shop's workstation gets when its payment provider cannot be asked: the message an
 * operator reads and the desktop shows beside its own Dutch reason (chosen by the code), against
 * stand-ins of Pay.nl and StoreKeeper Payments on 127.0.0.1, and a provider out of reach.
 */
const tokenCode = 'AT-1234-5678';
const apiToken = '0123456789abcdef0123456789abcdef01234567';
const apiKey = 'skp_live_0123456789abcdef';
let payNl: PayNlPeer;
let skPayments: SkPaymentsPeer;
let unreachable: string;
beforeAll(async () => {
  payNl = await startPayNlPeer(tokenCode, apiToken);
  skPayments = await startSkPaymentsPeer(apiKey);
  unreachable = await closedPort();
});
afterAll(async () => {
  await payNl?.stop();
  await skPayments?.stop();
});
const reachable = useFileCloud(() => ({ paymentProvider: { payNlUrl: payNl.url, timeoutMs: 1_500 }, storekeeperPayments: { baseUrl: skPayments.url, timeoutMs: 400 } }));
const outOfReach = useFileCloud(() => ({ paymentProvider: { payNlUrl: unreachable }, storekeeperPayments: { baseUrl: unreachable } }));

const errorOf = async (response: Response) => ({ status: response.status, ...((await response.json()) as { error: { code: string; message: string } }).error });

async function payNlShop(cloud: typeof reachable, services: string[]): Promise<Workstation> {
  const station = await cloud.station();
  if (services.length > 0) await setProviderLink(cloud.database.db, station.paired.shopId, { provider: 'paynl', tokenCode, apiToken, services: services.map(parseServiceArgument) });
  return station;
}
async function skPaymentsShop(cloud: typeof reachable, merchantId: string | null, key = apiKey): Promise<Workstation> {
  const station = await cloud.station();
  if (merchantId) await setSkPaymentsAccount(cloud.database.db, station.paired.shopId, merchantId, key);
  return station;
}
const payNlOptions = (station: Workstation) => station.call('GET', '/v1/payment-provider/options');
const skOverview = (station: Workstation) => station.call('GET', '/v1/storekeeper-payments');

describe('Pay.nl through the cloud', () => {
  it('lists each option once per channel, and an option of a service without a channel under no channel', async () => {
    payNl.services.set('SL-1111-2222', { name: 'Webshop De Spaak', methods: [{ id: 10, name: 'iDEAL' }] });
    payNl.services.set('SL-5555-6666', { name: 'Webshop De Spaak (tweede)', methods: [{ id: 10, name: 'iDEAL' }] });
    payNl.services.set('SL-7777-8888', { name: 'Betaalverzoeken', methods: [{ id: 3600, name: 'Betaalverzoek', nameEn: 'Payment request' }] });
    const answer = await payNlOptions(await payNlShop(reachable, ['SL-1111-2222=W1', 'SL-5555-6666=W1', 'SL-7777-8888']));
    expect(answer.status).toBe(200);
    const { services, options } = (await answer.json()) as { services: unknown[]; options: unknown[] };
    expect(services).toEqual([
      { serviceId: 'SL-1111-2222', name: 'Webshop De Spaak', channel: 'W1' },
      { serviceId: 'SL-5555-6666', name: 'Webshop De Spaak (tweede)', channel: 'W1' },
      { serviceId: 'SL-7777-8888', name: 'Betaalverzoeken', channel: null },
    ]);
    expect(options).toEqual([
      { optionId: 10, name: 'iDEAL', nameEn: 'iDEAL', channels: ['W1'] },
      { optionId: 3600, name: 'Betaalverzoek', nameEn: 'Payment request', channels: [] },
    ]);
  });

  it('not linked for the shop is 409 saying so, and out of reach 502 saying the cloud cannot reach it', async () => {
    expect(await errorOf(await payNlOptions(await payNlShop(reachable, [])))).toEqual({ status: 409, code: 'provider_not_linked', message: 'This shop has no payment provider linked in the cloud yet.' });
    expect(await errorOf(await payNlOptions(await payNlShop(outOfReach, ['SL-1111-2222=W1'])))).toEqual({ status: 502, code: 'provider_unreachable', message: 'Pay.nl cannot be reached from the cloud.' });
  });
});

describe('StoreKeeper Payments through the cloud', () => {
  it('names each refusal in words: no account, a refused key, an unknown merchant, an error, silence', async () => {
    expect(await errorOf(await skOverview(await skPaymentsShop(reachable, null)))).toEqual({ status: 404, code: 'not_linked', message: 'This shop has no StoreKeeper Payments account linked in the cloud.' });
    expect(await errorOf(await skOverview(await skPaymentsShop(reachable, 'M-1234-5678', 'skp_live_not_the_right_key')))).toEqual({ status: 502, code: 'provider_refused', message: "StoreKeeper Payments refuses the cloud's API key (HTTP 401)." });
    expect(await errorOf(await skOverview(await skPaymentsShop(reachable, 'M-9999-0000')))).toEqual({ status: 502, code: 'provider_unknown_merchant', message: 'StoreKeeper Payments does not know merchant M-9999-0000.' });
    const linked = await skPaymentsShop(reachable, 'M-1234-5678');
    try {
      skPayments.behave('serverError');
      expect(await errorOf(await skOverview(linked))).toEqual({ status: 502, code: 'provider_unexpected', message: 'StoreKeeper Payments gave an answer the cloud does not understand (HTTP 500).' });
      skPayments.behave('slow');
      expect(await errorOf(await skOverview(linked))).toEqual({ status: 504, code: 'provider_timeout', message: 'StoreKeeper Payments did not answer in time.' });
    } finally {
      skPayments.behave('normal');
    }
    expect((await skOverview(linked)).status).toBe(200);
  });

  it('out of reach is 502 saying it cannot be reached', async () => {
    expect(await errorOf(await skOverview(await skPaymentsShop(outOfReach, 'M-1234-5678')))).toEqual({ status: 502, code: 'provider_unreachable', message: 'StoreKeeper Payments cannot be reached.' });
  });
});
