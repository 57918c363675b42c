import { describe, expect, it } from 'vitest';
import { newPairingCode, newShop } from './accounts';
import { pair, useFileCloud, workstation, type Workstation } from './test/harness';

/**
 * Pairing a shop's workstations and cutting one off, as the shop's staff and an attacker with a
 * stolen or guessed token meet it. The cloud's clock is set per test where the time matters.
 */
let clock: Date | null = null;
const cloud = useFileCloud({ now: () => clock ?? new Date() });

const post = (route: string, body: unknown) => fetch(`${cloud.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

async function shopWithTwo(): Promise<[Workstation, Workstation]> {
  const shop = await newShop(cloud.database.db, 'Fietsenwinkel De Spaak');
  const first = workstation(cloud.url, await pair(cloud.url, shop.code, 'Kassa 1'));
  const second = workstation(cloud.url, await pair(cloud.url, (await newPairingCode(cloud.database.db, shop.id)).code, 'Kassa 2'));
  return [first, second];
}

describe('pairing a workstation', () => {
  it('with a field missing or too short is 400 naming the field, and leaves the code unspent', async () => {
    const shop = await newShop(cloud.database.db, 'Fietsenwinkel De Spaak');
    const noName = await post('/v1/pair', { code: shop.code });
    expect(noName.status).toBe(400);
    expect(await errorOf(noName)).toEqual({ code: 'invalid_request', message: 'deviceName: Invalid input: expected string, received undefined' });
    const shortCode = await post('/v1/pair', { code: 'ABC', deviceName: 'Kassa 1' });
    expect(await errorOf(shortCode)).toEqual({ code: 'invalid_request', message: 'code: Too small: expected string to have >=6 characters' });
    const notAnObject = await post('/v1/pair', ['Kassa 1']);
    expect(notAnObject.status).toBe(400);
    expect((await errorOf(notAnObject)).message).toMatch(/^request: /);
    expect(await pair(cloud.url, shop.code)).toMatchObject({ shopId: shop.id, shopName: 'Fietsenwinkel De Spaak' });
  });

  it('with an unknown code is 403, telling to ask for a new one', async () => {
    const refused = await post('/v1/pair', { code: 'ABCD-EFGH-JKMN', deviceName: 'Kassa 1' });
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toEqual({ code: 'pairing_code_invalid', message: 'This pairing code is unknown, already used or expired. Ask for a new one.' });
  });

  it("goes by the cloud's clock: a code made now has expired for a cloud whose clock says tomorrow evening", async () => {
    const shop = await newShop(cloud.database.db, 'Fietsenwinkel De Spaak');
    clock = new Date(Date.now() + 30 * 3600_000);
    try {
      expect((await post('/v1/pair', { code: shop.code, deviceName: 'Kassa 1' })).status).toBe(403);
    } finally {
      clock = null;
    }
    expect((await post('/v1/pair', { code: shop.code, deviceName: 'Kassa 1' })).status).toBe(200);
  });
});

describe("a shop's devices", () => {
  it('are listed to each of its workstations by name, and only its own', async () => {
    const [first, second] = await shopWithTwo();
    await cloud.station('Bakkerij Het Korenschoofje');
    const listed = await first.call('GET', '/v1/devices');
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({
      devices: [
        { deviceId: first.paired.deviceId, deviceName: 'Kassa 1', pairedAt: expect.any(String), revokedAt: null },
        { deviceId: second.paired.deviceId, deviceName: 'Kassa 2', pairedAt: expect.any(String), revokedAt: null },
      ],
    });
  });

  it('a stolen workstation is cut off from another one, at the time on the cloud, and the others keep working', async () => {
    const [first, second] = await shopWithTwo();
    clock = new Date('2026-11-29T09:15:00.000Z');
    try {
      expect((await first.call('POST', `/v1/devices/${second.paired.deviceId}/revoke`)).status).toBe(204);
    } finally {
      clock = null;
    }
    expect((await second.call('GET', '/v1/device')).status).toBe(401);
    expect((await first.call('GET', '/v1/device')).status).toBe(200);
    const { devices } = (await (await first.call('GET', '/v1/devices')).json()) as { devices: { deviceId: string; revokedAt: string | null }[] };
    expect(devices.find((device) => device.deviceId === second.paired.deviceId)?.revokedAt).toBe('2026-11-29T09:15:00.000Z');
    expect(devices.find((device) => device.deviceId === first.paired.deviceId)?.revokedAt).toBeNull();
    // Revoking it again finds no paired device left to cut off.
    const again = await first.call('POST', `/v1/devices/${second.paired.deviceId}/revoke`);
    expect(again.status).toBe(404);
    expect(await errorOf(again)).toEqual({ code: 'unknown_device', message: 'This shop has no such paired device.' });
  });

  it("of another shop cannot be revoked: 404, and that workstation keeps working", async () => {
    const [attacker] = await shopWithTwo();
    const victim = await cloud.station('Bakkerij Het Korenschoofje');
    const refused = await attacker.call('POST', `/v1/devices/${victim.paired.deviceId}/revoke`);
    expect(refused.status).toBe(404);
    expect((await victim.call('GET', '/v1/device')).status).toBe(200);
    const noId = await attacker.call('POST', '/v1/devices//revoke');
    expect(noId.status).toBe(400);
    expect((await errorOf(noId)).message).toMatch(/^deviceId: /);
  });

  it('a workstation that unpairs itself gives up only its own token', async () => {
    const [first, second] = await shopWithTwo();
    const unpaired = await first.call('DELETE', '/v1/device');
    expect(unpaired.status).toBe(204);
    expect((await first.call('GET', '/v1/device')).status).toBe(401);
    expect(await (await second.call('GET', '/v1/device')).json()).toEqual({ shopId: second.paired.shopId, shopName: 'Fietsenwinkel De Spaak', deviceId: second.paired.deviceId, deviceName: 'Kassa 2' });
  });

  it('with an unknown token can neither be listed nor revoked nor unpaired: 401 each time', async () => {
    const [first] = await shopWithTwo();
    const stranger = workstation(cloud.url, { ...first.paired, token: 'x'.repeat(43) });
    for (const [method, route] of [['GET', '/v1/devices'], ['POST', `/v1/devices/${first.paired.deviceId}/revoke`], ['DELETE', '/v1/device']] as const) {
      const refused = await stranger.call(method, route);
      expect(refused.status).toBe(401);
      expect(await errorOf(refused)).toEqual({ code: 'unauthorized', message: 'No valid device token: pair this workstation again.' });
    }
    expect((await first.call('GET', '/v1/device')).status).toBe(200);
  });
});
