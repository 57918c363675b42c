import fs from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { newShop } from '../../../cloud/accounts';
import { newChannelKey } from '../../../cloud/orders/channelKeys';
import { startCloud } from '../../../cloud/start';
import { pgliteFolder } from '../../../cloud/test/harness';
import { openDesktop, pairDesktop, tempFolder } from '../../../test/syncWorld';

/** The report through the real cloud (PGlite, 127.0.0.1) to a workstation with a real SQLite store and keychain. */
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

it('fetches the report from the cloud, keeps the last one for offline viewing, and refuses a reversed period on its field', async () => {
  const dataDir = await pgliteFolder();
  const cloud = { cloud: await startCloud({ database: { dataDir } }), shop: { id: '', code: '' } };
  cloud.shop = await newShop(cloud.cloud.database.db, 'Fietsenwinkel De Spaak');
  let running = true;
  cleanup.push(async () => {
    if (running) await cloud.cloud.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const dir = tempFolder('backoffice-report-');
  const desktop = await openDesktop(dir);
  cleanup.push(async () => {
    await desktop.sync.pairing.unpair('nl');
    await desktop.office.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const reports = desktop.office.services.salesReport;
  expect(await reports.fetch('2026-10-01', '2026-10-31', 'nl')).toMatchObject({ ok: false, error: { code: 'cloud_not_connected' } });
  await pairDesktop(desktop, cloud.cloud.url, cloud.shop.code);

  const key = await newChannelKey(cloud.cloud.database.db, cloud.shop.id, 'W1');
  const posted = await fetch(`${cloud.cloud.url}/v1/orders`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ orderId: 'W1-1', placedAt: '2026-10-25T12:00:00+01:00', currency: 'EUR', lines: [{ quantity: 2, unitPriceInclVatCents: 1250, vatRate: '0.21' }] }),
  });
  expect(posted.status).toBe(201);

  const fetched = await reports.fetch('2026-10-01', '2026-10-31', 'nl');
  expect(fetched).toMatchObject({ ok: true, value: { report: { channels: [{ channel: 'W1', orders: 1, inclCents: 2500, exclCents: 2066 }] } } });
  expect(reports.cached()).toEqual(fetched.ok ? fetched.value : null);

  await cloud.cloud.close();
  running = false;
  const offline = await reports.fetch('2026-10-01', '2026-10-31', 'nl');
  expect(offline).toMatchObject({ ok: false, error: { code: 'offline', message: expect.stringContaining('Geen verbinding met de cloud') } });
  expect(reports.cached()?.report.channels[0]?.inclCents).toBe(2500);

  expect(await reports.fetch('2026-10-31', '2026-10-01', 'nl')).toEqual({
    ok: false,
    error: { code: 'invalid', message: 'Tot en met ligt vóór de begindatum van de periode.', fields: [{ field: 'lastDay', reason: 'report.periodReversed', message: 'Tot en met ligt vóór de begindatum van de periode.' }] },
  });
});
