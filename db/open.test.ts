import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/tempDir';
import { backupIfDue, backupNow, listBackups } from './backup';
import { DatabaseCorruptError, SchemaTooNewError } from './errors';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { defaultMigrationsFolder, openDatabase, type LocalStore } from './open';

const tempDir = useTempDir();
/** Every committed migration counts, so adding one does not break these tests. */
const migrations = readMigrationFiles({ migrationsFolder: defaultMigrationsFolder }).length;

function putRecord(store: LocalStore, id: string, data: Record<string, unknown>): void {
  store.sqlite
    .prepare("INSERT INTO records (collection, id, data, updated_at, updated_by) VALUES ('settings', ?, ?, '2026-11-28T10:00:00Z', 'test')")
    .run(id, JSON.stringify(data));
}

/** Backups are restored only when they have users, so the stores in these tests have one. */
function putUser(store: LocalStore): void {
  store.sqlite
    .prepare("INSERT INTO records (collection, id, data, updated_at, updated_by) VALUES ('users', 'anna', '{\"name\":\"Anna\"}', '2026-11-28T10:00:00Z', 'test')")
    .run();
}

const recordIds = (store: LocalStore) =>
  (store.sqlite.prepare("SELECT id FROM records WHERE collection = 'settings' ORDER BY id").all() as { id: string }[]).map((row) => row.id);

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('openDatabase', () => {
  it('creates a fresh database with every table, durable pragmas and the schema version', () => {
    const store = openDatabase(path.join(tempDir(), 'data', 'backoffice.sqlite'));
    const tables = (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
      (row) => row.name,
    );
    expect(tables).toEqual(expect.arrayContaining(['records', 'history', 'outbox', 'conflicts', 'sync_state', 'meta']));
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.schemaVersion).toBe(migrations);
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(migrations);
    expect(store.restored).toBeNull();
    store.close();
  });

  it('keeps data across a reopen and does not migrate twice', () => {
    const file = path.join(tempDir(), 'backoffice.sqlite');
    const first = openDatabase(file);
    putRecord(first, 'company.general', { backOfficeName: 'Fietsenwinkel De Spaak' });
    first.close();
    const second = openDatabase(file);
    expect(recordIds(second)).toEqual(['company.general']);
    expect(second.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: migrations });
    second.close();
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const file = path.join(tempDir(), 'backoffice.sqlite');
    const store = openDatabase(file);
    store.sqlite.pragma(`user_version = ${store.schemaVersion + 1}`);
    store.close();
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(SchemaTooNewError);
    expect(sha(file)).toBe(before);
  });

  it('refuses a database that has a migration this app does not know', () => {
    const file = path.join(tempDir(), 'backoffice.sqlite');
    const store = openDatabase(file);
    store.sqlite.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', 99999999999999)").run();
    store.close();
    expect(() => openDatabase(file)).toThrow(/newer Backoffice/);
  });

  it('restores a database with a smashed header from the newest intact backup, keeping the damaged file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'backoffice.sqlite');
    const store = openDatabase(file);
    putUser(store);
    putRecord(store, 'in-backup', {});
    await backupNow(store.sqlite, store.backupDir, new Date('2026-11-27T08:00:00Z'));
    putRecord(store, 'after-backup', {});
    store.close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0x41, 0, 100);
    fs.writeFileSync(file, bytes);

    const reopened = openDatabase(file);
    expect(reopened.restored).toMatchObject({ code: 'restored_from_backup', backup: { takenAt: new Date('2026-11-27T08:00:00Z') } });
    expect(recordIds(reopened)).toEqual(['in-backup']);
    expect(fs.existsSync(reopened.restored?.damagedCopy ?? '')).toBe(true);
    reopened.close();
  });

  it('restores when quick_check finds damaged pages, skipping a damaged backup', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'backoffice.sqlite');
    const store = openDatabase(file);
    putUser(store);
    for (let i = 0; i < 200; i++) putRecord(store, `item-${String(i).padStart(3, '0')}`, { text: 'x'.repeat(200) });
    await backupNow(store.sqlite, store.backupDir, new Date('2026-11-26T08:00:00Z'));
    const damagedBackup = await backupNow(store.sqlite, store.backupDir, new Date('2026-11-27T08:00:00Z'));
    store.close();
    fs.writeFileSync(damagedBackup.path, 'not a database at all');
    const bytes = fs.readFileSync(file);
    for (let page = 1; page * 4096 < bytes.length; page++) bytes.fill(0xa5, page * 4096 + 8, page * 4096 + 64);
    fs.writeFileSync(file, bytes);

    const reopened = openDatabase(file);
    expect(reopened.restored?.backup.takenAt).toEqual(new Date('2026-11-26T08:00:00Z'));
    expect(recordIds(reopened)).toHaveLength(200);
    reopened.close();
  });

  it('refuses to start empty when the database is damaged and there is no intact backup', () => {
    const file = path.join(tempDir(), 'backoffice.sqlite');
    openDatabase(file).close();
    fs.writeFileSync(file, Buffer.alloc(8192, 0x42));
    expect(() => openDatabase(file)).toThrow(DatabaseCorruptError);
    expect(fs.readFileSync(file).subarray(0, 4).toString()).toBe('BBBB');
  });
});

describe('backups', () => {
  it('takes at most one backup a day and keeps the newest N', async () => {
    const store = openDatabase(path.join(tempDir(), 'backoffice.sqlite'));
    const policy = (iso: string) => ({ dir: store.backupDir, keep: 3, now: new Date(iso) });
    expect(await backupIfDue(store.sqlite, policy('2026-11-01T09:00:00Z'))).not.toBeNull();
    expect(await backupIfDue(store.sqlite, policy('2026-11-01T17:00:00Z'))).toBeNull();
    for (const day of ['02', '03', '04', '05']) await backupIfDue(store.sqlite, policy(`2026-11-${day}T09:00:00Z`));
    expect(listBackups(store.backupDir).map((backup) => backup.takenAt.toISOString().slice(0, 10))).toEqual([
      '2026-11-05',
      '2026-11-04',
      '2026-11-03',
    ]);
    expect(fs.readdirSync(store.backupDir).filter((name) => name.endsWith('.partial'))).toEqual([]);
    store.close();
  });
});
