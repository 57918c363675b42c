import { describe, expect, it } from 'vitest';
import type { Mutation, PushOutcome } from '../../../domain/sync/protocol';
import { backofficeOn, cheapTestHashing, fixedClock } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { createSqliteLedger } from '../sync/sqliteLedger';
import { fieldHistory } from './records';

/**
 * A change waiting for the cloud keeps its history rows in its outbox row; they move into `history`
 * when the row leaves (answered, or thrown away) or is refused (db/migrations/0011). Whatever the
 * cloud answers and whatever the clock says, the view shows every change once, the one that gave
 * the field its current value on top. (From an outside review of that change.) A waiting change
 * whose history is damaged or odd: historyDamagedOrOdd.test.ts.
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
  /** A saved name the cloud takes, then "Fout" at 10:05, which the cloud refuses; answers the refused change's mutation id. */
  const refuseOne = (): string => {
    settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna);
    acceptAll();
    clock.set('2026-11-28T10:05:00Z');
    settings.writeGroup('company.general', { companyName: 'Fout' }, anna);
    const [refused] = ledger.pendingBatch(1);
    answer((m) => ({ mutationId: m.mutationId, status: 'rejected', reason: { code: 'invalid', message: { nl: 'Nee', en: 'No' } } }));
    if (!refused) throw new Error('no change was waiting to be refused');
    return refused.mutationId;
  };
  return { office, clock, ledger, answer, acceptAll, refuseOne, settings, lists, conflicts: sync.conflicts, shown, value };
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
    const { office, refuseOne, conflicts, shown, value } = setup();
    const refused = refuseOne();
    expect(value('company.general', 'companyName')).toBe('De Spaak');
    const whileRefused = shown('company.general', 'companyName');
    expect(whileRefused).toEqual(['sync: "Fout" -> "De Spaak"', 'Anna: "De Spaak" -> "Fout"', 'Anna: "" -> "De Spaak"']);
    expect(conflicts.discard(refused, 'nl').ok).toBe(true);
    // Nothing changed for the person but the refused row leaving the list: the history must stay as it was.
    expect(shown('company.general', 'companyName')).toEqual(whileRefused);
    office.close();
  });

  it('links old and new values when a refused change is corrected and taken by the cloud', () => {
    const { office, clock, acceptAll, refuseOne, conflicts, shown } = setup();
    const refused = refuseOne();
    clock.set('2026-11-28T10:10:00Z');
    expect(conflicts.revise(refused, { companyName: 'Goed' }, anna).ok).toBe(true);
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

describe('the history of a field through refusals and clock changes', () => {
  it('shows the current value on top when a refused change is thrown away after a newer one was taken', () => {
    const { office, clock, acceptAll, refuseOne, settings, conflicts, shown, value } = setup();
    const refused = refuseOne();
    clock.set('2026-11-28T10:10:00Z');
    settings.writeGroup('company.general', { companyName: 'Nieuw' }, anna);
    acceptAll();
    conflicts.discard(refused, 'nl');
    expect(value('company.general', 'companyName')).toBe('Nieuw');
    expect(shown('company.general', 'companyName')[0]).toBe('Anna: "De Spaak" -> "Nieuw"');
    office.close();
  });

  it('shows waiting changes in the order they were made when the clock was set back between them', () => {
    const { office, clock, settings, shown, value } = setup();
    clock.set('2026-11-28T10:05:00Z');
    settings.writeGroup('company.general', { companyName: 'Eerst' }, anna);
    clock.set('2026-11-28T10:01:00Z');
    settings.writeGroup('company.general', { companyName: 'Daarna' }, anna);
    expect(value('company.general', 'companyName')).toBe('Daarna');
    expect(shown('company.general', 'companyName')[0]).toBe('Anna: "Eerst" -> "Daarna"');
    office.close();
  });
});
