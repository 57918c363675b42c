import { createHash } from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { migrationsUpTo } from '../../../test/olderMigrations';
import { fixedClock, settingsOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { createRecordWriter } from '../sync/recordWriter';
import { createSqliteLedger } from '../sync/sqliteLedger';

/**
 * Migration 0010 rebuilds history ordered by field (WITHOUT ROWID) and moves "which fields still
 * wait for the cloud" from an outbox index into `records.pending`. A shop that used the older app
 * for years, and was offline when it updated, must lose nothing: every history row in its order,
 * every outbox row, and each queued change still keeping its field from a pull.
 */
const tempDir = useTempDir();
const historyRows = 100_000;
const queuedAt = '2026-11-20T09:00:00.000Z';

/** The database the app at migration 0009 left: long history, changes queued offline, one refused. */
function leftByTheOlderApp(file: string, dir: string): void {
  const old = openDatabase(file, { migrationsFolder: migrationsUpTo(dir, '0009_outbox_without_extra_pages') });
  const db = old.sqlite;
  db.transaction(() => {
    const record = db.prepare('INSERT INTO records (collection, id, data, revs, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)');
    record.run('settings', 'company.general', '{"companyName":"De Spaak (offline)","description":"Fietsen"}', '{"companyName":3,"description":2}', queuedAt, 'Anna');
    record.run('paymentMethods', 'pm-ideal', '{"nameNl":"iDEAL","providerOptionId":10}', '{}', queuedAt, 'Anna');
    const history = db.prepare("INSERT INTO history (collection, record_id, field, old_value, new_value, at, by, origin) VALUES (?, ?, ?, ?, ?, ?, 'Anna', 'local')");
    for (let i = 0; i < historyRows - 2; i += 1) history.run('products', `p${i % 500}`, `field${i % 40}`, JSON.stringify(i - 1), JSON.stringify(i), new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString());
    history.run('settings', 'company.general', 'companyName', '"De Spaak"', '"De Spaak bv"', '2026-11-19T09:00:00.000Z');
    history.run('settings', 'company.general', 'companyName', '"De Spaak bv"', '"De Spaak (offline)"', queuedAt);
    const outbox = db.prepare(
      "INSERT INTO outbox (seq, mutation_id, device_id, user_id, op, collection, record_id, changes, base_revs, created_at, state, last_error) VALUES (?, ?, 'device-1', 'user-anna', ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    outbox.run(4, '019ab0c0-0000-7000-8000-000000000004', 'update', 'settings', 'company.general', '{"description":"x"}', '{"description":2}', queuedAt, 'rejected', '{"code":"invalid"}');
    outbox.run(7, '019ab0c0-0000-7000-8000-000000000007', 'update', 'settings', 'company.general', '{"companyName":"De Spaak bv"}', '{"companyName":3}', queuedAt, 'pending', null);
    outbox.run(8, '019ab0c0-0000-7000-8000-000000000008', 'update', 'settings', 'company.general', '{"companyName":"De Spaak (offline)"}', '{"companyName":3}', queuedAt, 'pending', null);
    outbox.run(9, '019ab0c0-0000-7000-8000-000000000009', 'create', 'paymentMethods', 'pm-ideal', '{"nameNl":"iDEAL","providerOptionId":10}', '{"nameNl":0,"providerOptionId":0}', queuedAt, 'pending', null);
  })();
  old.close();
}

/** Every row of a table in key order, as one fingerprint, so 100,000 rows compare at once. */
function fingerprint(db: Database.Database, table: 'history' | 'outbox'): string {
  const order = table === 'history' ? 'collection, record_id, field, id' : 'seq';
  const hash = createHash('sha256');
  for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).iterate() as Iterable<Record<string, unknown>>) {
    // Migration 0011 adds the waiting history rows to the outbox; a row queued before it has none.
    const { history: waiting = '', ...columns } = table === 'outbox' ? row : { ...row, history: '' };
    if (waiting !== '') throw new Error('a change queued before migration 0011 carries history rows');
    hash.update(JSON.stringify(table === 'outbox' ? columns : row));
  }
  return hash.digest('hex');
}

describe('history ordered by field, pending fields in the record (migration 0010)', () => {
  it('keeps every history and outbox row, and queued changes keep waiting for the cloud', () => {
    const dir = tempDir();
    const file = path.join(dir, 'backoffice.sqlite');
    leftByTheOlderApp(file, dir);
    const before = openDatabase(file, { migrationsFolder: migrationsUpTo(dir, '0009_outbox_without_extra_pages') });
    const expected = { history: fingerprint(before.sqlite, 'history'), outbox: fingerprint(before.sqlite, 'outbox') };
    before.close();

    const { store, settings } = settingsOn(dir, fixedClock('2026-11-28T10:00:00Z'));
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM history').get()).toEqual({ n: historyRows });
    expect({ history: fingerprint(store.sqlite, 'history'), outbox: fingerprint(store.sqlite, 'outbox') }).toEqual(expected);
    const pending = store.sqlite.prepare('SELECT collection, id, pending FROM records ORDER BY collection, id').all();
    // Two queued edits of the company name; the refused description is no longer waiting.
    expect(pending).toEqual([
      { collection: 'paymentMethods', id: 'pm-ideal', pending: '{"nameNl":1,"providerOptionId":1}' },
      { collection: 'settings', id: 'company.general', pending: '{"companyName":2}' },
    ]);

    // A pull keeps the queued name and takes the description the cloud holds.
    const writer = createRecordWriter(store);
    const pull = (seq: number) =>
      writer.applyPulled({
        seq,
        collection: 'settings',
        recordId: 'company.general',
        data: { companyName: 'Fietsen Jansen', description: 'Fietsen en scooters' },
        revs: { companyName: 5, description: 5 },
        deleted: false,
        updatedBy: 'user-bram',
        updatedAt: '2026-11-28T09:00:00.000Z',
      });
    pull(1);
    expect(settings.get('company.general')).toMatchObject({ companyName: 'De Spaak (offline)', description: 'Fietsen en scooters' });

    // A change after the update lands on top of the field's older history.
    expect(settings.writeGroup('company.general', { companyName: 'De Spaak' }, { by: 'Anna', userId: 'user-anna', lang: 'nl' }).ok).toBe(true);
    const history = settings.history('company.general', 'companyName');
    expect(history.ok && history.value.map((entry) => entry.newValue)).toEqual(['De Spaak', 'De Spaak (offline)', 'De Spaak bv']);

    // The queued changes go first, one answer at a time (the same field); the field waits until the last is answered.
    const ledger = createSqliteLedger(store);
    const accept = (mutationId: string, rev: number) => ({ mutationId, status: 'accepted' as const, fields: { companyName: { status: 'applied' as const, rev } } });
    expect(ledger.pendingBatch(10).map((mutation) => mutation.mutationId)).toEqual(['019ab0c0-0000-7000-8000-000000000007']);
    for (const rev of [4, 5]) {
      const [next] = ledger.pendingBatch(1);
      if (!next) throw new Error('nothing left to send');
      ledger.recordOutcomes([next], [accept(next.mutationId, rev)], new Date());
      pull(rev);
      expect(settings.get('company.general').companyName).toBe('De Spaak');
    }
    const rest = ledger.pendingBatch(10);
    expect(rest.map((mutation) => mutation.collection)).toEqual(['paymentMethods', 'settings']);
    const mine = rest[1];
    if (!mine) throw new Error('the change after the update was not queued');
    // Based on the revision the second queued edit got, through the record's count and the rebase.
    expect(mine.baseRevs).toEqual({ companyName: 5 });
    ledger.recordOutcomes(rest, [accept(mine.mutationId, 6)], new Date());
    expect(ledger.pendingBatch(10).map((mutation) => mutation.collection)).toEqual(['paymentMethods']);
    pull(7);
    expect(settings.get('company.general').companyName).toBe('Fietsen Jansen');
    expect(store.sqlite.prepare("SELECT state FROM outbox WHERE seq = 4").get()).toEqual({ state: 'rejected' });
    store.close();
  });
});
