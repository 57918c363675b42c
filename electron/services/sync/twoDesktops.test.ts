import fs from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { stopCloudPostgres } from '../../../test/cloudBackends';
import { syncBackends, useFileCloud, type FileCloud } from '../../../test/sharedCloud';
import { cloudState, openDesktop, pairDesktop, sharedState, tempFolder, type Desktop } from '../../../test/syncWorld';

/**
 * Two workstations of one shop against the real cloud (embedded PGlite and a real PostgreSQL, real
 * HTTP on 127.0.0.1), each on its own SQLite folder with its device token in the real keychain.
 * One cloud per backend for the file, a shop of its own per test.
 */
const anna = { by: 'Anna', userId: 'user-anna', lang: 'nl' as const };
const bram = { by: 'Bram', userId: 'user-bram', lang: 'nl' as const };
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});
afterAll(stopCloudPostgres);

async function world(files: FileCloud) {
  const { shop, pairingCode } = await files.newShop();
  const cloud = { url: files.url, accounts: files.accounts, shop, pairingCode };
  const desktops: Desktop[] = [];
  for (const name of ['kassa-1', 'kantoor']) {
    const dir = tempFolder(`backoffice-${name}-`);
    const desktop = await openDesktop(dir);
    cleanup.push(async () => {
      await desktop.sync.pairing.unpair('nl');
      await desktop.office.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    await pairDesktop(desktop, cloud.url, desktops.length === 0 ? shop.code : await pairingCode());
    desktops.push(desktop);
  }
  const [a, b] = desktops as [Desktop, Desktop];
  const companyName = (desktop: Desktop) => {
    const group = desktop.settings.readGroup('company.general');
    return group.ok ? group.value.values.companyName : undefined;
  };
  return { cloud, a, b, companyName };
}

describe.each(syncBackends())('two desktops and the cloud on %s', (backend) => {
  const files = useFileCloud(backend);
  it('an edit on one appears on the other, and both equal the cloud', async () => {
    const { cloud, a, b, companyName } = await world(files);
    expect(a.sync.read()).toMatchObject({ state: 'paired', cloudAccount: 'Fietsenwinkel De Spaak' });
    a.settings.writeGroup('company.general', { companyName: 'De Spaak bv' }, anna);
    expect(a.sync.read().pending).toBe(1);
    expect(await a.sync.syncNow()).toMatchObject({ status: 'synced', pushed: 1 });
    expect(a.sync.read()).toMatchObject({ pending: 0, lastError: null });
    expect(await b.sync.syncNow()).toMatchObject({ status: 'synced' });
    expect(companyName(b)).toBe('De Spaak bv');
    const truth = await cloudState(cloud.url, await cloud.pairingCode());
    expect(sharedState(a)).toEqual(truth);
    expect(sharedState(b)).toEqual(truth);

    // Unpairing tells the cloud, which revokes the token; the workstation keeps its data.
    expect(await a.sync.pairing.unpair('nl')).toEqual({ ok: true, value: null });
    expect(a.sync.read()).toMatchObject({ state: 'notPaired', cloudAccount: null });
    const devices = await cloud.accounts.listDevices(cloud.shop.id);
    expect(devices.filter((device) => device.revokedAt !== null)).toHaveLength(1);
  });

  it('a new item arrives on the other desktop whole, with the fields it holds as empty (null)', async () => {
    const { cloud, a, b } = await world(files);
    const made = a.lists.create('paymentMethods', { nameNl: 'Pinnen' }, anna);
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value.values.providerName).toBeNull();
    await a.sync.syncNow();
    await b.sync.syncNow();
    const truth = await cloudState(cloud.url, await cloud.pairingCode());
    expect(truth[`paymentMethods/${made.value.id}`]).toHaveProperty('providerName', null);
    expect(sharedState(b)).toStrictEqual(truth);
    expect(sharedState(a)).toStrictEqual(truth);
  });

  it('the same field edited on both while offline is one conflict, shown once, and choosing is a new change', async () => {
    const { a, b, companyName } = await world(files);
    a.settings.writeGroup('company.general', { companyName: 'Van Anna' }, anna);
    b.settings.writeGroup('company.general', { companyName: 'Van Bram' }, bram);
    await a.sync.syncNow();
    expect(await b.sync.syncNow()).toMatchObject({ status: 'synced', conflicts: 1 });
    await b.sync.syncNow();
    const conflicts = b.sync.conflicts.open('nl');
    expect(conflicts).toEqual([expect.objectContaining({ fieldLabel: 'Bedrijfsnaam', mine: 'Van Bram', theirs: 'Van Anna', theirBy: 'user-anna' })]);
    expect(a.sync.conflicts.open('nl')).toEqual([]);
    expect(companyName(b)).toBe('Van Anna');

    expect(b.sync.conflicts.resolve(conflicts[0]!.id, { choose: 'mine' }, bram)).toEqual({ ok: true, value: null });
    expect(await b.sync.syncNow()).toMatchObject({ status: 'synced', conflicts: 0 });
    await a.sync.syncNow();
    expect(companyName(a)).toBe('Van Bram');
    expect(a.sync.conflicts.open('nl')).toEqual([]);
  });

  it('different fields of one group edited on both are both applied', async () => {
    const { a, b } = await world(files);
    a.settings.writeGroup('company.general', { companyName: 'De Spaak bv' }, anna);
    b.settings.writeGroup('company.general', { backOfficeName: 'Spaak Utrecht' }, bram);
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    for (const desktop of [a, b]) {
      expect(desktop.settings.readGroup('company.general')).toMatchObject({ ok: true, value: { values: { companyName: 'De Spaak bv', backOfficeName: 'Spaak Utrecht' } } });
      expect(desktop.sync.conflicts.open('nl')).toEqual([]);
    }
  });

  it('an edit against a delete is a conflict; keeping the delete removes the item everywhere', async () => {
    const { a, b } = await world(files);
    const created = a.lists.create('paymentMethods', { nameNl: 'iDEAL' }, anna);
    expect(created.ok).toBe(true);
    const id = created.ok ? created.value.id : '';
    await a.sync.syncNow();
    await b.sync.syncNow();
    expect(b.lists.list('paymentMethods')).toMatchObject({ ok: true, value: [expect.objectContaining({ id })] });

    expect(a.lists.remove('paymentMethods', id, anna)).toEqual({ ok: true, value: null });
    expect(b.lists.update('paymentMethods', id, { nameEn: 'iDEAL (bank)' }, bram).ok).toBe(true);
    await a.sync.syncNow();
    expect(await b.sync.syncNow()).toMatchObject({ conflicts: 1 });
    const [conflict] = b.sync.conflicts.open('nl');
    expect(conflict).toMatchObject({ kind: 'deleted', field: '_deleted', mine: false, theirs: true });
    expect(b.sync.conflicts.resolve(conflict!.id, { choose: 'theirs' }, bram)).toEqual({ ok: true, value: null });
    await b.sync.syncNow();
    expect(b.lists.list('paymentMethods')).toMatchObject({ ok: true, value: [] });
  });

  it('two offline reorders of one list merge into one order, the same on both, without a conflict', async () => {
    const { a, b } = await world(files);
    const ids = ['iDEAL', 'Bancontact', 'PayPal', 'Contant'].map((nameNl) => {
      const created = a.lists.create('paymentMethods', { nameNl }, anna);
      return created.ok ? created.value.id : '';
    });
    await a.sync.syncNow();
    await b.sync.syncNow();
    const [ideal, bancontact, paypal, contant] = ids as [string, string, string, string];
    // Anna puts Contant first; Bram, at the same time, moves iDEAL to the end.
    expect(a.lists.reorder('paymentMethods', [contant, ideal, bancontact, paypal], anna).ok).toBe(true);
    expect(b.lists.reorder('paymentMethods', [bancontact, paypal, contant, ideal], bram).ok).toBe(true);
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    const order = (desktop: Desktop) => {
      const list = desktop.lists.list('paymentMethods');
      return list.ok ? list.value.map((item) => item.id) : [];
    };
    expect(order(a)).toEqual(order(b));
    expect(order(a)).toEqual([contant, bancontact, paypal, ideal]);
    expect([...a.sync.conflicts.open('nl'), ...b.sync.conflicts.open('nl')]).toEqual([]);
  });

  it('a revoked device goes "ontkoppeld" with a clear message and keeps its changes', async () => {
    const { cloud, a } = await world(files);
    const deviceId = a.office.store.sqlite.prepare("SELECT value FROM sync_state WHERE key = 'cloudDeviceId'").get() as { value: string };
    await cloud.accounts.revokeDevice(cloud.shop.id, deviceId.value);
    a.settings.writeGroup('company.general', { companyName: 'Na intrekken' }, anna);
    expect(await a.sync.syncNow()).toEqual({ status: 'unpaired' });
    expect(a.sync.read()).toMatchObject({ state: 'unpaired', connected: false, pending: 1, lastError: 'De cloud kent dit apparaat niet meer' });
    // Pairing again with a new code sends what waited.
    expect((await a.sync.pairing.pair({ cloudUrl: cloud.url, code: await cloud.pairingCode() }, 'nl')).ok).toBe(true);
    expect(await a.sync.syncNow()).toMatchObject({ status: 'synced', pushed: 1 });
  });

  it('pairing refuses a plain-http cloud elsewhere and a wrong code, naming the field, and stores nothing', async () => {
    const { cloud } = await world(files);
    const dir = tempFolder();
    const c = await openDesktop(dir);
    cleanup.push(async () => {
      await c.office.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    expect(await c.sync.pairing.pair({ cloudUrl: 'http://cloud.despaak.nl', code: 'ABCDEFGH' }, 'nl')).toMatchObject({ ok: false, error: { fields: [{ field: 'cloudUrl', message: expect.stringContaining('https://') }] } });
    expect(await c.sync.pairing.pair({ cloudUrl: cloud.url, code: 'FOUTECODE1' }, 'nl')).toMatchObject({ ok: false, error: { fields: [{ field: 'code', message: expect.stringContaining('Koppelcode') }] } });
    expect(c.sync.read()).toMatchObject({ state: 'notPaired', cloudAccount: null });
  });
});
