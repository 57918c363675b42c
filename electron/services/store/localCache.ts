import type Database from 'better-sqlite3';
import { readRecord } from './records';

/**
 * What this workstation last heard from the cloud about something it only reads (the last
 * provider sync, the last sales report), kept as the record ('cache', key) for offline viewing.
 * Never in the outbox: it is the cloud's answer, not a change of the shop's.
 */
export function writeCache(db: Database.Database, key: string, data: unknown, at: Date): void {
  db.prepare("INSERT OR REPLACE INTO records (collection, id, data, updated_at, updated_by) VALUES ('cache', ?, ?, ?, 'cloud')").run(key, JSON.stringify(data), at.toISOString());
}

export function readCache(db: Database.Database, key: string): { data: unknown; at: string } | null {
  const record = readRecord(db, 'cache', key);
  return record ? { data: record.data, at: record.updatedAt } : null;
}
