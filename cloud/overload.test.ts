import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newShop } from './accounts';
import { startCloud, type RunningCloud } from './start';
import { databaseLine, type DatabaseLine } from './test/databaseLine';
import { mutation, pair, postgresDatabase, workstation, type CloudStorage, type Workstation } from './test/harness';

/**
 * Overload and outage are temporary: 429 or 503 with Retry-After, so the desktop backs off and
 * retries. The outage is the network to PostgreSQL cut (databaseLine), so the mutation run's
 * shared cluster keeps serving the other test files.
 */
let storage: CloudStorage;
let line: DatabaseLine;
let cloud: RunningCloud;
let station: Workstation;
beforeAll(async () => {
  storage = await postgresDatabase('overload');
  if (!('databaseUrl' in storage.choice)) throw new Error('postgresDatabase gave no PostgreSQL URL');
  line = await databaseLine(storage.choice.databaseUrl);
  cloud = await startCloud({ database: { databaseUrl: line.url }, maxInFlight: 1 });
  const shop = await newShop(cloud.database.db, 'Fietsenwinkel De Spaak');
  station = workstation(cloud.url, await pair(cloud.url, shop.code));
}, 120_000);
afterAll(async () => {
  await line?.mend();
  await cloud?.close();
  await line?.close();
  await storage?.remove();
});

const companyName = (name: string) => mutation({ collection: 'settings', recordId: 'company.general', changes: { companyName: name } });

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
  expect(await busy.json()).toEqual({ error: { code: 'busy', message: 'The cloud is busy; try again shortly.' } });
  const answered = new Promise<number>((resolve) => held.on('response', (response) => resolve(response.statusCode ?? 0)));
  held.end('67890');
  expect(await answered).toBe(400);
  // The slot is free again once the upload is answered, however many requests came and went.
  for (let request = 0; request < 3; request += 1) expect((await station.call('GET', '/v1/device')).status).toBe(200);
});

it('answers 503 with Retry-After while its database is out of reach, and takes the same change once it is back', async () => {
  await line.cut();
  // The cloud notices its idle connections broke a moment later; a request before that would meet one mid-way.
  for (let tries = 0; cloud.database.pool.idleCount > 0 && tries < 100; tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  const reply = await station.call('POST', '/v1/push', { mutations: [companyName('De Spaak')] });
  expect(reply.status).toBe(503);
  expect(reply.headers.get('retry-after')).toBe('2');
  expect(await reply.json()).toEqual({ error: { code: 'unavailable', message: 'The cloud database is briefly unavailable; try again shortly.' } });
  await line.mend();
  expect((await station.push([companyName('De Spaak')])).results[0]).toMatchObject({ status: 'accepted' });
});
