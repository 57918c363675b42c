import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import type { GroupKey } from '../../../domain/settings/catalogue';
import { fixedClock } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { createEventBus, type AppEvents } from '../events';
import { createMemoryLogger } from '../logger';
import { createSettingsService } from './settingsService';

const tempDir = useTempDir();
const anna = { by: 'anna@winkel.nl', userId: '0190f3a0-0000-7000-8000-000000000001', lang: 'nl' as const };

/** The settings service as a host builds it, with the event bus the windows listen on. */
function settingsWithEvents() {
  const store = openDatabase(path.join(tempDir(), 'backoffice.sqlite'));
  const logger = createMemoryLogger();
  const events = createEventBus();
  const heard: AppEvents['settings.changed'][] = [];
  events.subscribe((name, payload) => {
    if (name === 'settings.changed') heard.push(payload as AppEvents['settings.changed']);
  });
  const settings = createSettingsService({ store, clock: fixedClock('2026-11-28T10:15:00Z'), logger, events });
  const rows = (table: string) => (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { store, logger, settings, heard, rows };
}

describe('what other windows and the log hear of a settings save', () => {
  it('tells the other windows once, after the save, with the saved state', () => {
    const { settings, heard, store } = settingsWithEvents();
    settings.writeGroup('company.contact', { city: 'Utrecht' }, anna);
    expect(heard).toEqual([
      {
        group: 'company.contact',
        by: 'anna@winkel.nl',
        state: expect.objectContaining({ key: 'company.contact', values: expect.objectContaining({ city: 'Utrecht', country: 'NL' }), updatedAt: '2026-11-28T10:15:00.000Z', updatedBy: 'anna@winkel.nl' }),
      },
    ]);
    expect(heard[0]?.state).not.toHaveProperty('changed');
    store.close();
  });

  it('saving the same values again answers with the state, writes no history or outbox and tells no window', () => {
    const { settings, heard, rows, store } = settingsWithEvents();
    settings.writeGroup('company.contact', { city: 'Utrecht' }, anna);
    const before = { history: rows('history'), outbox: rows('outbox') };
    expect(settings.writeGroup('company.contact', { city: 'Utrecht' }, anna)).toMatchObject({ ok: true, value: { changed: [], values: { city: 'Utrecht' }, updatedBy: 'anna@winkel.nl' } });
    expect({ history: rows('history'), outbox: rows('outbox') }).toEqual(before);
    expect(heard).toHaveLength(1);
    store.close();
  });

  it('a refused save tells no window', () => {
    const { settings, heard, store } = settingsWithEvents();
    expect(settings.writeGroup('company.contact', { postcode: 'geen postcode' }, anna)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(heard).toEqual([]);
    store.close();
  });

  it('logs which fields of which group were saved and by whom, never the values', () => {
    const { settings, logger, store } = settingsWithEvents();
    settings.writeGroup('company.contact', { city: 'Utrecht', phone: '030 123 4567' }, anna);
    const written = logger.lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.event === 'settings.written');
    expect(written).toEqual([expect.objectContaining({ group: 'company.contact', fields: ['city', 'phone'], by: 'anna@winkel.nl', mutationId: expect.any(String) })]);
    expect(logger.lines.join('\n')).not.toContain('Utrecht');
    store.close();
  });
});

describe('a settings call that cannot be answered', () => {
  it('refuses a list or nothing in place of the fields, and writes nothing', () => {
    const { settings, rows, store } = settingsWithEvents();
    for (const input of [[{ city: 'Utrecht' }], null]) {
      expect(settings.writeGroup('company.contact', input, anna)).toEqual({ ok: false, error: { code: 'not_an_object', message: 'De wijziging is onleesbaar: verwacht werden velden met waarden.' } });
    }
    expect(rows('records')).toBe(0);
    store.close();
  });

  it('answers an unknown group in Dutch unless asked otherwise, when reading it or its history', () => {
    const { settings, store } = settingsWithEvents();
    const unknown = { ok: false, error: { code: 'unknown_group', message: 'Er bestaan geen instellingen met de naam kleuren.' } };
    expect(settings.readGroup('kleuren')).toEqual(unknown);
    expect(settings.history('kleuren', 'tint')).toEqual(unknown);
    expect(settings.history('kleuren', 'tint', 'en')).toMatchObject({ ok: false, error: { message: 'There are no settings called kleuren.' } });
    expect(() => settings.get('kleuren' as GroupKey)).toThrow('settings group kleuren is not in the catalogue');
    store.close();
  });
});
