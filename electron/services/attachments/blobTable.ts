import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface StoredBlob {
  type: string;
  size: number;
  bytes: Buffer;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The blobs table: files by the sha-256 of their bytes. A hash names its bytes for good, so a
 * second upload of the same file is the same row (INSERT OR IGNORE) and nothing here is updated.
 */
export function blobTable(sqlite: Database.Database) {
  const insert = sqlite.prepare<[string, Buffer, string, number, string]>('INSERT OR IGNORE INTO blobs (hash, bytes, mime, size, created_at) VALUES (?, ?, ?, ?, ?)');
  const read = sqlite.prepare<[string], { mime: string; size: number; bytes: Buffer }>('SELECT mime, size, bytes FROM blobs WHERE hash = ?');
  const exists = sqlite.prepare<[string], { one: number }>('SELECT 1 AS one FROM blobs WHERE hash = ?');
  return {
    /** Keeps the bytes under their own hash and answers it; the caller has checked what they are. */
    keep(bytes: Buffer, type: string, at: Date): string {
      const hash = sha256Of(bytes);
      insert.run(hash, bytes, type, bytes.length, at.toISOString());
      return hash;
    },
    read(hash: string): StoredBlob | null {
      const row = read.get(hash);
      return row ? { type: row.mime, size: row.size, bytes: row.bytes } : null;
    },
    has: (hash: string) => exists.get(hash) !== undefined,
  };
}

export type BlobTable = ReturnType<typeof blobTable>;
