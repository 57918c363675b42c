import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/tempDir';
import { moveAttachmentsToBlobs } from './attachmentMigration';
import { openDatabase } from './open';

/**
 * fixtures/before-blobs.sqlite was written by the settings service of commit 00bdf11, when
 * uploads were data URLs inside records: a logo uploaded, replaced (with a receipt logo in the
 * same save), a one-field save of the same group, and the terms as a PDF; nothing synced, so
 * every change is still in the outbox.
 */
const fixture = fileURLToPath(new URL('./fixtures/before-blobs.sqlite', import.meta.url));
const tempDir = useTempDir();

function copyOfFixture(): string {
  const file = path.join(tempDir(), 'backoffice.sqlite');
  fs.copyFileSync(fixture, file);
  return file;
}

/** Every data URL the old code left, decoded: what the move must keep byte for byte. */
function dataUrlsIn(file: string): Map<string, Buffer> {
  const db = new Database(file, { readonly: true });
  const text = (db.prepare("SELECT group_concat(data, '') || group_concat(ifnull(old_value, ''), '') AS t FROM records, history").get() as { t: string }).t
    + (db.prepare("SELECT group_concat(changes, '') AS t FROM outbox").get() as { t: string }).t;
  db.close();
  const files = new Map<string, Buffer>();
  for (const match of text.matchAll(/data:[a-z/+]+;base64,([A-Za-z0-9+/]+=*)/g)) {
    const bytes = Buffer.from(match[1]!, 'base64');
    files.set(createHash('sha256').update(bytes).digest('hex'), bytes);
  }
  return files;
}

const everything = (db: Database.Database) =>
  db.prepare("SELECT (SELECT group_concat(data || ifnull(base, ''), '') FROM records) || (SELECT group_concat(ifnull(old_value, '') || ifnull(new_value, ''), '') FROM history) || (SELECT group_concat(changes, '') FROM outbox) AS t").get() as { t: string };

describe('attachments move out of records into the blobs table at start-up', () => {
  it('moves every data URL of an old database into blobs, once per file, leaving references everywhere', () => {
    const file = copyOfFixture();
    const before = dataUrlsIn(file);
    expect(before.size).toBe(3); // red logo, blue logo, terms PDF
    const store = openDatabase(file);
    expect(store.movedAttachments).toEqual({ files: 3, rows: expect.any(Number) });
    expect(everything(store.sqlite).t).not.toContain('data:');

    const blobs = store.sqlite.prepare('SELECT hash, bytes, mime, size FROM blobs ORDER BY hash').all() as { hash: string; bytes: Buffer; mime: string; size: number }[];
    expect(blobs.map((blob) => blob.hash).sort()).toEqual([...before.keys()].sort());
    for (const blob of blobs) {
      expect(blob.bytes.equals(before.get(blob.hash)!)).toBe(true);
      expect(blob.size).toBe(blob.bytes.length);
    }

    const general = JSON.parse((store.sqlite.prepare("SELECT data FROM records WHERE id = 'company.general'").get() as { data: string }).data);
    const blue = blobs.find((blob) => blob.mime === 'image/png' && blob.hash === general.logo.hash)!;
    expect(general.logo).toEqual({ hash: blue.hash, type: 'image/png', name: 'logo.png', size: blue.size });
    expect(general.companyName).toBe('Fietsenwinkel De Spaak');
    // The history of the logo still tells red → blue, now as references.
    const logoHistory = store.sqlite.prepare("SELECT old_value, new_value FROM history WHERE field = 'logo' ORDER BY id").all() as { old_value: string; new_value: string }[];
    expect(logoHistory.map((row) => JSON.parse(row.new_value).hash)).toEqual([general.logoMonochrome.hash, blue.hash]);
    // The pending outbox mutations name the files the engine will upload before pushing them.
    const outboxRefs = (store.sqlite.prepare('SELECT changes FROM outbox ORDER BY seq').all() as { changes: string }[]).flatMap((row) =>
      Object.values(JSON.parse(row.changes) as Record<string, unknown>).filter((value): value is { hash: string } => typeof value === 'object' && value !== null),
    );
    expect(outboxRefs.map((ref) => ref.hash).sort()).toEqual([general.logoMonochrome.hash, blue.hash, general.logoMonochrome.hash, ...blobs.filter((b) => b.mime === 'application/pdf').map((b) => b.hash)].sort());
    store.close();
  });

  it('is done once: a second start reads the mark and writes nothing, and running it again finds nothing to move', () => {
    const file = copyOfFixture();
    openDatabase(file).close();
    const second = openDatabase(file);
    expect(second.movedAttachments).toBeNull();
    expect(second.sqlite.prepare('SELECT total_changes() AS n').get()).toEqual({ n: 0 });
    second.sqlite.prepare("DELETE FROM meta WHERE key = 'attachmentsInBlobs'").run();
    expect(moveAttachmentsToBlobs(second.sqlite, new Date())).toEqual({ files: 0, rows: 0 });
    expect((second.sqlite.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n).toBe(3);
    second.close();
  });

  it('moves all or nothing: a failure half-way leaves every data URL where it was', () => {
    const file = copyOfFixture();
    const raw = new Database(file);
    // The third file cannot be stored: the move must not leave the first two moved and the rest not.
    raw.exec("CREATE TRIGGER refuse_third AFTER INSERT ON blobs WHEN (SELECT count(*) FROM blobs) >= 3 BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    raw.close();
    expect(() => openDatabase(file)).toThrow(/disk full/);
    const after = new Database(file);
    expect((after.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n).toBe(0);
    expect(everything(after).t).toContain('data:image/png;base64,');
    expect(after.prepare("SELECT 1 FROM meta WHERE key = 'attachmentsInBlobs'").get()).toBeUndefined();
    after.exec('DROP TRIGGER refuse_third');
    after.close();
    const store = openDatabase(file);
    expect(store.movedAttachments?.files).toBe(3);
    store.close();
  });

  it('rewrites only the history row that held the file: another field with the same history id keeps its value', () => {
    const store = openDatabase(path.join(tempDir(), 'backoffice.sqlite'));
    // History ids count per field, so the shop name's first change and the logo's first change are both id 1.
    const add = store.sqlite.prepare("INSERT INTO history (id, collection, record_id, field, old_value, new_value, at, by, origin) VALUES (1, 'settings', 'company.general', ?, 'null', ?, '2026-11-28T10:00:00Z', 'Anna', 'local')");
    add.run('companyName', JSON.stringify('De Spaak'));
    add.run('logo', JSON.stringify(`data:image/png;base64,${Buffer.from('logo').toString('base64')}`));
    store.sqlite.prepare("DELETE FROM meta WHERE key = 'attachmentsInBlobs'").run();
    expect(moveAttachmentsToBlobs(store.sqlite, new Date())).toEqual({ files: 1, rows: 1 });
    const newValue = (field: string) => JSON.parse((store.sqlite.prepare('SELECT new_value FROM history WHERE field = ?').get(field) as { new_value: string }).new_value);
    expect(newValue('companyName')).toBe('De Spaak');
    expect(newValue('logo')).toEqual({ hash: createHash('sha256').update('logo').digest('hex'), type: 'image/png', name: 'logo.png', size: 4 });
    store.close();
  });
});
