/**
 * Issue 13's list goal: updating one item of a list of 5,000 takes ≤ 2 ms. Measured at 50 / 500
 * / 5,000 payment methods through the real list service (validation, list rules, history,
 * outbox, one transaction), next to a raw better-sqlite3 single-row UPDATE of a table of the same
 * size with WAL + synchronous=FULL, so the ratio shows what the service adds to a durable commit.
 * Exits non-zero when the goal is missed.
 *
 *   npm run bench:lists
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../db/open';
import { createEventBus } from '../../electron/services/events';
import { createListService } from '../../electron/services/lists/listService';
import { createFileLogger } from '../../electron/services/logger';
import { commitChange } from '../../electron/services/store/records';
import { printTable, timeMedian, verdict } from '../shared/measure';

const sizes = [50, 500, 5_000];
const updates = 100;
const actor = { by: 'bench', lang: 'nl' as const };

function ours(dir: string, size: number): number {
  fs.mkdirSync(dir, { recursive: true });
  const store = openDatabase(path.join(dir, 'backoffice.sqlite'));
  const at = new Date();
  store.orm.transaction((tx) => {
    for (let i = 0; i < size; i += 1) {
      const changes = { nameNl: `Betaalmethode ${i}`, providerOptionId: 10 + i, type: 'web', active: true, position: i };
      commitChange(tx, { collection: 'paymentMethods', id: `pm${String(i).padStart(5, '0')}`, before: {}, changes, by: 'bench', origin: 'local', at });
    }
  });
  const lists = createListService({ store, clock: { now: () => new Date() }, logger: createFileLogger(path.join(dir, 'logs', 'backoffice.log')), events: createEventBus(), templateDefaults: {} });
  const id = `pm${String(Math.floor(size / 2)).padStart(5, '0')}`;
  const time = timeMedian(updates, (i) => {
    const saved = lists.update('paymentMethods', id, { nameNl: `Hernoemd ${i}` }, actor);
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  });
  store.close();
  return time;
}

function raw(dir: string, size: number): number {
  fs.mkdirSync(dir, { recursive: true });
  const db = new Database(path.join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE items (id TEXT PRIMARY KEY, data TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO items (id, data) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < size; i += 1) insert.run(`pm${i}`, JSON.stringify({ nameNl: `Betaalmethode ${i}` }));
  })();
  const update = db.prepare('UPDATE items SET data = ? WHERE id = ?');
  const time = timeMedian(updates, (i) => update.run(JSON.stringify({ nameNl: `Hernoemd ${i}` }), `pm${Math.floor(size / 2)}`));
  db.close();
  return time;
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-bench-lists-'));
const rows: string[][] = [['items', 'update one item (ms)', 'raw UPDATE (ms)', 'ours / raw']];
let atGoalSize = Number.NaN;
try {
  for (const size of sizes) {
    const mine = ours(path.join(root, `ours-${size}`), size);
    const peer = raw(path.join(root, `raw-${size}`), size);
    rows.push([size.toLocaleString('en'), mine.toFixed(3), peer.toFixed(3), (mine / peer).toFixed(2)]);
    if (size === 5_000) atGoalSize = mine;
  }
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
printTable(rows);
console.log(`median of ${updates} updates each; SQLite WAL, synchronous=FULL on both sides; load average ${os.loadavg()[0]?.toFixed(1)}`);
verdict([{ what: 'update one list item at 5,000 items (≤ 2 ms)', met: atGoalSize <= 2, figure: `${atGoalSize.toFixed(3)} ms` }]);
