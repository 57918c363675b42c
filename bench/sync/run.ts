/**
 * bench/sync, as issue 8 §5 states it: 10,000 mutations pushed and pulled on loopback through the
 * real HTTP service, on the embedded PGlite and on a real PostgreSQL, each next to a plain batched
 * INSERT (and SELECT) of the same rows on the same database in the same run; then the time for 2
 * and for 5 desktops to converge. The machine this runs on is shared, so the load average is
 * printed with every figure and the ratio to the raw peer is the figure to compare.
 *
 *   npm run bench:sync   [-- --mutations N] [-- --changes N]   (10,000; 100 changes per desktop)
 *
 * Goal: at least 10,000 mutations/s push and pull on PostgreSQL; exits non-zero when missed.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { pgliteFolder } from '../../cloud/test/harness';
import { postgresAvailable, startPostgres } from '../../test/postgres';
import { measureCloud, type Throughput } from './cloudThroughput';
import { converge, describeConvergence } from './convergence';

const goal = 10_000;
const { values } = parseArgs({ options: { mutations: { type: 'string', default: '10000' }, changes: { type: 'string', default: '100' } } });
const count = Number(values.mutations);

const results: Throughput[] = [];
const pgliteDir = await pgliteFolder();
try {
  results.push(await measureCloud({ dataDir: pgliteDir }, count));
} finally {
  fs.rmSync(pgliteDir, { recursive: true, force: true });
}
if (!postgresAvailable()) {
  console.error('PostgreSQL 15 is not installed (apt-get install postgresql): only PGlite was measured, and the goal cannot be checked.');
  process.exitCode = 1;
} else {
  const cluster = await startPostgres();
  try {
    results.push(await measureCloud({ databaseUrl: cluster.createDatabase('bench') }, count, () => cluster.cpuMs()));
  } finally {
    await cluster.stop();
  }
}

const format = (n: number) => n.toLocaleString('en-US').padStart(9);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`.padStart(7);
const load = (n: number) => `(load ${n.toFixed(1)})`;
const cpu = (r: Throughput, part: keyof Throughput['cpu']) => {
  const { node, database } = r.cpu[part];
  return `${String(node + database).padStart(5)} ms CPU per 1,000` + (r.database === 'PGlite' ? '' : ` (Node ${node} + PostgreSQL ${database})`);
};
const total = (cost: Throughput['cpu']['push']) => cost.node + cost.database;
const cpuRatio = (r: Throughput, part: 'push' | 'pull') => `CPU ${(total(r.cpu[part]) / total(r.cpu.rawInsert)).toFixed(1)}× the raw INSERT's`;
console.log(`\n${count.toLocaleString('en-US')} mutations on ${os.cpus().length} cores, loopback HTTP, per second; load = 1-minute load average after each part;`);
console.log('CPU = what each part cost this process (client, cloud, PGlite) and the PostgreSQL server, which the load hardly moves\n');
for (const r of results) {
  console.log(`${r.database}`);
  console.log(`  push        ${format(r.push)}  ${load(r.load.push)}  ${cpu(r, 'push')}  ${ratio(r.push, r.rawInsert)} the raw INSERT, ${cpuRatio(r, 'push')}`);
  console.log(`  pull        ${format(r.pull)}  ${load(r.load.pull)}  ${cpu(r, 'pull')}  ${ratio(r.pull, r.rawInsert)} the raw INSERT, ${ratio(r.pull, r.rawSelect).trim()} the raw SELECT, ${cpuRatio(r, 'pull')}`);
  console.log(`  raw INSERT  ${format(r.rawInsert)}  ${load(r.load.rawInsert)}  ${cpu(r, 'rawInsert')}`);
  console.log(`  raw SELECT  ${format(r.rawSelect)}  ${load(r.load.rawSelect)}  ${cpu(r, 'rawSelect')}`);
}
const [embedded, postgres] = results;
if (embedded && postgres) console.log(`\nPostgreSQL / PGlite: push ${ratio(postgres.push, embedded.push).trim()}, pull ${ratio(postgres.pull, embedded.pull).trim()}`);

const changes = Number(values.changes);
console.log(`\nConvergence through the cloud (PGlite), each desktop a whole backend with its own SQLite folder:`);
console.log(describeConvergence(await converge(2, changes), await converge(5, changes)));

console.log(`\nGoal on PostgreSQL: ≥ ${goal.toLocaleString('en-US')} mutations/s push and pull.`);
if (postgres && (postgres.push < goal || postgres.pull < goal)) {
  console.error(`Missed: push ${postgres.push.toLocaleString('en-US')}/s, pull ${postgres.pull.toLocaleString('en-US')}/s on PostgreSQL.`);
  process.exitCode = 1;
} else if (postgres) {
  console.log(`Met: push ${postgres.push.toLocaleString('en-US')}/s, pull ${postgres.pull.toLocaleString('en-US')}/s on PostgreSQL.`);
}
