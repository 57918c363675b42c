import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerConfigurationSchema } from '../domain/payments/providerOptions';
import type { ErrorBody } from '../domain/sync/protocol';
import { closedPort } from '../test/carrierPeer';
import { startPayNlPeer, type PayNlPeer } from '../test/payNlPeer';
import { newShop } from './accounts';
import { parseServiceArgument, setProviderLink } from './providers/paynl/providerLink';
import { startCloud, type RunningCloud } from './start';
import { cloudDatabase, pair, workstation, type CloudStorage } from './test/harness';

/** The Pay.nl adapter through the cloud's route, against a stand-in Pay.nl on 127.0.0.1 that answers as Pay.nl documents. */
const tokenCode = 'AT-1234-5678';
const apiToken = '0123456789abcdef0123456789abcdef01234567';

const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;

describe('GET /v1/payment-provider/options (Pay.nl)', () => {
  let payNl: PayNlPeer;
  let cloud: RunningCloud;
  let storage: CloudStorage;
  beforeAll(async () => {
    payNl = await startPayNlPeer(tokenCode, apiToken);
    storage = await cloudDatabase();
    cloud = await startCloud({ database: storage.choice, paymentProvider: { payNlUrl: payNl.url, timeoutMs: 1_500 } });
  }, 120_000);
  afterAll(async () => {
    await cloud?.close();
    await payNl?.stop();
    await storage?.remove();
  });

  async function linkedStation(token = apiToken) {
    const shop = await newShop(cloud.database.db, `Winkel ${Math.random()}`);
    const station = workstation(cloud.url, await pair(cloud.url, shop.code));
    await setProviderLink(cloud.database.db, shop.id, { provider: 'paynl', tokenCode, apiToken: token, services: [parseServiceArgument('SL-1111-2222=w1'), parseServiceArgument('SL-3333-4444=S4')] });
    return station;
  }

  it('merges the options of every service, with the channels that offer each, asking with HTTP Basic of token code and API token', async () => {
    payNl.behave('normal');
    payNl.services.set('SL-1111-2222', { name: 'Webshop De Spaak', methods: [{ id: 10, name: 'iDEAL' }, { id: 706, name: 'Visa/Mastercard', nameEn: 'Credit card' }] });
    payNl.services.set('SL-3333-4444', { name: 'Winkel Utrecht', methods: [{ id: 1927, name: 'Pin' }, { id: 10, name: 'iDEAL' }] });
    const station = await linkedStation();
    const response = await station.call('GET', '/v1/payment-provider/options');
    expect(response.status).toBe(200);
    const answer = providerConfigurationSchema.parse(await response.json());
    expect(answer.services).toEqual([
      { serviceId: 'SL-1111-2222', name: 'Webshop De Spaak', channel: 'W1' },
      { serviceId: 'SL-3333-4444', name: 'Winkel Utrecht', channel: 'S4' },
    ]);
    expect(answer.options).toEqual([
      { optionId: 10, name: 'iDEAL', nameEn: 'iDEAL', channels: ['W1', 'S4'] },
      { optionId: 706, name: 'Visa/Mastercard', nameEn: 'Credit card', channels: ['W1'] },
      { optionId: 1927, name: 'Pin', nameEn: 'Pin', channels: ['S4'] },
    ]);
    expect(payNl.requests.at(-1)).toEqual({ path: '/v2/services/config?serviceId=SL-3333-4444', authorization: `Basic ${Buffer.from(`${tokenCode}:${apiToken}`).toString('base64')}` });
  });

  it('says so when Pay.nl refuses the token (401), does not know a service (404), fails (500) or does not answer', async () => {
    payNl.behave('normal');
    const refused = await (await linkedStation('ffffffffffffffffffffffffffffffffffffffff')).call('GET', '/v1/payment-provider/options');
    expect(refused.status).toBe(502);
    expect(await errorOf(refused)).toEqual({ code: 'provider_refused', message: "Pay.nl refuses the cloud's API token (HTTP 401).", detail: 'Invalid or missing credentials.' });

    payNl.services.delete('SL-3333-4444');
    const unknown = await (await linkedStation()).call('GET', '/v1/payment-provider/options');
    expect(await errorOf(unknown)).toEqual({ code: 'provider_unknown_service', message: 'Pay.nl does not know service SL-3333-4444 for this token.', detail: 'Service SL-3333-4444 not found.' });

    payNl.behave('serverError');
    const failed = await (await linkedStation()).call('GET', '/v1/payment-provider/options');
    expect(await errorOf(failed)).toEqual({ code: 'provider_unexpected', message: 'Pay.nl gave an unexpected answer (HTTP 500).', detail: 'Something went wrong on our side.' });

    payNl.behave('slow');
    const slow = await (await linkedStation()).call('GET', '/v1/payment-provider/options');
    expect(slow.status).toBe(504);
    expect(await errorOf(slow)).toEqual({ code: 'provider_timeout', message: 'Pay.nl did not answer within 2 s.' });
    payNl.behave('normal');
  });

  it("passes Pay.nl's words on as one line, with the token code and API token it quoted blanked", async () => {
    payNl.behave('tokenExpired');
    const expired = await (await linkedStation()).call('GET', '/v1/payment-provider/options');
    const error = await errorOf(expired);
    expect(error).toEqual({ code: 'provider_refused', message: "Pay.nl refuses the cloud's API token (HTTP 401).", detail: 'Token … (…) has expired. Create a new one in My Pay.nl.' });
    expect(JSON.stringify(error)).not.toContain(apiToken);
    expect(JSON.stringify(error)).not.toContain(tokenCode);
    payNl.behave('normal');
  });

  it('blanks the credentials however Pay.nl or a gateway before it echoes them: in the Basic header, URL-encoded, after "bearer"', async () => {
    payNl.behave('echoesCredentials');
    const echoed = await (await linkedStation()).call('GET', '/v1/payment-provider/options');
    const error = await errorOf(echoed);
    expect(error).toEqual({ code: 'provider_refused', message: "Pay.nl refuses the cloud's API token (HTTP 401).", detail: 'Invalid credentials in header Basic … token=…; bearer …' });
    const basic = Buffer.from(`${tokenCode}:${apiToken}`).toString('base64');
    for (const secret of [apiToken, apiToken.toUpperCase(), tokenCode, basic, basic.slice(0, 24)]) expect(JSON.stringify(error)).not.toContain(secret);
    payNl.behave('normal');
  });

  it('answers 409 for a shop without a link and 401 without a device token', async () => {
    const shop = await newShop(cloud.database.db, 'Zonder Pay.nl');
    const station = workstation(cloud.url, await pair(cloud.url, shop.code));
    const unlinked = await station.call('GET', '/v1/payment-provider/options');
    expect(unlinked.status).toBe(409);
    expect((await errorOf(unlinked)).code).toBe('provider_not_linked');
    expect((await fetch(`${cloud.url}/v1/payment-provider/options`)).status).toBe(401);
  });

  it('refuses a link that is not Pay.nl-shaped, saying what is wrong', async () => {
    expect(() => parseServiceArgument('1234')).toThrow('SL-1234-5678');
    expect(() => parseServiceArgument('SL-1234-5678=W-1')).toThrow('order number prefix');
    const shop = await newShop(cloud.database.db, 'Verkeerde sleutel');
    await expect(setProviderLink(cloud.database.db, shop.id, { provider: 'paynl', tokenCode: 'AT-12', apiToken, services: [] })).rejects.toThrow('AT-1234-5678');
    await expect(setProviderLink(cloud.database.db, shop.id, { provider: 'paynl', tokenCode, apiToken, services: [] })).rejects.toThrow('at least one');
  });
});

describe('GET /v1/payment-provider/options with Pay.nl out of reach', () => {
  let cloud: RunningCloud;
  let storage: CloudStorage;
  beforeAll(async () => {
    storage = await cloudDatabase();
    cloud = await startCloud({ database: storage.choice, paymentProvider: { payNlUrl: await closedPort() } });
  }, 120_000);
  afterAll(async () => {
    await cloud?.close();
    await storage?.remove();
  });

  it('a closed port is "unreachable"', async () => {
    const linked = await newShop(cloud.database.db, 'Gesloten poort');
    await setProviderLink(cloud.database.db, linked.id, { provider: 'paynl', tokenCode, apiToken, services: [parseServiceArgument('SL-1111-2222')] });
    const answer = await workstation(cloud.url, await pair(cloud.url, linked.code)).call('GET', '/v1/payment-provider/options');
    expect(answer.status).toBe(502);
    expect((await errorOf(answer)).code).toBe('provider_unreachable');
  });
});
