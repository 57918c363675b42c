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
 * second upload of the same file is the same row and its bytes are never rewritten. Only its
 * created_at moves forward to the newest upload: pruning lets an unnamed file go a day after
 * created_at, and a file chosen again now must outlive the form it was just chosen in.
 */
export function blobTable(sqlite: Database.Database) {
  const insert = sqlite.prepare<[string, Buffer, string, number, string]>(
    'INSERT INTO blobs (hash, bytes, mime, size, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(hash) DO UPDATE SET created_at = max(created_at, excluded.created_at)',
  );
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
