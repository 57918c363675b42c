import { describe, expect, it } from 'vitest';
import { fixedClock, settingsOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { createSqliteLedger } from '../sync/sqliteLedger';
import { commitChange, commitDeletion, fieldHistory } from './records';

const tempDir = useTempDir();
const anna = { by: 'anna@winkel.nl', lang: 'nl' as const };
const bram = { by: 'bram@winkel.nl', lang: 'nl' as const };

describe('the history of a field', () => {
  it('keeps the order of changes made through two connections to one file', () => {
    const dir = tempDir();
    const clock = fixedClock('2026-11-28T10:00:00Z');
    const first = settingsOn(dir, clock);
    const second = settingsOn(dir, clock);
    // Each connection knows the field's newest id after its first change; the other's commits must not be overwritten or refused.
    expect(first.settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna).ok).toBe(true);
    expect(second.settings.writeGroup('company.general', { companyName: 'De Spaak bv' }, bram).ok).toBe(true);
    expect(first.settings.writeGroup('company.general', { companyName: 'Fietsen De Spaak' }, anna).ok).toBe(true);
    expect(second.settings.writeGroup('company.general', { companyName: 'Fietsen De Spaak bv' }, bram).ok).toBe(true);
    const history = first.settings.history('company.general', 'companyName');
    expect(history.ok && history.value.map((entry) => [entry.by, entry.newValue])).toEqual([
      ['bram@winkel.nl', 'Fietsen De Spaak bv'],
      ['anna@winkel.nl', 'Fietsen De Spaak'],
      ['bram@winkel.nl', 'De Spaak bv'],
      ['anna@winkel.nl', 'De Spaak'],
    ]);
    first.store.close();
    second.store.close();
  });

  it('continues in order after a transaction that wrote history was rolled back', () => {
    const { settings, store } = settingsOn(tempDir());
    const change = (companyName: string) => ({ collection: 'settings', id: 'company.general', before: {}, changes: { companyName }, by: 'anna@winkel.nl', origin: 'local' as const, at: new Date('2026-11-28T10:00:00Z') });
    commitChange(store.sqlite, change('De Spaak'));
    const failing = store.sqlite.transaction(() => {
      commitChange(store.sqlite, change('Teruggedraaid'));
      throw new Error('the caller’s own check failed after the write');
    });
    expect(() => failing()).toThrow();
    commitChange(store.sqlite, change('De Spaak bv'));
    const history = settings.history('company.general', 'companyName');
    expect(history.ok && history.value.map((entry) => entry.newValue)).toEqual(['De Spaak bv', 'De Spaak']);
    store.close();
  });

  it('shows a change still waiting for the cloud, and the same entries once the cloud has taken it', () => {
    const clock = fixedClock('2026-11-28T10:00:00Z');
    const { settings, store } = settingsOn(tempDir(), clock);
    settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna);
    clock.set('2026-11-28T10:05:00Z');
    settings.writeGroup('company.general', { companyName: 'De Spaak bv' }, bram);
    const shown = () => {
      const history = settings.history('company.general', 'companyName');
      return history.ok && history.value.map((entry) => [entry.at, entry.by, entry.origin, entry.oldValue, entry.newValue]);
    };
    const expected = [
      ['2026-11-28T10:05:00.000Z', 'bram@winkel.nl', 'local', 'De Spaak', 'De Spaak bv'],
      ['2026-11-28T10:00:00.000Z', 'anna@winkel.nl', 'local', '', 'De Spaak'],
    ];
    expect(shown()).toEqual(expected);
    // The cloud takes the first change: its entry moves into history and the view stays the same.
    const ledger = createSqliteLedger(store);
    const answer = (rev: number) => {
      const [sent] = ledger.pendingBatch(10);
      if (!sent) throw new Error('nothing was queued');
      ledger.recordOutcomes([sent], [{ mutationId: sent.mutationId, status: 'accepted', fields: { companyName: { status: 'applied', rev } } }], new Date());
    };
    answer(1);
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM history').get()).toEqual({ n: 1 });
    expect(shown()).toEqual(expected);
    answer(2);
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM history').get()).toEqual({ n: 2 });
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    expect(shown()).toEqual(expected);
    // A later change lands on top of the ones the cloud has.
    clock.set('2026-11-28T10:10:00Z');
    settings.writeGroup('company.general', { companyName: 'Fietsen De Spaak' }, anna);
    answer(3);
    const latest = shown();
    expect(latest && latest[0]).toEqual(['2026-11-28T10:10:00.000Z', 'anna@winkel.nl', 'local', 'De Spaak bv', 'Fietsen De Spaak']);
    expect(latest).toHaveLength(3);
    store.close();
  });

  it('keeps a change in history whatever removes it from the outbox', () => {
    const { settings, store } = settingsOn(tempDir());
    settings.writeGroup('company.general', { companyName: 'De Spaak', description: 'Fietsen' }, anna);
    // As when a person drops a refused change: no answer from the cloud, the row is simply gone.
    store.sqlite.prepare('DELETE FROM outbox').run();
    expect(settings.history('company.general', 'companyName')).toMatchObject({ ok: true, value: [{ by: 'anna@winkel.nl', newValue: 'De Spaak' }] });
    expect(settings.history('company.general', 'description')).toMatchObject({ ok: true, value: [{ by: 'anna@winkel.nl', newValue: 'Fietsen' }] });
    store.close();
  });

  it('writes the change of a field of this workstation only into history at once', () => {
    const { settings, store } = settingsOn(tempDir());
    settings.writeGroup('media.receiptPrinter', { port: 9101 }, anna);
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    expect(settings.history('media.receiptPrinter', 'port')).toMatchObject({ ok: true, value: [{ by: 'anna@winkel.nl', oldValue: 9100, newValue: 9101 }] });
    store.close();
  });

  it('shows the removal of a record, queued and after the cloud has it', () => {
    const { store } = settingsOn(tempDir());
    const at = new Date('2026-11-28T10:00:00Z');
    commitChange(store.sqlite, { collection: 'paymentMethods', id: 'pm-ideal', before: {}, changes: { nameNl: 'iDEAL' }, by: 'anna@winkel.nl', origin: 'local', at });
    commitDeletion(store.sqlite, { collection: 'paymentMethods', id: 'pm-ideal', by: 'bram@winkel.nl', origin: 'local', at });
    const removal = [{ by: 'bram@winkel.nl', oldValue: false, newValue: true }];
    expect(fieldHistory(store.sqlite, 'paymentMethods', 'pm-ideal', '_deleted')).toMatchObject(removal);
    store.sqlite.prepare('DELETE FROM outbox').run();
    expect(fieldHistory(store.sqlite, 'paymentMethods', 'pm-ideal', '_deleted')).toMatchObject(removal);
    expect(fieldHistory(store.sqlite, 'paymentMethods', 'pm-ideal', 'nameNl')).toMatchObject([{ by: 'anna@winkel.nl', newValue: 'iDEAL' }]);
    store.close();
  });

  it('shows the newest 50 changes of a field when more are waiting for the cloud', () => {
    const clock = fixedClock('2026-11-28T10:00:00Z');
    const { settings, store } = settingsOn(tempDir(), clock);
    for (let day = 1; day <= 60; day += 1) settings.writeGroup('company.billing', { paymentTermDays: day }, anna);
    const history = settings.history('company.billing', 'paymentTermDays');
    expect(history.ok && history.value.map((entry) => entry.newValue)).toEqual(Array.from({ length: 50 }, (_, i) => 60 - i));
    store.close();
  });
});
