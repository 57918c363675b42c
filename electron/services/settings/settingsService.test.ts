import { describe, expect, expectTypeOf, it } from 'vitest';
import { fixedClock, settingsOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import type { LocalStore } from '../../../db/open';
import { catalogueVersion, groups } from '../../../domain/settings/catalogue';

const tempDir = useTempDir();
const anna = { by: 'anna@winkel.nl', lang: 'nl' as const };

function counts(store: LocalStore) {
  const count = (table: string) => (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { records: count('records'), history: count('history'), outbox: count('outbox') };
}

describe('settings service', () => {
  it('shows every group with its defaults before anything is saved', () => {
    const { settings, store } = settingsOn(tempDir());
    const snapshot = settings.snapshot();
    expect(Object.keys(snapshot)).toEqual(groups.map((group) => group.key));
    expect(snapshot['company.billing']?.values).toMatchObject({ paymentTermDays: 14, sameAsContact: true, nextInvoiceNumber: 1 });
    expect(snapshot['company.contact']?.values.country).toBe('NL');
    expect(snapshot['email']?.values).not.toHaveProperty('smtpPassword');
    expect(snapshot['company.general']?.updatedBy).toBeNull();
    store.close();
  });

  it('keeps a saved change across a restart, normalised, with who and when', () => {
    const dir = tempDir();
    const first = settingsOn(dir, fixedClock('2026-11-28T10:15:00Z'));
    const saved = first.settings.writeGroup('company.contact', { postcode: '3511ab', city: 'Utrecht', phone: '030 123 4567' }, anna);
    expect(saved).toMatchObject({ ok: true, value: { changed: ['postcode', 'city', 'phone'] } });
    first.store.close();

    const second = settingsOn(dir);
    expect(second.settings.readGroup('company.contact')).toMatchObject({
      ok: true,
      value: {
        values: { postcode: '3511 AB', city: 'Utrecht', phone: '+31 30 123 4567', country: 'NL' },
        updatedAt: '2026-11-28T10:15:00.000Z',
        updatedBy: 'anna@winkel.nl',
      },
    });
    second.store.close();
  });

  it('changes nothing at all when any field is invalid', () => {
    const { settings, store } = settingsOn(tempDir());
    settings.writeGroup('company.business', { accountHolder: 'De Spaak bv' }, anna);
    const before = { counts: counts(store), group: settings.readGroup('company.business') };

    const refused = settings.writeGroup('company.business', { accountHolder: 'Iemand anders', kvkNumber: '123', vatId: 'NL123456789B90' }, anna);
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        message: 'Niet opgeslagen: controleer de gemarkeerde velden.',
        fields: [
          { field: 'kvkNumber', reason: 'kvk.format', message: expect.stringContaining('KvK-nummer') },
          { field: 'vatId', reason: 'vatId.checksum', message: expect.stringContaining('Btw-identificatienummer klopt niet') },
        ],
      },
    });
    expect(counts(store)).toEqual(before.counts);
    expect(settings.readGroup('company.business')).toEqual(before.group);
    store.close();
  });

  it('turns one save into exactly one outbox mutation with the changed fields only', () => {
    const { settings, store } = settingsOn(tempDir());
    settings.writeGroup('products.defaults', { minimumStock: 5, maximumStock: 50, active: true }, anna);
    const mutations = store.sqlite.prepare('SELECT collection, record_id, changes, base_revs, state FROM outbox').all();
    expect(mutations).toEqual([
      {
        collection: 'settings',
        record_id: 'products.defaults',
        changes: JSON.stringify({ minimumStock: 5, maximumStock: 50 }),
        base_revs: JSON.stringify({ minimumStock: 0, maximumStock: 0 }),
        state: 'pending',
      },
    ]);
    settings.writeGroup('products.defaults', { minimumStock: 5 }, anna);
    expect(counts(store).outbox).toBe(1);
    store.close();
  });

  it('writes the mutation in the wire shape: UUIDv7 id, this device, the user id, op and catalogue version', () => {
    const { settings, store } = settingsOn(tempDir());
    settings.writeGroup('company.general', { backOfficeName: 'De Spaak' }, { ...anna, userId: 'user-anna' });
    const row = store.sqlite.prepare('SELECT mutation_id AS mutationId, device_id AS deviceId, user_id AS userId, op, catalogue_version AS catalogueVersion FROM outbox').get() as Record<string, unknown>;
    const device = store.sqlite.prepare("SELECT value FROM meta WHERE key = 'deviceId'").get() as { value: string };
    expect(row).toMatchObject({ deviceId: device.value, userId: 'user-anna', op: 'update', catalogueVersion });
    expect(row.mutationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    store.close();
  });

  it('keeps the receipt printer and the label to start at on this workstation: saved, never queued for the cloud', () => {
    const { settings, store } = settingsOn(tempDir());
    expect(settings.writeGroup('media.receiptPrinter', { host: '192.168.1.50', paperWidth: '58' }, anna)).toMatchObject({ ok: true });
    expect(settings.writeGroup('media.shelfLabels', { startAtLabel: 7, showSku: true }, anna)).toMatchObject({ ok: true });
    expect(settings.readGroup('media.receiptPrinter')).toMatchObject({ ok: true, value: { values: { host: '192.168.1.50', paperWidth: '58' } } });
    expect(settings.history('media.shelfLabels', 'startAtLabel')).toMatchObject({ ok: true, value: [{ oldValue: 1, newValue: 7 }] });
    const queued = store.sqlite.prepare('SELECT record_id AS recordId, changes FROM outbox').all();
    expect(queued).toEqual([{ recordId: 'media.shelfLabels', changes: JSON.stringify({ showSku: true }) }]);
    store.close();
  });

  it('reads a group typed from its fields, defaults filled in', () => {
    const { settings, store } = settingsOn(tempDir());
    settings.writeGroup('company.business', { vatId: 'NL123456782B01' }, anna);
    const business = settings.get('company.business');
    expectTypeOf(business.vatId).toEqualTypeOf<string>();
    expectTypeOf(settings.get('company.billing').paymentTermDays).toEqualTypeOf<number>();
    expectTypeOf(settings.get('media.receiptPrinter').cut).toEqualTypeOf<boolean>();
    expectTypeOf(settings.get('email')).not.toHaveProperty('smtpPassword');
    expect(business.vatId).toBe('NL123456782B01');
    expect(settings.get('company.billing').paymentTermDays).toBe(14);
    store.close();
  });

  it('records the history of a field: who, when, old and new value', () => {
    const clock = fixedClock('2026-11-28T09:00:00Z');
    const { settings, store } = settingsOn(tempDir(), clock);
    settings.writeGroup('company.billing', { paymentTermDays: 30 }, anna);
    clock.set('2026-11-28T11:30:00Z');
    settings.writeGroup('company.billing', { paymentTermDays: 7 }, { by: 'bram@winkel.nl', lang: 'nl' });
    expect(settings.history('company.billing', 'paymentTermDays')).toEqual({
      ok: true,
      value: [
        { at: '2026-11-28T11:30:00.000Z', by: 'bram@winkel.nl', origin: 'local', oldValue: 30, newValue: 7 },
        { at: '2026-11-28T09:00:00.000Z', by: 'anna@winkel.nl', origin: 'local', oldValue: 14, newValue: 30 },
      ],
    });
    store.close();
  });

  it('refuses a default sales channel that does not exist', () => {
    const { settings, store } = settingsOn(tempDir());
    expect(settings.writeGroup('salesChannels.defaults', { publishOn: ['no-such-channel'] }, anna)).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'publishOn', reason: 'unknown_item' }] },
    });
    store.close();
  });

  it('refuses a logo whose file this workstation does not hold, and stores nothing', () => {
    const { settings, store } = settingsOn(tempDir());
    const before = counts(store);
    const logo = { hash: 'ab'.repeat(32), type: 'image/png', name: 'logo.png', size: 2048 };
    expect(settings.writeGroup('company.general', { companyName: 'De Spaak', logo }, anna)).toMatchObject({
      ok: false,
      error: { code: 'invalid', fields: [{ field: 'logo', reason: 'attachment.notStored', message: expect.stringContaining('Logo') }] },
    });
    expect(counts(store)).toEqual(before);
    store.close();
  });

  it('answers an unknown group or unreadable input in the user language', () => {
    const { settings, store } = settingsOn(tempDir());
    expect(settings.writeGroup('colours', {}, { by: 'x', lang: 'en' })).toEqual({
      ok: false,
      error: { code: 'unknown_group', message: 'There are no settings called colours.' },
    });
    expect(settings.writeGroup('company.general', 'backOfficeName=x', anna)).toMatchObject({ ok: false, error: { code: 'not_an_object' } });
    store.close();
  });
});
