import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/tempDir';
import { loadLocalKey } from './localKey';

const tempDir = useTempDir();

// The key the typed logins of failed sign-ins are hashed with: kept beside the database, never in it.
describe('the local key of failed sign-ins', () => {
  it('is made once, 32 random bytes readable by this user only, and the same at every start', () => {
    const file = path.join(tempDir(), 'gegevens', 'sign-in.key');
    const first = loadLocalKey(file);
    expect(first).toHaveLength(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadLocalKey(file).equals(first)).toBe(true);
    expect(loadLocalKey(path.join(tempDir(), 'sign-in.key')).equals(first)).toBe(false);
  });

  it('is replaced when a crash left it cut short, and then kept', () => {
    const file = path.join(tempDir(), 'sign-in.key');
    fs.writeFileSync(file, Buffer.from('kapot'), { mode: 0o600 });
    const fresh = loadLocalKey(file);
    expect(fresh).toHaveLength(32);
    expect(fs.readFileSync(file).equals(fresh)).toBe(true);
    expect(loadLocalKey(file).equals(fresh)).toBe(true);
  });
});
