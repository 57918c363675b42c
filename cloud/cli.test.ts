import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { pair, pgliteFolder } from './test/harness';

/** `npm run cloud` as a person runs it: a real child process on a real data folder. */
const tsx = path.resolve('node_modules/.bin/tsx');
const started: ChildProcessWithoutNullStreams[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function cloud(args: string[]) {
  const child = spawn(tsx, ['cloud/main.ts', ...args], { stdio: 'pipe' });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => stdout.includes('\n') && resolve(stdout.split('\n')[0] ?? ''));
    void exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  // Commands that are expected to exit are awaited through `exited` instead.
  firstLine.catch(() => undefined);
  return { child, exited, firstLine, output: () => ({ stdout, stderr }) };
}

it('serves on 127.0.0.1 with one line, refuses a second cloud on the same folder, and makes shops and codes there once stopped', async () => {
  const dir = await pgliteFolder();
  folders.push(dir);
  const first = cloud(['--port', '0', '--data-dir', dir]);
  const line = await first.firstLine;
  expect(line).toMatch(/^Cloud: http:\/\/127\.0\.0\.1:\d+$/);
  const url = line.slice('Cloud: '.length);
  expect(await (await fetch(`${url}/health`)).json()).toEqual({ ok: true });

  const second = cloud(['new-shop', 'Fietsenwinkel De Spaak', '--data-dir', dir]);
  expect(await second.exited).not.toBe(0);
  // tsx runs the cloud in a child of its own, so the pid named is that child's.
  expect(second.output().stderr).toMatch(/^The cloud data folder .* is in use by process \d+ on .*Stop that cloud first/);

  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);

  const shop = cloud(['new-shop', 'Fietsenwinkel De Spaak', '--data-dir', dir]);
  expect(await shop.exited).toBe(0);
  expect(shop.output().stdout).toMatch(/^Shop "Fietsenwinkel De Spaak" created \(id [0-9a-f-]{36}\)\.\nPairing code: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4} \(once, until /);
  const code = /Pairing code: (\S+)/.exec(shop.output().stdout)?.[1] ?? '';

  const again = cloud(['--port', '0', '--data-dir', dir]);
  const againUrl = (await again.firstLine).slice('Cloud: '.length);
  expect(await pair(againUrl, code)).toMatchObject({ shopName: 'Fietsenwinkel De Spaak' });
  await expect(pair(againUrl, code)).rejects.toThrow(/403/);
}, 180_000);

it('refuses to start with a --public-url that is plain http to another computer', async () => {
  const dir = await pgliteFolder();
  folders.push(dir);
  const plain = cloud(['--port', '0', '--data-dir', dir, '--public-url', 'http://cloud.despaak.nl']);
  expect(await plain.exited).not.toBe(0);
  expect(plain.output().stderr).toMatch(/^--public-url must start with https:\/\/ \(plain http only for 127\.0\.0\.1 or localhost\), not "http:\/\/cloud\.despaak\.nl"\./);
});
