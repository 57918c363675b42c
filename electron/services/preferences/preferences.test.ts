import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/tempDir';
import { confBacking } from './confBacking';
import { createPreferences } from './preferences';

const tempDir = useTempDir();

describe('preferences', () => {
  it('remembers the language, last section and window across a restart', () => {
    const dir = tempDir();
    const first = createPreferences(confBacking(dir));
    expect(first.all()).toEqual({ language: 'nl', lastSection: null, windowBounds: null });
    expect(first.set('language', 'en')).toBe(true);
    expect(first.set('lastSection', 'company.business')).toBe(true);
    expect(first.set('windowBounds', { x: 10, y: 20, width: 1280, height: 800 })).toBe(true);
    expect(createPreferences(confBacking(dir)).all()).toEqual({
      language: 'en',
      lastSection: 'company.business',
      windowBounds: { x: 10, y: 20, width: 1280, height: 800 },
    });
  });

  it('refuses values that do not fit and keeps the old one', () => {
    const preferences = createPreferences(confBacking(tempDir()));
    expect(preferences.set('language', 'fr')).toBe(false);
    expect(preferences.set('windowBounds', { x: 0, y: 0, width: 10, height: 10 })).toBe(false);
    expect(preferences.all()).toEqual({ language: 'nl', lastSection: null, windowBounds: null });
  });

  it('starts with defaults when the file was damaged or edited by hand', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'preferences.json'), '{"language": "klingon", ');
    expect(createPreferences(confBacking(dir)).get('language')).toBe('nl');
    fs.writeFileSync(path.join(dir, 'preferences.json'), '{"language": "klingon"}');
    expect(createPreferences(confBacking(dir)).get('language')).toBe('nl');
  });
});
