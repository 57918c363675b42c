import { describe, expect, it } from 'vitest';
import type { Mutation, PulledRecord } from '../domain/sync/protocol';
import { createSqliteLedger } from '../electron/services/sync/sqliteLedger';
import { settingsOn } from '../test/services';
import { useTempDir } from '../test/tempDir';
import { backupNow } from './backup';
import type { LocalStore } from './open';

/**
 * `records.pending` counts the fields a record's queued changes wait on; a pull keeps those
 * fields' local values. When start-up finds a record damaged (damagedRecords.ts), the count must
 * come out of the outbox again, or the next pull puts the cloud's value over a change that was
 * never sent.
 */
const tempDir = useTempDir();
const anna = { by: 'Anna', userId: 'user-anna', lang: 'nl' as const };
const at = new Date('2026-11-28T12:00:00Z');

function fromCloud(data: Record<string, unknown>, revs: Record<string, number>, seq: number): PulledRecord {
  return { seq, collection: 'settings', recordId: 'company.general', data, revs, deleted: false, updatedBy: 'user-bram', updatedAt: '2026-11-28T11:00:00.000Z' };
}
const applied = (mutation: Mutation, rev: number) => ({
  mutationId: mutation.mutationId,
  status: 'accepted' as const,
  fields: Object.fromEntries(Object.keys(mutation.baseRevs).map((field) => [field, { status: 'applied' as const, rev }])),
});
const stored = (store: LocalStore) => store.sqlite.prepare("SELECT data, pending FROM records WHERE collection = 'settings' AND id = 'company.general'").get() as { data: string; pending: string } | undefined;
const shownName = (store: LocalStore) => (JSON.parse(stored(store)?.data ?? '{}') as { companyName?: string }).companyName;

/** A shop name the cloud knows, then an offline edit still in the outbox; then one value of the record breaks on disk. */
async function offlineEditThenDamage(dir: string, withBackup: boolean) {
  const first = settingsOn(dir);
  createSqliteLedger(first.store).applyPulled([fromCloud({ companyName: 'Cloud' }, { companyName: 3 }, 3)], '3');
  expect(first.settings.writeGroup('company.general', { companyName: 'Hier, nog niet verstuurd' }, anna).ok).toBe(true);
  // Backups are only restored when they have users (backup.ts).
  first.store.sqlite.prepare("INSERT INTO records (collection, id, data, updated_at, updated_by) VALUES ('users', 'anna', '{\"name\":\"Anna\"}', '2026-11-28T09:00:00Z', 'Anna')").run();
  if (withBackup) await backupNow(first.store.sqlite, first.store.backupDir, new Date('2026-11-28T10:30:00Z'));
  first.store.sqlite.prepare("UPDATE records SET revs = '{\"companyName\": 3' WHERE id = 'company.general'").run();
  first.store.close();
  return settingsOn(dir);
}

describe('an offline edit survives a damaged record and a pull', () => {
  it('put back from a backup: the queued shop name stays on screen through a pull and is still sent', async () => {
    const { store } = await offlineEditThenDamage(tempDir(), true);
    expect(store.quarantined.map((record) => [record.id, record.restoredFrom !== null])).toEqual([['company.general', true]]);
    const ledger = createSqliteLedger(store);
    ledger.applyPulled([fromCloud({ companyName: 'Cloud' }, { companyName: 3 }, 11)], '11');
    expect(shownName(store)).toBe('Hier, nog niet verstuurd');
    expect(ledger.pendingBatch(10).map((mutation) => mutation.changes)).toEqual([{ companyName: 'Hier, nog niet verstuurd' }]);
    store.close();
  });

  it('left out for want of a backup: a pull that makes the record again does not take the queued field', async () => {
    const { store } = await offlineEditThenDamage(tempDir(), false);
    expect(store.quarantined.map((record) => [record.id, record.restoredFrom])).toEqual([['company.general', null]]);
    expect(stored(store)).toBeUndefined();
    createSqliteLedger(store).applyPulled([fromCloud({ companyName: 'Cloud', backOfficeName: 'Kantoor' }, { companyName: 3, backOfficeName: 3 }, 11)], '11');
    expect(JSON.parse(stored(store)!.data)).toEqual({ backOfficeName: 'Kantoor' });
    expect(JSON.parse(stored(store)!.pending)).toEqual({ companyName: 1 });
    store.close();
  });

  it('left out for want of a backup: the name typed again is not overwritten when the earlier queued one is answered', async () => {
    const { store, settings } = await offlineEditThenDamage(tempDir(), false);
    expect(settings.writeGroup('company.general', { companyName: 'Opnieuw getypt' }, anna).ok).toBe(true);
    const ledger = createSqliteLedger(store);
    const [earlier] = ledger.pendingBatch(1);
    expect(earlier?.changes).toEqual({ companyName: 'Hier, nog niet verstuurd' });
    ledger.recordOutcomes([earlier!], [applied(earlier!, 4)], at);
    ledger.applyPulled([fromCloud({ companyName: 'Hier, nog niet verstuurd' }, { companyName: 4 }, 12)], '12');
    expect(settings.readGroup('company.general').ok && settings.readGroup('company.general')).toMatchObject({ value: { values: { companyName: 'Opnieuw getypt' } } });
    store.close();
  });
});

describe('a damaged waiting-fields value is repaired at start and sync goes on', () => {
  it('counts it again from the outbox, keeps the record, and a pull keeps the queued edit', () => {
    const dir = tempDir();
    const first = settingsOn(dir);
    first.settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna);
    first.settings.writeGroup('company.general', { companyName: 'De Spaak BV' }, anna);
    first.store.sqlite.prepare("UPDATE records SET pending = '{\"companyName\": 2' WHERE id = 'company.general'").run();
    first.store.close();

    const { store } = settingsOn(dir);
    expect(store.quarantined).toEqual([]);
    expect(JSON.parse(stored(store)!.pending)).toEqual({ companyName: 2 });
    const ledger = createSqliteLedger(store);
    expect(() => ledger.applyPulled([fromCloud({ companyName: 'Cloud' }, { companyName: 3 }, 11)], '11')).not.toThrow();
    expect(shownName(store)).toBe('De Spaak BV');
    store.close();
  });
});
