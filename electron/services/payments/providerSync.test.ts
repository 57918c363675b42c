import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { newPairingCode, newShop } from '../../../cloud/accounts';
import { parseServiceArgument, setProviderLink } from '../../../cloud/providers/paynl/providerLink';
import { startCloud } from '../../../cloud/start';
import { pgliteFolder } from '../../../cloud/test/harness';
import { startFaultProxy } from '../../../test/faultProxy';
import { startPayNlPeer, type PayNlPeer } from '../../../test/payNlPeer';
import { openDesktop, pairDesktop, tempFolder, type Desktop } from '../../../test/syncWorld';

/**
 * [Sync betalingsprovider] end to end: a workstation (real SQLite, real keychain) asks the real
 * cloud (PGlite, 127.0.0.1), whose Pay.nl adapter asks a stand-in Pay.nl (test/payNlPeer.ts).
 */
const anna = { by: 'Anna', userId: 'user-anna', lang: 'nl' as const };
const tokenCode = 'AT-1234-5678';
const apiToken = '0123456789abcdef0123456789abcdef01234567';
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function world(linkedToken = apiToken) {
  const payNl: PayNlPeer = await startPayNlPeer(tokenCode, apiToken);
  cleanup.push(() => payNl.stop());
  payNl.services.set('SL-1111-2222', { name: 'Webshop', methods: [{ id: 10, name: 'iDEAL' }, { id: 138, name: 'PayPal' }] });
  payNl.services.set('SL-3333-4444', { name: 'Winkel Utrecht', methods: [{ id: 1927, name: 'Pinnen', nameEn: 'Card terminal' }, { id: 10, name: 'iDEAL' }] });
  const cloudDir = await pgliteFolder();
  const cloud = await startCloud({ database: { dataDir: cloudDir }, paymentProvider: { payNlUrl: payNl.url } });
  const shop = await newShop(cloud.database.db, 'Fietsenwinkel De Spaak');
  let cloudRunning = true;
  const stopCloud = async () => {
    if (cloudRunning) await cloud.close();
    cloudRunning = false;
  };
  cleanup.push(async () => (await stopCloud(), fs.rmSync(cloudDir, { recursive: true, force: true })));
  await setProviderLink(cloud.database.db, shop.id, { provider: 'paynl', tokenCode, apiToken: linkedToken, services: [parseServiceArgument('SL-1111-2222=W1'), parseServiceArgument('SL-3333-4444=S4')] });
  const open = async (name: string) => {
    const dir = tempFolder(`backoffice-${name}-`);
    const desktop = await openDesktop(dir);
    cleanup.push(async () => {
      await desktop.sync.pairing.unpair('nl');
      await desktop.office.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    return desktop;
  };
  const a = await open('kantoor');
  for (const [name, type, prefix] of [['Webshop', 'webshop', 'W1'], ['Winkel Utrecht', 'pos', 'S4']] as const) {
    expect(a.lists.create('salesChannels', { name, type, orderNumberPrefix: prefix, ...(type === 'webshop' ? { url: 'https://despaak.nl' } : {}) }, anna).ok).toBe(true);
  }
  return { payNl, cloud, stopCloud, shop, a, open, pairingCode: async () => (await newPairingCode(cloud.database.db, shop.id)).code };
}

const itemsOf = (desktop: Desktop, collection: string) => {
  const list = desktop.lists.list(collection);
  if (!list.ok) throw new Error(list.error.message);
  return list.value;
};
const methodsOf = (desktop: Desktop) => itemsOf(desktop, 'paymentMethods').map((item) => item.values);
const channelIds = (desktop: Desktop) => Object.fromEntries(itemsOf(desktop, 'salesChannels').map((item) => [String(item.values.orderNumberPrefix), item.id]));
const sync = (desktop: Desktop) => desktop.office.services.paymentProvider.sync(anna);

describe('Sync betalingsprovider', () => {
  it('says it is not connected before pairing, and changes nothing', async () => {
    const { a } = await world();
    const answer = await sync(a);
    expect(answer).toMatchObject({ ok: false, error: { code: 'cloud_not_connected', message: expect.stringContaining('Niet verbonden met de cloud') } });
    expect(methodsOf(a)).toEqual([]);
    expect(a.office.services.paymentProvider.lastSync()).toBeNull();
  });

  it('adds new options switched off on the channels that offer them, keeps names the shop chose, marks dropped ones, and a second run changes nothing', async () => {
    const { a, cloud, shop, payNl } = await world();
    await pairDesktop(a, cloud.url, shop.code);
    expect(a.lists.create('paymentMethods', { nameNl: 'iDEAL', providerOptionId: 10, active: true }, anna).ok).toBe(true);
    const ids = channelIds(a);

    const first = await sync(a);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.summary).toMatchObject({ added: ['PayPal', 'Pinnen'], dropped: [], renamed: [] });
    expect(first.value.services.map((service) => service.serviceId)).toEqual(['SL-1111-2222', 'SL-3333-4444']);
    expect(methodsOf(a)).toEqual([
      expect.objectContaining({ nameNl: 'iDEAL', active: true, providerStatus: 'available', offeredOn: [ids.W1, ids.S4].sort() }),
      expect.objectContaining({ nameNl: 'PayPal', active: false, type: 'web', providerStatus: 'available', offeredOn: [ids.W1] }),
      expect.objectContaining({ nameNl: 'Pinnen', nameEn: 'Card terminal', providerOptionId: 1927, active: false, type: 'pos', offeredOn: [ids.S4] }),
    ]);

    const pending = a.sync.read().pending;
    const second = await sync(a);
    expect(second).toMatchObject({ ok: true, value: { summary: { added: [], dropped: [], returned: [], renamed: [], channelsChanged: [] }, refused: 0 } });
    expect(a.sync.read().pending).toBe(pending);

    // The shop renames PayPal; Pay.nl then stops offering it and renames iDEAL.
    const paypal = itemsOf(a, 'paymentMethods').find((item) => item.values.nameNl === 'PayPal');
    expect(a.lists.update('paymentMethods', paypal!.id, { nameNl: 'PayPal (ook Wero)' }, anna).ok).toBe(true);
    payNl.services.set('SL-1111-2222', { name: 'Webshop', methods: [{ id: 10, name: 'iDEAL | Wero' }] });
    const third = await sync(a);
    expect(third).toMatchObject({ ok: true, value: { summary: { dropped: ['PayPal (ook Wero)'], added: [], renamed: [{ from: 'iDEAL', to: 'iDEAL | Wero' }] } } });
    expect(methodsOf(a)).toEqual([
      expect.objectContaining({ nameNl: 'iDEAL | Wero', providerName: 'iDEAL | Wero', providerStatus: 'available', active: true }),
      expect.objectContaining({ nameNl: 'PayPal (ook Wero)', providerStatus: 'dropped' }),
      expect.objectContaining({ nameNl: 'Pinnen', providerStatus: 'available' }),
    ]);
    expect(a.office.services.paymentProvider.lastSync()).toMatchObject({ summary: { dropped: ['PayPal (ook Wero)'] } });
  });

  it("goes through the list's write path, so the other workstation gets the new methods at its next sync", async () => {
    const { a, cloud, shop, open, pairingCode } = await world();
    await pairDesktop(a, cloud.url, shop.code);
    expect((await sync(a)).ok).toBe(true);
    expect(await a.sync.syncNow()).toMatchObject({ status: 'synced', rejected: 0 });
    const b = await open('kassa');
    await pairDesktop(b, cloud.url, await pairingCode());
    await b.sync.syncNow();
    expect(methodsOf(b).map((method) => [method.nameNl, method.active, method.providerStatus])).toEqual([
      ['iDEAL', false, 'available'],
      ['PayPal', false, 'available'],
      ['Pinnen', false, 'available'],
    ]);
  });

  it("names a service Pay.nl does not know in Pay.nl's own words, in Dutch and English, and logs them", async () => {
    const shop = await world();
    shop.payNl.services.delete('SL-3333-4444');
    await pairDesktop(shop.a, shop.cloud.url, shop.shop.code);
    expect(await sync(shop.a)).toEqual({
      ok: false,
      error: {
        code: 'provider_failed',
        message: 'Pay.nl kent een van de services (SL-…) van de koppeling niet. Controleer de service-id’s in de cloud. Pay.nl meldt: „Service SL-3333-4444 not found.” Er is niets veranderd aan de betaalmethoden.',
      },
    });
    expect(await shop.a.office.services.paymentProvider.sync({ ...anna, lang: 'en' })).toMatchObject({
      error: { message: 'Pay.nl does not know one of the services (SL-…) of the link. Check the service ids in the cloud. Pay.nl says: “Service SL-3333-4444 not found.” Nothing was changed in the payment methods.' },
    });
    expect(shop.a.logger.lines.filter((line) => line.includes('payments.providerSyncFailed'))).toEqual([
      expect.stringContaining('"payNlSaid":"Service SL-3333-4444 not found."'),
      expect.stringContaining('"payNlSaid":"Service SL-3333-4444 not found."'),
    ]);
    expect(methodsOf(shop.a)).toEqual([]);
  });

  it("takes from a hostile cloud's detail one plain line of at most 200 characters, or nothing, into the message and the log", async () => {
    const shop = await world();
    // The desktop talks to the cloud through a man in the middle that answers the provider call itself.
    const hostile = await startFaultProxy(shop.cloud.url);
    cleanup.push(() => hostile.close());
    await pairDesktop(shop.a, hostile.url, shop.shop.code);
    const refusedWith = async (detail: unknown) => {
      const error = { code: 'provider_unknown_service', message: 'Pay.nl does not know service SL-3333-4444 for this token.', detail };
      hostile.setPlan((request) => (request.path === '/v1/payment-provider/options' ? { kind: 'status', status: 502, body: { error } } : null));
      const logged = shop.a.logger.lines.length;
      const answer = await sync(shop.a);
      return { message: answer.ok ? 'synced' : answer.error.message, log: shop.a.logger.lines.slice(logged).filter((line) => line.includes('payments.providerSyncFailed')) };
    };
    const known = 'Pay.nl kent een van de services (SL-…) van de koppeling niet. Controleer de service-id’s in de cloud.';
    const nothingChanged = 'Er is niets veranderd aan de betaalmethoden.';

    for (const notWords of [{ said: 'Service SL-3333-4444 not found.' }, ['Service SL-3333-4444 not found.'], 404, null, ' \n\u0007 ']) {
      const { message, log } = await refusedWith(notWords);
      expect(message).toBe(`${known} ${nothingChanged}`);
      expect(log).toHaveLength(1);
      expect(JSON.parse(log[0]!)).toEqual({ at: expect.any(String), level: 'warn', event: 'payments.providerSyncFailed', kind: 'temporary', code: 'provider_unknown_service' });
    }

    const page = await refusedWith('A'.repeat(10_240));
    expect(page.message).toBe(`${known} Pay.nl meldt: „${'A'.repeat(200)}”. ${nothingChanged}`);
    expect(page.log).toHaveLength(1);
    expect(JSON.parse(page.log[0]!)).toMatchObject({ payNlSaid: 'A'.repeat(200) });

    // A newline with a forged log line behind it, and terminal escapes: one plain line, nothing forged.
    const forged = await refusedWith('Service gone.\n{"at":"2026-11-29T14:00:00.000Z","level":"info","event":"payments.providerSynced"}\u001b[2J\u0007\r');
    const plain = 'Service gone. {"at":"2026-11-29T14:00:00.000Z","level":"info","event":"payments.providerSynced"} [2J';
    expect(forged.message).toBe(`${known} Pay.nl meldt: „${plain}”. ${nothingChanged}`);
    expect(forged.log).toHaveLength(1);
    expect(JSON.parse(forged.log[0]!)).toMatchObject({ event: 'payments.providerSyncFailed', payNlSaid: plain });
    expect(forged.log[0]).not.toMatch(/\\[nru]/);
    expect(methodsOf(shop.a)).toEqual([]);
  });

  it('offline, or when Pay.nl refuses the cloud, says so and changes nothing', async () => {
    const refusing = await world('ffffffffffffffffffffffffffffffffffffffff');
    await pairDesktop(refusing.a, refusing.cloud.url, refusing.shop.code);
    expect(await sync(refusing.a)).toMatchObject({
      ok: false,
      error: { code: 'provider_failed', message: expect.stringMatching(/^Pay\.nl weigert de API-token .* Pay\.nl meldt: „Invalid or missing credentials\.” Er is niets veranderd aan de betaalmethoden\.$/) },
    });
    expect(refusing.a.logger.lines.filter((line) => line.includes('payments.providerSyncFailed'))).toEqual([expect.stringContaining('"payNlSaid":"Invalid or missing credentials."')]);
    expect(methodsOf(refusing.a)).toEqual([]);

    await refusing.stopCloud();
    const offline = await sync(refusing.a);
    expect(offline).toMatchObject({ ok: false, error: { code: 'offline', message: expect.stringContaining('Geen verbinding met de cloud') } });
    expect(methodsOf(refusing.a)).toEqual([]);
    expect(refusing.a.office.services.paymentProvider.lastSync()).toBeNull();
  });
});
