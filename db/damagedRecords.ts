import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupFile } from './backup';
import { ensurePrivateFile } from './fileModes';
import { markRecordsLeftOut, pendingFromOutbox } from './pendingFields';

/** A record whose stored JSON could not be read: moved aside, and put back from a backup when one has it intact. */
export interface QuarantinedRecord {
  collection: string;
  id: string;
  /** Where the damaged text was saved, for support. */
  savedAs: string;
  /** The backup the record was taken from, or null when it was left out (a settings group then shows its defaults). */
  restoredFrom: BackupFile | null;
}

interface DamagedRow {
  collection: string;
  id: string;
  data: string;
  base: string | null;
  revs: string;
  /** 1 when data, revs or base is damaged (the record is quarantined); 0 when only its count of waiting fields is. */
  unreadable: number;
}

/**
 * SQLite's own checks see pages, not meaning: one changed byte inside a JSON value passes them and
 * then breaks every call that reads it. Each record is checked with json_valid; a damaged one is
 * saved to a file, replaced by its copy in the newest backup that has it intact, or else removed,
 * so one bad record costs that record only, and the user is told which. Its count of fields still
 * waiting for the cloud (`pending`) is not kept from the backup but counted from the outbox as it
 * is now, so a pull cannot overwrite a change that was queued after that backup. A damaged count
 * alone loses nothing: it is counted again from the outbox and the record stays.
 */
export function quarantineDamagedRecords(sqlite: Database.Database, folder: string, backups: BackupFile[], now: Date): QuarantinedRecord[] {
  // Opened with the migrations of an older app (tests of later migrations): no count to check or keep yet.
  const counts = sqlite.prepare("SELECT 1 FROM pragma_table_info('records') WHERE name = 'pending'").get() !== undefined;
  const found = sqlite
    .prepare(
      `SELECT * FROM (SELECT collection, id, data, base, revs, ${counts ? 'pending' : "'{}' AS pending"}, NOT json_valid(data) OR NOT json_valid(revs) OR (base IS NOT NULL AND NOT json_valid(base)) AS unreadable FROM records)
       WHERE unreadable OR json_type(CASE WHEN json_valid(pending) THEN pending END) IS NOT 'object'`,
    )
    .all() as (DamagedRow & { pending: string })[];
  if (found.length === 0) return [];
  const recount = sqlite.prepare('UPDATE records SET pending = ? WHERE collection = ? AND id = ?');
  for (const row of found) if (!row.unreadable) recount.run(pendingFromOutbox(sqlite, row.collection, row.id), row.collection, row.id);
  const damaged = found.filter((row) => row.unreadable);
  if (damaged.length === 0) return [];
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return damaged.map((row) => {
    const savedAs = path.join(folder, `${row.collection}-${row.id}-${stamp}.txt`.replace(/[^\w.-]/g, '_'));
    ensurePrivateFile(savedAs);
    const { unreadable: _unreadable, ...saved } = row;
    fs.writeFileSync(savedAs, JSON.stringify(saved, null, 2));
    const intact = backups.map((backup) => ({ backup, copy: intactCopy(backup.path, row.collection, row.id) })).find((candidate) => candidate.copy);
    sqlite.transaction(() => {
      sqlite.prepare('DELETE FROM records WHERE collection = ? AND id = ?').run(row.collection, row.id);
      if (intact?.copy) {
        const copy = counts ? { ...intact.copy, pending: pendingFromOutbox(sqlite, row.collection, row.id) } : intact.copy;
        const names = Object.keys(copy);
        sqlite.prepare(`INSERT INTO records (${names.join(', ')}) VALUES (${names.map((name) => `@${name}`).join(', ')})`).run(copy);
      } else if (counts) {
        markRecordsLeftOut(sqlite);
      }
    })();
    return { collection: row.collection, id: row.id, savedAs, restoredFrom: intact?.backup ?? null };
  });
}

function intactCopy(backupPath: string, collection: string, id: string): Record<string, unknown> | undefined {
  try {
    const backup = new Database(backupPath, { readonly: true, fileMustExist: true });
    try {
      return backup
        .prepare(
          'SELECT collection, id, data, base, revs, deleted, updated_at, updated_by FROM records WHERE collection = ? AND id = ? AND json_valid(data) AND json_valid(revs) AND (base IS NULL OR json_valid(base))',
        )
        .get(collection, id) as Record<string, unknown> | undefined;
    } finally {
      backup.close();
    }
  } catch {
    return undefined;
  }
}
