import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { catalogueVersion } from '../domain/settings/catalogue';
import type { PushOutcome } from '../domain/sync/protocol';
import { newPairingCode, newShop } from './accounts';
import { mutation, pair, pullAll, useFileCloud, workstation, type Workstation } from './test/harness';

/**
 * Push decisions a shop runs into with two workstations and a list: a change sent twice in one
 * batch, a payment method brought back after it was deleted, and a delete that would throw away
 * a field someone set after the deleting workstation last looked.
 */
const cloud = useFileCloud();

async function twoStations(): Promise<[Workstation, Workstation]> {
  const shop = await newShop(cloud.database.db, 'Fietsenwinkel De Spaak');
  const anna = workstation(cloud.url, await pair(cloud.url, shop.code));
  return [anna, workstation(cloud.url, await pair(cloud.url, (await newPairingCode(cloud.database.db, shop.id)).code, 'Kassa 2'))];
}

const accepted = (outcome: PushOutcome | undefined) => {
  if (outcome?.status !== 'accepted') throw new Error(`expected accepted, got ${JSON.stringify(outcome)}`);
  return outcome;
};
const method = async (station: Workstation, id: string) => (await pullAll(station)).records.find((record) => record.recordId === id);

describe('a push', () => {
  it('carrying the same new change twice applies it once and answers both with that answer', async () => {
    const [anna] = await twoStations();
    const item = mutation({ op: 'create', collection: 'paymentMethods', recordId: randomUUID(), changes: { nameNl: 'Pin', type: 'pos' } });
    const reply = await anna.push([item, item]);
    expect(reply.results[1]).toEqual(reply.results[0]);
    const { records } = await pullAll(anna);
    expect(records).toHaveLength(1);
    expect(records[0]?.seq).toBe(Math.max(...Object.values(records[0]?.revs ?? {})));
  });

  it('creating a deleted payment method again brings it back with only the values of that create', async () => {
    const [anna] = await twoStations();
    const id = randomUUID();
    accepted((await anna.push([mutation({ op: 'create', collection: 'paymentMethods', recordId: id, changes: { nameNl: 'Cadeaubon', type: 'giftcard', active: false } })])).results[0]);
    const seen = await method(anna, id);
    expect(accepted((await anna.push([mutation({ op: 'delete', collection: 'paymentMethods', recordId: id, baseRevs: seen?.revs })])).results[0])).toMatchObject({ deleted: true });
    const deleted = await method(anna, id);

    const back = accepted((await anna.push([mutation({ op: 'create', collection: 'paymentMethods', recordId: id, userId: 'user-bram', changes: { nameNl: 'Cadeaukaart', type: 'giftcard' }, createdAt: '2026-11-29T11:00:00.000Z' })])).results[0]);
    expect(back.fields).toEqual({ nameNl: { status: 'applied', rev: expect.any(Number) }, type: { status: 'applied', rev: expect.any(Number) } });
    const revived = await method(anna, id);
    expect(revived).toMatchObject({ deleted: false, data: { nameNl: 'Cadeaukaart', type: 'giftcard' }, updatedBy: 'user-bram' });
    expect(revived?.data).not.toHaveProperty('active');
    expect(revived?.seq).toBeGreaterThan(deleted?.seq ?? Infinity);
  });

  it('deleting keeps the record when someone set a field after the deleting workstation last looked, also a field it never saw', async () => {
    const [anna, bram] = await twoStations();
    const id = randomUUID();
    accepted((await anna.push([mutation({ op: 'create', collection: 'paymentMethods', recordId: id, changes: { nameNl: 'Contant', type: 'pos' } })])).results[0]);
    const bramSaw = await method(bram, id);
    const later = accepted((await anna.push([mutation({ collection: 'paymentMethods', recordId: id, changes: { active: false }, baseRevs: bramSaw?.revs })])).results[0]);
    expect(later.fields.active).toMatchObject({ status: 'applied' });

    const refused = accepted((await bram.push([mutation({ op: 'delete', collection: 'paymentMethods', recordId: id, userId: 'user-bram', baseRevs: bramSaw?.revs })])).results[0]);
    expect(refused).toMatchObject({ deleted: false, fields: { active: { status: 'conflict', theirs: false, theirBy: 'user-anna' } } });
    expect(Object.keys(refused.fields)).toEqual(['active']);
    expect(await method(bram, id)).toMatchObject({ deleted: false, data: { nameNl: 'Contant', type: 'pos', active: false } });
  });
});

describe('the sync routes', () => {
  it('ask a push from a newer version of the app to wait until the cloud is updated, saying so', async () => {
    const [anna] = await twoStations();
    const newer = await anna.call('POST', '/v1/push', { mutations: [mutation({ collection: 'settings', recordId: 'company.general', changes: { companyName: 'De Spaak' }, catalogueVersion: catalogueVersion + 1 })] });
    expect(newer.status).toBe(503);
    expect(await newer.json()).toEqual({ error: { code: 'catalogue_newer', message: `These changes use catalogue version ${catalogueVersion + 1}; this cloud knows up to ${catalogueVersion}. It will accept them once it is updated.` } });
  });

  it('pull from the beginning when no cursor is given, and refuse a page size of 0, naming it', async () => {
    const [anna] = await twoStations();
    accepted((await anna.push([mutation({ collection: 'settings', recordId: 'company.general', changes: { companyName: 'De Spaak' } })])).results[0]);
    const page = (await (await anna.call('GET', '/v1/pull')).json()) as { records: unknown[] };
    expect(page.records).toHaveLength(1);
    const empty = await anna.call('GET', '/v1/pull?after=0&limit=0');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toMatch(/^limit: /);
    const noCursor = await anna.call('GET', '/v1/pull?after=');
    expect(noCursor.status).toBe(400);
    expect(((await noCursor.json()) as { error: { message: string } }).error.message).toMatch(/^after: /);
  });

  it('ask a batch to wait when any one change in it comes from a newer version, keeping the rest of it too', async () => {
    const [anna] = await twoStations();
    const mixed = await anna.call('POST', '/v1/push', {
      mutations: [
        mutation({ collection: 'settings', recordId: 'company.general', changes: { companyName: 'De Spaak' } }),
        mutation({ collection: 'settings', recordId: 'company.contact', changes: { city: 'Utrecht' }, catalogueVersion: catalogueVersion + 1 }),
      ],
    });
    expect(mixed.status).toBe(503);
    expect((await pullAll(anna)).records).toEqual([]);
  });
});
