import { createHash } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syncLimits } from '../domain/sync/protocol';
import { newShop } from './accounts';
import { startCloud, type RunningCloud } from './start';
import { cloudDatabase, pair, workstation, type CloudStorage, type Workstation } from './test/harness';

/**
 * An upload without a valid device token is refused before its body is read: a stranger cannot
 * make the cloud receive and hash up to the blob limit. The requests here send their headers and
 * a first piece of a full-size body, then stall; the refusal must come while they stall.
 */
let storage: CloudStorage;
let cloud: RunningCloud;
let station: Workstation;
const open: http.ClientRequest[] = [];

beforeAll(async () => {
  storage = await cloudDatabase();
  cloud = await startCloud({ database: storage.choice });
  const shop = await newShop(cloud.database.db, 'Fietsenwinkel De Spaak');
  station = workstation(cloud.url, await pair(cloud.url, shop.code));
}, 120_000);
afterAll(async () => {
  for (const request of open) request.destroy();
  await cloud?.close();
  await storage?.remove();
});

/** The status the cloud answers while the body is still on its way, or 'no answer while stalled'. */
function stalledUpload(authorization: string | undefined): Promise<number | 'no answer while stalled'> {
  const hash = 'ab'.repeat(32);
  const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/octet-stream', 'content-length': syncLimits.blobBytes };
  if (authorization) headers.authorization = authorization;
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(`${cloud.url}/v1/blobs/${hash}`), { method: 'PUT', headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    open.push(request);
    request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    request.write(Buffer.alloc(64 * 1024));
    // The rest of the body never comes. The bound is only how long to wait for a refusal that, read
    // before the body, takes one database lookup; before the fix no answer came until the body did.
    setTimeout(() => resolve('no answer while stalled'), 5_000).unref();
  });
}

it('a PUT without a device token is answered 401 while its body is still on the way', async () => {
  expect(await stalledUpload(undefined)).toBe(401);
});

it('a PUT with a token that is not a device of any shop is answered 401 while its body is still on the way', async () => {
  expect(await stalledUpload(`Bearer ${'x'.repeat(43)}`)).toBe(401);
});

it('a paired workstation still uploads, and the file is there afterwards', async () => {
  const bytes = Buffer.from('kassabon 2026-11-29');
  const hash = createHash('sha256').update(bytes).digest('hex');
  const put = await fetch(`${cloud.url}/v1/blobs/${hash}`, { method: 'PUT', headers: { authorization: `Bearer ${station.paired.token}`, 'content-type': 'application/octet-stream' }, body: bytes });
  expect(put.status).toBe(201);
  expect((await station.call('HEAD', `/v1/blobs/${hash}`)).status).toBe(200);
});
