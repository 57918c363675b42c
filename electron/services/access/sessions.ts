import { randomUUID } from 'node:crypto';
import type { LocalStore } from '../../../db/open';
import { roles, type RoleId } from '../../../domain/lists/users';
import type { Lang } from '../../../domain/text';
import type { Clock } from '../clock';
import type { Session } from './session';

/** A session ends after this long whatever the user does: a shop day, so a forgotten window does not stay open for a week. */
export const maxSessionHours = 12;

interface LiveSession {
  id: string;
  userId: string;
  lang: Lang;
  startedAt: number;
  lastActive: number;
  /** When the password was last set as this session began; a later change ends the session. */
  passwordSetAt: string | null;
}

export interface StoredUser {
  id: string;
  name: string;
  email: string;
  role: RoleId;
  active: boolean;
}

export interface SessionDeps {
  store: LocalStore;
  clock: Clock;
  idleLimitMs(): number;
}

/**
 * Sessions in memory (a restart signs everyone out). A session is only an id and a user id: on
 * every look-up the user is read as stored now, so a role change applies to the very next call
 * and a deactivated, deleted or till-only user, or one whose password was changed elsewhere, is
 * signed out at once. Looking a session up is not activity; only `touch` (a user's action) is.
 */
export function createSessionRegistry({ store, clock, idleLimitMs }: SessionDeps) {
  const live = new Map<string, LiveSession>();
  const readUser = store.sqlite.prepare<[string], { data: string; deleted: number }>("SELECT data, deleted FROM records WHERE collection = 'users' AND id = ?");
  const readPasswordSetAt = store.sqlite.prepare<[string], { updated_at: string }>("SELECT updated_at FROM credentials WHERE user_id = ? AND kind = 'password'");

  function storedUser(userId: string): StoredUser | null {
    const row = readUser.get(userId);
    if (!row || row.deleted) return null;
    const data = JSON.parse(row.data) as Omit<StoredUser, 'id'>;
    return { id: userId, ...data };
  }

  const passwordSetAt = (userId: string): string | null => readPasswordSetAt.get(userId)?.updated_at ?? null;

  /** Why a stored user may not (any more) use the back office, or null. */
  function allowed(user: StoredUser | null): user is StoredUser {
    return user !== null && user.active !== false && roles.find((role) => role.value === user.role)?.posOnly === false;
  }

  return {
    storedUser,
    allowed,

    open(user: StoredUser, lang: Lang): Session {
      const now = clock.now().getTime();
      const entry: LiveSession = { id: randomUUID(), userId: user.id, lang, startedAt: now, lastActive: now, passwordSetAt: passwordSetAt(user.id) };
      live.set(entry.id, entry);
      return { id: entry.id, userId: user.id, name: user.name, email: user.email, role: user.role, lang };
    },

    /** The session with the user as stored now, or null once it has ended for any reason. */
    find(id: string | null | undefined): Session | null {
      const entry = id ? live.get(id) : undefined;
      if (!entry) return null;
      const now = clock.now().getTime();
      const user = storedUser(entry.userId);
      const ended =
        now - entry.lastActive > idleLimitMs() || now - entry.startedAt > maxSessionHours * 3_600_000 || !allowed(user) || passwordSetAt(entry.userId) !== entry.passwordSetAt;
      if (ended || !user) {
        live.delete(entry.id);
        return null;
      }
      return { id: entry.id, userId: user.id, name: user.name, email: user.email, role: user.role, lang: entry.lang };
    },

    /** Something the user did: resets the idle time. Background polls never call this. */
    touch(id: string): void {
      const entry = live.get(id);
      if (entry) entry.lastActive = clock.now().getTime();
    },

    setLanguage(id: string, lang: Lang): void {
      const entry = live.get(id);
      if (entry) entry.lang = lang;
    },

    /** After the user's password changed: every other session of theirs ends, `keep` goes on. */
    endOthers(userId: string, keep: string | null): void {
      for (const entry of live.values()) {
        if (entry.userId === userId && entry.id !== keep) live.delete(entry.id);
      }
      const kept = keep ? live.get(keep) : undefined;
      if (kept) kept.passwordSetAt = passwordSetAt(userId);
    },

    end(id: string): void {
      live.delete(id);
    },
  };
}

export type SessionRegistry = ReturnType<typeof createSessionRegistry>;
