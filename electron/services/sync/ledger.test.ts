import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Mutation, PulledRecord } from '../../../domain/sync/protocol';
import { backofficeOn, fixedClock } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { createSqliteLedger } from './sqliteLedger';

/**
 * The store side of sync on a real SQLite file: what a pull, an acknowledgement, a conflict and a
 * refusal do to the records, the outbox and the conflicts. The cloud's answers here are written
 * out by hand in the wire shape; the same paths run against the real cloud in the sync suites.
 */
const tempDir = useTempDir();
const anna = { by: 'Anna', userId: 'user-anna', lang: 'nl' as const };
const at = new Date('2026-11-28T12:00:00Z');

function setup() {
  const office = backofficeOn(tempDir(), { clock: fixedClock('2026-11-28T10:00:00Z') });
  const ledger = createSqliteLedger(office.store);
  const general = () => office.services.settings.readGroup('company.general');
  const record = () => office.store.sqlite.prepare("SELECT data, base, revs FROM records WHERE collection = 'settings' AND id = 'company.general'").get() as { data: string; base: string; revs: string };
  const revs = () => JSON.parse(record().revs) as Record<string, number>;
  return { office, ledger, general, revs, settings: office.services.settings, conflicts: office.services.sync.conflicts };
}

function pulled(data: Record<string, unknown>, revs: Record<string, number>, seq = 10): PulledRecord {
  return { seq, collection: 'settings', recordId: 'company.general', data, revs, deleted: false, updatedBy: 'user-bram', updatedAt: '2026-11-28T11:00:00.000Z' };
}

const applied = (mutation: Mutation, rev: number) => ({
  mutationId: mutation.mutationId,
  status: 'accepted' as const,
  fields: Object.fromEntries(Object.keys(mutation.changes).map((field) => [field, { status: 'applied' as const, rev }])),
});

describe('the sync ledger on the workstation store', () => {
  it('applies a pulled record, moves the cursor, and keeps a field that has a local change waiting', () => {
    const { ledger, settings, general, revs, office } = setup();
    settings.writeGroup('company.general', { companyName: 'De Spaak (hier)' }, anna);
    ledger.applyPulled([pulled({ companyName: 'De Spaak (cloud)', backOfficeName: 'Spaak Utrecht' }, { companyName: 4, backOfficeName: 5 })], '10');
    expect(general()).toMatchObject({ ok: true, value: { values: { companyName: 'De Spaak (hier)', backOfficeName: 'Spaak Utrecht' } } });
    expect(revs()).toEqual({ backOfficeName: 5 });
    expect(ledger.cursor()).toBe('10');
    const history = office.services.settings.history('company.general', 'backOfficeName');
    expect(history).toMatchObject({ ok: true, value: [{ origin: 'sync', newValue: 'Spaak Utrecht' }] });
    office.store.close();
  });

  it('never touches a field that belongs to this workstation', () => {
    const { ledger, settings, office } = setup();
    settings.writeGroup('media.receiptPrinter', { port: 9101 }, anna);
    expect(ledger.pendingBatch(10)).toEqual([]);
    ledger.applyPulled([{ ...pulled({ port: 9200, cut: false }, { port: 2, cut: 3 }), recordId: 'media.receiptPrinter' }], '11');
    // A cloud that sent them anyway (an older version) still does not overwrite them.
    expect(settings.readGroup('media.receiptPrinter')).toMatchObject({ ok: true, value: { values: { port: 9101, cut: true } } });
    office.store.close();
  });

  it('never overwrites a field IT locked by policy, neither by a pull nor by a conflict answer', () => {
    const dir = tempDir();
    const policyFile = path.join(dir, 'policy.json');
    fs.writeFileSync(policyFile, JSON.stringify({ settings: { 'company.business.vatId': 'NL004495445B01' } }));
    const office = backofficeOn(dir, { clock: fixedClock('2026-11-28T10:00:00Z'), policyFile });
    const ledger = createSqliteLedger(office.store, office.services.policy);
    const business = () => office.services.settings.readGroup('company.business');
    // Applying the policy at start is a local change like any other; the cloud had another value meanwhile.
    const [managed] = ledger.pendingBatch(10);
    expect(managed).toMatchObject({ recordId: 'company.business', changes: { vatId: 'NL004495445B01' } });
    const theirs = { status: 'conflict' as const, theirs: 'NL123456789B01', theirRev: 4, theirBy: 'user-bram', theirAt: '2026-11-28T11:30:00.000Z' };
    ledger.recordOutcomes([managed!], [{ mutationId: managed!.mutationId, status: 'accepted', fields: { vatId: theirs } }], at);
    expect(business()).toMatchObject({ ok: true, value: { values: { vatId: 'NL004495445B01' } } });

    ledger.applyPulled([{ ...pulled({ vatId: 'NL123456789B01', iban: 'NL91ABNA0417164300' }, { vatId: 6, iban: 7 }), recordId: 'company.business' }], '12');
    expect(business()).toMatchObject({ ok: true, value: { values: { vatId: 'NL004495445B01', iban: 'NL91ABNA0417164300' } } });
    // Nothing to send back: the managed value was never replaced, so no policy rewrite follows.
    expect(ledger.pendingBatch(10)).toEqual([]);
    const vatHistory = office.services.settings.history('company.business', 'vatId');
    expect(vatHistory.ok && vatHistory.value.map((entry) => entry.origin)).toEqual(['local']);
    office.store.close();
  });

  it('takes an acknowledgement: the mutation leaves the outbox and a later edit of the same field is rebased on the new revision', () => {
    const { ledger, settings, revs, office } = setup();
    settings.writeGroup('company.general', { companyName: 'Eerste' }, anna);
    const [first] = ledger.pendingBatch(10);
    settings.writeGroup('company.general', { companyName: 'Tweede' }, anna);
    expect(ledger.recordOutcomes([first!], [applied(first!, 7)], at)).toEqual({ acknowledged: 1, conflicts: 0, rejected: 0 });
    const rest = ledger.pendingBatch(10);
    expect(rest).toHaveLength(1);
    expect(rest[0]).toMatchObject({ changes: { companyName: 'Tweede' }, baseRevs: { companyName: 7 }, userId: 'user-anna' });
    expect(revs()).toEqual({ companyName: 7 });
    office.store.close();
  });

  it('records a conflict exactly once, shows the cloud value meanwhile, and resolving it is a new change', () => {
    const { ledger, settings, general, conflicts, office } = setup();
    settings.writeGroup('company.general', { companyName: 'Van Anna' }, anna);
    const [mine] = ledger.pendingBatch(10);
    const conflict = { mutationId: mine!.mutationId, status: 'accepted' as const, fields: { companyName: { status: 'conflict' as const, theirs: 'Van Bram', theirRev: 9, theirBy: 'user-bram', theirAt: '2026-11-28T11:30:00.000Z' } } };
    expect(ledger.recordOutcomes([mine!], [conflict], at).conflicts).toBe(1);
    // The same answer again (a retried push whose first answer was lost) changes nothing.
    expect(ledger.recordOutcomes([mine!], [conflict], at)).toEqual({ acknowledged: 0, conflicts: 0, rejected: 0 });
    expect(general()).toMatchObject({ ok: true, value: { values: { companyName: 'Van Bram' } } });
    const open = conflicts.open('nl');
    expect(open).toEqual([
      expect.objectContaining({ recordLabel: expect.any(String), fieldLabel: 'Bedrijfsnaam', base: null, mine: 'Van Anna', theirs: 'Van Bram', mineBy: 'user-anna', theirBy: 'user-bram', theirAt: '2026-11-28T11:30:00.000Z' }),
    ]);

    // Choosing one's own value is a new change based on the cloud's revision.
    expect(conflicts.resolve(open[0]!.id, { choose: 'mine' }, anna)).toEqual({ ok: true, value: null });
    expect(conflicts.open('nl')).toEqual([]);
    expect(ledger.pendingBatch(10)).toEqual([expect.objectContaining({ changes: { companyName: 'Van Anna' }, baseRevs: { companyName: 9 } })]);
    expect(general()).toMatchObject({ ok: true, value: { values: { companyName: 'Van Anna' } } });
    office.store.close();
  });

  it('a second edit of the same field, queued before the answer, joins the open conflict instead of making another', () => {
    const { ledger, settings, general, conflicts, office } = setup();
    settings.writeGroup('company.general', { companyName: 'Anna één' }, anna);
    settings.writeGroup('company.general', { companyName: 'Anna twee' }, anna);
    // Two edits of one field never share a batch: the second waits to be rebased on the first's answer.
    expect(ledger.pendingBatch(10)).toHaveLength(1);
    const second = office.store.sqlite.prepare('SELECT mutation_id AS id FROM outbox ORDER BY seq DESC LIMIT 1').get() as { id: string };
    const [first] = ledger.pendingBatch(10);
    const theirs = { status: 'conflict' as const, theirs: 'Bram', theirRev: 4, theirBy: 'user-bram', theirAt: '2026-11-28T11:30:00.000Z' };
    expect(ledger.recordOutcomes([first!], [{ mutationId: first!.mutationId, status: 'accepted', fields: { companyName: theirs } }], at).conflicts).toBe(1);
    // The newer local edit still waits for its own answer, so it stays on screen.
    expect(general()).toMatchObject({ ok: true, value: { values: { companyName: 'Anna twee' } } });
    const [next] = ledger.pendingBatch(10);
    expect(next?.mutationId).toBe(second.id);
    expect(ledger.recordOutcomes([next!], [{ mutationId: second.id, status: 'accepted', fields: { companyName: theirs } }], at).conflicts).toBe(0);
    expect(conflicts.open('nl')).toEqual([expect.objectContaining({ mine: 'Anna twee', theirs: 'Bram' })]);
    expect(general()).toMatchObject({ ok: true, value: { values: { companyName: 'Bram' } } });
    office.store.close();
  });

  it('marks a refused change rejected with its reason, puts the cloud value back, and lets a person throw it away', () => {
    const { ledger, settings, general, conflicts, office } = setup();
    ledger.applyPulled([pulled({ companyName: 'Cloudnaam' }, { companyName: 3 })], '3');
    settings.writeGroup('company.general', { companyName: 'Geweigerd' }, anna);
    const [mine] = ledger.pendingBatch(10);
    const reason = { code: 'invalid', field: 'companyName', message: { nl: 'Bedrijfsnaam is ongeldig.', en: 'Company name is invalid.' } };
    expect(ledger.recordOutcomes([mine!], [{ mutationId: mine!.mutationId, status: 'rejected', reason }], at).rejected).toBe(1);
    expect(general()).toMatchObject({ ok: true, value: { values: { companyName: 'Cloudnaam' } } });
    expect(ledger.pendingBatch(10)).toEqual([]);
    expect(office.services.sync.read()).toMatchObject({ pending: 0, rejected: 1 });
    expect(conflicts.rejected('nl')).toEqual([expect.objectContaining({ mutationId: mine!.mutationId, reason: 'Bedrijfsnaam is ongeldig.', changes: [{ field: 'companyName', label: 'Bedrijfsnaam', value: 'Geweigerd' }] })]);

    expect(conflicts.discard(mine!.mutationId, 'nl')).toEqual({ ok: true, value: null });
    expect(office.services.sync.read()).toMatchObject({ rejected: 0 });
    expect(conflicts.discard(mine!.mutationId, 'nl')).toMatchObject({ ok: false, error: { code: 'unknown_rejected' } });
    office.store.close();
  });

  it('"aanpassen" saves the corrected value as a new change and drops the refused one', () => {
    const { ledger, settings, general, conflicts, office } = setup();
    settings.writeGroup('company.general', { companyName: 'Fout' }, anna);
    const [mine] = ledger.pendingBatch(10);
    ledger.recordOutcomes([mine!], [{ mutationId: mine!.mutationId, status: 'rejected', reason: { code: 'invalid', message: { nl: 'Nee.', en: 'No.' } } }], at);
    expect(conflicts.revise(mine!.mutationId, { companyName: 'Goed' }, anna)).toEqual({ ok: true, value: null });
    expect(general()).toMatchObject({ ok: true, value: { values: { companyName: 'Goed' } } });
    expect(office.services.sync.read()).toMatchObject({ pending: 1, rejected: 0 });
    office.store.close();
  });
});
