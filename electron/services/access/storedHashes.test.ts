import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cheapTestHashing } from '../../../test/services';
import { createSecretHasher, verifySecret } from './secretHash';

const secret = 'een lange zin als wachtwoord';
const hasher = createSecretHasher(cheapTestHashing);
/** A stored hash written by hand, as an older app version or another workstation might have stored it. */
function storedHash(N: number, r: number, p: number, salt: Buffer, keyBytes = 32): string {
  const key = scryptSync(secret, salt, keyBytes, { N, r, p, maxmem: 256 * 1024 * 1024 });
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

describe('which stored hashes are redone at the next sign-in', () => {
  it('none made at the cost hashes are made at now', async () => {
    expect(hasher.needsRehash(await hasher.hash(secret))).toBe(false);
  });

  it('every one that differs in the scheme, N, r or p', () => {
    const salt = 'c2FsdHNhbHRzYWx0c2FsdA==';
    const key = 'a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=';
    expect(hasher.needsRehash(`scrypt$1024$8$1$${salt}$${key}`)).toBe(false);
    expect(hasher.needsRehash(`pbkdf2$1024$8$1$${salt}$${key}`)).toBe(true);
    expect(hasher.needsRehash(`scrypt$2048$8$1$${salt}$${key}`)).toBe(true);
    expect(hasher.needsRehash(`scrypt$1024$16$1$${salt}$${key}`)).toBe(true);
    expect(hasher.needsRehash(`scrypt$1024$8$2$${salt}$${key}`)).toBe(true);
  });
});

describe('a stored hash that is not what it should be never lets anyone in', () => {
  it('not even with the right password when the scheme is not scrypt', async () => {
    const hash = await hasher.hash(secret);
    expect(await verifySecret(secret, hash)).toBe(true);
    expect(await verifySecret(secret, hash.replace(/^scrypt/, 'plain'))).toBe(false);
  });

  it('nor when the salt is missing, though the key is right for an empty salt', async () => {
    expect(await verifySecret(secret, storedHash(1024, 8, 1, Buffer.alloc(0)))).toBe(false);
  });

  it('nor when the key is cut short, and that answers "no" rather than failing', async () => {
    const full = storedHash(1024, 8, 1, Buffer.from('zout van de winkel'));
    const [scheme, n, r, p, salt, key] = full.split('$');
    const short = [scheme, n, r, p, salt, Buffer.from(key ?? '', 'base64').subarray(0, 16).toString('base64')].join('$');
    expect(await verifySecret(secret, full)).toBe(true);
    expect(await verifySecret(secret, short)).toBe(false);
  });

  it('nor when scrypt cannot compute it, also when no log is at hand', async () => {
    // N=2^17 with r=1: OpenSSL refuses it (it needs N < 2^(16·r)).
    await expect(verifySecret(secret, `scrypt$131072$1$5$c2FsdHNhbHRzYWx0c2FsdA==$${Buffer.alloc(32).toString('base64')}`)).resolves.toBe(false);
  });
});

describe('a hash made with other parameters', () => {
  it('verifies whatever mix of N, r and p it was made with, within the memory scrypt needs for it', async () => {
    // Most of this hash's memory goes to its 1200 parallel lanes (128 · r · p bytes), not to N.
    const lanes = storedHash(16, 8, 1200, Buffer.from('zout van de winkel'));
    expect(await verifySecret(secret, lanes)).toBe(true);
    expect(await verifySecret('een andere zin als wachtwoord', lanes)).toBe(false);
  });
});
