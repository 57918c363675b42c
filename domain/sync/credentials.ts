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
 * Bounds a hash's cost both ways. Below: OWASP's minimum (N·r·p of N=2^14, r=8, p=5, or its
 * equivalents such as N=2^17, p=1), so no weaker hash spreads to every workstation. Above: the
 * memory one check takes (128·N·r ≤ 128 MiB) and p, so a hash from the cloud can never make a
 * sign-in allocate gigabytes.
 */
const minimumWork = 2 ** 14 * 8 * 5;
const maximumNr = 2 ** 20;
const maximumP = 16;

/**
 * A hash as `hashSecret` writes it: `scrypt$N$r$p$salt$key`, N a power of two, the salt 16 to 64
 * bytes and the key 32 bytes, both in padded base64. Anything else (a password typed by mistake,
 * a truncated or foreign hash) is refused.
 */
export function isScryptHash(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 300) return false;
  const parts = /^scrypt\$([1-9]\d{0,7})\$([1-9]\d{0,2})\$([1-9]\d{0,2})\$([^$]+)\$([^$]+)$/.exec(value);
  if (!parts) return false;
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if ((n & (n - 1)) !== 0 || n < 2 || n * r > maximumNr || p > maximumP || n * r * p < minimumWork) return false;
  const salt = base64Bytes(parts[4] ?? '');
  return salt >= 16 && salt <= 64 && base64Bytes(parts[5] ?? '') === 32;
}

const hashSchema = z.unknown().transform((value, ctx) => {
  if (!isScryptHash(value)) ctx.addIssue({ code: 'custom', message: 'credential.notHash', params: { reason: 'credential.notHash', values: {} } });
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
