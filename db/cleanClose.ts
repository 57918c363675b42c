import fs from 'node:fs';

/**
 * Whether the start-up integrity check can be skipped. A full quick_check reads every page, which
 * grows with the history; it is needed when the last run did not end cleanly, when the file was
 * changed by something else since, and at least once a week against silent damage. A clean close
 * leaves a note with the file's size and modification time; the note is removed as soon as the
 * database is opened again, so a crash always leads to a check at the next start.
 */
const weekMs = 7 * 24 * 60 * 60 * 1000;

interface Note {
  size: number;
  mtimeMs: number;
  checkedAt: string;
}

const noteFile = (file: string) => `${file}.clean`;

function stat(file: string): { size: number; mtimeMs: number } | null {
  try {
    const { size, mtimeMs } = fs.statSync(file);
    return { size, mtimeMs };
  } catch {
    return null;
  }
}

/** The last full check's time when the file is exactly as the last clean close left it; else null. */
export function cleanSinceCheck(file: string, now: Date): string | null {
  let note: Note;
  try {
    note = JSON.parse(fs.readFileSync(noteFile(file), 'utf8')) as Note;
  } catch {
    return null;
  } finally {
    fs.rmSync(noteFile(file), { force: true });
  }
  const current = stat(file);
  const walLeft = (stat(`${file}-wal`)?.size ?? 0) > 0;
  const fresh = now.getTime() - Date.parse(note.checkedAt) < weekMs;
  return current && !walLeft && fresh && current.size === note.size && current.mtimeMs === note.mtimeMs ? note.checkedAt : null;
}

/** After the connection was closed (WAL checkpointed into the file): remember the file as it is now. */
export function noteCleanClose(file: string, checkedAt: string): void {
  const current = stat(file);
  if (current) fs.writeFileSync(noteFile(file), JSON.stringify({ ...current, checkedAt } satisfies Note), { mode: 0o600 });
}
