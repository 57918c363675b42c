import { afterAll, beforeAll, expect, it } from 'vitest';
import { newShop } from './accounts';
import { startCloud, type RunningCloud } from './start';
import { databaseLine, type DatabaseLine } from './test/databaseLine';
import { mutation, pair, postgresDatabase, workstation, type CloudStorage, type Workstation } from './test/harness';

/**
 * A database outage in the middle of requests: the connections a request holds break under it.
 * The cloud must answer those requests as temporary (503, the desktop retries) and keep running;
 * an 'error' event of a connection nobody listens to would end the whole process.
 */
let storage: CloudStorage;
let line: DatabaseLine;
let cloud: RunningCloud;
let station: Workstation;
beforeAll(async () => {
  storage = await postgresDatabase('outage');
  if (!('databaseUrl' in storage.choice)) throw new Error('postgresDatabase gave no PostgreSQL URL');
  line = await databaseLine(storage.choice.databaseUrl);
  cloud = await startCloud({ database: { databaseUrl: line.url } });
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

it('keeps running when the database goes away under connections that are in use, and takes the change once it is back', async () => {
  // Pushes hold a connection for their whole transaction; cut the line while they are under way.
  const pushes = Array.from({ length: 6 }, (_, i) => station.call('POST', '/v1/push', { mutations: [companyName(`De Spaak ${i}`)] }));
  await line.cut();
  const statuses = (await Promise.all(pushes)).map((reply) => reply.status);
  // Each either got through before the cut or is answered as temporary; none is a crash or a 500.
  for (const status of statuses) expect([200, 503]).toContain(status);
  await line.mend();
  expect((await station.push([companyName('De Spaak')])).results[0]).toMatchObject({ status: 'accepted' });
  expect((await station.call('GET', '/v1/device')).status).toBe(200);
}, 60_000);

it('answers a request that meets a connection broken a moment ago as temporary', async () => {
  // Idle connections in the pool: the request right after the cut may take one before the pool noticed.
  await Promise.all(Array.from({ length: 4 }, () => station.call('GET', '/v1/device')));
  await line.cut();
  const reply = await station.call('POST', '/v1/push', { mutations: [companyName('Na de storing')] });
  expect(reply.status).toBe(503);
  await line.mend();
  expect((await station.push([companyName('Na de storing')])).results[0]).toMatchObject({ status: 'accepted' });
}, 60_000);
