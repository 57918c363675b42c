import { z } from 'zod';
import type { CollectionDef, FieldDef } from '../settings/types';

/**
 * Password and PIN hashes travel between the workstations of one shop as the records
 * `('credentials', userId)`, one field per kind, so a workstation that joins an existing shop can
 * sign its users in. Only scrypt hash strings are ever in them: never a password, and never a
 * session, lockout or failed sign-in, which stay on the workstation where they happened.
 */
export const credentialsCollection = 'credentials';

export const credentialKinds = ['password', 'pin'] as const;
export type CredentialKind = (typeof credentialKinds)[number];

export const isCredentialKind = (field: string): field is CredentialKind => (credentialKinds as readonly string[]).includes(field);

const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function base64Bytes(text: string): number {
  if (!base64.test(text)) return -1;
  return (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
}

/**
 * The scrypt parameter sets `hashSecret` has ever written (today's first), and no others. Each
 * is one of OWASP's equivalent sets (N=2^14 r=8 p=5 now; N=2^17 p=1 and N=2^15 p=3 before), so
 * every hash of ours verifies on every workstation. A list, not bounds: bounds let through sets
 * OpenSSL cannot compute (it needs N < 2^(16·r), so r=1 with N ≥ 2^16 throws at every sign-in
 * and locks the user out on every workstation) and sets that cost half a minute of CPU per
 * sign-in attempt while all other sign-ins wait (N=2^17 r=8 p=16).
 */
export const scryptParameterSets = [
  { N: 2 ** 14, r: 8, p: 5 },
  { N: 2 ** 15, r: 8, p: 3 },
  { N: 2 ** 17, r: 8, p: 1 },
] as const;

export type ScryptParameters = (typeof scryptParameterSets)[number];

export const isKnownScryptParameters = (n: number, r: number, p: number): boolean => scryptParameterSets.some((set) => set.N === n && set.r === r && set.p === p);

const hashShape = /^scrypt\$([1-9]\d{0,7})\$([1-9]\d{0,2})\$([1-9]\d{0,2})\$([^$]+)\$([^$]+)$/;

/** Why a value is not a hash the workstations can take, or null when it is one. */
export function hashRefusal(value: unknown): 'credential.notHash' | 'credential.unknownCost' | null {
  if (typeof value !== 'string' || value.length > 300) return 'credential.notHash';
  const parts = hashShape.exec(value);
  if (!parts) return 'credential.notHash';
  const salt = base64Bytes(parts[4] ?? '');
  if (salt < 16 || salt > 64 || base64Bytes(parts[5] ?? '') !== 32) return 'credential.notHash';
  return isKnownScryptParameters(Number(parts[1]), Number(parts[2]), Number(parts[3])) ? null : 'credential.unknownCost';
}

/**
 * A hash as `hashSecret` writes it: `scrypt$N$r$p$salt$key` with one of our parameter sets, the
 * salt 16 to 64 bytes and the key 32 bytes, both in padded base64. Anything else (a password
 * typed by mistake, a truncated or foreign hash, other parameters) is refused.
 */
export function isScryptHash(value: unknown): value is string {
  return hashRefusal(value) === null;
}

const hashSchema = z.unknown().transform((value, ctx) => {
  const reason = hashRefusal(value);
  if (reason) ctx.addIssue({ code: 'custom', message: reason, params: { reason, values: {} } });
  return value as string;
});

function hashField<K extends CredentialKind>(key: K, label: { nl: string; en: string }): FieldDef<K, string> {
  return { key, kind: 'text', label, schema: hashSchema, default: '', required: false, secure: false, scope: 'shop' };
}

/**
 * The records as the cloud's push validation reads them, with the catalogue's own machinery. Not
 * in the catalogue's lists: no screen edits them, they change only through setting a password.
 */
export const credentialRecords = {
  key: credentialsCollection,
  label: { nl: 'Inloggegevens', en: 'Sign-in credentials' },
  itemLabel: { nl: 'Inloggegevens', en: 'Sign-in credentials' },
  titleField: '',
  ordered: false,
  fields: [hashField('password', { nl: 'Wachtwoord', en: 'Password' }), hashField('pin', { nl: 'PIN', en: 'PIN' })],
} as const satisfies CollectionDef;
