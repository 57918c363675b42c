import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cloudForShop, cloudState, openDesktop, pairDesktop, tempFolder } from '../../../test/syncWorld';

/**
 * Mutation ids carry no unique index (one page less per local write), yet the cloud answers a
 * repeated id with its first answer. So an id may be queued once only, and an answer is taken in
 * on the row that was sent, never on another row that carries the same id. Against the real cloud.
 */
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});
const anna = { by: 'Anna', userId: 'user-anna', lang: 'nl' as const };
const value = <T>(result: { ok: true; value: T } | { ok: false }) => {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
};

async function world() {
  const shop = await cloudForShop();
  cleanup.push(() => shop.close());
  const dir = tempFolder();
  const desktop = await openDesktop(dir);
  cleanup.push(async () => {
    await desktop.office.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  await pairDesktop(desktop, shop.cloud.url, shop.shop.code);
  const item = value(desktop.lists.create('paymentMethods', { nameNl: 'iDEAL', providerOptionId: 10 }, anna));
  expect(await desktop.sync.syncNow()).toMatchObject({ status: 'synced' });
  const sqlite = desktop.office.store.sqlite;
  const rows = () => sqlite.prepare('SELECT seq, mutation_id AS id, state, collection, record_id AS recordId FROM outbox ORDER BY seq').all() as { seq: number; id: string; state: string; collection: string; recordId: string }[];
  const cloud = async () => cloudState(shop.cloud.url, await shop.pairingCode());
  return { desktop, item, rows, sqlite, cloud };
}

describe('a mutation id names one change only', () => {
  it('refuses a handed-in id that a queued change already carries, in Dutch, changing nothing; the queued change still reaches the cloud', async () => {
    const { desktop, item, rows, cloud } = await world();
    value(desktop.settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna));
    const machineMade = rows()[0]!.id;
    const refused = desktop.lists.update('paymentMethods', item.id, { nameNl: 'iDEAL | Wero' }, anna, machineMade);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!refused.ok && refused.error.message).toContain('Wijzigingsnummer');
    expect(!refused.ok && refused.error.message).toContain('niets opgeslagen');
    expect(rows()).toHaveLength(1);
    expect(value(desktop.lists.list('paymentMethods'))[0]?.values.nameNl).toBe('iDEAL');

    // With a fresh id the same change is taken, and both changes arrive.
    value(desktop.lists.update('paymentMethods', item.id, { nameNl: 'iDEAL | Wero' }, anna, '01a22682-0000-7000-8000-00000000f00d'));
    expect(await desktop.sync.syncNow()).toMatchObject({ status: 'synced' });
    const state = await cloud();
    expect(state[`paymentMethods/${item.id}`]?.nameNl).toBe('iDEAL | Wero');
    expect(state['settings/company.general']?.companyName).toBe('De Spaak');
  });

  it('refuses the id of a refused change, which stays listed for a person to act on', async () => {
    const { desktop, item, rows, sqlite } = await world();
    // The cloud checks every value against the catalogue: a number where text belongs is refused.
    sqlite
      .prepare("INSERT INTO outbox (mutation_id, device_id, user_id, op, collection, record_id, changes, base_revs, catalogue_version, created_at) VALUES ('01a22682-0000-7000-8000-0000000000aa', '', 'user-anna', 'update', 'settings', 'company.general', '{\"companyName\":12345}', '{\"companyName\":0}', 4, '2026-11-28T10:00:00.000Z')")
      .run();
    await desktop.sync.syncNow();
    expect(rows()).toMatchObject([{ state: 'rejected' }]);
    const answer = desktop.lists.update('paymentMethods', item.id, { nameNl: 'Nieuw' }, anna, '01a22682-0000-7000-8000-0000000000aa');
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(rows()).toHaveLength(1);
    expect(desktop.sync.conflicts.rejected('nl')).toHaveLength(1);
  }, 30_000);

  it('takes an answer in on the row it sent: a pending row sharing a refused row’s id syncs, and the refused row stays', async () => {
    const { desktop, item, rows, sqlite, cloud } = await world();
    const insert = sqlite.prepare(
      "INSERT INTO outbox (mutation_id, device_id, user_id, op, collection, record_id, changes, base_revs, catalogue_version, created_at, state, last_error) VALUES ('01a22682-0000-7000-8000-0000000000bb', '', 'user-anna', 'update', ?, ?, ?, ?, 4, '2026-11-28T10:00:00.000Z', ?, ?)",
    );
    // Refused as unreadable, so the cloud never recorded the id (the engine's reject path).
    const reason = JSON.stringify({ code: 'too_large', message: { nl: 'Te groot.', en: 'Too large.' } });
    insert.run('settings', 'company.general', '{"companyName":"Te groot"}', '{"companyName":0}', 'rejected', reason);
    // A second row under the same id, as an outbox queued before ids were checked can hold.
    sqlite.prepare("UPDATE records SET data = json_set(data, '$.nameNl', 'Nieuw') WHERE collection = 'paymentMethods' AND id = ?").run(item.id);
    const revs = JSON.parse((sqlite.prepare("SELECT revs FROM records WHERE collection = 'paymentMethods' AND id = ?").get(item.id) as { revs: string }).revs) as Record<string, number>;
    insert.run('paymentMethods', item.id, '{"nameNl":"Nieuw"}', JSON.stringify({ nameNl: revs.nameNl ?? 0 }), 'pending', null);
    // Before, the cloud's acceptance was taken in on the refused row, which vanished without anyone acting.
    expect(await desktop.sync.syncNow()).toMatchObject({ status: 'synced' });
    expect(rows()).toMatchObject([{ state: 'rejected', collection: 'settings' }]);
    expect(desktop.sync.conflicts.rejected('nl')).toHaveLength(1);
    expect((await cloud())[`paymentMethods/${item.id}`]?.nameNl).toBe('Nieuw');
  }, 30_000);

  it('ends the push when a pending row shares the id of a change the cloud refused: both stay listed as refused', async () => {
    const { desktop, item, rows, sqlite } = await world();
    const insert = sqlite.prepare(
      "INSERT INTO outbox (mutation_id, device_id, user_id, op, collection, record_id, changes, base_revs, catalogue_version, created_at) VALUES ('01a22682-0000-7000-8000-0000000000cc', '', 'user-anna', 'update', ?, ?, ?, ?, 4, '2026-11-28T10:00:00.000Z')",
    );
    // The cloud checks every value against the catalogue: a number where text belongs is refused.
    insert.run('settings', 'company.general', '{"companyName":12345}', '{"companyName":0}');
    await desktop.sync.syncNow();
    expect(rows()).toMatchObject([{ state: 'rejected' }]);
    insert.run('paymentMethods', item.id, '{"nameNl":"Nieuw"}', '{"nameNl":0}');
    // Before, the answer was looked for on the refused row: the pending one was never taken in and the push never ended.
    const outcome = await Promise.race([desktop.sync.syncNow(), new Promise((resolve) => setTimeout(() => resolve('still pushing after 10 s'), 10_000))]);
    expect(outcome).toMatchObject({ status: 'synced' });
    // The cloud answers a repeated id with its first answer, a refusal: shown, never counted as synced.
    expect(rows()).toMatchObject([{ state: 'rejected', collection: 'settings' }, { state: 'rejected', collection: 'paymentMethods' }]);
    expect(desktop.sync.conflicts.rejected('nl')).toHaveLength(2);
  }, 30_000);
});
