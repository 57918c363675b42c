import fs from 'node:fs';

/**
 * The shop's data is for the user running Backoffice only: files 0600, folders 0700, also when
 * an older version left them world-readable. Windows has no such modes; there the user profile
 * folder is already private and these calls change nothing.
 */
export function privateFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

export function privateFile(file: string): void {
  if (fs.existsSync(file)) fs.chmodSync(file, 0o600);
}

/** Creates the file empty when missing, with 0600 from the first byte (no moment in which it is readable). */
export function ensurePrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  fs.chmodSync(file, 0o600);
}
