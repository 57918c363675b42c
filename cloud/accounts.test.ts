import { describe, expect, it } from 'vitest';
import { findShop, newPairingCode, newShop, pairingCodeLifetimeMs, revokeDevice } from './accounts';
import { mutation, pair, useFileCloud, workstation } from './test/harness';

/**
 * The operator's side of accounts, as the cloud's command line (main.ts) uses it: making a shop,
 * a pairing code for each workstation, finding the shop again by name or id, cutting a device off.
 * The codes are read off one screen and typed on another; what a workstation meets is in devices.test.ts.
 */
const cloud = useFileCloud();
const db = () => cloud.database.db;

describe('a new shop', () => {
  it('keeps its name without the spaces around it, and refuses an empty or overlong name', async () => {
    const shop = await newShop(db(), '  Fietsenwinkel De Spaak  ');
    expect(shop.name).toBe('Fietsenwinkel De Spaak');
    expect(await pair(cloud.url, shop.code)).toMatchObject({ shopName: 'Fietsenwinkel De Spaak' });
    for (const name of ['   ', 'x'.repeat(201)]) await expect(newShop(db(), name)).rejects.toThrow('A shop needs a name of 1 to 200 characters.');
    expect((await newShop(db(), 'x'.repeat(200))).name).toHaveLength(200);
  });

  it('is found by its id or its exact name, and a name two shops share asks for the id', async () => {
    const shop = await newShop(db(), `Bakkerij ${Math.random()}`);
    expect(await findShop(db(), shop.id)).toEqual({ id: shop.id, name: shop.name });
    expect(await findShop(db(), shop.name)).toEqual({ id: shop.id, name: shop.name });
    expect(await findShop(db(), `${shop.name} `)).toBeNull();
    const twin = `Kaashandel ${Math.random()}`;
    await newShop(db(), twin);
    await newShop(db(), twin);
    await expect(findShop(db(), twin)).rejects.toThrow(`More than one shop is called "${twin}"; name it by its id instead.`);
  });
});

describe('a pairing code', () => {
  it('is twelve signs without look-alikes (0/O, 1/I/L) in three groups, and works for a day', async () => {
    const shop = await newShop(db(), 'Fietsenwinkel De Spaak');
    const now = new Date('2026-11-29T09:00:00.000Z');
    const codes = await Promise.all(Array.from({ length: 20 }, () => newPairingCode(db(), shop.id, now)));
    for (const { code, expiresAt } of codes) {
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
      expect(expiresAt).toEqual(new Date('2026-11-30T09:00:00.000Z'));
    }
    expect(pairingCodeLifetimeMs).toBe(24 * 3600_000);
    // The codes use the alphabet's signs, not a few of them, and no two are the same.
    expect(new Set(codes.flatMap(({ code }) => code.replace(/-/g, '').split(''))).size).toBeGreaterThan(20);
    expect(new Set(codes.map(({ code }) => code)).size).toBe(codes.length);
  });

  it('typed with dashes left out, spaces between the groups or in lower case still pairs, once', async () => {
    const shop = await newShop(db(), 'Fietsenwinkel De Spaak');
    const codes = [shop.code, (await newPairingCode(db(), shop.id)).code, (await newPairingCode(db(), shop.id)).code];
    for (const [index, code] of codes.entries()) {
      const asTyped = [code.replace(/-/g, ''), code.replace(/-/g, ' '), code.toLowerCase()][index] as string;
      expect(await pair(cloud.url, asTyped)).toMatchObject({ shopId: shop.id });
      await expect(pair(cloud.url, asTyped)).rejects.toThrow(/^pairing failed: 403/);
    }
  });
});

describe('a workstation token', () => {
  it('is refused unless sent exactly as "Bearer <token>"', async () => {
    const station = await cloud.station();
    const { token } = station.paired;
    for (const authorization of [`bearer ${token}`, `Bearer  ${token}`, `Bearer ${token}.`, `Bearer ${token} x`, `xBearer ${token}`, `Basic ${token}`, token]) {
      const refused = await fetch(`${cloud.url}/v1/device`, { headers: { authorization } });
      expect(refused.status).toBe(401);
    }
    // A push checks the header before it opens a transaction, and answers the same.
    const push = await fetch(`${cloud.url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${token}.`, 'content-type': 'application/json' }, body: JSON.stringify({ mutations: [mutation({ collection: 'settings', recordId: 'company.general', changes: { companyName: 'De Spaak' } })] }) });
    expect(push.status).toBe(401);
    expect(await push.json()).toEqual({ error: { code: 'unauthorized', message: 'No valid device token: pair this workstation again.' } });
    expect((await station.call('GET', '/v1/device')).status).toBe(200);
    expect((await station.pull('0')).kind).toBe('changes');
  });

  it('revoked by the operator answers 401 from then on, and revoking it again says there was nothing to revoke', async () => {
    const station = await cloud.station();
    const later = workstation(cloud.url, station.paired);
    expect(await revokeDevice(db(), station.paired.shopId, station.paired.deviceId)).toBe(true);
    expect((await later.call('GET', '/v1/device')).status).toBe(401);
    expect(await revokeDevice(db(), station.paired.shopId, station.paired.deviceId)).toBe(false);
  });
});
