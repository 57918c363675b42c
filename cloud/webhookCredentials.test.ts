import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebshopPeer, type WebshopPeer } from '../test/webshopPeer';
import { newShop } from './accounts';
import { startCloud, type RunningCloud } from './start';
import { mutation, pair, cloudDatabase, pullAll, workstation, type CloudStorage, type Workstation } from './test/harness';

/**
 * The credentials a webshop gets with Verbinden (sync_auth, guest_auth) live exactly as long as
 * the connection: Ontkoppelen always revokes them, deleting the connection revokes them, and they
 * are only issued for the URL that was actually contacted.
 */
const token = 'whk_5f0e8c1d2b3a4f5e6a7b';
let storage: CloudStorage;
let cloud: RunningCloud;
const peers: WebshopPeer[] = [];
const servers: http.Server[] = [];

beforeAll(async () => {
  storage = await cloudDatabase();
  cloud = await startCloud({ database: storage.choice, webhooks: { allowPrivateTargets: true, publicUrl: 'https://cloud.despaak.example', timeoutMs: 2000, attempts: 1, retryDelayMs: 50 } });
}, 120_000);
afterAll(async () => {
  for (const peer of peers) await peer.stop();
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await cloud?.close();
  await storage?.remove();
});

async function peer(): Promise<WebshopPeer> {
  const started = await startWebshopPeer(token);
  peers.push(started);
  return started;
}

const hookFields = ['status', 'webhookUrl', 'lastProblem', 'lastDeliveryAt', 'salesChannelId', 'lastResponseCode'];

async function stationWithHook(webhookUrl: string): Promise<{ station: Workstation; hookId: string }> {
  const shop = await newShop(cloud.database.db, 'Fietsenwinkel De Spaak');
  const station = workstation(cloud.url, await pair(cloud.url, shop.code));
  const hookId = randomUUID();
  const created = await station.push([
    mutation({ op: 'create', collection: 'webhooks', recordId: hookId, changes: { salesChannelId: 'c1', webhookUrl, status: 'disconnected', lastDeliveryAt: null, lastResponseCode: null, lastProblem: null } }),
  ]);
  expect(created.results[0]).toMatchObject({ status: 'accepted' });
  return { station, hookId };
}

async function credentialRows(hookId: string): Promise<number> {
  const result = await cloud.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM webhook_credentials WHERE hook_id = $1', [hookId]);
  return result.rows[0]?.n ?? -1;
}

async function hookState(station: Workstation, hookId: string) {
  const { records } = await pullAll(station);
  return records.find((record) => record.recordId === hookId)?.data;
}

const call = (station: Workstation, hookId: string, action: 'connect' | 'disconnect', privateTargetsAllowed = true) =>
  station.call('POST', `/v1/webhooks/${hookId}/${action}`, { token, privateTargetsAllowed });

describe('Webhooks: the webshop credentials go when the connection goes', () => {
  it('Ontkoppelen after IT withdrew private targets still revokes the credentials and records Niet verbonden', async () => {
    const webshop = await peer();
    const { station, hookId } = await stationWithHook(webshop.url);
    expect((await call(station, hookId, 'connect')).status).toBe(200);
    expect(await credentialRows(hookId)).toBe(1);

    const off = await call(station, hookId, 'disconnect', false);
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ status: 'disconnected', responseCode: null, problem: 'blocked:127.0.0.1' });
    expect(webshop.deliveries).toHaveLength(1); // the refused address was not contacted
    expect(await credentialRows(hookId)).toBe(0);
    expect(await hookState(station, hookId)).toMatchObject({ status: 'disconnected', lastProblem: 'blocked:127.0.0.1' });
  });

  it('Ontkoppelen of a webshop that does not answer revokes the credentials too', async () => {
    const webshop = await peer();
    const { station, hookId } = await stationWithHook(webshop.url);
    expect((await call(station, hookId, 'connect')).status).toBe(200);
    webshop.behave('serverError');
    expect(await (await call(station, hookId, 'disconnect')).json()).toMatchObject({ status: 'disconnected', responseCode: 500, problem: 'failed' });
    expect(await credentialRows(hookId)).toBe(0);
  });

  it('a connection deleted on a workstation takes its credentials with it, and Ontkoppelen afterwards still answers', async () => {
    const webshop = await peer();
    const { station, hookId } = await stationWithHook(webshop.url);
    expect((await call(station, hookId, 'connect')).status).toBe(200);
    expect(await credentialRows(hookId)).toBe(1);
    const baseRevs = Object.fromEntries(hookFields.map((field) => [field, 999_999]));
    const removed = await station.push([mutation({ op: 'delete', collection: 'webhooks', recordId: hookId, changes: {}, baseRevs })]);
    expect(removed.results[0]).toMatchObject({ status: 'accepted', deleted: true });
    expect(await credentialRows(hookId)).toBe(0);

    const off = await call(station, hookId, 'disconnect');
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ status: 'disconnected', attempts: [] });
  });
});

/** A webshop that holds its answer until the test lets it go, so a test can act while it "thinks". */
async function heldWebshop() {
  let arrived: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  const held: http.ServerResponse[] = [];
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      held.push(response);
      arrived();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/upx/hook`,
    reached,
    answer: () => held.forEach((response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}')),
    count: () => held.length,
  };
}

describe('Webhooks: credentials only for the URL that was contacted', () => {
  it('a URL changed while the webshop answers is recorded as failed, with no credentials issued', async () => {
    const webshop = await heldWebshop();
    const { station, hookId } = await stationWithHook(webshop.url);
    const connecting = call(station, hookId, 'connect');
    await webshop.reached;
    const other = 'https://other-shop.example/upx/hook';
    const changed = await station.push([mutation({ op: 'update', collection: 'webhooks', recordId: hookId, changes: { webhookUrl: other }, baseRevs: { webhookUrl: 999_999 } })]);
    expect(changed.results[0]).toMatchObject({ status: 'accepted' });
    webshop.answer();

    const answer = await connecting;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ status: 'error', responseCode: 200, problem: 'urlChanged' });
    expect(await hookState(station, hookId)).toMatchObject({ webhookUrl: other, status: 'error', lastProblem: 'urlChanged' });
    expect(await credentialRows(hookId)).toBe(0);
    expect(webshop.count()).toBe(1);
  });

  it('a connection deleted while the webshop answers ends with no credentials', async () => {
    const webshop = await heldWebshop();
    const { station, hookId } = await stationWithHook(webshop.url);
    const connecting = call(station, hookId, 'connect');
    await webshop.reached;
    const baseRevs = Object.fromEntries(hookFields.map((field) => [field, 999_999]));
    expect((await station.push([mutation({ op: 'delete', collection: 'webhooks', recordId: hookId, changes: {}, baseRevs })])).results[0]).toMatchObject({ status: 'accepted' });
    webshop.answer();
    expect(await (await connecting).json()).toMatchObject({ status: 'disconnected' });
    expect(await credentialRows(hookId)).toBe(0);
  });
});
