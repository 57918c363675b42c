import { describe, expect, it } from 'vitest';
import { relativeAge } from './relativeAge';

const at = Date.parse('2026-11-29T12:00:00Z');
describe('the age of a cached overview in words', () => {
  it('reads as people say it, in whole units rounded down', () => {
    expect(relativeAge('2026-11-29T09:00:00Z', at, 'nl')).toBe('3 uur geleden');
    expect(relativeAge('2026-11-29T09:00:00Z', at, 'en')).toBe('3 hours ago');
    expect(relativeAge('2026-11-29T11:01:00Z', at, 'nl')).toBe('59 minuten geleden');
    expect(relativeAge('2026-11-29T11:59:30Z', at, 'nl')).toBe('nu');
    expect(relativeAge('2026-11-28T11:00:00Z', at, 'nl')).toBe('gisteren');
    expect(relativeAge('2026-11-25T11:00:00Z', at, 'en')).toBe('4 days ago');
  });
});
