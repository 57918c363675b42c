/**
 * The three store goals of issue 13, measured exactly as they are stated, each next to its peer
 * in the same run on the same disk:
 *   1. one validated settings write (the real settings service: validation, history, outbox, one
 *      transaction) vs a raw better-sqlite3 single-row UPDATE with WAL + synchronous=FULL, at
 *      300 / 3,000 / 30,000 stored fields, fresh and after 100,000 edits: ≤ 1.5×;
 *   2. the same write vs conf (electron-store's base) at 3,000 fields: ≥ 10× faster;
 *   3. cold open + migration check + full snapshot, 3,000 fields, after 100,000 edits: ≤ 10 ms.
 * Exits non-zero when a goal is missed.
 *
 *   npm run bench:store
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import Conf from 'conf';
import { openDatabase, type LocalStore } from '../../db/open';
import { createEventBus } from '../../electron/services/events';
import { createFileLogger } from '../../electron/services/logger';
import { createSettingsService } from '../../electron/services/settings/settingsService';
import { commitChange } from '../../electron/services/store/records';
import { median, printTable, verdict, type Goal } from '../shared/measure';

// BENCH_SIZES=3000 BENCH_EDITS=20000 for a quicker look; the goals are stated for the defaults.
const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [300, 3_000, 30_000];
const edits = Number(process.env.BENCH_EDITS ?? 100_000);
const writes = 400;
const warmUp = 1_200;
const fieldsPerRecord = 100;
const clock = { now: () => new Date() };
const actor = { by: 'bench', lang: 'nl' as const };
const fieldKey = (i: number) => `field${String(i).padStart(6, '0')}`;

/** Stored fields beyond the catalogue's: records of 100 fields each, through the store's own commit path. */
function fill(store: LocalStore, size: number): void {
  const at = new Date();
  store.orm.transaction((tx) => {
    for (let start = 0; start < size; start += fieldsPerRecord) {
      const changes = Object.fromEntries(Array.from({ length: Math.min(fieldsPerRecord, size - start) }, (_, j) => [fieldKey(start + j), `waarde ${start + j}`]));
      commitChange(tx, { collection: 'bench', id: `record${start / fieldsPerRecord}`, before: {}, changes, by: 'bench', origin: 'local', at });
    }
  });
}

/** 100,000 one-field edits spread over the stored fields, each with its history row and outbox mutation. */
function edit(store: LocalStore, size: number): void {
  const at = new Date();
  for (let done = 0; done < edits; done += 1_000) {
    store.orm.transaction((tx) => {
      for (let i = done; i < done + 1_000; i += 1) {
        const field = i % size;
        const id = `record${Math.floor(field / fieldsPerRecord)}`;
        commitChange(tx, { collection: 'bench', id, before: {}, changes: { [fieldKey(field)]: `bewerkt ${i}` }, by: 'bench', origin: 'local', at });
      }
    });
  }
}

function openService(file: string, dir: string) {
  const store = openDatabase(file);
  const settings = createSettingsService({ store, clock, logger: createFileLogger(path.join(dir, 'logs', 'backoffice.log')), events: createEventBus() });
  return { store, settings };
}

/** Our side, filled (and edited) to the size asked; `write(i)` is one validated settings write. */
function ours(dir: string, size: number, afterEdits: boolean) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'backoffice.sqlite');
  const { store, settings } = openService(file, dir);
  fill(store, size);
  if (afterEdits) edit(store, size);
  return {
    write(i: number): void {
      const saved = settings.writeGroup('company.general', { companyName: `Fietsenwinkel De Spaak ${i}` }, actor);
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    },
    /** Closing (a WAL checkpoint) is not part of opening: it is timed out of the figure. */
    coldOpens(): number {
      store.close();
      const opens: number[] = [];
      for (let i = 0; i < 15; i += 1) {
        const started = performance.now();
        const reopened = openService(file, dir);
        reopened.settings.snapshot();
        opens.push(performance.now() - started);
        reopened.store.close();
      }
      return median(opens);
    },
  };
}

/** The peer: one table of key and value, the same pragmas, the same number of fields and edits. */
function raw(dir: string, size: number, afterEdits: boolean) {
  fs.mkdirSync(dir, { recursive: true });
  const db = new Database(path.join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO kv (key, value) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < size; i += 1) insert.run(fieldKey(i), `waarde ${i}`);
  })();
  const update = db.prepare('UPDATE kv SET value = ? WHERE key = ?');
  if (afterEdits) {
    for (let done = 0; done < edits; done += 1_000) {
      db.transaction(() => {
        for (let i = done; i < done + 1_000; i += 1) update.run(`bewerkt ${i}`, fieldKey(i % size));
      })();
    }
  }
  return { write: (i: number) => void update.run(`nieuw ${i}`, fieldKey(0)), close: () => db.close() };
}

function conf(dir: string, size: number) {
  const store = new Conf<Record<string, unknown>>({ projectName: 'bench', cwd: dir, configName: 'settings' });
  store.set(Object.fromEntries(Array.from({ length: size }, (_, i) => [fieldKey(i), `waarde ${i}`])));
  return { write: (i: number) => store.set(fieldKey(0), `nieuw ${i}`) };
}

/**
 * Medians of `writes` rounds in which every side writes once, in turn: a commit waits for the
 * disk, and on a shared machine the disk's speed changes from second to second, so both sides
 * of a ratio are sampled at the same moments rather than one after the other.
 *
 * Before sampling, every side makes the same `warmUp` writes, unmeasured. A WAL file grows until
 * the first checkpoint (at 1,000 pages) and is overwritten from its start after that; a commit
 * that grows the file costs ext4 a journal commit on fsync, one that overwrites does not. Without
 * the warm-up, which state a side was sampled in depended on how many pages its fill happened to
 * leave in the WAL (the raw peer's fresh figure was up to twice its figure after edits, with the
 * same UPDATE). 1,200 writes take even the raw peer, one page a write, past its first
 * checkpoint, so every side is measured as a running app finds it: the WAL at its size.
 */
function interleaved(sides: readonly ((i: number) => void)[]): number[] {
  for (let i = 0; i < warmUp; i += 1) for (const write of sides) write(-1 - i);
  const samples = sides.map((): number[] => []);
  for (let i = 0; i < writes; i += 1) {
    sides.forEach((write, side) => {
      const started = performance.now();
      write(i);
      samples[side]?.push(performance.now() - started);
    });
  }
  return samples.map(median);
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-bench-store-'));
const rows: string[][] = [['fields', 'state', 'ours write (ms)', 'raw UPDATE (ms)', 'ours / raw', 'cold open + snapshot (ms)']];
const goals: Goal[] = [];
try {
  for (const size of sizes) {
    for (const afterEdits of [false, true]) {
      const state = afterEdits ? `after ${edits.toLocaleString('en')} edits` : 'fresh';
      const ourSide = ours(path.join(root, `ours-${size}-${state.length}`), size, afterEdits);
      const rawSide = raw(path.join(root, `raw-${size}-${state.length}`), size, afterEdits);
      const withConf = size === 3_000 && !afterEdits;
      const confSide = withConf ? [conf(path.join(root, 'conf'), size).write] : [];
      const [write = Number.NaN, peer = Number.NaN, confWrite = Number.NaN] = interleaved([ourSide.write, rawSide.write, ...confSide]);
      rawSide.close();
      const cold = ourSide.coldOpens();
      const ratio = write / peer;
      rows.push([size.toLocaleString('en'), state, write.toFixed(3), peer.toFixed(3), ratio.toFixed(2), cold.toFixed(2)]);
      goals.push({ what: `settings write vs raw UPDATE, ${size.toLocaleString('en')} fields, ${state} (≤ 1.5×)`, met: ratio <= 1.5, figure: `${ratio.toFixed(2)}×` });
      if (size === 3_000 && afterEdits) goals.push({ what: 'cold open + migration check + snapshot, 3,000 fields after 100,000 edits (≤ 10 ms)', met: cold <= 10, figure: `${cold.toFixed(2)} ms` });
      if (withConf) {
        rows.push([size.toLocaleString('en'), 'conf.set', confWrite.toFixed(3), '', '', '']);
        goals.push({ what: 'settings write vs conf at 3,000 fields (≥ 10× faster)', met: confWrite / write >= 10, figure: `${(confWrite / write).toFixed(1)}× faster` });
      }
    }
  }
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
printTable(rows);
console.log(`median of ${writes} writes each after ${warmUp.toLocaleString('en')} unmeasured ones, the sides taking turns (15 cold opens); SQLite WAL, synchronous=FULL on both sides; load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
verdict(goals);
