import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/tempDir';
import { backupNow, listBackups } from './backup';
import { DatabaseCorruptError } from './errors';
import { defaultMigrationsFolder, openDatabase, type LocalStore } from './open';

const tempDir = useTempDir();

function put(store: LocalStore, collection: string, id: string, data: Record<string, unknown>): void {
  store.sqlite
    .prepare("INSERT OR REPLACE INTO records (collection, id, data, updated_at, updated_by) VALUES (?, ?, ?, '2026-11-28T10:00:00Z', 'test')")
    .run(collection, id, JSON.stringify(data));
}

const smashHeader = (file: string) => {
  const bytes = fs.readFileSync(file);
  bytes.fill(0x41, 0, 100);
  fs.writeFileSync(file, bytes);
};

describe('restoring after damage (issue 11, item 9)', () => {
  it('never restores a backup without users over a damaged database', async () => {
    const file = path.join(tempDir(), 'backoffice.sqlite');
    const store = openDatabase(file);
    await backupNow(store.sqlite, store.backupDir, new Date('2026-11-27T08:00:00Z'));
    put(store, 'users', 'anna', { name: 'Anna' });
    store.close();
    smashHeader(file);
    expect(() => openDatabase(file)).toThrow(DatabaseCorruptError);
    expect(fs.readFileSync(file).subarray(0, 4).toString()).toBe('AAAA');
  });
});

describe('a damaged JSON value (item 10)', () => {
  it('is quarantined and named, put back from the newest backup that has it intact; the rest keeps working', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'backoffice.sqlite');
    const store = openDatabase(file);
    put(store, 'users', 'anna', { name: 'Anna' });
    put(store, 'settings', 'company.general', { companyName: 'De Spaak' });
    put(store, 'settings', 'company.contact', { phone: '030 123 4567' });
    await backupNow(store.sqlite, store.backupDir, new Date('2026-11-27T08:00:00Z'));
    put(store, 'settings', 'orders.terms', { days: 14 });
    // One byte changed inside two stored values, as a failing disk or a hand edit would.
    store.sqlite.prepare("UPDATE records SET data = '{\"companyName\": \"De Sp\u0001ak' WHERE id = 'company.general'").run();
    store.sqlite.prepare("UPDATE records SET data = '{\"days\": 1}4}' WHERE id = 'orders.terms'").run();
    store.close();

    const reopened = openDatabase(file);
    expect(reopened.quarantined).toEqual([
      { collection: 'settings', id: 'company.general', savedAs: expect.stringContaining(path.join(dir, 'damaged')), restoredFrom: { path: expect.any(String), takenAt: new Date('2026-11-27T08:00:00Z') } },
      { collection: 'settings', id: 'orders.terms', savedAs: expect.any(String), restoredFrom: null },
    ]);
    const data = (id: string) => (reopened.sqlite.prepare("SELECT data FROM records WHERE collection = 'settings' AND id = ?").get(id) as { data: string } | undefined)?.data;
    expect(JSON.parse(data('company.general') ?? '')).toEqual({ companyName: 'De Spaak' });
    expect(data('orders.terms')).toBeUndefined();
    expect(JSON.parse(data('company.contact') ?? '')).toEqual({ phone: '030 123 4567' });
    expect(fs.readFileSync(reopened.quarantined[1]?.savedAs ?? '', 'utf8')).toContain('1}4}');
    reopened.close();
  });
});

describe('backups before migrations (item 12)', () => {
  it('copies the database into backups/ before a pending migration runs', () => {
    const dir = tempDir();
    const older = path.join(dir, 'older-migrations');
    fs.cpSync(defaultMigrationsFolder, older, { recursive: true });
    const journalFile = path.join(older, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
    fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }));
    const file = path.join(dir, 'backoffice.sqlite');
    const store = openDatabase(file, { migrationsFolder: older });
    put(store, 'users', 'anna', { name: 'Anna' });
    store.close();
    expect(listBackups(path.join(dir, 'backups'))).toEqual([]);

    openDatabase(file, { now: () => new Date('2026-11-28T09:30:00Z') }).close();
    expect(listBackups(path.join(dir, 'backups'))).toEqual([{ path: expect.any(String), takenAt: new Date('2026-11-28T09:30:00Z') }]);
    openDatabase(file).close();
    expect(listBackups(path.join(dir, 'backups'))).toHaveLength(1);
  });
});

describe('start-up cost (issue 13)', () => {
  it('skips the full integrity check after a clean close, and runs it after a crash or an outside change', () => {
    const file = path.join(tempDir(), 'backoffice.sqlite');
    const first = openDatabase(file);
    put(first, 'users', 'anna', { name: 'Anna' });
    first.close();
    const clean = openDatabase(file);
    expect(clean.checkedIntegrity).toBe(false);
    // Not closed: as after a crash or a kill.
    const afterCrash = openDatabase(file);
    expect(afterCrash.checkedIntegrity).toBe(true);
    clean.close();
    afterCrash.close();
    fs.appendFileSync(file, Buffer.alloc(0));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const touched = openDatabase(file);
    expect(touched.checkedIntegrity).toBe(true);
    touched.close();
  });

  it('writes nothing to the database at a start with nothing to migrate', () => {
    const file = path.join(tempDir(), 'backoffice.sqlite');
    openDatabase(file).close();
    const before = fs.statSync(file).mtimeMs;
    const again = openDatabase(file);
    again.close();
    expect(fs.statSync(file).mtimeMs).toBe(before);
  });
});
