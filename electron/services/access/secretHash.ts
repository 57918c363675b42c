import { randomBytes, timingSafeEqual } from 'node:crypto';
import { scryptParameterSets, type ScryptParameters } from '../../../domain/sync/credentials';
import type { Logger } from '../logger';
import { scryptOnHashThread, type ScryptOptions } from './hashThread';

/**
 * Passwords and PINs are stored as scrypt hashes with one of OWASP's equivalent parameter sets:
 * N=2^14, r=8, p=5 (16 MiB) costs an attacker as much as N=2^17, p=1 (128 MiB) but keeps the
 * host's memory small. A random 16-byte salt each, 32-byte key. The parameters are stored with
 * the hash, so older hashes (the other sets in `scryptParameterSets`) still verify and are
 * upgraded at the next sign-in.
 */
export const todaysCost: ScryptParameters = scryptParameterSets[0];
const keyLength = 32;

/** The scrypt cost of new hashes. Production always uses `todaysCost`: the cloud refuses any other. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

function derive(secret: string, salt: Buffer, options: Pick<ScryptOptions, 'N' | 'r' | 'p'>): Promise<Buffer> {
  const maxmem = 128 * options.N * options.r + 128 * options.r * options.p + 1024 * 1024;
  return scryptOnHashThread(secret.normalize('NFKC'), salt, keyLength, { ...options, maxmem });
}

/**
 * Hashes new secrets at `cost` and says which stored hashes should be redone. The access service
 * takes it as a dependency so its tests can hash at a cheap cost of their own; verifying needs no
 * cost, since every hash names its own parameters.
 */
export function createSecretHasher(cost: ScryptCost = todaysCost) {
  return {
    async hash(secret: string): Promise<string> {
      const salt = randomBytes(16);
      const key = await derive(secret, salt, cost);
      return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
    },

    /** Whether a stored hash was made with weaker or other parameters than `cost`, and should be redone. */
    needsRehash(stored: string): boolean {
      const [scheme, n, r, p] = stored.split('$');
      return scheme !== 'scrypt' || Number(n) !== cost.N || Number(r) !== cost.r || Number(p) !== cost.p;
    },
  };
}

export type SecretHasher = ReturnType<typeof createSecretHasher>;

/**
 * Compares in constant time. A malformed stored hash never matches; neither does one scrypt
 * refuses to compute (OpenSSL needs N < 2^(16·r); such a hash may have been adopted from the
 * cloud before it checked parameters): the sign-in then answers "wrong password" and counts the
 * attempt like any other, instead of an internal error that locks the user out without a trace.
 * The log line names the error code, never the secret or the hash.
 */
export async function verifySecret(secret: string, stored: string, logger?: Pick<Logger, 'warn'>): Promise<boolean> {
  const [scheme, n, r, p, salt, expected] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !expected) return false;
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  const expectedKey = Buffer.from(expected, 'base64');
  let key: Buffer;
  try {
    key = await derive(secret, Buffer.from(salt, 'base64'), options);
  } catch (error) {
    logger?.warn('access.hashUnusable', { reason: (error as { code?: string }).code ?? 'derive_failed' });
    return false;
  }
  return key.length === expectedKey.length && timingSafeEqual(key, expectedKey);
}
