import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPostgres, type PostgresCluster } from '../test/postgres';
import { newShop } from './accounts';
import { startCloud, type RunningCloud } from './start';
import { mutation, pair, workstation, type Workstation } from './test/harness';

/** Overload and outage are temporary: 429 or 503 with Retry-After, so the desktop backs off and retries. */
let cluster: PostgresCluster;
let cloud: RunningCloud;
let station: Workstation;
beforeAll(async () => {
  cluster = await startPostgres();
  cloud = await startCloud({ database: { databaseUrl: cluster.createDatabase('overload') }, maxInFlight: 1 });
  const shop = await newShop(cloud.database.db, 'Fietsenwinkel De Spaak');
  station = workstation(cloud.url, await pair(cloud.url, shop.code));
}, 120_000);
afterAll(async () => {
  await cloud?.close();
  await cluster?.stop();
});

it('answers 429 with Retry-After while it already works on as many requests as it takes', async () => {
  // An upload whose body has not finished yet keeps the one slot busy for as long as the test wants.
  const url = new URL(`${cloud.url}/v1/blobs/${'0'.repeat(64)}`);
  const held = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'PUT', headers: { authorization: `Bearer ${station.paired.token}`, 'content-type': 'application/octet-stream', 'content-length': '10' } });
  held.on('error', () => undefined);
  held.write('12345');
  // The upload's headers reach the cloud a moment after write(); ask until they have.
  let busy = await station.call('GET', '/v1/device');
  for (let tries = 0; busy.status === 200 && tries < 100; tries += 1) busy = await station.call('GET', '/v1/device');
  expect(busy.status).toBe(429);
  expect(busy.headers.get('retry-after')).toBe('1');
  const answered = new Promise<number>((resolve) => held.on('response', (response) => resolve(response.statusCode ?? 0)));
  held.end('67890');
  expect(await answered).toBe(400);
  expect((await station.call('GET', '/v1/device')).status).toBe(200);
});

it('answers 503 with Retry-After while its database is down, and says which kind of failure it is', async () => {
  await cluster.stop();
  const reply = await station.call('POST', '/v1/push', { mutations: [mutation({ collection: 'settings', recordId: 'company.general', changes: { companyName: 'De Spaak' } })] });
  expect(reply.status).toBe(503);
  expect(reply.headers.get('retry-after')).not.toBeNull();
  expect(await reply.json()).toEqual({ error: { code: 'unavailable', message: expect.any(String) } });
});
