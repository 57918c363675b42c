import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { privateFile, privateFolder } from './fileModes';

/**
 * Backups are whole-database copies made with SQLite's online backup API, so the app keeps
 * working while one is taken. File names carry the UTC time, which also sorts them.
 */
const namePattern = /^backoffice-(\d{8}T\d{6}Z)\.sqlite$/;

export interface BackupFile {
  path: string;
  takenAt: Date;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

function parseStamp(value: string): Date {
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) ?? [];
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}

/** The backups in a folder, newest first. */
export function listBackups(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((name) => {
      const match = namePattern.exec(name);
      return match?.[1] ? [{ path: path.join(dir, name), takenAt: parseStamp(match[1]) }] : [];
    })
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

export async function backupNow(sqlite: Database.Database, dir: string, now: Date): Promise<BackupFile> {
  privateFolder(dir);
  const target = path.join(dir, `backoffice-${stamp(now)}.sqlite`);
  const partial = `${target}.partial`;
  await sqlite.backup(partial);
  privateFile(partial);
  // Only a finished copy gets a backup's name, so a crash mid-backup never leaves a half file to restore from.
  fs.renameSync(partial, target);
  return { path: target, takenAt: now };
}

export interface BackupPolicy {
  dir: string;
  keep: number;
  now: Date;
  /** At most one backup per this many milliseconds; a day by default. */
  minIntervalMs?: number;
}

/** Takes a backup when the newest is older than the interval, then keeps only the newest `keep`. */
export async function backupIfDue(sqlite: Database.Database, policy: BackupPolicy): Promise<BackupFile | null> {
  const newest = listBackups(policy.dir)[0];
  const interval = policy.minIntervalMs ?? 24 * 60 * 60 * 1000;
  const due = !newest || policy.now.getTime() - newest.takenAt.getTime() >= interval;
  const taken = due ? await backupNow(sqlite, policy.dir, policy.now) : null;
  for (const old of listBackups(policy.dir).slice(policy.keep)) fs.rmSync(old.path, { force: true });
  return taken;
}

/**
 * A copy taken synchronously, before migrations change the schema: if a migration goes wrong
 * (or the new version is rolled back) the shop's data as it was is in `backups/`.
 */
export function backupBeforeMigration(sqlite: Database.Database, dir: string, now: Date): BackupFile {
  privateFolder(dir);
  const target = path.join(dir, `backoffice-${stamp(now)}.sqlite`);
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  sqlite.prepare('VACUUM INTO ?').run(partial);
  privateFile(partial);
  fs.renameSync(partial, target);
  return { path: target, takenAt: now };
}

/** Whether a backup holds at least one user: one without would reopen the first-start screen to anyone. */
export function hasUsers(file: string): boolean {
  try {
    const probe = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return probe.prepare("SELECT 1 FROM records WHERE collection = 'users' AND deleted = 0 LIMIT 1").get() !== undefined;
    } finally {
      probe.close();
    }
  } catch {
    return false;
  }
}

/** Whether a file is a readable SQLite database that passes quick_check. */
export function isIntact(file: string): boolean {
  try {
    const probe = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return probe.pragma('quick_check', { simple: true }) === 'ok';
    } finally {
      probe.close();
    }
  } catch {
    return false;
  }
}
