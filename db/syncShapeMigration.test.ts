import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/tempDir';
import { migrationsUpTo } from '../test/olderMigrations';
import { openDatabase } from './open';

const tempDir = useTempDir();

describe('the sync-shape migration', () => {
  it('keeps every change queued by the older app and gives it the new mutation shape', () => {
    const dir = tempDir();
    const file = path.join(dir, 'backoffice.sqlite');
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(dir, '0001_credentials') });
    const queue = old.sqlite.prepare('INSERT INTO outbox (mutation_id, collection, record_id, changes, base_revs, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    queue.run('6f1c1d1e-0000-4000-8000-000000000001', 'paymentMethods', 'pm1', '{"nameNl":"iDEAL"}', '{"nameNl":0}', '2026-11-01T10:00:00.000Z');
    queue.run('6f1c1d1e-0000-4000-8000-000000000002', 'paymentMethods', 'pm1', '{"active":false}', '{"active":0}', '2026-11-01T10:01:00.000Z');
    queue.run('6f1c1d1e-0000-4000-8000-000000000003', 'settings', 'company.general', '{"tradeName":"De Spaak"}', '{"tradeName":0}', '2026-11-01T10:02:00.000Z');
    queue.run('6f1c1d1e-0000-4000-8000-000000000004', 'paymentMethods', 'pm1', '{"_deleted":true}', '{"_deleted":0}', '2026-11-01T10:03:00.000Z');
    old.close();

    const store = openDatabase(file);
    const rows = store.sqlite.prepare('SELECT op, collection, record_id AS recordId, changes, catalogue_version AS catalogueVersion FROM outbox ORDER BY seq').all();
    expect(rows).toEqual([
      { op: 'create', collection: 'paymentMethods', recordId: 'pm1', changes: '{"nameNl":"iDEAL"}', catalogueVersion: 1 },
      { op: 'update', collection: 'paymentMethods', recordId: 'pm1', changes: '{"active":false}', catalogueVersion: 1 },
      { op: 'update', collection: 'settings', recordId: 'company.general', changes: '{"tradeName":"De Spaak"}', catalogueVersion: 1 },
      { op: 'delete', collection: 'paymentMethods', recordId: 'pm1', changes: '{}', catalogueVersion: 1 },
    ]);
    // Each queued change still names the fields that wait for the cloud (pending_fields then, base_revs since 0009).
    const pending = store.sqlite.prepare('SELECT collection, record_id AS recordId, f.key AS field FROM outbox, json_each(base_revs) f ORDER BY seq').all();
    expect(pending).toEqual([
      { collection: 'paymentMethods', recordId: 'pm1', field: 'nameNl' },
      { collection: 'paymentMethods', recordId: 'pm1', field: 'active' },
      { collection: 'settings', recordId: 'company.general', field: 'tradeName' },
      { collection: 'paymentMethods', recordId: 'pm1', field: '_deleted' },
    ]);
    store.close();
  });
});
