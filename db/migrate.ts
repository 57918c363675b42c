import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { SchemaTooNewError } from './errors';

/**
 * Applies drizzle-kit's committed migrations, forward only, all pending ones in one transaction
 * (drizzle's migrator wraps them in BEGIN/COMMIT) before anyone reads the database. A database
 * that has a migration this app does not know came from a newer app and is refused untouched.
 * `user_version` mirrors the number of migrations so any SQLite tool shows the schema version.
 */
export function applyMigrations(sqlite: Database.Database, migrationsFolder: string, beforeMigrating: () => void = () => undefined): number {
  const known = readMigrationFiles({ migrationsFolder });
  const stored = sqlite.pragma('user_version', { simple: true }) as number;
  if (stored > known.length) throw new SchemaTooNewError(stored, known.length);
  const hasJournal = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  let appliedCount = 0;
  if (hasJournal) {
    const knownHashes = new Set(known.map((migration) => migration.hash));
    const applied = sqlite.prepare('SELECT hash FROM __drizzle_migrations').all() as { hash: string }[];
    if (applied.length > known.length || applied.some((row) => !knownHashes.has(row.hash))) {
      throw new SchemaTooNewError(Math.max(applied.length, stored), known.length);
    }
    appliedCount = applied.length;
  }
  // Nothing to do is the common start: no transaction and no disk-synced write then.
  if (appliedCount === known.length && stored === known.length) return known.length;
  if (hasJournal && appliedCount < known.length) beforeMigrating();
  migrate(drizzle(sqlite), { migrationsFolder });
  sqlite.pragma(`user_version = ${known.length}`);
  return known.length;
}
