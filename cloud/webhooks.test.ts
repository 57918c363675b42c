import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebshopPeer, type WebshopPeer } from '../test/webshopPeer';
import { newShop } from './accounts';
import { startCloud, type RunningCloud } from './start';
import { mutation, pair, cloudDatabase, pullAll, workstation, type CloudStorage, type Workstation } from './test/harness';

/**
 * Verbinden end to end over real HTTP: a workstation syncs a connection, asks the cloud to
 * connect it, the cloud POSTs `init` to a stand-in webshop on 127.0.0.1, and the status that
 * answer produced comes back to the workstation through a pull.
 */
const token = 'whk_5f0e8c1d2b3a4f5e6a7b';
/** The operator's --public-url: what webshops are told to call back on, whoever asks to connect. */
const publicUrl = 'https://cloud.despaak.example/';
const storages: CloudStorage[] = [];
let cloud: RunningCloud;
let strict: RunningCloud;
const peers: WebshopPeer[] = [];

beforeAll(async () => {
  storages.push(await cloudDatabase());
  // The operator allows private targets here (the stand-in lives on 127.0.0.1); `strict` shows the default.
  cloud = await startCloud({ database: (storages[0] as CloudStorage).choice, webhooks: { allowPrivateTargets: true, publicUrl, timeoutMs: 400, attempts: 2, retryDelayMs: 50 } });
}, 120_000);
afterAll(async () => {
  for (const peer of peers) await peer.stop();
  await strict?.close();
  await cloud?.close();
  for (const storage of storages) await storage.remove();
});

async function peer(): Promise<WebshopPeer> {
  const started = await startWebshopPeer(token);
  peers.push(started);
  return started;
}

/** A paired workstation whose shop has one webhook connection (synced) to `webhookUrl`. */
async function stationWithHook(webhookUrl: string, on = cloud): Promise<{ station: Workstation; hookId: string }> {
  const shop = await newShop(on.database.db, 'Fietsenwinkel De Spaak');
  const station = workstation(on.url, await pair(on.url, shop.code));
  const hookId = randomUUID();
  const created = await station.push([
    mutation({ op: 'create', collection: 'webhooks', recordId: hookId, changes: { salesChannelId: 'c1', webhookUrl, status: 'disconnected', lastDeliveryAt: null, lastResponseCode: null, lastProblem: null } }),
  ]);
  expect(created.results[0]).toMatchObject({ status: 'accepted' });
  return { station, hookId };
}

async function hookState(station: Workstation, hookId: string) {
  const { records } = await pullAll(station);
  return records.find((record) => record.recordId === hookId)?.data;
}

const connect = (station: Workstation, hookId: string, body: Record<string, unknown> = { token, privateTargetsAllowed: true }) =>
  station.call('POST', `/v1/webhooks/${hookId}/connect`, body);

describe('Webhooks: Verbinden through the cloud', () => {
  it('POSTs init with the UpxHookToken header and the payload, and 200 makes the connection Verbonden', async () => {
    const webshop = await peer();
    const { station, hookId } = await stationWithHook(webshop.url);
    const answer = await connect(station, hookId);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ status: 'connected', responseCode: 200, problem: null });

    expect(webshop.deliveries).toHaveLength(1);
    const [delivery] = webshop.deliveries;
    expect(delivery).toMatchObject({ method: 'POST', path: '/upx/hook', token, contentType: 'application/json' });
    expect(delivery?.body).toEqual({
      action: 'init',
      payload: { api_url: 'https://cloud.despaak.example/v1', sync_auth: expect.stringMatching(/^[\w-]{43}$/), guest_auth: expect.stringMatching(/^[\w-]{43}$/), shop: { id: station.paired.shopId, name: 'Fietsenwinkel De Spaak' }, hook_id: hookId },
    });
    const payload = (delivery?.body as { payload: { sync_auth: string; guest_auth: string } }).payload;
    expect(payload.sync_auth).not.toBe(payload.guest_auth);
    expect(await hookState(station, hookId)).toMatchObject({ status: 'connected', lastResponseCode: '200', lastProblem: null, lastDeliveryAt: expect.any(String) });
  });

  it('a 401 is Mislukt because the token does not match, and is not retried', async () => {
    const webshop = await peer();
    const { station, hookId } = await stationWithHook(webshop.url);
    const answer = await connect(station, hookId, { token: 'not-the-webshops-token', privateTargetsAllowed: true });
    expect(await answer.json()).toMatchObject({ status: 'unauthorized', responseCode: 401, problem: 'tokenRefused' });
    expect(webshop.deliveries).toHaveLength(1);
    expect(await hookState(station, hookId)).toMatchObject({ status: 'unauthorized', lastResponseCode: '401', lastProblem: 'tokenRefused' });
  });

  it('a 500 is Mislukt with the response code after the bounded retries; a 503 once is retried and connects', async () => {
    const webshop = await peer();
    const { station, hookId } = await stationWithHook(webshop.url);
    webshop.behave('serverError');
    expect(await (await connect(station, hookId)).json()).toMatchObject({ status: 'error', responseCode: 500, problem: 'failed' });
    expect(webshop.deliveries).toHaveLength(2);
    expect(await hookState(station, hookId)).toMatchObject({ status: 'error', lastResponseCode: '500' });

    webshop.behave('failOnce');
    expect(await (await connect(station, hookId)).json()).toMatchObject({ status: 'connected', responseCode: 200, attempts: [{ responseCode: 503 }, { responseCode: 200 }] });
  });

  it('a webshop that does not answer is Mislukt "no answer within N s", with no response code', async () => {
    const webshop = await peer();
    const { station, hookId } = await stationWithHook(webshop.url);
    webshop.behave('slow');
    expect(await (await connect(station, hookId)).json()).toMatchObject({ status: 'error', responseCode: null, problem: 'noAnswer:0.4' });
    expect(webshop.deliveries).toHaveLength(2);
    expect(await hookState(station, hookId)).toMatchObject({ status: 'error', lastResponseCode: null, lastProblem: 'noAnswer:0.4' });
  });

  it('Ontkoppelen sends disconnect to the webshop and the connection becomes Niet verbonden', async () => {
    const webshop = await peer();
    const { station, hookId } = await stationWithHook(webshop.url);
    await connect(station, hookId);
    const answer = await station.call('POST', `/v1/webhooks/${hookId}/disconnect`, { token, privateTargetsAllowed: true });
    expect(await answer.json()).toMatchObject({ status: 'disconnected', responseCode: 200 });
    expect(webshop.deliveries.map((delivery) => (delivery.body as { action: string }).action)).toEqual(['init', 'disconnect']);
    expect(webshop.deliveries[1]?.body).toEqual({ action: 'disconnect', payload: { shop: { id: station.paired.shopId, name: 'Fietsenwinkel De Spaak' }, hook_id: hookId } });
    expect(await hookState(station, hookId)).toMatchObject({ status: 'disconnected' });
  });

  it('keeps a delivery log of the newest 20 attempts per connection, newest first', async () => {
    const webshop = await peer();
    const { station, hookId } = await stationWithHook(webshop.url);
    webshop.behave('serverError');
    for (let round = 0; round < 11; round += 1) await connect(station, hookId);
    webshop.behave('normal');
    await connect(station, hookId);
    const { deliveries } = (await (await station.call('GET', `/v1/webhooks/${hookId}/deliveries`)).json()) as { deliveries: { responseCode: number; action: string }[] };
    expect(deliveries).toHaveLength(20);
    expect(deliveries[0]).toMatchObject({ action: 'init', responseCode: 200, outcome: 'accepted' });
    expect(deliveries.slice(1).every((delivery) => delivery.responseCode === 500)).toBe(true);
  });

  it('a workstation cannot set the status by pushing it: only the connector writes it', async () => {
    const webshop = await peer();
    const { station, hookId } = await stationWithHook(webshop.url);
    const pushed = await station.push([mutation({ collection: 'webhooks', recordId: hookId, changes: { status: 'connected', lastResponseCode: '200' } })]);
    expect(pushed.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'read_only', message: { nl: expect.stringContaining('Status') } } });
    expect(await hookState(station, hookId)).toMatchObject({ status: 'disconnected' });
    const created = await station.push([mutation({ op: 'create', collection: 'webhooks', recordId: randomUUID(), changes: { salesChannelId: 'c1', webhookUrl: webshop.url, status: 'connected' } })]);
    expect(created.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'read_only' } });
  });
});

describe('Webhooks: where the cloud refuses to deliver', () => {
  beforeAll(async () => {
    // The operator's default: no private targets, whatever a workstation says.
    const storage = await cloudDatabase();
    storages.push(storage);
    strict = await startCloud({ database: storage.choice, webhooks: { publicUrl, timeoutMs: 400, attempts: 1 } });
  }, 120_000);

  it.each([
    ['loopback by name', 'http://localhost:9/hook'],
    ['IPv4 private', 'https://10.1.2.3/hook'],
    ['IPv4 link-local (cloud metadata)', 'https://169.254.169.254/latest'],
    ['IPv6 loopback', 'https://[::1]/hook'],
    ['IPv4-mapped IPv6', 'https://[::ffff:192.168.1.10]/hook'],
    ['IPv4-compatible IPv6 (cloud metadata)', 'https://[::169.254.169.254]/latest'],
    ['IPv4-compatible IPv6 loopback', 'https://[::7f00:1]/hook'],
  ])('refuses %s (%s) even when the workstation claims IT allows it, and changes nothing', async (_name, webhookUrl) => {
    const { station, hookId } = await stationWithHook(webhookUrl, strict);
    const answer = await connect(station, hookId, { token, privateTargetsAllowed: true });
    expect(answer.status).toBe(422);
    expect(await answer.json()).toMatchObject({ error: { code: 'webhook_url_refused' } });
    expect(await hookState(station, hookId)).toMatchObject({ status: 'disconnected', lastDeliveryAt: null });
  });

  it('refuses plain http to a public host in a record the catalogue did not check (written by an older version)', async () => {
    const { station, hookId } = await stationWithHook('https://webshop.example.com/hook', strict);
    await strict.database.pool.query(`UPDATE records SET data = jsonb_set(data, '{webhookUrl}', '"http://webshop.example.com/hook"') WHERE record_id = $1`, [hookId]);
    const answer = await connect(station, hookId, { token, privateTargetsAllowed: true });
    expect(answer.status).toBe(422);
    expect(await hookState(station, hookId)).toMatchObject({ status: 'disconnected', webhookUrl: 'http://webshop.example.com/hook' });
  });

  it('with the operator allowing private targets, still refuses them unless the shop IT allows it too', async () => {
    const webshop = await peer();
    const { station, hookId } = await stationWithHook(webshop.url);
    expect((await connect(station, hookId, { token })).status).toBe(422);
    expect(webshop.deliveries).toHaveLength(0);
  });
});
