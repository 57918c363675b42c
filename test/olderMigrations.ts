import fs from 'node:fs';
import path from 'node:path';
import { defaultMigrationsFolder } from '../db/open';

/** The committed migrations up to and including `last`, as an older app shipped them: opening a database with these makes the file that app left. */
export function migrationsUpTo(dir: string, last: string): string {
  const folder = path.join(dir, 'old-migrations');
  fs.mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(defaultMigrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const entries = journal.entries.slice(0, journal.entries.findIndex((entry) => entry.tag === last) + 1);
  for (const entry of entries) fs.copyFileSync(path.join(defaultMigrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return folder;
}
