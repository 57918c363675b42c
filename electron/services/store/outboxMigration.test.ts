import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { migrationsUpTo } from '../../../test/olderMigrations';
import { cloudForShop, cloudState, openDesktop, pairDesktop, tempFolder } from '../../../test/syncWorld';

/**
 * Migration 0009 rebuilds the outbox and history tables (no AUTOINCREMENT, fewer indexes) and
 * drops `pending_fields`. A change the older app queued while offline must come through whole:
 * still pending, sent to the real cloud after the update ahead of what is written after it, and
 * its history still in order with what is written after.
 */
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** What the app at migration 0008 wrote for one settings save, made while offline. */
function queueAsTheOlderApp(file: string, dir: string): void {
  const old = openDatabase(file, { migrationsFolder: migrationsUpTo(dir, '0008_credentials_synced') });
  const at = '2026-11-20T09:00:00.000Z';
  old.sqlite.prepare("INSERT INTO records (collection, id, data, updated_at, updated_by) VALUES ('settings', 'company.general', ?, ?, 'Anna')").run('{"companyName":"De Spaak (voor de update)"}', at);
  // Ids from the older app's AUTOINCREMENT, which had counted on past rows since pruned.
  old.sqlite.prepare("INSERT INTO history (id, collection, record_id, field, old_value, new_value, at, by, origin) VALUES (41, 'settings', 'company.general', 'companyName', 'null', ?, ?, 'Anna', 'local')").run('"De Spaak (voor de update)"', at);
  const { lastInsertRowid: seq } = old.sqlite
    .prepare("INSERT INTO outbox (seq, mutation_id, device_id, user_id, op, collection, record_id, changes, base_revs, catalogue_version, created_at) VALUES (17, '019ab0c0-0000-7000-8000-000000000001', '', 'user-anna', 'update', 'settings', 'company.general', ?, '{\"companyName\":0}', 4, ?)")
    .run('{"companyName":"De Spaak (voor de update)"}', at);
  old.sqlite.prepare("INSERT INTO pending_fields (seq, collection, record_id, field) VALUES (?, 'settings', 'company.general', 'companyName')").run(seq);
  old.close();
}

describe('the outbox and history rebuilt by migration 0009', () => {
  it('sends a change queued before the update to the cloud after it, and keeps its history in order', async () => {
    const shop = await cloudForShop();
    cleanup.push(() => shop.close());
    const dir = tempFolder();
    queueAsTheOlderApp(path.join(dir, 'backoffice.sqlite'), dir);

    const desktop = await openDesktop(dir);
    cleanup.push(async () => {
      await desktop.office.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    expect(desktop.sync.read()).toMatchObject({ pending: 1, oldestPendingAt: '2026-11-20T09:00:00.000Z' });

    // A change made after the update queues behind the older one.
    const anna = { by: 'Anna', userId: 'user-anna', lang: 'nl' as const };
    expect(desktop.settings.writeGroup('company.general', { backOfficeName: 'Spaak Utrecht' }, anna).ok).toBe(true);
    const seqs = desktop.office.store.sqlite.prepare('SELECT seq FROM outbox ORDER BY seq').all();
    expect(seqs).toEqual([{ seq: 17 }, { seq: 18 }]);

    await pairDesktop(desktop, shop.cloud.url, shop.shop.code);
    expect(await desktop.sync.syncNow()).toMatchObject({ status: 'synced', pushed: 2 });
    expect(desktop.sync.read()).toMatchObject({ pending: 0 });
    const cloud = await cloudState(shop.cloud.url, await shop.pairingCode());
    expect(cloud['settings/company.general']).toMatchObject({ companyName: 'De Spaak (voor de update)', backOfficeName: 'Spaak Utrecht' });

    expect(desktop.settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna).ok).toBe(true);
    const history = desktop.settings.history('company.general', 'companyName');
    expect(history.ok && history.value.map((entry) => entry.newValue)).toEqual(['De Spaak', 'De Spaak (voor de update)']);
  });
});
