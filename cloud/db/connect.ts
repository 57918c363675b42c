import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { lockFolder } from './folderLock';
import { migrateCloud } from './migrate';

export type CloudDb = NodePgDatabase;

export interface CloudDatabase {
  db: CloudDb;
  pool: pg.Pool;
  /** For the log line: which database this is, without credentials. */
  label: string;
  close(): Promise<void>;
}

export type DatabaseChoice = { databaseUrl: string } | { dataDir: string };

/** Connections per instance: the 2-core machines this runs on gain nothing from more. */
const poolSize = 8;

function newPool(connectionString: string, max: number, options?: string): pg.Pool {
  // A connection that cannot be had within 5 s means overload or an outage: the request fails
  // as temporary (503) instead of hanging, and the desktop retries with backoff.
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5_000, options });
  // A connection that breaks (PostgreSQL restarted, its network cut) must not end the process.
  // node-postgres emits 'error' on the connection, and an 'error' nobody listens to is thrown:
  // the pool listens while a connection is idle, the connection itself must while a request holds
  // it. The request's own query fails too, and that is what answers it (503, try again).
  pool.on('error', () => undefined);
  pool.on('connect', (connection) => connection.on('error', () => undefined));
  return pool;
}

/**
 * The embedded database: PGlite in a data folder, served over the PostgreSQL wire protocol on
 * 127.0.0.1 so that exactly the same node-postgres code serves both. The socket server lets each
 * transaction finish before another connection's statements run; the cloud runs every request in
 * one transaction, so requests never see each other's half-done work.
 */
async function openEmbedded(dataDir: string): Promise<CloudDatabase> {
  const lock = lockFolder(dataDir);
  try {
    const pglite = await PGlite.create(path.join(dataDir, 'pgdata'));
    const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: poolSize + 2 });
    await server.start();
    const pool = newPool(`postgres://postgres@${server.getServerConn()}/postgres`, poolSize);
    return {
      db: drizzle(pool),
      pool,
      label: `PGlite in ${dataDir}`,
      async close() {
        await pool.end();
        await server.stop();
        await pglite.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

export async function openCloudDatabase(choice: DatabaseChoice): Promise<CloudDatabase> {
  const database =
    'databaseUrl' in choice
      ? (() => {
          // A push that waits over 10 s for another push of its shop means overload: it fails as
          // temporary (503) rather than piling up. PGlite runs one transaction at a time and never waits.
          const pool = newPool(choice.databaseUrl, poolSize, '-c lock_timeout=10s');
          const url = new URL(choice.databaseUrl);
          return { db: drizzle(pool), pool, label: `PostgreSQL at ${url.host}${url.pathname}`, close: () => pool.end() };
        })()
      : await openEmbedded(choice.dataDir);
  try {
    await migrateCloud(database.pool);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** A transaction of the cloud database; every request runs in exactly one. */
export type CloudTx = Parameters<Parameters<CloudDb['transaction']>[0]>[0];
/** Either the database or a transaction of it. */
export type Queryable = CloudDb | CloudTx;
