/**
 * Issue 13's memory goal: the web host's peak memory (VmHWM, the most resident memory the process
 * ever held) stays ≤ 200 MB at start and with 4 sign-ins at once. Runs the real host
 * (`electron/web/main.ts`) on a fresh data folder: sets the shop up, restarts, reads the peak
 * after start, then signs in 4 times in parallel and reads it again. Beside it, a bare Node
 * process's peak, the floor every host pays. Linux only (reads /proc). Exits non-zero on a miss.
 *
 *   npm run bench:memory
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printTable, verdict } from '../shared/measure';

const root = path.resolve(import.meta.dirname, '..', '..');
const goalMb = 200;
const owner = { name: 'Anna de Vries', email: 'anna@fietsenwinkel.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'Fietsenwinkel De Spaak' };

const peakMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function startHost(dataDir: string): Promise<{ child: ChildProcess; url: URL; token: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron/web/main.ts'), '--data-dir', dataDir, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /Backoffice: (\S+)/.exec(out);
      if (found?.[1]) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
  const url = new URL(line);
  return { child, url, token: url.searchParams.get('token') ?? '' };
}

async function call(host: { url: URL; token: string }, name: string, input: unknown): Promise<unknown> {
  const response = await fetch(new URL(`/api/call/${name}`, host.url), { method: 'POST', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
  return response.json();
}

async function stopHost(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-memory-'));
try {
  const first = await startHost(dataDir);
  await call(first, 'access.setup', owner);
  await stopHost(first.child);

  const host = await startHost(dataDir);
  const pid = host.child.pid ?? 0;
  await call(host, 'app.info', {});
  const atStart = peakMb(pid);
  const signIns = await Promise.all(Array.from({ length: 4 }, () => call(host, 'access.signIn', { email: owner.email, password: owner.password })));
  if (!signIns.every((result) => (result as { ok: boolean }).ok)) throw new Error(`a sign-in failed: ${JSON.stringify(signIns)}`);
  const withSignIns = peakMb(pid);
  await stopHost(host.child);

  const bare = spawnSync(process.execPath, ['-e', "console.log(require('fs').readFileSync('/proc/self/status','utf8').match(/VmHWM:\\s+(\\d+)/)[1])"], { encoding: 'utf8' });
  const bareMb = Number(bare.stdout.trim()) / 1024;

  printTable([
    ['web host peak (VmHWM)', 'MB', 'bare node', 'ratio'],
    ['at start', atStart.toFixed(0), bareMb.toFixed(0), `${(atStart / bareMb).toFixed(1)}×`],
    ['with 4 sign-ins at once', withSignIns.toFixed(0), bareMb.toFixed(0), `${(withSignIns / bareMb).toFixed(1)}×`],
  ]);
  verdict([
    { what: `peak at start ≤ ${goalMb} MB`, met: atStart <= goalMb, figure: `${atStart.toFixed(0)} MB` },
    { what: `peak with 4 sign-ins at once ≤ ${goalMb} MB`, met: withSignIns <= goalMb, figure: `${withSignIns.toFixed(0)} MB` },
  ]);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
