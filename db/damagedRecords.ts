import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupFile } from './backup';
import { ensurePrivateFile } from './fileModes';

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
}

/**
 * SQLite's own checks see pages, not meaning: one changed byte inside a JSON value passes them and
 * then breaks every call that reads it. Each record is checked with json_valid; a damaged one is
 * saved to a file, replaced by its copy in the newest backup that has it intact, or else removed,
 * so one bad record costs that record only, and the user is told which.
 */
export function quarantineDamagedRecords(sqlite: Database.Database, folder: string, backups: BackupFile[], now: Date): QuarantinedRecord[] {
  const damaged = sqlite
    .prepare("SELECT collection, id, data, base, revs FROM records WHERE NOT json_valid(data) OR NOT json_valid(revs) OR (base IS NOT NULL AND NOT json_valid(base))")
    .all() as DamagedRow[];
  if (damaged.length === 0) return [];
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return damaged.map((row) => {
    const savedAs = path.join(folder, `${row.collection}-${row.id}-${stamp}.txt`.replace(/[^\w.-]/g, '_'));
    ensurePrivateFile(savedAs);
    fs.writeFileSync(savedAs, JSON.stringify(row, null, 2));
    const intact = backups.map((backup) => ({ backup, copy: intactCopy(backup.path, row.collection, row.id) })).find((candidate) => candidate.copy);
    sqlite.transaction(() => {
      sqlite.prepare('DELETE FROM records WHERE collection = ? AND id = ?').run(row.collection, row.id);
      if (intact?.copy) {
        sqlite
          .prepare('INSERT INTO records (collection, id, data, base, revs, deleted, updated_at, updated_by) VALUES (@collection, @id, @data, @base, @revs, @deleted, @updated_at, @updated_by)')
          .run(intact.copy);
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
