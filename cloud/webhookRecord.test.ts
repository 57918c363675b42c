import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../test/carrierPeer';
import { startWebshopPeer, type WebshopPeer } from '../test/webshopPeer';
import { newPairingCode, newShop } from './accounts';
import { startCloud, type RunningCloud } from './start';
import { cloudDatabase, mutation, pair, pullAll, workstation, type CloudStorage, type Workstation } from './test/harness';

/**
 * What Verbinden and Ontkoppelen leave in the shop's connection record and log, as the
 * workstations see it: the connector's answer next to the fields a person set, and refusals in
 * words. The cloud's clock is fixed, so the times it records can be read back exactly.
 */
const token = 'whk_5f0e8c1d2b3a4f5e6a7b';
const now = new Date('2026-11-29T09:00:00.000Z');
const storages: CloudStorage[] = [];
let cloud: RunningCloud;
/** The operator's default: no private targets. */
let strict: RunningCloud;
let webshop: WebshopPeer;
beforeAll(async () => {
  storages.push(await cloudDatabase(), await cloudDatabase());
  const [lenient, closed] = storages as [CloudStorage, CloudStorage];
  cloud = await startCloud({ database: lenient.choice, now: () => now, webhooks: { allowPrivateTargets: true, publicUrl: 'https://cloud.despaak.example', timeoutMs: 2000, attempts: 1 } });
  strict = await startCloud({ database: closed.choice, now: () => now, webhooks: { publicUrl: 'https://cloud.despaak.example', attempts: 1 } });
  webshop = await startWebshopPeer(token);
}, 120_000);
afterAll(async () => {
  await webshop?.stop();
  await strict?.close();
  await cloud?.close();
  for (const storage of storages) await storage.remove();
});

async function pairedPair(): Promise<[Workstation, Workstation]> {
  const shop = await newShop(cloud.database.db, 'Fietsenwinkel De Spaak');
  const anna = workstation(cloud.url, await pair(cloud.url, shop.code));
  return [anna, workstation(cloud.url, await pair(cloud.url, (await newPairingCode(cloud.database.db, shop.id)).code, 'Kassa 2'))];
}

async function withHook(station: Workstation, webhookUrl = webshop.url): Promise<string> {
  const hookId = randomUUID();
  const created = await station.push([mutation({ op: 'create', collection: 'webhooks', recordId: hookId, changes: { salesChannelId: 'c1', webhookUrl, status: 'disconnected', lastDeliveryAt: null, lastResponseCode: null, lastProblem: null }, createdAt: '2026-11-29T08:00:00.000Z' })]);
  expect(created.results[0]).toMatchObject({ status: 'accepted' });
  return hookId;
}

const act = (station: Workstation, hookId: string, action: 'connect' | 'disconnect', body: Record<string, unknown> = { token, privateTargetsAllowed: true }) =>
  station.call('POST', `/v1/webhooks/${hookId}/${action}`, body);
const recordOf = async (station: Workstation, hookId: string) => (await pullAll(station)).records.find((record) => record.recordId === hookId);

describe('the connection record after Verbinden', () => {
  it('names the connector as its last editor, and leaves the fields a person set at their revisions', async () => {
    const [anna, bram] = await pairedPair();
    const hookId = await withHook(anna);
    const before = await recordOf(anna, hookId);
    expect((await act(anna, hookId, 'connect')).status).toBe(200);
    const after = await recordOf(anna, hookId);
    expect(after).toMatchObject({ updatedBy: 'cloud-webshop-connector', updatedAt: now.toISOString(), data: { status: 'connected', lastDeliveryAt: now.toISOString() } });
    expect(after?.revs.webhookUrl).toBe(before?.revs.webhookUrl);
    expect(after?.revs.salesChannelId).toBe(before?.revs.salesChannelId);
    for (const field of ['status', 'lastDeliveryAt', 'lastResponseCode', 'lastProblem']) expect(after?.revs[field]).toBe(after?.seq);

    // Anna changes the URL from what she saw before connecting: nobody else touched it, so it applies.
    const moved = await anna.push([mutation({ collection: 'webhooks', recordId: hookId, changes: { webhookUrl: `${webshop.url}?v=2` }, baseRevs: before?.revs })]);
    expect(moved.results[0]).toMatchObject({ status: 'accepted', fields: { webhookUrl: { status: 'applied' } } });
    // Bram never saw it: his change is a conflict that names Anna and when she set it, not the connector.
    const stale = await bram.push([mutation({ collection: 'webhooks', recordId: hookId, userId: 'user-bram', changes: { salesChannelId: 'c2' } })]);
    expect(stale.results[0]).toMatchObject({ status: 'accepted', fields: { salesChannelId: { status: 'conflict', theirs: 'c1', theirBy: 'user-anna', theirAt: before?.updatedAt } } });
  });
});

describe('Verbinden and Ontkoppelen refused or without a webshop', () => {
  it('Verbinden of a connection the cloud does not have (not synced yet, or deleted) is 404, saying to sync first', async () => {
    const [anna] = await pairedPair();
    const hookId = await withHook(anna);
    const seen = await recordOf(anna, hookId);
    await anna.push([mutation({ op: 'delete', collection: 'webhooks', recordId: hookId, baseRevs: seen?.revs })]);
    for (const id of [randomUUID(), hookId]) {
      const answer = await act(anna, id, 'connect');
      expect(answer.status).toBe(404);
      expect(await answer.json()).toEqual({ error: { code: 'unknown_webhook', message: 'This shop has no such webhook connection in the cloud yet; sync first.' } });
    }
  });

  it('Verbinden to a refused address names the address, logs the refusal and changes nothing else', async () => {
    const shop = await newShop(strict.database.db, 'Fietsenwinkel De Spaak');
    const station = workstation(strict.url, await pair(strict.url, shop.code));
    const hookId = await withHook(station, 'https://10.1.2.3/hook');
    const answer = await act(station, hookId, 'connect');
    expect(answer.status).toBe(422);
    expect(await answer.json()).toEqual({ error: { code: 'webhook_url_refused', message: 'The webhook URL points to 10.1.2.3, which the cloud does not deliver to.' } });
    const log = await (await station.call('GET', `/v1/webhooks/${hookId}/deliveries`)).json();
    expect(log).toEqual({ deliveries: [{ action: 'init', attempt: 1, at: now.toISOString(), responseCode: null, outcome: 'blocked', detail: '10.1.2.3' }] });
    expect((await recordOf(station, hookId))?.data).toMatchObject({ status: 'disconnected', lastDeliveryAt: null });
  });

  it('Ontkoppelen of a connection the cloud does not have answers Niet verbonden at once, without calling anyone', async () => {
    const [anna] = await pairedPair();
    const answer = await act(anna, randomUUID(), 'disconnect');
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ status: 'disconnected', responseCode: null, deliveredAt: now.toISOString(), problem: null, attempts: [] });
  });

  it('Ontkoppelen records what the webshop said: a refused token, or no webshop listening', async () => {
    const [anna] = await pairedPair();
    const hookId = await withHook(anna);
    expect(await (await act(anna, hookId, 'disconnect', { token: 'not-the-webshops-token', privateTargetsAllowed: true })).json()).toMatchObject({ status: 'disconnected', responseCode: 401, problem: 'tokenRefused' });
    expect((await recordOf(anna, hookId))?.data).toMatchObject({ status: 'disconnected', lastResponseCode: '401', lastProblem: 'tokenRefused', lastDeliveryAt: now.toISOString() });

    const gone = await withHook(anna, `${await closedPort()}/hook`);
    expect(await (await act(anna, gone, 'disconnect')).json()).toMatchObject({ status: 'disconnected', responseCode: null, problem: 'unreachable:ECONNREFUSED' });
    expect((await recordOf(anna, gone))?.data).toMatchObject({ lastResponseCode: null, lastProblem: 'unreachable:ECONNREFUSED' });
  });

  it('refuses a connection id that is not one, or a token too short to be a webshop\'s, naming the field', async () => {
    const [anna] = await pairedPair();
    const notAnId = await act(anna, 'kassa-1', 'connect');
    expect(notAnId.status).toBe(400);
    expect(((await notAnId.json()) as { error: { message: string } }).error.message).toMatch(/^hookId: /);
    const short = await act(anna, randomUUID(), 'connect', { token: 'kort' });
    expect(short.status).toBe(400);
    expect(((await short.json()) as { error: { message: string } }).error.message).toMatch(/^token: /);
    expect((await fetch(`${cloud.url}/v1/webhooks/${randomUUID()}/deliveries`)).status).toBe(401);
  });

  it('shows a connection\'s log only to its own shop', async () => {
    const [anna] = await pairedPair();
    const hookId = await withHook(anna);
    await act(anna, hookId, 'connect');
    const [other] = await pairedPair();
    expect(await (await other.call('GET', `/v1/webhooks/${hookId}/deliveries`)).json()).toEqual({ deliveries: [] });
    expect(((await (await anna.call('GET', `/v1/webhooks/${hookId}/deliveries`)).json()) as { deliveries: unknown[] }).deliveries).toHaveLength(1);
  });
});
