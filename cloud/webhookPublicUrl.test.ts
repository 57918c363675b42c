import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebshopPeer, type WebshopPeer } from '../test/webshopPeer';
import { newShop } from './accounts';
import { startCloud, type RunningCloud } from './start';
import { mutation, pair, cloudDatabase, pullAll, workstation, type CloudStorage, type Workstation } from './test/harness';
import { publicUrlProblem } from './webhooks/publicUrl';

/**
 * The api_url a webshop gets with its sync_auth is the cloud's address as its operator set it
 * (--public-url), never one taken from the request: whoever calls Verbinden cannot point a
 * webshop's credentials at another host.
 */
const token = 'whk_5f0e8c1d2b3a4f5e6a7b';
const storages: CloudStorage[] = [];
const clouds: RunningCloud[] = [];
let configured: RunningCloud;
let unset: RunningCloud;
let webshop: WebshopPeer;

async function cloudWith(publicUrl: string | null): Promise<RunningCloud> {
  const storage = await cloudDatabase();
  storages.push(storage);
  const started = await startCloud({ database: storage.choice, webhooks: { allowPrivateTargets: true, publicUrl, timeoutMs: 2000, attempts: 1 } });
  clouds.push(started);
  return started;
}

beforeAll(async () => {
  configured = await cloudWith('https://cloud.despaak.example');
  unset = await cloudWith(null);
  webshop = await startWebshopPeer(token);
}, 120_000);
afterAll(async () => {
  await webshop?.stop();
  for (const cloud of clouds) await cloud.close();
  for (const storage of storages) await storage.remove();
});

async function stationWithHook(cloud: RunningCloud): Promise<{ station: Workstation; hookId: string }> {
  const shop = await newShop(cloud.database.db, 'Fietsenwinkel De Spaak');
  const station = workstation(cloud.url, await pair(cloud.url, shop.code));
  const hookId = randomUUID();
  const created = await station.push([
    mutation({ op: 'create', collection: 'webhooks', recordId: hookId, changes: { salesChannelId: 'c1', webhookUrl: webshop.url, status: 'disconnected', lastDeliveryAt: null, lastResponseCode: null, lastProblem: null } }),
  ]);
  expect(created.results[0]).toMatchObject({ status: 'accepted' });
  return { station, hookId };
}

/** Verbinden with a Host header of the caller's choosing (fetch does not let a test set Host). */
function connectAs(cloud: RunningCloud, station: Workstation, hookId: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL(`${cloud.url}/v1/webhooks/${hookId}/connect`),
      { method: 'POST', headers: { host, authorization: `Bearer ${station.paired.token}`, 'content-type': 'application/json', 'x-forwarded-proto': 'http' } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify({ token, privateTargetsAllowed: true }));
  });
}

describe('Webhooks: the api_url a webshop is sent', () => {
  it('is the configured public URL whatever Host header the caller sends', async () => {
    const { station, hookId } = await stationWithHook(configured);
    webshop.deliveries.length = 0;
    expect(await connectAs(configured, station, hookId, 'evil.example')).toBe(200);
    expect(webshop.deliveries[0]?.body).toMatchObject({ action: 'init', payload: { api_url: 'https://cloud.despaak.example/v1' } });
  });

  it('without a public URL set, Verbinden is refused in words for the operator and nothing is sent or changed', async () => {
    const { station, hookId } = await stationWithHook(unset);
    webshop.deliveries.length = 0;
    const answer = await station.call('POST', `/v1/webhooks/${hookId}/connect`, { token, privateTargetsAllowed: true });
    expect(answer.status).toBe(409);
    expect(await answer.json()).toMatchObject({ error: { code: 'public_url_missing', message: expect.stringContaining('--public-url') } });
    // The default used to take the address from the request: a forged Host got the credentials.
    expect(await connectAs(unset, station, hookId, 'evil.example')).toBe(409);
    expect(webshop.deliveries).toHaveLength(0);
    const { records } = await pullAll(station);
    expect(records.find((record) => record.recordId === hookId)?.data).toMatchObject({ status: 'disconnected', lastDeliveryAt: null });
  });
});

describe('--public-url', () => {
  it.each([['https://cloud.despaak.nl'], ['https://cloud.despaak.nl/backoffice/'], ['http://127.0.0.1:8787'], ['http://localhost:8787']])('takes %s', (value) => {
    expect(publicUrlProblem(value)).toBeNull();
  });

  it.each([
    ['http://cloud.despaak.nl', /https:\/\//],
    ['cloud.despaak.nl', /web address/],
    ['https://user:pw@cloud.despaak.nl', /address alone/],
    ['ftp://cloud.despaak.nl', /https:\/\//],
  ])('refuses %s', (value, reason) => {
    expect(publicUrlProblem(value)).toMatch(reason);
  });
});
