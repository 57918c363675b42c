import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { DeviceInfo, PairResponse } from '../domain/sync/protocol';
import type { CloudDb, Queryable } from './db/connect';
import { devices, pairingCodes, shops } from './db/schema';

/** How long a pairing code works: long enough to walk to the other workstation, short enough to leak little. */
export const pairingCodeLifetimeMs = 24 * 60 * 60 * 1000;

/** No 0/O, 1/I/L: the code is read off one screen and typed on another. 12 of 31 signs ≈ 59 bits. */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Spaces, dashes and lower case as typed by a person all mean the same code. */
function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export interface Shop {
  id: string;
  name: string;
}

export async function findShop(db: CloudDb, idOrName: string): Promise<Shop | null> {
  const found = await db.select({ id: shops.id, name: shops.name }).from(shops).where(or(eq(shops.id, idOrName), eq(shops.name, idOrName)));
  if (found.length > 1) throw new Error(`More than one shop is called "${idOrName}"; name it by its id instead.`);
  return found[0] ?? null;
}

/** A one-time code for pairing one more workstation; only its hash is stored. */
export async function newPairingCode(db: CloudDb, shopId: string, now = new Date()): Promise<{ code: string; expiresAt: Date }> {
  const raw = Array.from({ length: 12 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
  const expiresAt = new Date(now.getTime() + pairingCodeLifetimeMs);
  await db.insert(pairingCodes).values({ codeHash: sha256(raw), shopId, expiresAt });
  return { code: `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`, expiresAt };
}

export async function newShop(db: CloudDb, name: string): Promise<Shop & { code: string; expiresAt: Date }> {
  const shop = { id: randomUUID(), name: name.trim() };
  if (shop.name === '' || shop.name.length > 200) throw new Error('A shop needs a name of 1 to 200 characters.');
  await db.insert(shops).values(shop);
  return { ...shop, ...(await newPairingCode(db, shop.id)) };
}

/** Spends a pairing code (once, before it expires) on a new device with a fresh random token. */
export async function pairDevice(db: CloudDb, code: string, deviceName: string, now = new Date()): Promise<PairResponse | null> {
  return db.transaction(async (tx) => {
    const deviceId = randomUUID();
    const [used] = await tx
      .update(pairingCodes)
      .set({ usedAt: now, usedBy: deviceId })
      .where(and(eq(pairingCodes.codeHash, sha256(normaliseCode(code))), isNull(pairingCodes.usedAt), gt(pairingCodes.expiresAt, now)))
      .returning({ shopId: pairingCodes.shopId });
    if (!used) return null;
    const [shop] = await tx.select({ name: shops.name }).from(shops).where(eq(shops.id, used.shopId));
    // Stryker disable next-line ConditionalExpression: no code deletes a shop, so a pairing code's shop is always there; the guard only narrows the type
    if (!shop) return null;
    const token = randomBytes(32).toString('base64url');
    await tx.insert(devices).values({ id: deviceId, shopId: used.shopId, name: deviceName, tokenHash: sha256(token) });
    return { shopId: used.shopId, shopName: shop.name, deviceId, token };
  });
}

/** The sha-256 of a well-formed bearer token, as stored; null when the header holds none. */
export function tokenHashOf(authorization: string | undefined): string | null {
  // Stryker disable next-line StringLiteral: without a header any text lacking "Bearer <token>" fails the pattern the same way as the empty one
  const match = /^Bearer ([A-Za-z0-9_-]{32,200})$/.exec(authorization ?? '');
  return match?.[1] ? sha256(match[1]) : null;
}

/** The device a bearer token belongs to, or null for no, an unknown or a revoked token. */
export async function authenticate(db: Queryable, authorization: string | undefined): Promise<DeviceInfo | null> {
  const hash = tokenHashOf(authorization);
  // Stryker disable next-line ConditionalExpression: a lookup by no hash finds no device either; the guard only spares the query
  if (!hash) return null;
  const [device] = await db
    .select({ shopId: devices.shopId, shopName: shops.name, deviceId: devices.id, deviceName: devices.name })
    .from(devices)
    .innerJoin(shops, eq(shops.id, devices.shopId))
    .where(and(eq(devices.tokenHash, hash), isNull(devices.revokedAt)));
  return device ?? null;
}

export async function listDevices(db: Queryable, shopId: string) {
  return db
    .select({ deviceId: devices.id, deviceName: devices.name, pairedAt: devices.createdAt, revokedAt: devices.revokedAt })
    .from(devices)
    .where(eq(devices.shopId, shopId))
    .orderBy(devices.createdAt);
}

/** Revokes a device of this shop; its token answers 401 from then on. False when there is no such device. */
export async function revokeDevice(db: Queryable, shopId: string, deviceId: string, now = new Date()): Promise<boolean> {
  const revoked = await db
    .update(devices)
    .set({ revokedAt: now })
    .where(and(eq(devices.shopId, shopId), eq(devices.id, deviceId), isNull(devices.revokedAt)))
    .returning({ id: devices.id });
  return revoked.length > 0;
}
