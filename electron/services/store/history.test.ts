import { describe, expect, it } from 'vitest';
import { fixedClock, settingsOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { commitChange } from './records';

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
});
