import { describe, expect, it } from 'vitest';
import { backofficeOn, fixedClock } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { createSqliteLedger } from './sqliteLedger';
import { createSyncStatus } from './syncStatus';

/**
 * The sync line of the top bar on a workstation that is not paired (yet): how many changes wait,
 * since when, how many the cloud refused and how many conflicts are open. The cloud's answers are
 * written out by hand on a real SQLite file; the paired and "ontkoppeld" states are in
 * syncEngine.test.ts and twoDesktops.test.ts, against the real cloud.
 */
const tempDir = useTempDir();
const anna = { by: 'Anna', userId: 'user-anna', lang: 'nl' as const };

describe('the sync line of the top bar', () => {
  it('counts the changes that wait, names the oldest, and leaves refused ones and open conflicts to their own counts', () => {
    const clock = fixedClock('2026-11-28T09:00:00Z');
    const office = backofficeOn(tempDir(), { clock });
    const ledger = createSqliteLedger(office.store);
    const { settings, lists, sync } = office.services;
    expect(sync.read()).toEqual({
      state: 'notPaired',
      connected: false,
      cloudAccount: null,
      cloudUrl: null,
      pending: 0,
      rejected: 0,
      conflicts: 0,
      oldestPendingAt: null,
      lastSyncAt: null,
      lastError: null,
      nextAttemptAt: null,
      progress: null,
      initialPullDone: false,
    });

    settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna);
    clock.set('2026-11-28T09:30:00Z');
    lists.create('paymentMethods', { nameNl: 'iDEAL' }, anna);
    clock.set('2026-11-28T10:00:00Z');
    settings.writeGroup('company.contact', { phone: '030 123 4567' }, anna);
    expect(sync.read()).toMatchObject({ pending: 3, rejected: 0, conflicts: 0, oldestPendingAt: '2026-11-28T09:00:00.000Z' });

    // The cloud refuses the oldest and answers the company name with a conflict.
    const [name, method] = ledger.pendingBatch(10);
    const at = new Date('2026-11-28T10:05:00Z');
    ledger.recordOutcomes(
      [name!, method!],
      [
        { mutationId: name!.mutationId, status: 'accepted', fields: { companyName: { status: 'conflict', theirs: 'Spaak', theirRev: 3, theirBy: 'user-bram', theirAt: '2026-11-28T10:01:00.000Z' } } },
        { mutationId: method!.mutationId, status: 'rejected', reason: { code: 'invalid', message: { nl: 'Nee.', en: 'No.' } } },
      ],
      at,
    );
    expect(sync.read()).toMatchObject({ pending: 1, rejected: 1, conflicts: 1, oldestPendingAt: '2026-11-28T10:00:00.000Z' });

    const [conflict] = sync.conflicts.open('nl');
    sync.conflicts.resolve(conflict!.id, { choose: 'theirs' }, anna);
    const [refused] = sync.conflicts.rejected('nl');
    sync.conflicts.discard(refused!.mutationId, 'nl');
    expect(sync.read()).toMatchObject({ pending: 1, rejected: 0, conflicts: 0 });
    office.store.close();
  });

  it('reads the same for Systeeminformatie, which has no sync run of its own to report on', () => {
    const office = backofficeOn(tempDir(), { clock: fixedClock('2026-11-28T09:00:00Z') });
    office.services.settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna);
    expect(createSyncStatus(office.store).read()).toMatchObject({ state: 'notPaired', pending: 1, oldestPendingAt: '2026-11-28T09:00:00.000Z', progress: null });
    office.store.close();
  });
});
