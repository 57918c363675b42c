import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Debian's PostgreSQL 15; the server binaries are not on PATH there. */
const binDir = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` */
  url: string;
  /** A fresh, empty database in this cluster: one per test keeps tests apart without a new cluster. */
  createDatabase(name: string): string;
  /** CPU time in ms the cluster's processes have used so far (Linux; 0 elsewhere), for benchmarks. */
  cpuMs(): number;
  stop(): Promise<void>;
}

export function postgresAvailable(): boolean {
  return fs.existsSync(path.join(binDir, 'initdb'));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * `initdb` and `postgres` refuse to run as root, and CI runs as root: so the cluster belongs to
 * the `postgres` user, in a temporary folder it owns, when we are root.
 */
function asClusterUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

async function waitUntilReady(port: number, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL stopped while starting:\n${log()}`);
    const [command, args] = asClusterUser(path.join(binDir, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q']);
    try {
      execFileSync(command, args, { stdio: 'ignore' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`PostgreSQL did not accept connections within 30 s:\n${log()}`);
}

/**
 * CPU time (user + system, ms) of a process and its direct children, from /proc: a PostgreSQL
 * server and its backends. Ended backends are not counted, so read it around work that keeps its
 * connections open. 0 where there is no /proc.
 */
export function processTreeCpuMs(parent: number): number {
  if (!fs.existsSync('/proc/self/stat')) return 0;
  let ticks = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The fields after the command name (which may hold spaces) start at its closing parenthesis.
      const fields = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      if (Number(entry) === parent || Number(fields[1]) === parent) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended while we looked.
    }
  }
  // Linux counts in clock ticks of 10 ms (USER_HZ = 100).
  return ticks * 10;
}

/** A throwaway PostgreSQL cluster on 127.0.0.1 and a free port, removed again by `stop()`. */
export async function startPostgres(): Promise<PostgresCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-postgres-'));
  const dataDir = path.join(dir, 'data');
  fs.chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const [initCommand, initArgs] = asClusterUser(path.join(binDir, 'initdb'), [
    '-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C',
  ]);
  execFileSync(initCommand, initArgs, { stdio: 'pipe' });

  const port = await freePort();
  // fsync off: a test cluster is thrown away, and durability is PostgreSQL's, not ours to test.
  const [command, args] = asClusterUser(path.join(binDir, 'postgres'), [
    '-D', dataDir, '-h', '127.0.0.1', '-p', String(port), '-k', dir,
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
  ]);
  const server = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  await waitUntilReady(port, server, () => log);

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    createDatabase(name) {
      if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      const [psql, psqlArgs] = asClusterUser(path.join(binDir, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-q', '-c', `CREATE DATABASE ${name}`]);
      execFileSync(psql, psqlArgs, { stdio: 'pipe' });
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    cpuMs: () => processTreeCpuMs(Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])),
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        // runuser does not pass signals on, so ask PostgreSQL itself: "fast" ends the sessions at once.
        const [stop, stopArgs] = asClusterUser(path.join(binDir, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w']);
        execFileSync(stop, stopArgs, { stdio: 'pipe' });
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
