import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import type { Mutation, PushOutcome } from '../../../domain/sync/protocol';
import { migrationsUpTo } from '../../../test/olderMigrations';
import { backofficeOn, cheapTestHashing, fixedClock, settingsOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { createSqliteLedger } from '../sync/sqliteLedger';
import { appendHistory } from './history';
import { pruneStore } from './pruning';
import { commitChange, fieldHistory } from './records';

/**
 * The history of a change waiting for the cloud, kept in its outbox row until it moves into
 * `history` (db/migrations/0011), when that row is damaged or odd: text cut short on disk, entries
 * not shaped [field, old, new], a record left out at start-up, values of every JSON shape, two
 * connections at once, a database from before the move. Every answer is still taken in and every
 * change shown once. (How the cloud's answers and refusals order it: historyThroughSync.test.ts.)
 */
const tempDir = useTempDir();
const anna = { by: 'Anna', userId: 'user-anna', lang: 'nl' as const };

describe("the history of a field when a waiting change's history is damaged", () => {
  it('still takes in the cloud\'s answer and shows the history when a waiting change\'s history text is damaged on disk', () => {
    const { store, settings } = settingsOn(tempDir());
    settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna);
    store.sqlite.prepare("UPDATE outbox SET history = substr(history, 1, length(history) - 1)").run();
    let viewError: unknown = null;
    try {
      settings.history('company.general', 'description');
    } catch (error) {
      viewError = error;
    }
    const ledger = createSqliteLedger(store);
    const batch = ledger.pendingBatch(10);
    let ackError: unknown = null;
    try {
      ledger.recordOutcomes(batch, batch.map((m) => ({ mutationId: m.mutationId, status: 'accepted', fields: { companyName: { status: 'applied', rev: 1 } } })), new Date());
    } catch (error) {
      ackError = error;
    }
    expect({ viewError: String(viewError), ackError: String(ackError) }).toEqual({ viewError: 'null', ackError: 'null' });
    store.close();
  });

  it('gives the same field twice in one change two places in history', () => {
    const { store } = settingsOn(tempDir());
    commitChange(store.sqlite, { collection: 'paymentMethods', id: 'pm', before: {}, changes: { nameNl: 'a' }, by: 'Anna', origin: 'local', at: new Date() });
    store.sqlite.prepare(`UPDATE outbox SET history = '{"by":"Anna","origin":"local","fields":[["nameNl","null","\\"a\\""],["nameNl","\\"a\\"","\\"b\\""]]}'`).run();
    expect(() => store.sqlite.prepare('DELETE FROM outbox').run()).not.toThrow();
    store.close();
  });

  it('keeps taking in answers and showing the view when entries of a waiting history are not [field, old, new]', () => {
    const { store, settings } = settingsOn(tempDir());
    settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna);
    // Valid JSON of the wrong shape: a text, a number, an object and an empty list beside one good entry.
    store.sqlite.prepare(`UPDATE outbox SET history = '{"by":"Anna","origin":"local","fields":["x",5,{"a":1},[],["companyName","\\"\\"","\\"De Spaak\\""]]}'`).run();
    expect(settings.history('company.general', 'companyName')).toMatchObject({ ok: true, value: [{ by: 'Anna', newValue: 'De Spaak' }] });
    const ledger = createSqliteLedger(store);
    const batch = ledger.pendingBatch(10);
    expect(() => ledger.recordOutcomes(batch, batch.map((m) => ({ mutationId: m.mutationId, status: 'accepted' as const, fields: { companyName: { status: 'applied' as const, rev: 1 } } })), new Date())).not.toThrow();
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    expect(settings.history('company.general', 'companyName')).toMatchObject({ ok: true, value: [{ by: 'Anna', newValue: 'De Spaak' }] });
    store.close();
  });
});

function ackAll(store: Parameters<typeof createSqliteLedger>[0]) {
  const ledger = createSqliteLedger(store);
  let rev = 100;
  for (let sent = ledger.pendingBatch(100); sent.length > 0; sent = ledger.pendingBatch(100)) {
    rev += 1;
    ledger.recordOutcomes(
      sent,
      sent.map((m: Mutation): PushOutcome => ({ mutationId: m.mutationId, status: 'accepted', ...(m.op === 'delete' ? { deleted: true } : {}), fields: Object.fromEntries(Object.keys(m.changes).map((f) => [f, { status: 'applied' as const, rev }])) })),
      new Date(),
    );
  }
}

describe('the history of a field, whatever shape and path a change takes', () => {
  it('keeps a waiting change of a record left out as damaged at start-up in the view, and moves it once', () => {
    const dir = tempDir();
    const first = settingsOn(dir);
    first.settings.writeGroup('company.general', { companyName: 'Offline' }, anna);
    first.store.sqlite.prepare("UPDATE records SET revs = '{\"companyName\": 3' WHERE id = 'company.general'").run();
    first.store.close();
    const { store, settings } = settingsOn(dir);
    expect(store.quarantined.map((r) => r.restoredFrom)).toEqual([null]);
    const queued = settings.history('company.general', 'companyName');
    expect(queued).toMatchObject({ ok: true, value: [{ by: 'Anna', newValue: 'Offline' }] });
    const ledger = createSqliteLedger(store);
    ledger.applyPulled([{ seq: 5, collection: 'settings', recordId: 'company.general', data: { companyName: 'Cloud' }, revs: { companyName: 3 }, deleted: false, updatedBy: 'user-bram', updatedAt: '2026-11-28T09:00:00.000Z' }], '5');
    const batch = ledger.pendingBatch(10);
    ledger.recordOutcomes(batch, batch.map((m) => ({ mutationId: m.mutationId, status: 'accepted' as const, fields: { companyName: { status: 'applied' as const, rev: 4 } } })), new Date());
    const kept = settings.history('company.general', 'companyName');
    expect(kept.ok && kept.value.map((e) => [e.by, e.newValue])).toEqual([['Anna', 'Offline']]);
    store.close();
  });

  it('keeps a file for pruning while only a waiting or refused change names it as the old value', () => {
    const { store } = settingsOn(tempDir());
    const hash = 'a'.repeat(64);
    store.sqlite.prepare("INSERT INTO blobs (hash, bytes, mime, size, created_at) VALUES (?, x'00', 'image/png', 1, '2020-01-01T00:00:00.000Z')").run(hash);
    commitChange(store.sqlite, { collection: 'settings', id: 'company.general', before: { logo: { hash, type: 'image/png', name: 'logo.png', size: 1 } }, changes: { logo: null }, by: 'Anna', origin: 'local', at: new Date() });
    expect(pruneStore(store.sqlite, new Date()).files).toBe(0);
    store.sqlite.prepare("UPDATE outbox SET state = 'rejected'").run();
    expect(pruneStore(store.sqlite, new Date()).files).toBe(0);
    store.close();
  });

  it('moves values of every JSON shape into history exactly as they were written', () => {
    const { store } = settingsOn(tempDir());
    const values: unknown[] = [
      'café “quotes” \'single\' \\ backslash \n newline \u2028 \u0000 nul 🚲 \ud800 lone',
      null,
      { nested: { deeper: [1, 'twee', { drie: null }] }, '"key"': 'x' },
      [1, [2, [3, [4]]], 'é'],
      'x'.repeat(1_000_000),
      0,
      -1.5e-7,
      true,
      '',
    ];
    const at = new Date('2026-11-28T10:00:00Z');
    let before: unknown = undefined;
    for (const value of values) {
      commitChange(store.sqlite, { collection: 'paymentMethods', id: 'pm', before: { v: before }, changes: { v: value }, by: 'Anna “A” 🚲', origin: 'local', at });
      before = value;
    }
    const queued = fieldHistory(store.sqlite, 'paymentMethods', 'pm', 'v');
    ackAll(store);
    const rows = store.sqlite.prepare("SELECT old_value, new_value, by FROM history WHERE field = 'v' ORDER BY id").all() as { old_value: string; new_value: string; by: string }[];
    let prev: unknown = undefined;
    rows.forEach((row, i) => {
      expect(row.new_value).toBe(JSON.stringify(values[i] ?? null));
      expect(row.old_value).toBe(JSON.stringify(prev ?? null));
      expect(row.by).toBe('Anna “A” 🚲');
      prev = values[i];
    });
    expect(fieldHistory(store.sqlite, 'paymentMethods', 'pm', 'v')).toEqual(queued);
    store.close();
  });

  it('keeps every change of a list item once and in order after the cloud has them all', () => {
    const office = backofficeOn(tempDir(), { clock: fixedClock('2026-11-28T10:00:00Z'), hashingCost: cheapTestHashing });
    const { lists } = office.services;
    const ids: string[] = [];
    for (const name of ['iDEAL', 'PayPal', 'Bancontact']) {
      const made = lists.create('paymentMethods', { nameNl: name }, anna);
      if (!made.ok) throw new Error(made.error.message);
      ids.push(made.value.id);
    }
    lists.update('paymentMethods', ids[0]!, { nameNl: 'iDEAL 2' }, anna);
    lists.update('paymentMethods', ids[0]!, { nameNl: 'iDEAL 3' }, anna);
    lists.reorder('paymentMethods', [ids[2]!, ids[0]!, ids[1]!], anna);
    lists.remove('paymentMethods', ids[1]!, anna);
    const before = ids.flatMap((id) => ['nameNl', 'order', '_deleted'].map((f) => fieldHistory(office.store.sqlite, 'paymentMethods', id, f)));
    ackAll(office.store);
    const after = ids.flatMap((id) => ['nameNl', 'order', '_deleted'].map((f) => fieldHistory(office.store.sqlite, 'paymentMethods', id, f)));
    expect(after).toEqual(before);
    expect(fieldHistory(office.store.sqlite, 'paymentMethods', ids[0]!, 'nameNl').map((e) => e.newValue)).toEqual(['iDEAL 3', 'iDEAL 2', 'iDEAL']);
    expect(fieldHistory(office.store.sqlite, 'paymentMethods', ids[1]!, '_deleted').map((e) => e.newValue)).toEqual([true]);
    const dupes = office.store.sqlite.prepare('SELECT count(*) AS n FROM (SELECT collection, record_id, field, at, new_value, count(*) c FROM history GROUP BY 1,2,3,4,5 HAVING c > 1)').get();
    expect(dupes).toEqual({ n: 0 });
    office.close();
  });

  it('writes a workstation field of a mixed save into history at once and the shared ones once the cloud has them, none twice', () => {
    const { store, settings } = settingsOn(tempDir());
    const written = settings.writeGroup('media.shelfLabels', { startAtLabel: 5, showSku: true }, anna);
    expect(written.ok).toBe(true);
    expect(store.sqlite.prepare("SELECT field FROM history").all()).toEqual([{ field: 'startAtLabel' }]);
    const out = store.sqlite.prepare('SELECT changes, history FROM outbox').get() as { changes: string; history: string };
    expect(Object.keys(JSON.parse(out.changes))).toEqual(['showSku']);
    ackAll(store);
    expect(settings.history('media.shelfLabels', 'startAtLabel')).toMatchObject({ ok: true, value: [{ newValue: 5 }] });
    expect(settings.history('media.shelfLabels', 'showSku')).toMatchObject({ ok: true, value: [{ newValue: true }] });
    store.close();
  });

  it('keeps the ids of a field apart when one connection takes in answers while another writes', () => {
    const dir = tempDir();
    const { store: a, settings } = settingsOn(dir);
    const b = openDatabase(path.join(dir, 'backoffice.sqlite'));
    for (let i = 0; i < 20; i += 1) {
      settings.writeGroup('company.general', { companyName: `A${i}` }, anna);
      // The other connection writes a row for the same field (as a pull would) between A's writes and acks.
      b.sqlite.transaction(() => appendHistory(b.sqlite, { collection: 'settings', recordId: 'company.general', field: 'companyName', oldValue: 'null', newValue: `"B${i}"`, at: new Date().toISOString(), by: 'b', origin: 'sync' }))();
      if (i % 3 === 0) ackAll(b);
    }
    ackAll(a);
    const n = a.sqlite.prepare("SELECT count(*) AS n, count(DISTINCT id) AS d FROM history WHERE field = 'companyName'").get();
    expect(n).toEqual({ n: 40, d: 40 });
    b.close();
    a.close();
  });

  it('shows no change twice from a database that queued changes before their history waited in the outbox', () => {
    const dir = tempDir();
    const file = path.join(dir, 'backoffice.sqlite');
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(dir, '0010_history_by_field_pending_in_records') });
    old.sqlite.prepare("INSERT INTO records (collection, id, data, revs, pending, updated_at, updated_by) VALUES ('settings', 'company.general', '{\"companyName\":\"Oud\"}', '{}', '{\"companyName\":1}', '2026-11-20T09:00:00.000Z', 'Anna')").run();
    old.sqlite.prepare("INSERT INTO history (id, collection, record_id, field, old_value, new_value, at, by, origin) VALUES (1, 'settings', 'company.general', 'companyName', 'null', '\"Oud\"', '2026-11-20T09:00:00.000Z', 'Anna', 'local')").run();
    old.sqlite.prepare("INSERT INTO outbox (mutation_id, device_id, user_id, op, collection, record_id, changes, base_revs, created_at) VALUES ('019ab0c0-0000-7000-8000-000000000007', 'd', 'user-anna', 'update', 'settings', 'company.general', '{\"companyName\":\"Oud\"}', '{\"companyName\":0}', '2026-11-20T09:00:00.000Z')").run();
    old.close();
    const { store, settings } = settingsOn(dir);
    settings.writeGroup('company.general', { companyName: 'Nieuw' }, anna);
    const queued = settings.history('company.general', 'companyName');
    ackAll(store);
    expect(settings.history('company.general', 'companyName')).toEqual(queued);
    expect(queued.ok && queued.value.map((e) => e.newValue)).toEqual(['Nieuw', 'Oud']);
    store.close();
  });
});
