import fs from 'node:fs';
import type { DatabaseChoice } from '../cloud/db/connect';
import { pgliteFolder } from '../cloud/test/harness';
import { startPostgres, type PostgresCluster } from './postgres';

/**
 * The two databases the cloud runs on, for the sync suites that run once on each: embedded PGlite
 * (a copy of one migrated folder) and a real PostgreSQL (one throwaway cluster per test file, a
 * fresh database per cloud). PGlite runs one transaction at a time and hides races PostgreSQL shows.
 */
export const cloudBackends = ['PGlite', 'PostgreSQL'] as const;
export type CloudBackend = (typeof cloudBackends)[number];

export interface CloudStorage {
  choice: DatabaseChoice;
  remove(): Promise<void>;
}

let cluster: Promise<PostgresCluster> | null = null;
let databases = 0;

export async function cloudStorage(backend: CloudBackend): Promise<CloudStorage> {
  if (backend === 'PGlite') {
    const dataDir = await pgliteFolder();
    return { choice: { dataDir }, remove: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  cluster ??= startPostgres();
  databases += 1;
  // The cluster goes as a whole when the file is done (stopCloudPostgres), its databases with it.
  return { choice: { databaseUrl: (await cluster).createDatabase(`sync_${databases}`) }, remove: async () => undefined };
}

/** Stops this test file's PostgreSQL cluster, if it started one: the file's last `afterAll`. */
export async function stopCloudPostgres(): Promise<void> {
  const running = cluster;
  cluster = null;
  if (running) await (await running).stop();
}
