import { describe, expect, it } from 'vitest';
import type { PulledRecord } from '../../../domain/sync/protocol';
import { backofficeOn, fixedClock } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { pngFile } from '../../../test/pngFile';
import { createSqliteLedger } from '../sync/sqliteLedger';

/**
 * A save starts from the group as the settings service last saw it, without reading it again
 * (settingsService.ts, `known`); these are the saves after the group changed underneath that copy:
 * a pull from the cloud through the real sync ledger, on a real SQLite file. Each save must be
 * judged against the group as stored now, as if it had been read again; and the copy must not
 * change when the answers handed out are changed.
 */
const tempDir = useTempDir();
const anna = { by: 'Anna', userId: 'user-anna', lang: 'nl' as const };

/** Two saves: the first stores the group, the second is the first made from the service's copy of it, which it keeps. */
function saveTwice(settings: ReturnType<typeof setup>['settings']) {
  expect(settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna).ok).toBe(true);
  expect(settings.writeGroup('company.general', { backOfficeName: 'Spaak Utrecht' }, anna).ok).toBe(true);
}

function setup() {
  const office = backofficeOn(tempDir(), { clock: fixedClock('2026-11-28T10:00:00Z') });
  const ledger = createSqliteLedger(office.store);
  const settings = office.services.settings;
  /** What the cloud sends for company.general: Bram's edits at the workstation in the back. */
  const pull = (data: Record<string, unknown>, revs: Record<string, number>, seq: number, recordId = 'company.general') => {
    const record: PulledRecord = { seq, collection: 'settings', recordId, data, revs, deleted: false, updatedBy: 'user-bram', updatedAt: '2026-11-28T11:00:00.000Z' };
    ledger.applyPulled([record], String(seq));
  };
  const queued = () =>
    (office.store.sqlite.prepare("SELECT changes, base_revs FROM outbox WHERE record_id = 'company.general' ORDER BY seq").all() as { changes: string; base_revs: string }[]).map((row) => ({
      changes: JSON.parse(row.changes) as Record<string, unknown>,
      baseRevs: JSON.parse(row.base_revs) as Record<string, number>,
    }));
  return { office, settings, pull, queued };
}

describe('a save after the group changed underneath', () => {
  it('keeps a field the cloud brought in since the last save when another field is saved', () => {
    const { settings, pull } = setup();
    saveTwice(settings);
    pull({ companyName: 'De Spaak', description: 'Fietsen sinds 1920' }, { companyName: 0, description: 3 }, 10);

    const saved = settings.writeGroup('company.general', { companyName: 'De Spaak bv' }, anna);
    expect(saved).toMatchObject({ ok: true, value: { changed: ['companyName'], values: { companyName: 'De Spaak bv', description: 'Fietsen sinds 1920' } } });
    expect(settings.readGroup('company.general')).toMatchObject({ ok: true, value: { values: { companyName: 'De Spaak bv', description: 'Fietsen sinds 1920' } } });
  });

  it('takes saving the value from before a pull as a real change, based on the revision the cloud sent', () => {
    const { settings, pull, queued } = setup();
    saveTwice(settings);
    pull({ companyName: 'De Spaak', description: 'Fietsen sinds 1920' }, { companyName: 0, description: 3 }, 10);

    // Empty is what the description was when this workstation last saved the group.
    const saved = settings.writeGroup('company.general', { description: '' }, anna);
    expect(saved).toMatchObject({ ok: true, value: { changed: ['description'], values: { description: '' } } });
    expect(settings.readGroup('company.general')).toMatchObject({ ok: true, value: { values: { description: '' } } });
    expect(queued().at(-1)).toEqual({ changes: { description: '' }, baseRevs: { description: 3 } });
    expect(settings.history('company.general', 'description')).toMatchObject({ ok: true, value: [{ oldValue: 'Fietsen sinds 1920', newValue: '', by: 'Anna' }, { newValue: 'Fietsen sinds 1920' }] });
  });

  it('counts a field as waiting once for a save after the cloud took the one before', () => {
    const { office, settings, queued } = setup();
    const ledger = createSqliteLedger(office.store);
    saveTwice(settings);
    const sent = ledger.pendingBatch(10);
    expect(sent).toHaveLength(2);
    const taken = (fields: Record<string, unknown>) => Object.fromEntries(Object.keys(fields).map((field) => [field, { status: 'applied' as const, rev: 4 }]));
    ledger.recordOutcomes(sent, sent.map((mutation) => ({ mutationId: mutation.mutationId, status: 'accepted' as const, fields: taken(mutation.changes) })), new Date('2026-11-28T10:01:00Z'));
    expect(queued()).toEqual([]);

    expect(settings.writeGroup('company.general', { companyName: 'De Spaak bv' }, anna).ok).toBe(true);
    const pending = office.store.sqlite.prepare("SELECT pending FROM records WHERE collection = 'settings' AND id = 'company.general'").pluck().get() as string;
    expect(JSON.parse(pending)).toEqual({ companyName: 1 });
    expect(queued()).toEqual([{ changes: { companyName: 'De Spaak bv' }, baseRevs: { companyName: 4 } }]);
  });

  it('judges a save against the group as stored now: a Belgian postcode once the cloud set the country to Belgium', () => {
    const { settings, pull } = setup();
    expect(settings.writeGroup('company.contact', { email: 'info@despaak.nl' }, anna).ok).toBe(true);
    expect(settings.writeGroup('company.contact', { city: 'Utrecht' }, anna).ok).toBe(true);
    expect(settings.writeGroup('company.contact', { postcode: '1000' }, anna)).toMatchObject({ ok: false, error: { fields: [{ field: 'postcode' }] } });
    pull({ country: 'BE', city: 'Brussel' }, { country: 2, city: 0 }, 11, 'company.contact');

    expect(settings.writeGroup('company.contact', { postcode: '1000' }, anna)).toMatchObject({ ok: true, value: { changed: ['postcode'], values: { country: 'BE', postcode: '1000', city: 'Utrecht' } } });
  });
});

describe("the service's copy of a group", () => {
  it('is not changed by whoever changes the values in an answer', () => {
    const { settings } = setup();
    saveTwice(settings);
    const saved = settings.writeGroup('company.general', { companyName: 'De Spaak bv' }, anna);
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value).toMatchObject({ changed: ['companyName'], updatedBy: 'Anna' });
    saved.value.values.companyName = 'Door de ontvanger veranderd';
    // Bram saving what is already there changes nothing, not even who saved last.
    const unchanged = settings.writeGroup('company.general', { companyName: 'De Spaak bv' }, { by: 'Bram', userId: 'user-bram', lang: 'nl' });
    if (!unchanged.ok) throw new Error(unchanged.error.message);
    expect(unchanged.value).toMatchObject({ changed: [], updatedBy: 'Anna' });
    unchanged.value.values.backOfficeName = 'Ook veranderd';

    const next = settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna);
    expect(next).toMatchObject({ ok: true, value: { values: { companyName: 'De Spaak', backOfficeName: 'Spaak Utrecht' } } });
    expect(settings.history('company.general', 'companyName')).toMatchObject({ ok: true, value: [{ oldValue: 'De Spaak bv', newValue: 'De Spaak' }, { oldValue: 'De Spaak', newValue: 'De Spaak bv' }, {}] });
  });

  it('is not changed by whoever sorts a list in an answer or in the event that tells of it', () => {
    const { office, settings } = setup();
    const stored = () => JSON.parse(office.store.sqlite.prepare("SELECT data FROM records WHERE collection = 'settings' AND id = 'backoffice'").pluck().get() as string) as Record<string, unknown>;
    office.events.subscribe((name, payload) => {
      const state = name === 'settings.changed' ? (payload as { state?: { values: Record<string, unknown> } }).state : undefined;
      (state?.values.dashboardWidgets as string[] | undefined)?.reverse();
    });
    expect(settings.writeGroup('backoffice', { idleTimeoutMinutes: 20 }, anna).ok).toBe(true);
    const saved = settings.writeGroup('backoffice', { dashboardWidgets: ['lowStock', 'giftCards'] }, anna);
    if (!saved.ok) throw new Error(saved.error.message);
    // The answer and the event share one state: the listener above has turned this list round.
    expect(saved.value.values.dashboardWidgets).toEqual(['giftCards', 'lowStock']);
    (saved.value.values.dashboardWidgets as string[]).push('returns');

    expect(settings.writeGroup('backoffice', { idleTimeoutMinutes: 30 }, anna).ok).toBe(true);
    expect(stored()).toMatchObject({ dashboardWidgets: ['lowStock', 'giftCards'], idleTimeoutMinutes: 30 });
  });

  it('is not changed by whoever renames a file in an answer', () => {
    const { office, settings } = setup();
    const upload = office.services.attachments.upload({ group: 'company.general', field: 'logo', name: 'logo.png', bytes: pngFile(40, 40, [200, 30, 30]) }, 'nl');
    if (!upload.ok) throw new Error(upload.error.message);
    saveTwice(settings);
    const saved = settings.writeGroup('company.general', { logo: upload.value }, anna);
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.values.logo).toEqual(upload.value);
    (saved.value.values.logo as { name: string }).name = 'door de ontvanger.png';

    expect(settings.writeGroup('company.general', { companyName: 'De Spaak bv' }, anna)).toMatchObject({ ok: true, value: { values: { logo: { name: 'logo.png' } } } });
    expect(settings.readGroup('company.general')).toMatchObject({ ok: true, value: { values: { logo: { name: 'logo.png' } } } });
  });
});
