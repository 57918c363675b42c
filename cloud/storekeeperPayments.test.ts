import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storekeeperPaymentsSnapshot } from '../domain/storekeeperPayments';
import { startSkPaymentsPeer, type SkPaymentsPeer } from '../test/skPaymentsPeer';
import { newShop } from './accounts';
import { setSkPaymentsAccount } from './providers/storekeeperPayments/skPaymentsAccount';
import { startCloud, type RunningCloud } from './start';
import { cloudDatabase, pair, workstation, type CloudStorage, type Workstation } from './test/harness';

/** StoreKeeper Payments through the cloud's adapter, against the stand-in on 127.0.0.1. */
const apiKey = 'skp_live_0123456789abcdef';
let storage: CloudStorage;
let cloud: RunningCloud;
let peer: SkPaymentsPeer;

beforeAll(async () => {
  peer = await startSkPaymentsPeer(apiKey);
  storage = await cloudDatabase();
  cloud = await startCloud({ database: storage.choice, storekeeperPayments: { baseUrl: `${peer.url}/`, timeoutMs: 400 }, now: () => new Date('2026-11-29T09:00:00Z') });
}, 120_000);
afterAll(async () => {
  await cloud?.close();
  await peer?.stop();
  await storage?.remove();
});

async function station(account: { merchantId: string; key: string } | null = { merchantId: 'M-1234-5678', key: apiKey }): Promise<Workstation> {
  const shop = await newShop(cloud.database.db, 'Fietsenwinkel De Spaak');
  if (account) await setSkPaymentsAccount(cloud.database.db, shop.id, account.merchantId, account.key);
  return workstation(cloud.url, await pair(cloud.url, shop.code));
}

const read = async (of: Workstation) => {
  const response = await of.call('GET', '/v1/storekeeper-payments');
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('StoreKeeper Payments through the cloud', () => {
  it('reads the merchant with the account key as Bearer and answers the overview in the domain shape, with when it was fetched', async () => {
    const { status, body } = await read(await station());
    expect(status).toBe(200);
    expect(storekeeperPaymentsSnapshot.parse(body)).toEqual({
      fetchedAt: '2026-11-29T09:00:00.000Z',
      merchant: { id: 'M-1234-5678', name: 'Fietsenwinkel De Spaak', status: 'ACTIVE', onboardingStatus: 'ONBOARDING', payoutStatus: 'DISABLED', balanceCents: 123_456, bankAccount: { iban: 'NL91ABNA0417164300', holder: 'De Spaak B.V.' } },
      documents: [
        { kind: 'paymentAgreement', status: 'ACCEPTED' },
        { kind: 'uboForm', status: 'UPLOADED' },
        { kind: 'idCopy', status: 'DECLINED' },
        { kind: 'bankStatement', status: 'REQUESTED' },
      ],
      services: [{ id: 'SL-1234-5678', name: 'Webshop De Spaak', paymentMethods: [{ optionId: 10, name: 'iDEAL', status: 'ACTIVE' }, { optionId: 706, name: 'Visa/Mastercard', status: 'INACTIVE' }] }],
    });
    expect(peer.requests.at(-1)).toEqual({ path: '/v1/merchants/M-1234-5678', authorization: `Bearer ${apiKey}` });
    expect(JSON.stringify(body)).not.toContain(apiKey);
  });

  it('names what went wrong: no account linked, a refused key, an unknown merchant, a provider error or silence', async () => {
    expect(await read(await station(null))).toMatchObject({ status: 404, body: { error: { code: 'not_linked' } } });
    expect(await read(await station({ merchantId: 'M-1234-5678', key: 'skp_live_not_the_right_key' }))).toMatchObject({ status: 502, body: { error: { code: 'provider_refused' } } });
    expect(await read(await station({ merchantId: 'M-9999-0000', key: apiKey }))).toMatchObject({ status: 502, body: { error: { code: 'provider_unknown_merchant' } } });
    const linked = await station();
    peer.behave('serverError');
    expect(await read(linked)).toMatchObject({ status: 502, body: { error: { code: 'provider_unexpected', message: expect.stringContaining('HTTP 500') } } });
    peer.behave('slow');
    expect(await read(linked)).toMatchObject({ status: 504, body: { error: { code: 'provider_timeout' } } });
    peer.behave('normal');
  });

  it('answers 401 without a device token', async () => {
    const response = await fetch(`${cloud.url}/v1/storekeeper-payments`);
    expect(response.status).toBe(401);
  });
});
