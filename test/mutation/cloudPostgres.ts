/**
 * Global setup of the cloud's mutation area (vitest.mutation.cloud.config.ts): one PostgreSQL
 * cluster for the whole Stryker run, with one migrated database as the template every test file
 * copies (cloud/test/harness.ts `cloudDatabase`). Stryker runs a mutant's tests again and again;
 * a PGlite folder copied and opened per test file costs about 3 s, a cluster per file more, and a
 * database made from a template about 0.1 s.
 */
import pg from 'pg';
import { migrateCloud } from '../../cloud/db/migrate';
import { startPostgres } from '../postgres';

/** The environment variable the harness reads; the test workers inherit it from this process. */
export const sharedPostgresVariable = 'BACKOFFICE_TEST_CLOUD_POSTGRES';
export const templateDatabase = 'cloud_template';

export default async function startSharedPostgres(): Promise<() => Promise<void>> {
  const cluster = await startPostgres();
  const pool = new pg.Pool({ connectionString: cluster.createDatabase(templateDatabase), max: 1 });
  try {
    await migrateCloud(pool);
  } finally {
    await pool.end();
  }
  process.env[sharedPostgresVariable] = cluster.url;
  return () => cluster.stop();
}
