import { describe, expect, it } from 'vitest';
import { retryDelay } from './backoff';

describe('retryDelay', () => {
  const policy = { baseMs: 1_000, maxMs: 60_000 };

  it('doubles its ceiling with each failed attempt and never passes the maximum', () => {
    expect(retryDelay(1, policy, () => 1)).toBe(1_000);
    expect(retryDelay(2, policy, () => 1)).toBe(2_000);
    expect(retryDelay(5, policy, () => 1)).toBe(16_000);
    expect(retryDelay(50, policy, () => 1)).toBe(60_000);
  });

  it('spreads workstations over the upper half of the window', () => {
    expect(retryDelay(3, policy, () => 0)).toBe(2_000);
    expect(retryDelay(3, policy, () => 0.5)).toBe(3_000);
  });

  it("respects the cloud's Retry-After when that is longer", () => {
    expect(retryDelay(1, policy, () => 0, 30_000)).toBe(30_000);
  });
});
