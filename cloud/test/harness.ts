import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { startPostgres } from '../../test/postgres';
import { catalogueVersion } from '../../domain/settings/catalogue';
import type { Mutation, PairResponse, PullResponse, PushResponse } from '../../domain/sync/protocol';
import { newShop } from '../accounts';
import { openCloudDatabase, type DatabaseChoice } from '../db/connect';
import { startCloud, type RunningCloud } from '../start';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(migrationsDir, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(migrationsDir, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * A new PGlite folder takes many seconds to initialise, so one migrated folder is made per set of
 * migrations and copied for each test. Made under a temporary name and renamed into place, so
 * test files running side by side never copy a half-made template.
 */
export async function pgliteTemplate(): Promise<string> {
  const template = path.join(os.tmpdir(), `backoffice-cloud-pglite-${migrationsFingerprint()}`);
  if (fs.existsSync(template)) return template;
  const building = `${template}.${process.pid}.building`;
  fs.rmSync(building, { recursive: true, force: true });
  const database = await openCloudDatabase({ dataDir: building });
  await database.close();
  try {
    fs.renameSync(building, template);
  } catch {
    fs.rmSync(building, { recursive: true, force: true });
  }
  return template;
}

/** A fresh embedded cloud data folder, copied from the template. */
export async function pgliteFolder(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-cloud-'));
  fs.cpSync(await pgliteTemplate(), dir, { recursive: true });
  return dir;
}

/** Where one test file's cloud keeps its data, and how to remove it afterwards. */
export interface CloudStorage {
  choice: DatabaseChoice;
  remove(): Promise<void>;
}

/**
 * The PostgreSQL cluster a mutation run started for all its test files (test/mutation/cloudPostgres.ts),
 * or undefined in a plain test run.
 */
export function sharedPostgresUrl(): string | undefined {
  return process.env.BACKOFFICE_TEST_CLOUD_POSTGRES;
}

/** A fresh database in the shared cluster, copied from its migrated template in a fraction of a second. */
async function sharedDatabase(shared: string): Promise<CloudStorage> {
  const name = `cloud_${randomUUID().replace(/-/g, '')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: shared });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name} TEMPLATE cloud_template STRATEGY FILE_COPY`);
  const url = new URL(shared);
  url.pathname = `/${name}`;
  // A mutation run makes thousands of these: each goes again when its file is done.
  return { choice: { databaseUrl: url.href }, remove: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * The database for one test file's cloud: a PGlite folder copied from the template, or a database
 * in the mutation run's shared PostgreSQL cluster, some 30 times faster to make and open.
 */
export async function cloudDatabase(): Promise<CloudStorage> {
  const shared = sharedPostgresUrl();
  if (shared) return sharedDatabase(shared);
  const dataDir = await pgliteFolder();
  return { choice: { dataDir }, remove: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

/**
 * A database on a real PostgreSQL, for what PGlite cannot show (races between connections): in the
 * mutation run's shared cluster, or in a throwaway cluster of its own that `remove` stops.
 */
export async function postgresDatabase(name: string): Promise<CloudStorage> {
  const shared = sharedPostgresUrl();
  if (shared) return sharedDatabase(shared);
  const cluster = await startPostgres();
  return { choice: { databaseUrl: cluster.createDatabase(name) }, remove: () => cluster.stop() };
}

/** A cloud on 127.0.0.1 and a free port, with one shop and its first pairing code. */
export async function cloudWithShop(database: DatabaseChoice, name = 'Fietsenwinkel De Spaak', now?: () => Date) {
  const cloud = await startCloud({ database, now });
  const shop = await newShop(cloud.database.db, name);
  return { cloud, shop };
}

/** A workstation as the cloud sees it: a token and the calls of the wire contract. */
export interface Workstation {
  paired: PairResponse;
  push(mutations: Mutation[]): Promise<PushResponse>;
  pull(after: string, limit?: number): Promise<PullResponse>;
  call(method: string, route: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

export async function pair(url: string, code: string, deviceName = 'Kassa 1'): Promise<PairResponse> {
  const response = await fetch(`${url}/v1/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceName }) });
  if (response.status !== 200) throw new Error(`pairing failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as PairResponse;
}

export function workstation(url: string, paired: PairResponse): Workstation {
  const call = (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${route}`, {
      method,
      headers: { authorization: `Bearer ${paired.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const json = async <T>(response: Response): Promise<T> => {
    if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    paired,
    call,
    push: async (mutations) => json<PushResponse>(await call('POST', '/v1/push', { mutations })),
    pull: async (after, limit) => json<PullResponse>(await call('GET', `/v1/pull?after=${encodeURIComponent(after)}${limit ? `&limit=${limit}` : ''}`)),
  };
}

/** A mutation as an outbox would hold it; fields not given get plausible values. */
export function mutation(partial: Partial<Mutation> & Pick<Mutation, 'collection' | 'recordId'>): Mutation {
  return {
    mutationId: randomUUID(),
    deviceId: 'kassa-1',
    userId: 'user-anna',
    op: 'update',
    changes: {},
    baseRevs: {},
    catalogueVersion,
    createdAt: '2026-11-29T10:00:00.000Z',
    ...partial,
  };
}

/** Reads every page from a cursor on; returns the records in the order the cloud sent them. */
export async function pullAll(station: Workstation, from = '0', limit?: number) {
  const records = [];
  let cursor = from;
  for (;;) {
    const page = await station.pull(cursor, limit);
    if (page.kind !== 'changes') throw new Error('unexpected startOver');
    records.push(...page.records);
    cursor = page.cursor;
    if (!page.more) return { records, cursor };
  }
}

/** What a test file may set on its cloud; the database is always a fresh one of its own. */
export type FileCloudOptions = Omit<Parameters<typeof startCloud>[0], 'database'>;

/** The cloud of one test file, read once its beforeAll has started it. */
export interface FileCloud {
  readonly url: string;
  readonly database: RunningCloud['database'];
  /** A new shop with one paired workstation ("Kassa 1"), so tests sharing the cloud never see each other's data. */
  station(shopName?: string): Promise<Workstation>;
}

/**
 * One cloud for a whole test file, on a fresh database (cloudDatabase), stopped and removed after
 * its tests: the cloud-side twin of test/sharedCloud.ts's useFileCloud. `options` may be a function
 * when it needs something another beforeAll made first (a provider's stand-in and its address).
 */
export function useFileCloud(options: FileCloudOptions | (() => FileCloudOptions) = {}): FileCloud {
  let storage: CloudStorage | undefined;
  let cloud: RunningCloud | undefined;
  beforeAll(async () => {
    storage = await cloudDatabase();
    cloud = await startCloud({ ...(typeof options === 'function' ? options() : options), database: storage.choice });
  }, 120_000);
  afterAll(async () => {
    await cloud?.close();
    await storage?.remove();
  });
  const running = () => {
    if (!cloud) throw new Error('the cloud of this file is not running (useFileCloud outside a file or describe with tests?)');
    return cloud;
  };
  return {
    get url() {
      return running().url;
    },
    get database() {
      return running().database;
    },
    async station(shopName = 'Fietsenwinkel De Spaak') {
      const shop = await newShop(running().database.db, shopName);
      return workstation(running().url, await pair(running().url, shop.code));
    },
  };
}

export type { RunningCloud };
