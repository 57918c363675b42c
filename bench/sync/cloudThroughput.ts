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
  /**
   * CPU ms per 1,000 mutations of each part: this process (the desktop's HTTP client, the cloud
   * and, for PGlite, the database) and the PostgreSQL server. Unlike the rates, these hardly move
   * with the load other programs put on the machine.
   */
  cpu: { push: CpuCost; pull: CpuCost; rawInsert: CpuCost; rawSelect: CpuCost };
}

export interface CpuCost {
  node: number;
  database: number;
}

function cpuMeter(databaseCpuMs: () => number) {
  const node = process.cpuUsage();
  const database = databaseCpuMs();
  return (count: number): CpuCost => {
    const used = process.cpuUsage(node);
    const per = (ms: number) => Math.round((ms / count) * 1000);
    return { node: per((used.user + used.system) / 1000), database: per(databaseCpuMs() - database) };
  };
}

const loadNow = () => os.loadavg()[0] ?? 0;

/** The shop's payment methods as one workstation's outbox would push them: one create per item. */
function outbox(count: number): Mutation[] {
  return Array.from({ length: count }, (_, index) =>
    mutation({ op: 'create', collection: 'paymentMethods', recordId: randomUUID(), changes: { nameNl: `Betaalmethode ${index}`, nameEn: `Payment method ${index}`, type: 'pos', active: true } }),
  );
}

interface Part {
  rate: number;
  load: number;
  cpu: CpuCost;
}

/** Runs one part of the measurement: its rate per second, the load after it and its CPU cost. */
async function part(count: number, databaseCpuMs: () => number, work: () => Promise<void>): Promise<Part> {
  const cpu = cpuMeter(databaseCpuMs);
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  return { rate: Math.round((count / ms) * 1000), load: loadNow(), cpu: cpu(count) };
}

/**
 * The same rows go into the same database by a plain batched INSERT and come back by a plain
 * batched SELECT, without HTTP, validation or conflicts; then one workstation pushes `count`
 * mutations in order through the real HTTP service on loopback, and a second pulls them all.
 * The raw peers go first, so the garbage the push leaves behind is not charged to them.
 */
export async function measureCloud(database: DatabaseChoice, count: number, databaseCpuMs: () => number = () => 0): Promise<Throughput> {
  const cloud = await startCloud({ database });
  try {
    const shop = await newShop(cloud.database.db, 'Fietsenwinkel De Spaak');
    const station = workstation(cloud.url, await pair(cloud.url, shop.code));
    const mutations = outbox(count);

    const db = cloud.database.db;
    await db.execute(sql`CREATE TABLE IF NOT EXISTS bench_rows (id text PRIMARY KEY, seq bigint NOT NULL UNIQUE, data jsonb NOT NULL)`);
    await db.execute(sql`TRUNCATE bench_rows`);
    const rows = mutations.map((item, index) => ({ id: item.recordId, seq: index + 1, data: item.changes }));
    const rawInsert = await part(count, databaseCpuMs, async () => {
      for (let start = 0; start < rows.length; start += syncLimits.mutationsPerPush) {
        const batch = JSON.stringify(rows.slice(start, start + syncLimits.mutationsPerPush));
        await db.execute(sql`INSERT INTO bench_rows SELECT r.id, r.seq, r.data FROM jsonb_to_recordset(${batch}::jsonb) AS r(id text, seq bigint, data jsonb)`);
      }
    });
    let read = 0;
    const rawSelect = await part(count, databaseCpuMs, async () => {
      for (let after = 0; ; ) {
        const page = await db.execute<{ seq: string }>(sql`SELECT id, seq, data FROM bench_rows WHERE seq > ${after} ORDER BY seq LIMIT ${syncLimits.changesPerPull}`);
        read += page.rows.length;
        const last = page.rows.at(-1);
        if (!last) break;
        after = Number(last.seq);
      }
    });
    if (read !== count) throw new Error(`selected ${read} of ${count} rows`);
    await db.execute(sql`DROP TABLE bench_rows`);

    const push = await part(count, databaseCpuMs, async () => {
      for (let start = 0; start < mutations.length; start += syncLimits.mutationsPerPush) {
        const reply = await station.push(mutations.slice(start, start + syncLimits.mutationsPerPush));
        const refused = reply.results.find((result) => result.status !== 'accepted');
        if (refused) throw new Error(`push refused: ${JSON.stringify(refused)}`);
      }
    });
    let pulled = 0;
    const pull = await part(count, databaseCpuMs, async () => {
      pulled = (await pullAll(station)).records.length;
    });
    if (pulled !== count) throw new Error(`pulled ${pulled} of ${count} records`);

    return {
      database: cloud.database.label.startsWith('PGlite') ? 'PGlite' : 'PostgreSQL',
      mutations: count,
      push: push.rate,
      pull: pull.rate,
      rawInsert: rawInsert.rate,
      rawSelect: rawSelect.rate,
      load: { push: push.load, pull: pull.load, rawInsert: rawInsert.load, rawSelect: rawSelect.load },
      cpu: { push: push.cpu, pull: pull.cpu, rawInsert: rawInsert.cpu, rawSelect: rawSelect.cpu },
    };
  } finally {
    await cloud.close();
  }
}
