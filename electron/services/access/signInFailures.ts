import { createHmac } from 'node:crypto';
import type { LocalStore } from '../../../db/open';
import type { Clock } from '../clock';

export const maxFailures = 5;
export const lockMinutes = 5;

export type Attempt = { allowed: true; attempt: number } | { allowed: false; minutesLeft: number };

/**
 * Failed sign-ins per typed login, on disk so a restart does not reset a lockout. The login is
 * stored only as an HMAC under a local key, never as typed; rows go once their lock window has
 * passed. An attempt is counted before the password is checked, in one immediate transaction, so
 * parallel guesses cannot all slip in before the first failure is written.
 */
export function createSignInFailures({ store, clock, key }: { store: LocalStore; clock: Clock; key: Buffer }) {
  const { sqlite } = store;
  const read = sqlite.prepare<[string], { failures: number; locked_until: string | null }>('SELECT failures, locked_until FROM sign_in_failures WHERE login = ?');
  const write = sqlite.prepare<[string, number, string | null, string]>(
    'INSERT INTO sign_in_failures (login, failures, locked_until, last_failed_at) VALUES (?, ?, ?, ?) ON CONFLICT (login) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, last_failed_at = excluded.last_failed_at',
  );
  const remove = sqlite.prepare<[string]>('DELETE FROM sign_in_failures WHERE login = ?');
  const lock = sqlite.prepare<[string, string]>('UPDATE sign_in_failures SET locked_until = ? WHERE login = ?');
  // A lock that has run out, or failures older than the lock window, are forgotten.
  const purgeExpired = sqlite.prepare<[string, string]>('DELETE FROM sign_in_failures WHERE (locked_until IS NOT NULL AND locked_until <= ?) OR (locked_until IS NULL AND last_failed_at <= ?)');

  const keyed = (login: string) => createHmac('sha256', key).update(login).digest('base64url');
  const lockUntil = (now: Date) => new Date(now.getTime() + lockMinutes * 60_000).toISOString();

  const begin = sqlite.transaction((login: string): Attempt => {
    const now = clock.now();
    purgeExpired.run(now.toISOString(), new Date(now.getTime() - lockMinutes * 60_000).toISOString());
    const id = keyed(login);
    const row = read.get(id);
    if (row?.locked_until) return { allowed: false, minutesLeft: Math.ceil((new Date(row.locked_until).getTime() - now.getTime()) / 60_000) };
    const attempt = (row?.failures ?? 0) + 1;
    if (attempt > maxFailures) {
      write.run(id, attempt, lockUntil(now), now.toISOString());
      return { allowed: false, minutesLeft: lockMinutes };
    }
    write.run(id, attempt, null, now.toISOString());
    return { allowed: true, attempt };
  });

  return {
    /** Counts this attempt; refuses it when the login is locked or enough attempts are already under way. */
    begin: (login: string): Attempt => begin.immediate(login),

    /** The checked attempt failed: the one that reaches the limit locks the login. Returns whether it is now locked. */
    failed(login: string, attempt: number): boolean {
      if (attempt < maxFailures) return false;
      lock.run(lockUntil(clock.now()), keyed(login));
      return true;
    },

    succeeded(login: string): void {
      remove.run(keyed(login));
    },
  };
}

export type SignInFailures = ReturnType<typeof createSignInFailures>;
