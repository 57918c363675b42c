import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { listDevices, newPairingCode, newShop, revokeDevice } from '../../cloud/accounts';
import { startCloud } from '../../cloud/start';
import { pgliteFolder } from '../../cloud/test/harness';
import type { AccountCall } from '../sharedCloud';

/**
 * Vitest global setup of the sync area's mutation run: one cloud on PGlite for every test file and
 * every mutant this Stryker worker runs (Stryker reruns the covering tests once per mutant, and
 * starting a cloud costs ~5 s against a few hundred ms for the test itself). The cloud's code is
 * not mutated in this area, so it may live outside the test worker; the desktops under test stay
 * in it. Tests make shops and pairing codes through a small endpoint on 127.0.0.1 beside it, as
 * the cloud's CLI would (test/sharedCloud.ts finds both through `inject('sharedCloud')`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await pgliteFolder();
  const cloud = await startCloud({ database: { dataDir } });
  const { db } = cloud.database;
  const calls: Record<AccountCall, (args: string[]) => Promise<unknown>> = {
    newShop: ([name]) => newShop(db, name ?? 'Winkel'),
    newPairingCode: ([shopId]) => newPairingCode(db, shopId ?? ''),
    listDevices: ([shopId]) => listDevices(db, shopId ?? ''),
    revokeDevice: ([shopId, deviceId]) => revokeDevice(db, shopId ?? '', deviceId ?? ''),
  };
  const accounts = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const name = (request.url ?? '').slice(1) as AccountCall;
      const call = Object.hasOwn(calls, name) ? calls[name] : undefined;
      if (!call) return void response.writeHead(404).end();
      call(JSON.parse(Buffer.concat(chunks).toString() || '[]') as string[]).then(
        (value) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value)),
        (error: Error) => response.writeHead(500).end(error.message),
      );
    });
  });
  await new Promise<void>((resolve) => accounts.listen(0, '127.0.0.1', resolve));
  project.provide('sharedCloud', { url: cloud.url, accountsUrl: `http://127.0.0.1:${(accounts.address() as AddressInfo).port}` });
  return async () => {
    await new Promise((resolve) => accounts.close(resolve));
    await cloud.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
