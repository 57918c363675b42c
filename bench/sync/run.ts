/**
 * The cloud's sync throughput on loopback, on the embedded PGlite and on a real PostgreSQL, each
 * next to a plain batched INSERT and SELECT on the same database in the same run, so the ratio
 * shows what HTTP, validation and conflict checks cost on top of the database itself.
 *
 *   npm run bench:sync            (10,000 mutations; --mutations N for another count)
 *
 * Goal: at least 10,000 mutations/s push and pull on PostgreSQL; exits non-zero when missed.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { pgliteFolder } from '../../cloud/test/harness';
import { postgresAvailable, startPostgres } from '../../test/postgres';
import { measureCloud, type Throughput } from './cloudThroughput';

const goal = 10_000;
const { values } = parseArgs({ options: { mutations: { type: 'string', default: '10000' } } });
const count = Number(values.mutations);

const results: Throughput[] = [];
const pgliteDir = await pgliteFolder();
try {
  results.push(await measureCloud({ dataDir: pgliteDir }, count));
} finally {
  fs.rmSync(pgliteDir, { recursive: true, force: true });
}
if (!postgresAvailable()) {
  console.error('PostgreSQL 15 is not installed (apt-get install postgresql): only PGlite was measured.');
} else {
  const cluster = await startPostgres();
  try {
    results.push(await measureCloud({ databaseUrl: cluster.createDatabase('bench') }, count));
  } finally {
    await cluster.stop();
  }
}

const format = (n: number) => n.toLocaleString('en-US').padStart(9);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`.padStart(7);
// The machine's load decides these figures as much as the code does: print it beside them.
const load = os.loadavg().map((n) => n.toFixed(1)).join(' ');
console.log(`\n${count.toLocaleString('en-US')} mutations on ${os.cpus().length} cores (load average ${load}), loopback HTTP (per second)\n`);
console.log('database      push   raw INSERT  push/raw       pull   raw SELECT  pull/raw');
for (const r of results) {
  console.log(`${r.database.padEnd(10)} ${format(r.push)}    ${format(r.rawInsert)}  ${ratio(r.push, r.rawInsert)}  ${format(r.pull)}    ${format(r.rawSelect)}  ${ratio(r.pull, r.rawSelect)}`);
}
const [embedded, postgres] = results;
if (embedded && postgres) console.log(`\nPostgreSQL / PGlite: push ${ratio(postgres.push, embedded.push)}, pull ${ratio(postgres.pull, embedded.pull)}`);
console.log(`Goal on PostgreSQL: ≥ ${goal.toLocaleString('en-US')} mutations/s push and pull.`);
if (postgres && (postgres.push < goal || postgres.pull < goal)) {
  console.error(`Missed: push ${postgres.push.toLocaleString('en-US')}/s, pull ${postgres.pull.toLocaleString('en-US')}/s.`);
  process.exitCode = 1;
}
