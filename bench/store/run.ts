/**
 * The settings store side by side with conf (what electron-store is built on, the usual way an
 * Electron app keeps settings), on the same machine in one run. Our store does more per write
 * (history, outbox, fsync'd WAL commit), so the ratios show what that durability costs.
 *
 *   npm run bench:store
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { openDatabase, type LocalStore } from '../../db/open';
import { commitChange, listRecords } from '../../electron/services/store/records';

const sizes = [300, 3_000, 30_000];
const fieldsPerRecord = 100;
const repeats = 7;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

function measure(run: (i: number) => void): number {
  return median(Array.from({ length: repeats }, (_, i) => time(() => run(i))));
}

const fieldKey = (i: number) => `field${String(i).padStart(6, '0')}`;

function fillStore(store: LocalStore, size: number): void {
  const at = new Date();
  store.orm.transaction((tx) => {
    for (let start = 0; start < size; start += fieldsPerRecord) {
      const changes = Object.fromEntries(
        Array.from({ length: Math.min(fieldsPerRecord, size - start) }, (_, j) => [fieldKey(start + j), `waarde ${start + j}`]),
      );
      commitChange(tx, { collection: 'settings', id: `group${start / fieldsPerRecord}`, before: {}, changes, by: 'bench', origin: 'local', at });
    }
  });
}

function benchOurs(dir: string, size: number) {
  const file = path.join(dir, 'backoffice.sqlite');
  const store = openDatabase(file);
  fillStore(store, size);
  store.close();
  const cold = measure(() => {
    const reopened = openDatabase(file);
    listRecords(reopened.orm, 'settings');
    reopened.close();
  });
  const store2 = openDatabase(file);
  const readAll = measure(() => listRecords(store2.orm, 'settings'));
  const writeOne = measure((i) =>
    store2.orm.transaction((tx) =>
      commitChange(tx, { collection: 'settings', id: 'group0', before: {}, changes: { [fieldKey(0)]: `nieuw ${i}` }, by: 'bench', origin: 'local', at: new Date() }),
    ),
  );
  const writeHundred = measure((i) =>
    store2.orm.transaction((tx) => {
      const changes = Object.fromEntries(Array.from({ length: 100 }, (_, j) => [fieldKey(j), `nieuw ${i}-${j}`]));
      commitChange(tx, { collection: 'settings', id: 'group0', before: {}, changes, by: 'bench', origin: 'local', at: new Date() });
    }),
  );
  store2.close();
  return { cold, readAll, writeOne, writeHundred };
}

function benchConf(dir: string, size: number) {
  const open = () => new Conf<Record<string, unknown>>({ projectName: 'bench', cwd: dir, configName: 'settings' });
  const conf = open();
  conf.set(Object.fromEntries(Array.from({ length: size }, (_, i) => [fieldKey(i), `waarde ${i}`])));
  const cold = measure(() => void open().store);
  const readAll = measure(() => void conf.store);
  const writeOne = measure((i) => conf.set(fieldKey(0), `nieuw ${i}`));
  const writeHundred = measure((i) => conf.set(Object.fromEntries(Array.from({ length: 100 }, (_, j) => [fieldKey(j), `nieuw ${i}-${j}`]))));
  return { cold, readAll, writeOne, writeHundred };
}

const rows: string[][] = [['fields', 'operation', 'ours (ms)', 'conf (ms)', 'ours / conf']];
for (const size of sizes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-bench-'));
  try {
    const ours = benchOurs(path.join(dir, 'ours'), size);
    const peer = benchConf(path.join(dir, 'conf'), size);
    for (const [name, label] of [['cold', 'cold open + read all'], ['readAll', 'read all'], ['writeOne', 'write 1 field'], ['writeHundred', 'write 100 fields']] as const) {
      rows.push([String(size), label, ours[name].toFixed(3), peer[name].toFixed(3), (ours[name] / peer[name]).toFixed(2)]);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => row[c]?.length ?? 0))) ?? [];
for (const row of rows) console.log(row.map((cell, c) => cell.padStart(widths[c] ?? 0)).join('  '));
console.log(`median of ${repeats} runs each; ours = SQLite WAL, synchronous=FULL, with history and outbox rows per write`);
