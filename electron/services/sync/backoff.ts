/**
 * When to try again after a temporary failure: exponential with full jitter (AWS's advice), so a
 * shop's workstations that lost the cloud together do not all come back in the same second.
 * `random` is a dependency so tests can pin it.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, maxMs: 5 * 60_000 };

export function retryDelay(attempt: number, policy: BackoffPolicy = defaultBackoff, random: () => number = Math.random, atLeastMs = 0): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  return Math.max(atLeastMs, Math.round(ceiling / 2 + (random() * ceiling) / 2));
}
