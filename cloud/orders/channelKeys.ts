import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { sha256 } from '../accounts';
import type { Queryable } from '../db/connect';
import { salesChannelKeys } from '../db/schema';

/**
 * How a sales channel (a webshop, a marketplace connector, the till) proves who it is when it
 * posts orders: a random key per channel, made with `npm run cloud -- channel-key SHOP PREFIX`
 * and sent as `Authorization: Bearer sck_…`. The cloud keeps only its sha-256; the key names the
 * shop and the channel, so an order can never be posted into another shop or channel.
 */
const keyPattern = /^Bearer (sck_[A-Za-z0-9_-]{43})$/;

export async function newChannelKey(db: Queryable, shopId: string, channel: string): Promise<string> {
  if (!/^[A-Z0-9]{1,6}$/.test(channel)) throw new Error('The channel is its order number prefix: 1 to 6 capital letters or digits, e.g. W1.');
  const key = `sck_${randomBytes(32).toString('base64url')}`;
  await db.insert(salesChannelKeys).values({ keyHash: sha256(key), shopId, channel });
  return key;
}

/** The shop and channel of a channel key, or null for none, a malformed, unknown or revoked key. */
export async function channelOfKey(db: Queryable, authorization: string | undefined): Promise<{ shopId: string; channel: string } | null> {
  // Stryker disable next-line StringLiteral: any text that is not a key reads as no key, as an absent header does.
  const key = keyPattern.exec(authorization ?? '')?.[1];
  if (!key) return null;
  const [found] = await db
    .select({ shopId: salesChannelKeys.shopId, channel: salesChannelKeys.channel })
    .from(salesChannelKeys)
    .where(and(eq(salesChannelKeys.keyHash, sha256(key)), isNull(salesChannelKeys.revokedAt)));
  return found ?? null;
}

/** Every key of a channel stops working at once (a leaked key): make a new one afterwards. */
export async function revokeChannelKeys(db: Queryable, shopId: string, channel: string, now = new Date()): Promise<number> {
  const revoked = await db
    .update(salesChannelKeys)
    .set({ revokedAt: now })
    .where(and(eq(salesChannelKeys.shopId, shopId), eq(salesChannelKeys.channel, channel), isNull(salesChannelKeys.revokedAt)))
    .returning({ keyHash: salesChannelKeys.keyHash });
  return revoked.length;
}
