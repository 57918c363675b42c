import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { newUuidV7 } from './uuidV7';

describe('mutation ids from the pooled random bytes', () => {
  it('are distinct UUIDv7s across refills of the pool, stamped with the time they were made', () => {
    const before = Date.now();
    const ids = Array.from({ length: 1_000 }, newUuidV7);
    const after = Date.now();
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(validate(id) && version(id)).toBe(7);
      const madeAt = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
      expect(madeAt).toBeGreaterThanOrEqual(before);
      expect(madeAt).toBeLessThanOrEqual(after);
    }
  });
});
