import { describe, expect, it } from 'vitest';
import { backofficeOn, fixedClock, settingsOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { createRecordWriter } from '../sync/recordWriter';
import { createSqliteLedger } from '../sync/sqliteLedger';
import { pruneStore, retention } from './pruning';

const tempDir = useTempDir();
const anna = { by: 'anna@winkel.nl', lang: 'nl' as const };

describe('pruning the store', () => {
  it('keeps the newest 50 changes of a field, and of old ones only the newest', () => {
    const clock = fixedClock('2024-01-01T09:00:00Z');
    const { settings, store } = settingsOn(tempDir(), clock);
    for (let day = 1; day <= 60; day += 1) {
      clock.set(`2024-03-${String((day % 28) + 1).padStart(2, '0')}T10:00:00Z`);
      settings.writeGroup('company.billing', { paymentTermDays: day }, anna);
    }
    settings.writeGroup('company.billing', { invoiceFooter: 'Bedankt voor uw aankoop' }, anna);
    // Changes still queued keep their history in the outbox; once the cloud has them it is in `history`.
    const ledger = createSqliteLedger(store);
    // A batch holds one edit of a field: the cloud answers them one by one, each a revision higher.
    for (let rev = 1, sent = ledger.pendingBatch(100); sent.length > 0; rev += 1, sent = ledger.pendingBatch(100)) {
      const fields = (changes: object) => Object.fromEntries(Object.keys(changes).map((field) => [field, { status: 'applied' as const, rev }]));
      ledger.recordOutcomes(sent, sent.map((mutation) => ({ mutationId: mutation.mutationId, status: 'accepted' as const, fields: fields(mutation.changes) })), new Date());
    }
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });

    const pruned = pruneStore(store.sqlite, new Date('2024-04-01T00:00:00Z'));
    expect(pruned.history).toBe(60 - retention.historyPerField);
    const kept = settings.history('company.billing', 'paymentTermDays');
    expect(kept.ok && kept.value.length).toBe(retention.historyPerField);
    expect(kept.ok && kept.value[0]?.newValue).toBe(60);

    // Three years on, each field keeps the one change that set its current value.
    pruneStore(store.sqlite, new Date('2027-04-01T00:00:00Z'));
    expect(settings.history('company.billing', 'paymentTermDays')).toMatchObject({ ok: true, value: [{ newValue: 60, by: 'anna@winkel.nl' }] });
    expect(settings.history('company.billing', 'invoiceFooter')).toMatchObject({ ok: true, value: [{ newValue: 'Bedankt voor uw aankoop' }] });
    store.close();
  });

  it('keeps a field with a pending local change from a pull until the cloud acknowledges the mutation', () => {
    const { settings, store } = settingsOn(tempDir());
    settings.writeGroup('company.general', { companyName: 'De Spaak bv', description: 'Fietsen' }, anna);
    const writer = createRecordWriter(store);
    const pulled = (seq: number) => ({
      seq,
      collection: 'settings',
      recordId: 'company.general',
      data: { companyName: 'Fietsen Jansen', description: 'Fietsen en scooters', backOfficeName: 'Jansen' },
      revs: { companyName: 2, description: 2, backOfficeName: 2 },
      deleted: false,
      updatedBy: 'bram@winkel.nl',
      updatedAt: '2026-11-28T10:00:00.000Z',
    });
    writer.applyPulled(pulled(1));
    expect(settings.get('company.general')).toMatchObject({ companyName: 'De Spaak bv', description: 'Fietsen', backOfficeName: 'Jansen' });
    // Acknowledged (the cloud took both fields): the outbox row is gone, and the next pull is taken whole.
    const ledger = createSqliteLedger(store);
    const [sent] = ledger.pendingBatch(10);
    if (!sent) throw new Error('the change was not queued');
    const applied = { status: 'applied', rev: 1 } as const;
    ledger.recordOutcomes([sent], [{ mutationId: sent.mutationId, status: 'accepted', fields: { companyName: applied, description: applied } }], new Date());
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    writer.applyPulled(pulled(2));
    expect(settings.get('company.general')).toMatchObject({ companyName: 'Fietsen Jansen', description: 'Fietsen en scooters' });
    store.close();
  });

  it('lets a pull reach a field again once nothing is pending, even when its outbox row went some other way', () => {
    const { settings, store } = settingsOn(tempDir());
    settings.writeGroup('company.general', { companyName: 'De Spaak bv' }, anna);
    // Not through the cloud's answer, so the record still counts the field as waiting.
    store.sqlite.prepare('DELETE FROM outbox').run();
    expect(pruneStore(store.sqlite, new Date('2026-11-28T00:00:00Z')).pendingCleared).toBe(1);
    createRecordWriter(store).applyPulled({
      seq: 1,
      collection: 'settings',
      recordId: 'company.general',
      data: { companyName: 'Fietsen Jansen' },
      revs: { companyName: 2 },
      deleted: false,
      updatedBy: 'bram@winkel.nl',
      updatedAt: '2026-11-28T10:00:00.000Z',
    });
    expect(settings.get('company.general').companyName).toBe('Fietsen Jansen');
    store.close();
  });

  it('forgets handed-in mutation ids after 30 days and leaves pending changes alone', () => {
    const { store } = settingsOn(tempDir());
    store.sqlite.prepare("INSERT INTO handled_mutations VALUES ('old', 'users', 'u1', '2026-01-01T00:00:00.000Z'), ('new', 'users', 'u2', '2026-11-20T00:00:00.000Z')").run();
    store.sqlite.prepare("INSERT INTO outbox (mutation_id, collection, record_id, changes, base_revs, created_at) VALUES ('m', 'users', 'u1', '{}', '{}', '2020-01-01T00:00:00.000Z')").run();
    expect(pruneStore(store.sqlite, new Date('2026-11-28T00:00:00Z'))).toEqual({ history: 0, handledMutations: 1, files: 0, pendingCleared: 0 });
    expect(store.sqlite.prepare('SELECT mutation_id AS id FROM handled_mutations').all()).toEqual([{ id: 'new' }]);
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
    store.close();
  });

  it('remembers a handed-in id while its change is still queued, so a retry after 30 days offline gets the first answer', () => {
    const clock = fixedClock('2026-09-01T10:00:00Z');
    const office = backofficeOn(tempDir(), { clock });
    const lists = office.services.lists;
    const actor = { ...anna, userId: 'user-anna' };
    const first = lists.create('paymentMethods', { nameNl: 'iDEAL', providerOptionId: 10 }, actor, '01a22682-0000-7000-8000-00000000abcd');
    expect(first.ok).toBe(true);
    const queued = () => office.store.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE collection = 'paymentMethods'").get();
    pruneStore(office.store.sqlite, new Date('2026-11-28T00:00:00Z'));
    const retry = lists.create('paymentMethods', { nameNl: 'iDEAL', providerOptionId: 10 }, actor, '01a22682-0000-7000-8000-00000000abcd');
    expect(retry).toEqual(first);
    expect(queued()).toEqual({ n: 1 });
    void office.close();
  });
});
