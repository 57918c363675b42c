import { describe, expect, it } from 'vitest';
import type { PulledRecord } from '../../../domain/sync/protocol';
import { settingsOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { createRecordWriter } from '../sync/recordWriter';
import { createSqliteLedger } from '../sync/sqliteLedger';

/**
 * A field with a local change still waiting for the cloud keeps its local value when a pull
 * brings another; the record counts those fields (`records.pending`), and every way a change
 * stops waiting must count it off, or the field would never take the cloud's value again.
 */
const tempDir = useTempDir();
const anna = { by: 'anna@winkel.nl', userId: 'user-anna', lang: 'nl' as const };
const refusal = { code: 'invalid', field: 'companyName', message: { nl: 'Ongeldig', en: 'Invalid' } };

function shop() {
  const { settings, store } = settingsOn(tempDir());
  const ledger = createSqliteLedger(store);
  const writer = createRecordWriter(store);
  const pull = (companyName: string, rev: number): PulledRecord => ({
    seq: rev,
    collection: 'settings',
    recordId: 'company.general',
    data: { companyName },
    revs: { companyName: rev },
    deleted: false,
    updatedBy: 'user-bram',
    updatedAt: '2026-11-28T10:00:00.000Z',
  });
  const name = () => settings.get('company.general').companyName;
  const pending = () => store.sqlite.prepare("SELECT pending FROM records WHERE id = 'company.general'").pluck().get();
  return { settings, store, ledger, writer, pull, name, pending };
}

describe('fields waiting for the cloud', () => {
  it('keep their local value through a pull until the last change of the field is answered', () => {
    const { settings, store, ledger, writer, pull, name, pending } = shop();
    settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna);
    settings.writeGroup('company.general', { companyName: 'De Spaak bv' }, anna);
    expect(pending()).toBe('{"companyName":2}');
    const [first] = ledger.pendingBatch(10);
    if (!first) throw new Error('nothing queued');
    ledger.recordOutcomes([first], [{ mutationId: first.mutationId, status: 'accepted', fields: { companyName: { status: 'applied', rev: 1 } } }], new Date());
    writer.applyPulled(pull('Fietsen Jansen', 1));
    expect(name()).toBe('De Spaak bv');
    const [second] = ledger.pendingBatch(10);
    if (!second) throw new Error('the second change was lost');
    expect(second.baseRevs).toEqual({ companyName: 1 });
    ledger.recordOutcomes([second], [{ mutationId: second.mutationId, status: 'accepted', fields: { companyName: { status: 'applied', rev: 2 } } }], new Date());
    expect(pending()).toBe('{}');
    writer.applyPulled(pull('Fietsen Jansen', 3));
    expect(name()).toBe('Fietsen Jansen');
    store.close();
  });

  it('stop waiting when the cloud refuses the change, in a batch or alone', () => {
    const { settings, store, ledger, writer, pull, name, pending } = shop();
    settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna);
    const [sent] = ledger.pendingBatch(10);
    if (!sent) throw new Error('nothing queued');
    ledger.recordOutcomes([sent], [{ mutationId: sent.mutationId, status: 'rejected', reason: refusal }], new Date());
    expect(pending()).toBe('{}');
    writer.applyPulled(pull('Fietsen Jansen', 1));
    expect(name()).toBe('Fietsen Jansen');

    settings.writeGroup('company.general', { companyName: 'De Spaak bv' }, anna);
    const [unreadable] = ledger.pendingBatch(10);
    if (!unreadable) throw new Error('nothing queued');
    ledger.reject(unreadable.mutationId, refusal);
    expect(pending()).toBe('{}');
    writer.applyPulled(pull('Fietsen Jansen & Zn', 2));
    expect(name()).toBe('Fietsen Jansen & Zn');
    store.close();
  });

  it('stop waiting when the cloud answers with a conflict, which keeps the cloud value for a person to choose', () => {
    const { settings, store, ledger, writer, pull, name, pending } = shop();
    settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna);
    const [sent] = ledger.pendingBatch(10);
    if (!sent) throw new Error('nothing queued');
    const conflict = { status: 'conflict', theirs: 'Fietsen Jansen', theirRev: 4, theirBy: 'user-bram', theirAt: '2026-11-28T09:00:00.000Z' } as const;
    expect(ledger.recordOutcomes([sent], [{ mutationId: sent.mutationId, status: 'accepted', fields: { companyName: conflict } }], new Date())).toMatchObject({ conflicts: 1 });
    expect(pending()).toBe('{}');
    writer.applyPulled(pull('Fietsen Jansen & Zn', 5));
    expect(name()).toBe('Fietsen Jansen & Zn');
    store.close();
  });
});
