import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort, startCarrierPeer, type CarrierPeer } from '../../../test/carrierPeer';
import { inKeychainSession } from '../../../test/keychainSession';
import { backofficeOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import type { Session } from '../../services/access/session';
import type { CarrierEndpoints } from '../../services/carriers/carrierService';
import { loadKeytar } from '../../services/secrets/keytarBackend';
import { createMemoryLogger } from '../../services/logger';
import { createDispatch } from '../dispatch';
import { apiTable } from '../table';

const tempDir = useTempDir();
const peers: CarrierPeer[] = [];
const apps: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const peer of peers.splice(0)) await peer.stop();
});

const anna: Session = { id: 's-1', userId: 'u-1', name: 'Anna de Vries', email: 'anna@despaak.nl', role: 'administrator', lang: 'nl' };
const caller = (session: Session = anna) => ({ session, bindSession: () => undefined });
const purpose = 'settings:orders.shipping.providerApiKey';
const shopKey = 'mp-live-7d1e0c9b8a7f6e5d4c3b2a19';

async function shop(endpoints: CarrierEndpoints, provider: 'myparcel' | 'veloyd' | 'none', key: string | null) {
  const dir = tempDir();
  const app = backofficeOn(dir, { keychain: await loadKeytar(createMemoryLogger()), carriers: endpoints });
  apps.push(app);
  const dispatch = createDispatch({ table: apiTable, services: app.services, logger: app.logger });
  expect(await dispatch('settings.write', { group: 'orders.shipping', changes: { provider } }, caller())).toMatchObject({ ok: true });
  if (key === null) await app.services.secrets.clear(purpose);
  else expect(await dispatch('secrets.set', { purpose, value: key }, caller())).toMatchObject({ ok: true });
  return { app, dir, dispatch };
}

async function peer(provider: 'myparcel' | 'veloyd', key: string) {
  const started = await startCarrierPeer(provider, key);
  peers.push(started);
  return started;
}

describe.runIf(inKeychainSession)('carriers.testConnection with the key from the real keychain', () => {
  it('tells the shop MyParcel accepted the key, in Dutch and in English', async () => {
    const myParcel = await peer('myparcel', shopKey);
    const { dispatch } = await shop({ myParcelUrl: myParcel.url }, 'myparcel', shopKey);
    expect(await dispatch('carriers.testConnection', {}, caller())).toEqual({
      ok: true,
      value: { provider: 'myparcel', accepted: true, status: 200, message: 'Verbinding gelukt: MyParcel heeft de API-sleutel geaccepteerd.' },
    });
    const english = await dispatch('carriers.testConnection', {}, caller({ ...anna, lang: 'en' }));
    expect(english).toMatchObject({ ok: true, value: { message: 'Connected: MyParcel accepted the API key.' } });
    expect(myParcel.requests.map((request) => request.authorization)).toEqual([`basic ${Buffer.from(shopKey).toString('base64')}`, `basic ${Buffer.from(shopKey).toString('base64')}`]);
  });

  it('says MyParcel refused a wrong key, and the key is in no answer, log line or database file', async () => {
    const myParcel = await peer('myparcel', 'the-key-myparcel-issued');
    const { app, dir, dispatch } = await shop({ myParcelUrl: myParcel.url }, 'myparcel', shopKey);
    const answer = await dispatch('carriers.testConnection', {}, caller());
    expect(answer).toEqual({
      ok: true,
      value: {
        provider: 'myparcel',
        accepted: false,
        status: 401,
        message: 'MyParcel weigert de API-sleutel (HTTP 401). Kopieer de sleutel opnieuw uit uw account bij MyParcel en sla hem op.',
      },
    });
    await app.close();
    apps.splice(0);
    const encoded = Buffer.from(shopKey).toString('base64');
    const logged = (app.logger as ReturnType<typeof createMemoryLogger>).lines.join('');
    expect(logged).toContain('carriers.connectionTested');
    for (const text of [JSON.stringify(answer), logged]) {
      expect(text).not.toContain(shopKey);
      expect(text).not.toContain(encoded);
    }
    for (const file of fs.readdirSync(dir).filter((name) => name.startsWith('backoffice.sqlite'))) {
      const bytes = fs.readFileSync(path.join(dir, file));
      expect(bytes.includes(shopKey)).toBe(false);
      expect(bytes.includes(encoded)).toBe(false);
    }
  });

  it('names the Veloyd account, and uses the test environment when that is switched on', async () => {
    const live = await peer('veloyd', shopKey);
    const test = await peer('veloyd', shopKey);
    const { dispatch } = await shop({ veloydUrl: live.url, veloydTestUrl: test.url }, 'veloyd', shopKey);
    expect(await dispatch('carriers.testConnection', {}, caller())).toMatchObject({
      ok: true,
      value: { accepted: true, message: 'Verbinding gelukt: MSG / Veloyd heeft de API-sleutel geaccepteerd voor account „Fietsenwinkel De Spaak”.' },
    });
    expect(await dispatch('settings.write', { group: 'orders.shipping', changes: { veloydTestMode: true } }, caller())).toMatchObject({ ok: true });
    await dispatch('carriers.testConnection', {}, caller());
    expect([live.requests.length, test.requests.length]).toEqual([1, 1]);
    expect(test.requests[0]?.authorization).toBe(`Apikey ${shopKey}`);
  });

  it('says the provider cannot be reached, or did not answer in time, in words', async () => {
    const { dispatch } = await shop({ myParcelUrl: await closedPort() }, 'myparcel', shopKey);
    const down = await dispatch('carriers.testConnection', {}, caller());
    expect(down).toMatchObject({
      ok: true,
      value: { accepted: false, status: null, message: expect.stringMatching(/^MyParcel is niet bereikbaar \(127\.0\.0\.1:\d+\)\. Controleer de internetverbinding en probeer het later opnieuw\.$/) },
    });

    const silent = await peer('veloyd', shopKey);
    silent.behave('slow');
    const slow = await shop({ veloydUrl: silent.url, timeoutMs: 2_000 }, 'veloyd', shopKey);
    expect(await slow.dispatch('carriers.testConnection', {}, caller({ ...anna, lang: 'en' }))).toEqual({
      ok: true,
      value: { provider: 'veloyd', accepted: false, status: null, message: 'MSG / Veloyd did not answer within 2 seconds. Try again later.' },
    });
  });

  it('asks for a provider and a key first, naming the fields, and asks no provider anything', async () => {
    const myParcel = await peer('myparcel', shopKey);
    const none = await shop({ myParcelUrl: myParcel.url }, 'none', null);
    expect(await none.dispatch('carriers.testConnection', {}, caller())).toEqual({
      ok: false,
      error: { code: 'not_configured', message: 'Kies eerst een standaard verzendprovider en sla die op.' },
    });
    const noKey = await shop({ myParcelUrl: myParcel.url }, 'myparcel', null);
    expect(await noKey.dispatch('carriers.testConnection', {}, caller())).toEqual({
      ok: false,
      error: { code: 'not_configured', message: 'API-sleutel verzendprovider is nog niet ingesteld.' },
    });
    expect(myParcel.requests).toEqual([]);
  });

  it('is refused to a role that may only view the order settings', async () => {
    const myParcel = await peer('myparcel', shopKey);
    const { dispatch } = await shop({ myParcelUrl: myParcel.url }, 'myparcel', shopKey);
    const viewer: Session = { ...anna, id: 's-2', userId: 'u-2', role: 'webshopManager' };
    expect(await dispatch('carriers.testConnection', {}, caller(viewer))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(myParcel.requests).toEqual([]);
  });
});
