import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { syncLimits, type Mutation } from '../../domain/sync/protocol';
import { newShop } from '../../cloud/accounts';
import type { DatabaseChoice } from '../../cloud/db/connect';
import { startCloud } from '../../cloud/start';
import { mutation, pair, pullAll, workstation } from '../../cloud/test/harness';

export interface Throughput {
  database: string;
  mutations: number;
  /** Mutations per second through POST /v1/push, batches of the protocol's maximum. */
  push: number;
  /** Changed records per second through GET /v1/pull, pages of the protocol's maximum. */
  pull: number;
  /** Rows per second of a plain batched INSERT of the same rows into the same database: the floor under push. */
  rawInsert: number;
  /** Rows per second of a plain batched SELECT by counter on the same database: the floor under pull. */
  rawSelect: number;
  /** The 1-minute load average after each part (push, pull, raw INSERT, raw SELECT): the machine is shared. */
  load: { push: number; pull: number; rawInsert: number; rawSelect: number };
}

const loadNow = () => os.loadavg()[0] ?? 0;

/** The shop's payment methods as one workstation's outbox would push them: one create per item. */
function outbox(count: number): Mutation[] {
  return Array.from({ length: count }, (_, index) =>
    mutation({ op: 'create', collection: 'paymentMethods', recordId: randomUUID(), changes: { nameNl: `Betaalmethode ${index}`, nameEn: `Payment method ${index}`, type: 'pos', active: true } }),
  );
}

function perSecond(count: number, ms: number): number {
  return Math.round((count / ms) * 1000);
}

/**
 * One workstation pushes `count` mutations in order through the real HTTP service on loopback,
 * then a second pulls them all; next to it, the same rows go into the same database by a plain
 * batched INSERT and come back by a plain batched SELECT, without HTTP, validation or conflicts.
 */
export async function measureCloud(database: DatabaseChoice, count: number): Promise<Throughput> {
  const cloud = await startCloud({ database });
  try {
    const shop = await newShop(cloud.database.db, 'Fietsenwinkel De Spaak');
    const station = workstation(cloud.url, await pair(cloud.url, shop.code));
    const mutations = outbox(count);

    const pushStarted = performance.now();
    for (let start = 0; start < mutations.length; start += syncLimits.mutationsPerPush) {
      const reply = await station.push(mutations.slice(start, start + syncLimits.mutationsPerPush));
      if (reply.results.some((result) => result.status !== 'accepted')) throw new Error(`push refused: ${JSON.stringify(reply.results.find((result) => result.status !== 'accepted'))}`);
    }
    const pushMs = performance.now() - pushStarted;
    const pushLoad = loadNow();

    const pullStarted = performance.now();
    const { records } = await pullAll(station);
    const pullMs = performance.now() - pullStarted;
    const pullLoad = loadNow();
    if (records.length !== count) throw new Error(`pulled ${records.length} of ${count} records`);

    const db = cloud.database.db;
    await db.execute(sql`CREATE TABLE IF NOT EXISTS bench_rows (id text PRIMARY KEY, seq bigint NOT NULL UNIQUE, data jsonb NOT NULL)`);
    await db.execute(sql`TRUNCATE bench_rows`);
    const rows = mutations.map((item, index) => ({ id: item.recordId, seq: index + 1, data: item.changes }));
    const insertStarted = performance.now();
    for (let start = 0; start < rows.length; start += syncLimits.mutationsPerPush) {
      const batch = JSON.stringify(rows.slice(start, start + syncLimits.mutationsPerPush));
      await db.execute(sql`INSERT INTO bench_rows SELECT r.id, r.seq, r.data FROM jsonb_to_recordset(${batch}::jsonb) AS r(id text, seq bigint, data jsonb)`);
    }
    const insertMs = performance.now() - insertStarted;
    const insertLoad = loadNow();

    const selectStarted = performance.now();
    let read = 0;
    for (let after = 0; ; ) {
      const page = await db.execute<{ seq: string }>(sql`SELECT id, seq, data FROM bench_rows WHERE seq > ${after} ORDER BY seq LIMIT ${syncLimits.changesPerPull}`);
      read += page.rows.length;
      const last = page.rows.at(-1);
      if (!last) break;
      after = Number(last.seq);
    }
    const selectMs = performance.now() - selectStarted;
    const selectLoad = loadNow();
    if (read !== count) throw new Error(`selected ${read} of ${count} rows`);
    await db.execute(sql`DROP TABLE bench_rows`);

    return {
      database: cloud.database.label.startsWith('PGlite') ? 'PGlite' : 'PostgreSQL',
      mutations: count,
      push: perSecond(count, pushMs),
      pull: perSecond(count, pullMs),
      rawInsert: perSecond(count, insertMs),
      rawSelect: perSecond(count, selectMs),
      load: { push: pushLoad, pull: pullLoad, rawInsert: insertLoad, rawSelect: selectLoad },
    };
  } finally {
    await cloud.close();
  }
}
