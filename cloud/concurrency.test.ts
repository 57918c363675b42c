import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PulledRecord } from '../domain/sync/protocol';
import { newPairingCode, newShop } from './accounts';
import { startCloud, type RunningCloud } from './start';
import { mutation, pair, postgresDatabase, workstation, type CloudStorage, type Workstation } from './test/harness';

/**
 * Two cloud instances on one real PostgreSQL, many workstations pushing at once. PGlite runs one
 * transaction at a time and would hide every race here, so this runs on PostgreSQL only.
 */
describe('two cloud instances on one PostgreSQL under concurrent pushes', () => {
  let storage: CloudStorage;
  let instances: RunningCloud[] = [];
  let databaseUrl: string;
  beforeAll(async () => {
    storage = await postgresDatabase('concurrency');
    if (!('databaseUrl' in storage.choice)) throw new Error('not PostgreSQL');
    databaseUrl = storage.choice.databaseUrl;
    // Started together: the migration lock lets one migrate while the other waits.
    instances = await Promise.all([startCloud({ database: { databaseUrl } }), startCloud({ database: { databaseUrl } })]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.close()));
    await storage?.remove();
  });

  /** `count` workstations of one new shop, paired alternately through either instance and using it from then on. */
  async function stations(count: number): Promise<Workstation[]> {
    const [first] = instances;
    if (!first) throw new Error('no cloud');
    const shop = await newShop(first.database.db, 'Fietsenwinkel De Spaak');
    const made: Workstation[] = [];
    for (let index = 0; index < count; index += 1) {
      const instance = instances[index % instances.length] as RunningCloud;
      const code = index === 0 ? shop.code : (await newPairingCode(first.database.db, shop.id)).code;
      made.push(workstation(instance.url, await pair(instance.url, code, `Kassa ${index + 1}`)));
    }
    return made;
  }

  it('loses no update: every applied write of one field was based on the write applied just before it', async () => {
    const clients = await stations(8);
    const group = { collection: 'settings', recordId: 'company.general' };
    const applied: { rev: number; base: number; value: string }[] = [];
    let conflicts = 0;
    await Promise.all(
      clients.map(async (client, who) => {
        for (let round = 0; round < 12; round += 1) {
          const page = await client.pull('0');
          const current = page.kind === 'changes' ? page.records.find((record) => record.recordId === group.recordId) : undefined;
          const base = current?.revs.companyName ?? 0;
          const value = `De Spaak ${who}-${round}`;
          const [outcome] = (await client.push([mutation({ ...group, userId: `user-${who}`, changes: { companyName: value }, baseRevs: { companyName: base } })])).results;
          const field = outcome?.status === 'accepted' ? outcome.fields.companyName : undefined;
          if (field?.status === 'applied') applied.push({ rev: field.rev, base, value });
          else if (field?.status === 'conflict') {
            expect(field.theirRev).toBeGreaterThan(base);
            conflicts += 1;
          } else throw new Error(`unexpected outcome ${JSON.stringify(outcome)}`);
        }
      }),
    );
    expect(applied.length + conflicts).toBe(8 * 12);
    applied.sort((a, b) => a.rev - b.rev);
    applied.forEach((write, index) => expect(write.base).toBe(index === 0 ? 0 : applied[index - 1]?.rev));
    const final = await (clients[3] as Workstation).pull('0');
    const record = final.kind === 'changes' ? final.records[0] : undefined;
    expect(record?.data.companyName).toBe(applied.at(-1)?.value);
    expect(record?.revs.companyName).toBe(applied.at(-1)?.rev);
  });

  it('lets a reader pulling during the pushes see every change exactly once, in counter order, with nothing skipped', async () => {
    const clients = await stations(8);
    const writers = clients.slice(0, 6);
    const readers = clients.slice(6);
    let writing = true;
    const created: string[] = [];
    const pushes = Promise.all(
      writers.map(async (writer, who) => {
        for (let batch = 0; batch < 15; batch += 1) {
          const ids = Array.from({ length: 5 }, () => randomUUID());
          await writer.push(ids.map((recordId, index) => mutation({ op: 'create', collection: 'paymentMethods', recordId, changes: { nameNl: `Kassa ${who} ${batch}.${index}`, type: 'pos' } })));
          created.push(...ids);
        }
      }),
    ).finally(() => (writing = false));

    const read = async (reader: Workstation) => {
      const seen: PulledRecord[] = [];
      let cursor = '0';
      const drain = async () => {
        for (;;) {
          const page = await reader.pull(cursor, 7);
          if (page.kind !== 'changes') throw new Error('unexpected startOver');
          seen.push(...page.records);
          cursor = page.cursor;
          if (!page.more) return;
        }
      };
      while (writing) await drain();
      await drain();
      return seen;
    };
    const [seenByFirst, seenBySecond] = await Promise.all([read(readers[0] as Workstation), read(readers[1] as Workstation), pushes]);

    for (const seen of [seenByFirst ?? [], seenBySecond ?? []]) {
      const seqs = seen.map((record) => record.seq);
      expect(seqs.every((seq, index) => index === 0 || seq > (seqs[index - 1] as number))).toBe(true);
      expect(seen.map((record) => record.recordId).sort()).toEqual([...created].sort());
    }
  });
});
