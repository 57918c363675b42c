/**
 * The two sides bench/store (timings) and bench/store/pages (frames and CPU) measure, built the same
 * way for both: our store filled through its own commit path and written through the real settings
 * service, and the raw peer, one table of key and value with the same pragmas.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, type LocalStore } from '../../db/open';
import { createEventBus } from '../../electron/services/events';
import { createFileLogger } from '../../electron/services/logger';
import { createSettingsService } from '../../electron/services/settings/settingsService';
import { commitChange } from '../../electron/services/store/records';

// BENCH_SIZES=3000 BENCH_EDITS=20000 for a quicker look; the goals are stated for the defaults.
export const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [300, 3_000, 30_000];
export const edits = Number(process.env.BENCH_EDITS ?? 100_000);
const fieldsPerRecord = 100;
const actor = { by: 'bench', lang: 'nl' as const };
export const fieldKey = (i: number) => `field${String(i).padStart(6, '0')}`;

/** Stored fields beyond the catalogue's, records of 100 fields each; then, when asked, `edits` one-field edits spread over them, each queued in the outbox with its history. */
export function fill(store: LocalStore, size: number, afterEdits: boolean): void {
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

/** Our store in `dir` with the real settings service on it. */
export function openService(dir: string) {
  const store = openDatabase(path.join(dir, 'backoffice.sqlite'));
  const settings = createSettingsService({ store, clock: { now: () => new Date() }, logger: createFileLogger(path.join(dir, 'logs', 'backoffice.log')), events: createEventBus() });
  return { store, settings };
}

/** One validated settings write: validation, the record, history and outbox in one transaction, and the log line. */
export function settingsWrite(settings: ReturnType<typeof openService>['settings']): (i: number) => void {
  return (i) => {
    const saved = settings.writeGroup('company.general', { companyName: `Fietsenwinkel De Spaak ${i}` }, actor);
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  };
}

/** The peer: one table of key and value, WAL + synchronous=FULL, the same number of fields and, when asked, of edits. */
export function rawPeer(dir: string, size: number, afterEdits: boolean): { sqlite: Database.Database; write: (i: number) => void; close: () => void } {
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
  return { sqlite: db, write: (i: number) => void update.run(`nieuw ${i}`, fieldKey(0)), close: () => db.close() };
}

