import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A random key kept in a file readable by this user only (0600), beside the database but never
 * inside it, so a copied database or backup holds keyed hashes that cannot be reversed by trying
 * e-mail addresses. A file rather than the keychain: signing in must work on a machine whose
 * keychain is locked or missing, and losing the key only forgets who failed to sign in recently.
 */
export function loadLocalKey(file: string): Buffer {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, randomBytes(32), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = fs.readFileSync(file);
  if (key.length >= 32) return key;
  // A truncated key file (a crash while it was first written) is replaced; only recent failures are forgotten.
  const fresh = randomBytes(32);
  // Stryker disable next-line ObjectLiteral: the file exists here, and a mode applies only to a file being created.
  fs.writeFileSync(file, fresh, { mode: 0o600 });
  return fresh;
}
