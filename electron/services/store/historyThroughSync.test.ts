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
 * A change waiting for the cloud keeps its history rows in its outbox row; they move into `history`
 * when the row leaves (answered, or thrown away) or is refused (db/migrations/0011). Whatever the
 * cloud answers and whatever the clock says, the view shows every change once, the one that gave
 * the field its current value on top. (From an outside review of that change.)
 */
const tempDir = useTempDir();
const anna = { by: 'Anna', userId: 'user-anna', lang: 'nl' as const };
const bramAt = '2026-11-28T11:30:00.000Z';
const clash = (theirs: unknown, theirRev = 9) => ({ status: 'conflict' as const, theirs, theirRev, theirBy: 'user-bram', theirAt: bramAt });

function setup() {
  const clock = fixedClock('2026-11-28T10:00:00Z');
  const office = backofficeOn(tempDir(), { clock, hashingCost: cheapTestHashing });
  const ledger = createSqliteLedger(office.store);
  const answer = (reply: (mutation: Mutation) => PushOutcome, at = new Date('2026-11-28T12:00:00Z')) => {
    const batch = ledger.pendingBatch(50);
    return ledger.recordOutcomes(batch, batch.map(reply), at);
  };
  const acceptAll = () =>
    answer((m) => ({ mutationId: m.mutationId, status: 'accepted', fields: Object.fromEntries(Object.keys(m.changes).map((field) => [field, { status: 'applied', rev: 2 }])) }));
  const { settings, lists, sync } = office.services;
  const shown = (group: string, field: string) => {
    const h = settings.history(group, field);
    if (!h.ok) throw new Error(h.error.message);
    return h.value.map((e) => `${e.by}: ${JSON.stringify(e.oldValue)} -> ${JSON.stringify(e.newValue)}`);
  };
  const value = (group: string, field: string) => {
    const g = settings.readGroup(group);
    return g.ok ? g.value.values[field] : undefined;
  };
  return { office, clock, ledger, answer, acceptAll, settings, lists, conflicts: sync.conflicts, shown, value };
}

describe('the history of a field as the cloud answers', () => {
  it('shows the cloud\'s value on top after a change answered with a conflict', () => {
    const { office, answer, acceptAll, settings, shown, value } = setup();
    settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna);
    acceptAll();
    settings.writeGroup('company.general', { companyName: 'Mijn naam' }, anna);
    answer((m) => ({ mutationId: m.mutationId, status: 'accepted', fields: { companyName: clash('Bram zijn naam') } }));
    expect(value('company.general', 'companyName')).toBe('Bram zijn naam');
    // The cloud's value is in effect, so the newest entry is the one that brought it.
    expect(shown('company.general', 'companyName')).toEqual(['user-bram: "Mijn naam" -> "Bram zijn naam"', 'Anna: "De Spaak" -> "Mijn naam"', 'Anna: "" -> "De Spaak"']);
    office.close();
  });

  it('shows a removal the cloud did not carry out below the change that kept the item', () => {
    const { office, answer, acceptAll, lists } = setup();
    const created = lists.create('paymentMethods', { nameNl: 'iDEAL' }, anna);
    if (!created.ok) throw new Error(created.error.message);
    acceptAll();
    lists.remove('paymentMethods', created.value.id, anna);
    answer((m) => ({ mutationId: m.mutationId, status: 'accepted', deleted: false, fields: { nameNl: clash('iDEAL (Bram)') } }));
    const all = lists.list('paymentMethods');
    expect(all.ok && all.value.map((item) => item.id)).toContain(created.value.id);
    const history = fieldHistory(office.store.sqlite, 'paymentMethods', created.value.id, '_deleted').map((e) => `${e.by}:${String(e.oldValue)}->${String(e.newValue)}`);
    expect(history[0]).toBe('user-bram:true->false');
    office.close();
  });

  it('keeps the order it showed when a refused change is thrown away', () => {
    const { office, clock, answer, acceptAll, settings, conflicts, shown, value } = setup();
    settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna);
    acceptAll();
    clock.set('2026-11-28T10:05:00Z');
    settings.writeGroup('company.general', { companyName: 'Fout' }, anna);
    const batch = createSqliteLedger(office.store).pendingBatch(1);
    answer((m) => ({ mutationId: m.mutationId, status: 'rejected', reason: { code: 'invalid', message: { nl: 'Nee', en: 'No' } } }));
    expect(value('company.general', 'companyName')).toBe('De Spaak');
    const whileRefused = shown('company.general', 'companyName');
    expect(whileRefused).toEqual(['sync: "Fout" -> "De Spaak"', 'Anna: "De Spaak" -> "Fout"', 'Anna: "" -> "De Spaak"']);
    expect(conflicts.discard(batch[0]!.mutationId, 'nl').ok).toBe(true);
    // Nothing changed for the person but the refused row leaving the list: the history must stay as it was.
    expect(shown('company.general', 'companyName')).toEqual(whileRefused);
    office.close();
  });

  it('links old and new values when a refused change is corrected and taken by the cloud', () => {
    const { office, clock, answer, acceptAll, settings, conflicts, shown } = setup();
    settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna);
    acceptAll();
    clock.set('2026-11-28T10:05:00Z');
    settings.writeGroup('company.general', { companyName: 'Fout' }, anna);
    const [refusedOne] = createSqliteLedger(office.store).pendingBatch(1);
    answer((m) => ({ mutationId: m.mutationId, status: 'rejected', reason: { code: 'invalid', message: { nl: 'Nee', en: 'No' } } }));
    clock.set('2026-11-28T10:10:00Z');
    expect(conflicts.revise(refusedOne!.mutationId, { companyName: 'Goed' }, anna).ok).toBe(true);
    acceptAll();
    expect(shown('company.general', 'companyName')).toEqual(['Anna: "De Spaak" -> "Goed"', 'sync: "Fout" -> "De Spaak"', 'Anna: "De Spaak" -> "Fout"', 'Anna: "" -> "De Spaak"']);
    office.close();
  });
});

describe("the history of a field as this workstation's clock moves", () => {
  it('shows a waiting change on top even when this workstation\'s clock is behind the cloud', () => {
    const { office, clock, ledger, settings, shown, value } = setup();
    // Another workstation's change, pulled; the cloud stamped it 10:10 while this machine's clock says 10:00.
    ledger.applyPulled(
      [{ seq: 1, collection: 'settings', recordId: 'company.general', data: { companyName: 'Van Bram' }, revs: { companyName: 1 }, deleted: false, updatedBy: 'user-bram', updatedAt: '2026-11-28T10:10:00.000Z' }],
      '1',
    );
    clock.set('2026-11-28T10:02:00Z');
    settings.writeGroup('company.general', { companyName: 'Van Anna' }, anna);
    expect(value('company.general', 'companyName')).toBe('Van Anna');
    const queued = shown('company.general', 'companyName');
    // Ack it: the entry is now in history, ordered by id.
    const batch = ledger.pendingBatch(10);
    ledger.recordOutcomes(batch, batch.map((m) => ({ mutationId: m.mutationId, status: 'accepted', fields: { companyName: { status: 'applied', rev: 2 } } })), new Date());
    const kept = shown('company.general', 'companyName');
    expect(kept).toEqual(['Anna: "Van Bram" -> "Van Anna"', 'user-bram: null -> "Van Bram"']);
    // The same history, shown differently depending on whether the cloud has answered yet.
    expect(queued).toEqual(kept);
    office.close();
  });
});

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

describe('the history of a field through refusals and clock changes', () => {
  it('shows the current value on top when a refused change is thrown away after a newer one was taken', () => {
    const { office, clock, answer, acceptAll, settings, conflicts, shown, value } = setup();
    settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna);
    acceptAll();
    clock.set('2026-11-28T10:05:00Z');
    settings.writeGroup('company.general', { companyName: 'Fout' }, anna);
    const [refusedOne] = createSqliteLedger(office.store).pendingBatch(1);
    answer((m) => ({ mutationId: m.mutationId, status: 'rejected', reason: { code: 'invalid', message: { nl: 'Nee', en: 'No' } } }));
    clock.set('2026-11-28T10:10:00Z');
    settings.writeGroup('company.general', { companyName: 'Nieuw' }, anna);
    acceptAll();
    conflicts.discard(refusedOne!.mutationId, 'nl');
    expect(value('company.general', 'companyName')).toBe('Nieuw');
    expect(shown('company.general', 'companyName')[0]).toBe('Anna: "De Spaak" -> "Nieuw"');
    office.close();
  });

  it('shows waiting changes in the order they were made when the clock was set back between them', () => {
    const { office, clock, ledger, settings, shown, value } = setup();
    clock.set('2026-11-28T10:05:00Z');
    settings.writeGroup('company.general', { companyName: 'Eerst' }, anna);
    clock.set('2026-11-28T10:01:00Z');
    settings.writeGroup('company.general', { companyName: 'Daarna' }, anna);
    expect(value('company.general', 'companyName')).toBe('Daarna');
    expect(shown('company.general', 'companyName')[0]).toBe('Anna: "Eerst" -> "Daarna"');
    void ledger;
    office.close();
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
