import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { setSkPaymentsAccount } from '../../../cloud/providers/storekeeperPayments/skPaymentsAccount';
import { relativeAge } from '../../../domain/relativeAge';
import { inKeychainSession } from '../../../test/keychainSession';
import { startSkPaymentsPeer } from '../../../test/skPaymentsPeer';
import { cloudForShop, openDesktop, pairDesktop, tempFolder } from '../../../test/syncWorld';

/**
 * StoreKeeper Payments from a paired desktop: the real cloud (PGlite) asks the stand-in on
 * 127.0.0.1, the desktop caches the answer in SQLite and still shows it, with its age, once the
 * cloud is gone.
 */
const apiKey = 'skp_live_0123456789abcdef';
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe.runIf(inKeychainSession)('StoreKeeper Payments offline', () => {
  it('shows the cached overview with its age after the cloud is stopped, and a refresh then says why and keeps it', async () => {
    const peer = await startSkPaymentsPeer(apiKey);
    cleanup.push(() => peer.stop());
    const cloud = await cloudForShop('Fietsenwinkel De Spaak', 'PGlite', { storekeeperPayments: { baseUrl: peer.url, timeoutMs: 2_000 }, now: () => new Date('2026-11-29T09:00:00Z') });
    cleanup.push(() => cloud.close().catch(() => undefined));
    await setSkPaymentsAccount(cloud.cloud.database.db, cloud.shop.id, 'M-1234-5678', apiKey);
    const dir = tempFolder('backoffice-skp-');
    const desktop = await openDesktop(dir);
    cleanup.push(async () => {
      await desktop.sync.pairing.unpair('nl');
      await desktop.office.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const payments = desktop.office.services.storekeeperPayments;
    expect(payments.read()).toMatchObject({ snapshot: null, paired: false });
    expect(await payments.refresh('nl')).toMatchObject({ ok: false, error: { code: 'cloud_not_connected' } });

    await pairDesktop(desktop, cloud.cloud.url, cloud.shop.code);
    const fetched = await payments.refresh('nl');
    expect(fetched).toMatchObject({ ok: true, value: { fetchedAt: '2026-11-29T09:00:00.000Z', merchant: { id: 'M-1234-5678', onboardingStatus: 'ONBOARDING' } } });

    await cloud.close();
    const cached = payments.read();
    expect(cached).toMatchObject({ paired: true, snapshot: { fetchedAt: '2026-11-29T09:00:00.000Z', merchant: { bankAccount: { iban: 'NL91ABNA0417164300' } }, documents: expect.any(Array) } });
    expect(relativeAge(cached.snapshot?.fetchedAt ?? '', Date.parse('2026-11-29T12:10:00Z'), 'nl')).toBe('3 uur geleden');
    const offline = await payments.refresh('nl');
    expect(offline).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Geen verbinding met de cloud .*Het overzicht hieronder is het laatst opgehaalde\.$/) } });
    expect(payments.read().snapshot).toEqual(cached.snapshot);
    // Nothing of it is a change of the shop's: the outbox holds no StoreKeeper Payments.
    expect(desktop.office.store.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE collection = 'cache'").get()).toEqual({ n: 0 });
  }, 90_000);
});
