import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema, type PushOutcome } from '../domain/sync/protocol';
import { newPairingCode, newShop, sha256 } from './accounts';
import { devices } from './db/schema';
import { startCloud, type RunningCloud } from './start';
import { mutation, pair, pgliteFolder, postgresDatabase, pullAll, sharedPostgresUrl, workstation, type Workstation } from './test/harness';

/**
 * The wire contract, end to end over real HTTP on 127.0.0.1, against both databases the cloud
 * runs on. Each test makes its own shop in one cloud per database: shops never see each other.
 */
const backends: Record<string, () => Promise<{ cloud: RunningCloud; stop(): Promise<void> }>> = {
  PGlite: async () => {
    const dir = await pgliteFolder();
    const cloud = await startCloud({ database: { dataDir: dir } });
    return { cloud, stop: async () => (await cloud.close(), fs.rmSync(dir, { recursive: true, force: true })) };
  },
  PostgreSQL: async () => {
    const storage = await postgresDatabase('protocol');
    const cloud = await startCloud({ database: storage.choice });
    return { cloud, stop: async () => (await cloud.close(), await storage.remove()) };
  },
};
/**
 * The mutation run (one shared PostgreSQL) runs the contract on PostgreSQL only: the cloud code
 * under test is the same on both, and opening PGlite again for every mutant costs seconds.
 */
const backendNames = sharedPostgresUrl() ? ['PostgreSQL'] : Object.keys(backends);

const accepted = (outcome: PushOutcome | undefined) => {
  if (outcome?.status !== 'accepted') throw new Error(`expected accepted, got ${JSON.stringify(outcome)}`);
  return outcome;
};

describe.each(backendNames)('the cloud on %s', (backend) => {
  let cloud: RunningCloud;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ cloud, stop } = await (backends[backend] as () => Promise<{ cloud: RunningCloud; stop(): Promise<void> }>)());
  }, 120_000);
  afterAll(async () => stop?.());

  async function newStation(name = 'Fietsenwinkel De Spaak'): Promise<Workstation & { shopId: string; code: () => Promise<string> }> {
    const shop = await newShop(cloud.database.db, name);
    const station = workstation(cloud.url, await pair(cloud.url, shop.code));
    return { ...station, shopId: shop.id, code: async () => (await newPairingCode(cloud.database.db, shop.id)).code };
  }

  it('pairs a workstation once per code, keeps only the token hash, and answers 401 without a valid token', async () => {
    const shop = await newShop(cloud.database.db, 'Fietsenwinkel De Spaak');
    const paired = await pair(cloud.url, shop.code.toLowerCase().replace(/-/g, ' '), 'Kassa 1');
    expect(paired).toMatchObject({ shopId: shop.id, shopName: 'Fietsenwinkel De Spaak' });
    expect(paired.token.length).toBeGreaterThanOrEqual(43);
    const again = await fetch(`${cloud.url}/v1/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: shop.code, deviceName: 'Kassa 2' }) });
    expect(again.status).toBe(403);

    const [stored] = await cloud.database.db.select().from(devices).where(eq(devices.id, paired.deviceId));
    expect(stored?.tokenHash).toBe(sha256(paired.token));
    expect(JSON.stringify(stored)).not.toContain(paired.token);

    const expired = await newPairingCode(cloud.database.db, shop.id, new Date(Date.now() - 25 * 3600_000));
    await expect(pair(cloud.url, expired.code)).rejects.toThrow(/403/);

    const station = workstation(cloud.url, paired);
    expect(await (await station.call('GET', '/v1/device')).json()).toEqual({ shopId: shop.id, shopName: 'Fietsenwinkel De Spaak', deviceId: paired.deviceId, deviceName: 'Kassa 1' });
    for (const route of ['/v1/device', '/v1/pull', '/v1/devices', `/v1/blobs/${'a'.repeat(64)}`]) {
      expect((await fetch(`${cloud.url}${route}`)).status).toBe(401);
      expect((await fetch(`${cloud.url}${route}`, { headers: { authorization: `Bearer ${'x'.repeat(43)}` } })).status).toBe(401);
    }
    expect((await fetch(`${cloud.url}/v1/push`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mutations: [mutation({ collection: 'settings', recordId: 'company.general' })] }) })).status).toBe(401);
  });

  it('revokes a lost workstation from another one, and a workstation can unpair itself', async () => {
    const first = await newStation();
    const second = workstation(cloud.url, await pair(cloud.url, await first.code(), 'Kassa 2'));
    expect((await first.call('POST', `/v1/devices/${second.paired.deviceId}/revoke`)).status).toBe(204);
    expect((await second.call('GET', '/v1/device')).status).toBe(401);
    expect((await second.pull('0').catch((error: Error) => error.message))).toMatch(/^401/);
    const listed = (await (await first.call('GET', '/v1/devices')).json()) as { devices: { deviceId: string; revokedAt: string | null }[] };
    expect(listed.devices.find((device) => device.deviceId === second.paired.deviceId)?.revokedAt).not.toBeNull();
    expect((await first.call('DELETE', '/v1/device')).status).toBe(204);
    expect((await first.call('GET', '/v1/device')).status).toBe(401);
  });

  it('applies a field whose base revision matches, answers unchanged for an equal value, and reports a conflict while the other fields apply', async () => {
    const anna = await newStation();
    const bram = workstation(cloud.url, await pair(cloud.url, await anna.code(), 'Kassa 2'));
    const group = { collection: 'settings', recordId: 'company.contact' };
    const first = accepted((await anna.push([mutation({ ...group, changes: { email: 'info@despaak.nl', phone: '030 123 4567' } })])).results[0]);
    expect(first.fields.email).toMatchObject({ status: 'applied' });
    const emailRev = first.fields.email?.status === 'applied' ? first.fields.email.rev : 0;

    // Bram edited offline from the never-synced state: same phone (unchanged), other e-mail (conflict), new invoice address (applied).
    const reply = pushResponseSchema.parse(await bram.push([mutation({ ...group, userId: 'user-bram', changes: { email: 'winkel@despaak.nl', phone: '030 123 4567', city: 'Utrecht' } })]));
    const outcome = accepted(reply.results[0]);
    expect(outcome.fields.phone).toEqual({ status: 'unchanged', rev: expect.any(Number) });
    expect(outcome.fields.email).toEqual({ status: 'conflict', theirs: 'info@despaak.nl', theirRev: emailRev, theirBy: 'user-anna', theirAt: expect.any(String) });
    expect(outcome.fields.city).toMatchObject({ status: 'applied' });

    // Bram's city change made him the record's last editor; the e-mail still names Anna, and when.
    const again = accepted((await bram.push([mutation({ ...group, userId: 'user-bram', changes: { email: 'kassa@despaak.nl' } })])).results[0]);
    expect(again.fields.email).toEqual(outcome.fields.email);

    const { records } = await pullAll(bram);
    expect(records).toHaveLength(1);
    // The cloud keeps values as the catalogue normalises them.
    expect(records[0]?.data).toMatchObject({ email: 'info@despaak.nl', phone: '+31 30 123 4567', city: 'Utrecht' });
    expect(records[0]?.revs.email).toBe(emailRev);

    // Resolving the conflict is a new mutation based on the cloud's revision: it applies.
    const resolved = accepted((await bram.push([mutation({ ...group, userId: 'user-bram', changes: { email: 'winkel@despaak.nl' }, baseRevs: { email: emailRev } })])).results[0]);
    expect(resolved.fields.email).toMatchObject({ status: 'applied' });
  });

  it('answers a repeated mutation id with the first answer, without a second change', async () => {
    const station = await newStation();
    const item = mutation({ op: 'create', collection: 'paymentMethods', recordId: randomUUID(), changes: { nameNl: 'Pin', type: 'pos' } });
    const first = await station.push([item]);
    const again = await station.push([item, item]);
    expect(again.results).toEqual([first.results[0], first.results[0]]);
    const { records } = await pullAll(station);
    expect(records.map((record) => record.seq)).toEqual([Math.max(...Object.values(records[0]?.revs ?? {}))]);
    // The stored answer stays the answer even after the record moved on.
    accepted((await station.push([mutation({ collection: 'paymentMethods', recordId: item.recordId, changes: { nameNl: 'Pinnen' }, baseRevs: records[0]?.revs })])).results[0]);
    expect((await station.push([item])).results).toEqual(first.results);
  });

  it('refuses a value the catalogue refuses, for good, naming the field in Dutch and English, while the rest of the batch applies', async () => {
    const station = await newStation();
    const bad = mutation({ collection: 'settings', recordId: 'company.contact', changes: { email: 'geen-adres' } });
    const good = mutation({ collection: 'settings', recordId: 'company.general', changes: { companyName: 'De Spaak' } });
    const reply = await station.push([bad, good]);
    expect(reply.results[0]).toEqual({
      mutationId: bad.mutationId,
      status: 'rejected',
      reason: { code: expect.any(String), field: 'email', message: { nl: expect.stringContaining('E-mailadres'), en: expect.stringContaining('E-mail address') } },
    });
    expect(reply.results[1]?.status).toBe('accepted');
    expect((await station.push([bad])).results[0]).toEqual(reply.results[0]);

    const unknown = await station.push([
      mutation({ collection: 'kassabonnen', recordId: 'x', changes: { a: 1 } }),
      mutation({ collection: 'settings', recordId: 'company.contact', changes: { secretSauce: 1 } }),
      mutation({ op: 'delete', collection: 'settings', recordId: 'company.contact' }),
    ]);
    expect(unknown.results.map((result) => (result.status === 'rejected' ? result.reason.code : result.status))).toEqual(['unknown_collection', 'unknown_field', 'sync.deleteSettings']);
    const { records } = await pullAll(station);
    expect(records.map((record) => record.recordId)).toEqual(['company.general']);
  });

  it('takes only scrypt hashes for sign-in credentials, and lets the later of two changes made at the same time win instead of a conflict', async () => {
    const anna = await newStation();
    const bram = workstation(cloud.url, await pair(cloud.url, await anna.code(), 'Kassa 2'));
    const user = { collection: 'credentials', recordId: randomUUID() };
    const hash = (key: string) => `scrypt$16384$8$5$2yfRzBzj1H8qEcQ1cskSOg==$${key.padEnd(43, 'A')}=`;
    const first = accepted((await anna.push([mutation({ ...user, op: 'create', changes: { password: hash('anna') } })])).results[0]);
    // Bram never saw Anna's hash (base 0), and both were made at 10:00: the cloud's order breaks the tie, no conflict for a person.
    const second = accepted((await bram.push([mutation({ ...user, op: 'create', userId: 'user-bram', changes: { password: hash('bram') } })])).results[0]);
    expect(second.fields.password).toEqual({ status: 'applied', rev: expect.any(Number) });
    expect(second.fields.password?.status === 'applied' && first.fields.password?.status === 'applied' && second.fields.password.rev > first.fields.password.rev).toBe(true);
    const refused = await anna.push([mutation({ ...user, changes: { password: 'zadelpennen en spaaknippels' } }), mutation({ ...user, op: 'delete' })]);
    expect(refused.results.map((result) => (result.status === 'rejected' ? result.reason.code : result.status))).toEqual(['credential.notHash', 'sync.deleteCredentials']);
    expect(JSON.stringify(refused)).not.toContain('zadelpennen');
    const { records } = await pullAll(anna);
    expect(records).toEqual([expect.objectContaining({ ...user, data: { password: hash('bram') }, deleted: false })]);
  });

  it('for a PIN changed offline, the change made later wins, not the push that arrives last; the losing workstation is told the hash to take', async () => {
    const manager = await newStation();
    const till = workstation(cloud.url, await pair(cloud.url, await manager.code(), 'Kassa 2'));
    const kees = { collection: 'credentials', recordId: randomUUID() };
    const hash = (key: string) => `scrypt$16384$8$5$2yfRzBzj1H8qEcQ1cskSOg==$${key.padEnd(43, 'A')}=`;
    accepted((await manager.push([mutation({ ...kees, op: 'create', changes: { pin: hash('first'), password: hash('first') }, createdAt: '2026-11-29T08:00:00.000Z' })])).results[0]);
    const seen = (await pullAll(till)).records.find((record) => record.recordId === kees.recordId);
    // 09:00: Kees changes his PIN on the till, which is offline. 10:00: the manager resets it at the office.
    const reset = accepted((await manager.push([mutation({ ...kees, changes: { pin: hash('reset') }, baseRevs: seen?.revs, createdAt: '2026-11-29T10:00:00.000Z' })])).results[0]);
    expect(reset.fields.pin?.status).toBe('applied');
    // 11:00: the till reconnects. Its change was made before the reset, so the reset stands.
    const stale = accepted((await till.push([mutation({ ...kees, userId: 'user-kees', changes: { pin: hash('offline'), password: hash('kees') }, baseRevs: seen?.revs, createdAt: '2026-11-29T09:00:00.000Z' })])).results[0]);
    expect(stale.fields.pin).toEqual({ status: 'conflict', theirs: hash('reset'), theirRev: reset.fields.pin?.status === 'applied' ? reset.fields.pin.rev : -1, theirBy: 'user-anna', theirAt: expect.any(String) });
    // Nobody changed the password since the till saw it: that field of the same change applies.
    expect(stale.fields.password?.status).toBe('applied');
    // A change made after the reset wins, even from a workstation that has not seen the reset.
    const later = accepted((await till.push([mutation({ ...kees, userId: 'user-kees', changes: { pin: hash('after') }, baseRevs: seen?.revs, createdAt: '2026-11-29T10:00:01.000Z' })])).results[0]);
    expect(later.fields.pin?.status).toBe('applied');
    const { records } = await pullAll(manager);
    expect(records.find((record) => record.recordId === kees.recordId)?.data).toEqual({ pin: hash('after'), password: hash('kees') });
  });

  it('treats a create of an existing id as field-by-field against it, and refuses an update of a list item the cloud never had', async () => {
    const anna = await newStation();
    const id = randomUUID();
    accepted((await anna.push([mutation({ op: 'create', collection: 'paymentMethods', recordId: id, changes: { nameNl: 'Contant', type: 'web' } })])).results[0]);
    const twin = accepted((await anna.push([mutation({ op: 'create', collection: 'paymentMethods', recordId: id, changes: { nameNl: 'Contant', type: 'pos' } })])).results[0]);
    expect(twin.fields.nameNl?.status).toBe('unchanged');
    expect(twin.fields.type).toMatchObject({ status: 'conflict', theirs: 'web' });

    const missing = await anna.push([mutation({ collection: 'paymentMethods', recordId: randomUUID(), changes: { nameNl: 'Bon' } })]);
    expect(missing.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'unknown_record', message: { nl: expect.stringContaining('Betaalmethode'), en: expect.any(String) } } });
  });

  it('deletes only what the deleting workstation had seen: a newer edit makes it a conflict, an edit of a deleted record too', async () => {
    const anna = await newStation();
    const bram = workstation(cloud.url, await pair(cloud.url, await anna.code(), 'Kassa 2'));
    const id = randomUUID();
    accepted((await anna.push([mutation({ op: 'create', collection: 'paymentMethods', recordId: id, changes: { nameNl: 'Cadeaubon', type: 'giftcard' } })])).results[0]);
    const seen = (await pullAll(bram)).records[0];
    const edit = accepted((await anna.push([mutation({ collection: 'paymentMethods', recordId: id, changes: { nameNl: 'Cadeaukaart' }, baseRevs: seen?.revs })])).results[0]);
    expect(edit.fields.nameNl?.status).toBe('applied');

    const staleDelete = accepted((await bram.push([mutation({ op: 'delete', collection: 'paymentMethods', recordId: id, baseRevs: seen?.revs })])).results[0]);
    expect(staleDelete).toMatchObject({ deleted: false, fields: { nameNl: { status: 'conflict', theirs: 'Cadeaukaart' } } });

    const fresh = (await pullAll(bram)).records.find((record) => record.recordId === id);
    expect(accepted((await bram.push([mutation({ op: 'delete', collection: 'paymentMethods', recordId: id, baseRevs: fresh?.revs })])).results[0])).toMatchObject({ deleted: true, fields: {} });
    const tombstone = (await pullAll(anna)).records.find((record) => record.recordId === id);
    expect(tombstone).toMatchObject({ deleted: true });

    const editOfDeleted = accepted((await anna.push([mutation({ collection: 'paymentMethods', recordId: id, changes: { active: false }, baseRevs: fresh?.revs })])).results[0]);
    expect(editOfDeleted).toMatchObject({ deleted: true, fields: { active: { status: 'conflict', theirs: null, theirBy: 'user-anna' } } });
    expect(accepted((await bram.push([mutation({ op: 'delete', collection: 'paymentMethods', recordId: id })])).results[0])).toMatchObject({ deleted: true });
  });

  it('pulls in counter order, page by page, only its own shop, and says "start over" to a cursor it cannot continue', async () => {
    const station = await newStation();
    const other = await newStation('Bakkerij Het Korenschoof');
    await other.push([mutation({ collection: 'settings', recordId: 'company.general', changes: { companyName: 'Het Korenschoof' } })]);
    const ids = Array.from({ length: 25 }, () => randomUUID());
    await station.push(ids.map((recordId, index) => mutation({ op: 'create', collection: 'paymentMethods', recordId, changes: { nameNl: `Methode ${index}`, type: 'pos' } })));

    const first = pullResponseSchema.parse(await station.pull('0', 10));
    if (first.kind !== 'changes') throw new Error('expected changes');
    expect(first.records).toHaveLength(10);
    expect(first.more).toBe(true);
    const { records } = await pullAll(station, '0', 10);
    expect(records.map((record) => record.recordId)).toEqual(ids);
    const seqs = records.map((record) => record.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const end = await pullAll(station, first.cursor, 10);
    expect(end.records.map((record) => record.recordId)).toEqual(ids.slice(10));
    expect((await station.pull(end.cursor)).kind === 'changes' && (await station.pull(end.cursor))).toMatchObject({ records: [], more: false, cursor: end.cursor });

    const elsewhere = await pullAll(other);
    expect(elsewhere.records.map((record) => record.recordId)).toEqual(['company.general']);
    expect(await station.pull(elsewhere.cursor)).toEqual({ kind: 'startOver' });
    expect(await station.pull(end.cursor.replace(/^\d+/, '999999'))).toEqual({ kind: 'startOver' });
    expect(await station.pull('kapot')).toEqual({ kind: 'startOver' });
    expect((await station.call('GET', '/v1/pull?after=0&limit=100000')).status).toBe(400);
  });

  it('keeps attachments by sha-256: checks the hash, answers HEAD and GET, refuses too large, and only for its own shop', async () => {
    const station = await newStation();
    const other = await newStation('Bakkerij Het Korenschoof');
    const bytes = Buffer.from('%PDF-1.4 algemene voorwaarden De Spaak');
    const hash = sha256Of(bytes);
    const put = (body: Buffer, as = hash) =>
      fetch(`${cloud.url}/v1/blobs/${as}`, { method: 'PUT', headers: { authorization: `Bearer ${station.paired.token}`, 'content-type': 'application/octet-stream' }, body });
    expect((await station.call('HEAD', `/v1/blobs/${hash}`)).status).toBe(404);
    expect((await put(Buffer.from('iets anders'))).status).toBe(400);
    expect((await put(bytes)).status).toBe(201);
    expect((await put(bytes)).status).toBe(200);
    expect((await station.call('HEAD', `/v1/blobs/${hash}`)).status).toBe(200);
    const got = await station.call('GET', `/v1/blobs/${hash}`);
    expect(Buffer.from(await got.arrayBuffer())).toEqual(bytes);
    expect((await other.call('GET', `/v1/blobs/${hash}`)).status).toBe(404);
    const huge = Buffer.alloc(10 * 1024 * 1024 + 1, 1);
    expect((await put(huge, sha256Of(huge))).status).toBe(413);
    expect((await station.call('GET', '/v1/blobs/niet-een-hash')).status).toBe(400);
  });

  it('refuses malformed and oversized pushes as a whole, and asks a newer catalogue to wait', async () => {
    const station = await newStation();
    const one = () => mutation({ collection: 'settings', recordId: 'company.general', changes: { companyName: 'De Spaak' } });
    expect((await station.call('POST', '/v1/push', { mutations: [] })).status).toBe(400);
    expect((await station.call('POST', '/v1/push', { mutations: Array.from({ length: 501 }, one) })).status).toBe(400);
    expect((await station.call('POST', '/v1/push', { mutations: [{ ...one(), mutationId: 'geen-uuid' }] })).status).toBe(400);
    const oversized = await station.call('POST', '/v1/push', { mutations: [{ ...one(), changes: { companyName: 'x'.repeat(9 * 1024 * 1024) } }] });
    expect(oversized.status).toBe(413);
    const newer = await station.call('POST', '/v1/push', { mutations: [{ ...one(), catalogueVersion: 999 }] });
    expect(newer.status).toBe(503);
    expect(newer.headers.get('retry-after')).not.toBeNull();
    expect((await pullAll(station)).records).toEqual([]);
  });
});

function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
