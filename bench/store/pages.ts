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
import Database from 'better-sqlite3';
import { openDatabase, type LocalStore } from '../../db/open';
import { createEventBus } from '../../electron/services/events';
import { createFileLogger } from '../../electron/services/logger';
import { createSettingsService } from '../../electron/services/settings/settingsService';
import { commitChange } from '../../electron/services/store/records';
import { printTable } from '../shared/measure';

const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [300, 3_000, 30_000];
const edits = Number(process.env.BENCH_EDITS ?? 100_000);
const counted = 200;
const timed = 5_000;
const fieldsPerRecord = 100;
const actor = { by: 'bench', lang: 'nl' as const };
const fieldKey = (i: number) => `field${String(i).padStart(6, '0')}`;

function fill(store: LocalStore, size: number, afterEdits: boolean): void {
  const at = new Date();
  store.orm.transaction((tx) => {
    for (let start = 0; start < size; start += fieldsPerRecord) {
      const changes = Object.fromEntries(Array.from({ length: Math.min(fieldsPerRecord, size - start) }, (_, j) => [fieldKey(start + j), `waarde ${start + j}`]));
      commitChange(tx, { collection: 'bench', id: `record${start / fieldsPerRecord}`, before: {}, changes, by: 'bench', origin: 'local', at });
    }
  });
  if (!afterEdits) return;
  for (let done = 0; done < edits; done += 1_000) {
    store.orm.transaction((tx) => {
      for (let i = done; i < done + 1_000; i += 1) {
        const field = i % size;
        commitChange(tx, { collection: 'bench', id: `record${Math.floor(field / fieldsPerRecord)}`, before: {}, changes: { [fieldKey(field)]: `bewerkt ${i}` }, by: 'bench', origin: 'local', at });
      }
    });
  }
}

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
  const store = openDatabase(path.join(dir, 'backoffice.sqlite'));
  const settings = createSettingsService({ store, clock: { now: () => new Date() }, logger: createFileLogger(path.join(dir, 'logs', 'backoffice.log')), events: createEventBus() });
  fill(store, size, afterEdits);
  const write = (i: number) => {
    const saved = settings.writeGroup('company.general', { companyName: `Fietsenwinkel De Spaak ${i}` }, actor);
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  };
  return { sqlite: store.sqlite, write, close: () => store.close() };
}

function raw(dir: string, size: number) {
  const db = new Database(path.join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO kv (key, value) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < size; i += 1) insert.run(fieldKey(i), `waarde ${i}`);
  })();
  const update = db.prepare('UPDATE kv SET value = ? WHERE key = ?');
  return { sqlite: db, write: (i: number) => void update.run(`nieuw ${i}`, fieldKey(0)), close: () => db.close() };
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-bench-pages-'));
const rows: string[][] = [['fields', 'state', 'ours frames/write', 'raw frames/write', 'ours CPU (µs)', 'raw CPU (µs)']];
try {
  for (const size of sizes) {
    for (const afterEdits of [false, true]) {
      const dir = path.join(root, `${size}-${afterEdits ? 'edited' : 'fresh'}`);
      fs.mkdirSync(dir, { recursive: true });
      const sides = [ours(dir, size, afterEdits), raw(dir, size)];
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
