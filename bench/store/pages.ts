/**
 * What one settings write costs apart from the disk, in figures a loaded machine cannot move:
 *   - WAL frames per write: the pages a commit writes and syncs (the raw peer's UPDATE writes 1);
 *   - CPU time per write with synchronous=OFF: validation, JSON, statements, the WAL write and the
 *     log line, without waiting for fsync.
 * Timings of bench/store on a shared machine swing with the other work on it; these two explain
 * them. The same filled stores as bench/store, at the same sizes, fresh and after the edits.
 *
 *   npm run bench:store:pages
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { printTable } from '../shared/measure';
import { edits, fill, openService, rawPeer, settingsWrite, sizes } from './stores';

const counted = 200;
const timed = 5_000;

/** Frames in the WAL after `count` writes, counted from an emptied WAL with automatic checkpoints off. */
function framesPerWrite(sqlite: Database.Database, write: (i: number) => void): number {
  sqlite.pragma('wal_autocheckpoint = 0');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  for (let i = 0; i < counted; i += 1) write(i);
  const [{ log }] = sqlite.pragma('wal_checkpoint(PASSIVE)') as [{ log: number }];
  sqlite.pragma('wal_autocheckpoint = 1000');
  return log / counted;
}

/**
 * Microseconds of CPU (user + system, this process) per write with synchronous=OFF, after as many
 * unmeasured ones: CPU time, not wall time, so the other work on a shared machine does not count.
 */
function cpuPerWrite(sqlite: Database.Database, write: (i: number) => void): number {
  sqlite.pragma('synchronous = OFF');
  for (let i = 0; i < timed; i += 1) write(-1 - i);
  const started = process.cpuUsage();
  for (let i = 0; i < timed; i += 1) write(i);
  const used = process.cpuUsage(started);
  sqlite.pragma('synchronous = FULL');
  return (used.user + used.system) / timed;
}

function ours(dir: string, size: number, afterEdits: boolean) {
  const { store, settings } = openService(dir);
  fill(store, size, afterEdits);
  return { sqlite: store.sqlite, write: settingsWrite(settings), close: () => store.close() };
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-bench-pages-'));
const rows: string[][] = [['fields', 'state', 'ours frames/write', 'raw frames/write', 'ours CPU (µs)', 'raw CPU (µs)']];
try {
  for (const size of sizes) {
    for (const afterEdits of [false, true]) {
      const dir = path.join(root, `${size}-${afterEdits ? 'edited' : 'fresh'}`);
      fs.mkdirSync(dir, { recursive: true });
      const sides = [ours(dir, size, afterEdits), rawPeer(dir, size, false)];
      const frames = sides.map((side) => framesPerWrite(side.sqlite, side.write));
      const cpu = sides.map((side) => cpuPerWrite(side.sqlite, side.write));
      for (const side of sides) side.close();
      const state = afterEdits ? `after ${edits.toLocaleString('en')} edits` : 'fresh';
      rows.push([size.toLocaleString('en'), state, ...frames.map((f) => f.toFixed(2)), ...cpu.map((c) => c.toFixed(1))]);
    }
  }
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
printTable(rows);
console.log(`frames: ${counted} writes from an emptied WAL; CPU: user + system time of ${timed.toLocaleString('en')} writes with synchronous=OFF; load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
