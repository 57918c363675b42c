import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { backupBeforeMigration, hasUsers, isIntact, listBackups, type BackupFile } from './backup';
import { cleanSinceCheck, noteCleanClose } from './cleanClose';
import { quarantineDamagedRecords, type QuarantinedRecord } from './damagedRecords';
import { ensurePrivateFile, privateFile, privateFolder } from './fileModes';
import { DatabaseCorruptError } from './errors';
import { applyMigrations } from './migrate';
import { moveAttachmentsToBlobs, type AttachmentMigration } from './attachmentMigration';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

/** Told to the user after start-up when the database had to be restored from a backup. */
export interface RestoreNotice {
  code: 'restored_from_backup';
  backup: BackupFile;
  damagedCopy: string;
  detail: string;
}

export interface LocalStore {
  sqlite: Database.Database;
  orm: Orm;
  path: string;
  backupDir: string;
  schemaVersion: number;
  restored: RestoreNotice | null;
  /** Records whose JSON was damaged, moved aside at start-up (see damagedRecords.ts). */
  quarantined: QuarantinedRecord[];
  /** Files moved out of records into the blobs table at this start (once per database); null when already done. */
  movedAttachments: AttachmentMigration | null;
  /** Whether the full integrity check ran at this start (it is skipped after a clean close). */
  checkedIntegrity: boolean;
  close(): void;
}

export interface OpenOptions {
  /** Where drizzle-kit's migrations are; the packaged app passes its resources folder. */
  migrationsFolder?: string;
  /** Where backups live; `backups/` beside the database by default. */
  backupDir?: string;
  now?: () => Date;
}

export const defaultMigrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

function connect(file: string): Database.Database {
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // FULL: a commit is on disk before it is acknowledged, so no acknowledged write is ever lost.
    sqlite.pragma('synchronous = FULL');
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Opens and checks (unless `skipCheck`); returns what is wrong instead of throwing when the file is damaged. */
function openChecked(file: string, skipCheck = false): { sqlite: Database.Database } | { damage: string } {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = connect(file);
    for (const suffix of ['-wal', '-shm']) privateFile(file + suffix);
    const check = skipCheck ? 'ok' : sqlite.pragma('quick_check', { simple: true });
    if (check === 'ok') return { sqlite };
    sqlite.close();
    return { damage: String(check) };
  } catch (error) {
    sqlite?.close();
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
      return { damage: (error as Error).message };
    }
    throw error;
  }
}

/** Moves the damaged file (and its WAL) aside, so nothing is deleted, then copies the backup in. */
function restoreFrom(file: string, backup: BackupFile, now: Date): string {
  const damagedCopy = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, damagedCopy + suffix);
  }
  fs.copyFileSync(backup.path, file);
  privateFile(file);
  return damagedCopy;
}

/**
 * Opens the local store: pragmas for durability, an integrity check, all pending migrations
 * before first use (with a backup first), every record's JSON checked. A damaged file is moved
 * aside (never deleted) and replaced by the newest intact backup that has users, and the caller
 * gets a notice to show; with no such backup it refuses to start rather than start empty. The
 * full check is skipped when the file is exactly as the last clean close left it (cleanClose.ts).
 */
export function openDatabase(file: string, options: OpenOptions = {}): LocalStore {
  const now = options.now ?? (() => new Date());
  const backupDir = options.backupDir ?? path.join(path.dirname(file), 'backups');
  privateFolder(path.dirname(file));
  const isNew = !fs.existsSync(file);
  ensurePrivateFile(file);

  const lastCheck = isNew ? null : cleanSinceCheck(file, now());
  let opened = openChecked(file, isNew || lastCheck !== null);
  let restored: RestoreNotice | null = null;
  if ('damage' in opened) {
    const detail = opened.damage;
    // A backup without users would reopen the first-start screen to whoever sits down: never restore one.
    const backup = listBackups(backupDir).find((candidate) => isIntact(candidate.path) && hasUsers(candidate.path));
    if (!backup) throw new DatabaseCorruptError(file, detail);
    const damagedCopy = restoreFrom(file, backup, now());
    restored = { code: 'restored_from_backup', backup, damagedCopy, detail };
    opened = openChecked(file);
    if ('damage' in opened) throw new DatabaseCorruptError(file, opened.damage);
  }

  const { sqlite } = opened;
  try {
    const schemaVersion = applyMigrations(sqlite, options.migrationsFolder ?? defaultMigrationsFolder, () => backupBeforeMigration(sqlite, backupDir, now()));
    const quarantined = quarantineDamagedRecords(sqlite, path.join(path.dirname(file), 'damaged'), listBackups(backupDir), now());
    const movedAttachments = moveAttachmentsToBlobs(sqlite, now());
    const checkedAt = lastCheck ?? now().toISOString();
    return {
      sqlite,
      orm: drizzle(sqlite, { schema }),
      path: file,
      backupDir,
      schemaVersion,
      restored,
      quarantined,
      movedAttachments,
      checkedIntegrity: lastCheck === null,
      close: () => {
        sqlite.close();
        noteCleanClose(file, checkedAt);
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
