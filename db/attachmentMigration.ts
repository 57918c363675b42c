import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * Before attachments had their own table, a logo or terms PDF was kept as a data URL inside the
 * settings record, and copied into every history row and outbox mutation that touched it. This
 * moves each such file into `blobs` (once, by its sha-256) and leaves in its place the reference
 * domain/attachments.ts declares: `{hash, type, name, size}`. It runs at start-up in one
 * transaction; a database that has been moved is marked in `meta`, so later starts only read
 * that mark, and running it again finds nothing to move.
 */
const doneKey = 'attachmentsInBlobs';
const dataUrl = /^data:(image\/png|image\/jpeg|image\/svg\+xml|application\/pdf);base64,([A-Za-z0-9+/]*={0,2})$/;
const extensions: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/svg+xml': 'svg', 'application/pdf': 'pdf' };

export interface AttachmentMigration {
  /** Files moved into `blobs` (a file kept in several places counts once). */
  files: number;
  /** Rows rewritten to hold references instead of data URLs. */
  rows: number;
}

/**
 * JSON columns that may hold a data URL, with the columns that pick out one row (history ids count
 * per field, so a history row is its record, field and id) and the column that names the field
 * when the value is a bare field value.
 */
const columns = [
  { table: 'records', keys: ['rowid'], column: 'data', field: null },
  { table: 'records', keys: ['rowid'], column: 'base', field: null },
  { table: 'history', keys: ['collection', 'record_id', 'field', 'id'], column: 'old_value', field: 'field' },
  { table: 'history', keys: ['collection', 'record_id', 'field', 'id'], column: 'new_value', field: 'field' },
  { table: 'outbox', keys: ['seq'], column: 'changes', field: null },
  { table: 'conflicts', keys: ['id'], column: 'base', field: 'field' },
  { table: 'conflicts', keys: ['id'], column: 'mine', field: 'field' },
  { table: 'conflicts', keys: ['id'], column: 'theirs', field: 'field' },
] as const;

export function moveAttachmentsToBlobs(sqlite: Database.Database, now: Date): AttachmentMigration | null {
  // Opened with an older set of migrations (tests of earlier migrations): the tables this needs are not there yet.
  const tables = sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('blobs', 'meta', 'conflicts')").get() as { n: number };
  if (tables.n < 3) return null;
  const done = sqlite.prepare('SELECT 1 FROM meta WHERE key = ?').get(doneKey);
  if (done) return null;
  const keep = sqlite.prepare('INSERT OR IGNORE INTO blobs (hash, bytes, mime, size, created_at) VALUES (?, ?, ?, ?, ?)');
  const moved = new Set<string>();
  let rows = 0;

  function reference(value: string, field: string): unknown {
    const match = dataUrl.exec(value);
    if (!match?.[1] || match[2] === undefined) return value;
    const bytes = Buffer.from(match[2], 'base64');
    // An empty file was never a valid upload: it becomes "no file".
    if (bytes.length === 0) return null;
    const hash = createHash('sha256').update(bytes).digest('hex');
    keep.run(hash, bytes, match[1], bytes.length, now.toISOString());
    moved.add(hash);
    return { hash, type: match[1], name: `${field}.${extensions[match[1]]}`, size: bytes.length };
  }

  /** A bare field value, or an object of field values (a record's data, an outbox mutation's changes). */
  function rewrite(value: unknown, field: string | null): unknown {
    if (typeof value === 'string' && field !== null) return reference(value, field);
    if (field === null && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, typeof inner === 'string' ? reference(inner, key) : inner]));
    }
    return value;
  }

  sqlite.transaction(() => {
    for (const { table, keys, column, field } of columns) {
      const select = `SELECT json_array(${keys.join(', ')}) AS key, ${column} AS value${field ? `, ${field} AS field` : ''} FROM ${table} WHERE ${column} LIKE '%data:%;base64,%'`;
      const update = sqlite.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${keys.map((key) => `${key} = ?`).join(' AND ')}`);
      for (const row of sqlite.prepare(select).all() as { key: string; value: string; field?: string }[]) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(row.value);
        } catch {
          continue; // damaged JSON is the quarantine's business (damagedRecords.ts), not this move's
        }
        const rewritten = rewrite(parsed, row.field ?? null);
        const text = JSON.stringify(rewritten);
        if (text === row.value) continue;
        update.run(text, ...(JSON.parse(row.key) as unknown[]));
        rows += 1;
      }
    }
    sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(doneKey, now.toISOString());
  })();
  return { files: moved.size, rows };
}
