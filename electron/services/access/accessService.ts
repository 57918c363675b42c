import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { LocalStore } from '../../../db/open';
import { credentials, signInFailures } from '../../../db/schema';
import { passwordMinLength, pinPattern, roles, users, type RoleId } from '../../../domain/lists/users';
import { describe as describeReason } from '../../../domain/messages';
import { failure, success, type Result } from '../../../domain/result';
import { findGroup, groupDefaults } from '../../../domain/settings/catalogue';
import { validateChange, type FieldError } from '../../../domain/settings/validate';
import type { Lang } from '../../../domain/text';
import type { Session } from './session';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { SettingsService } from '../settings/settingsService';
import { commitChange, listRecords } from '../store/records';
import { hashSecret, verifySecret } from './secretHash';

export const maxFailures = 5;
export const lockMinutes = 5;

export interface AccessDeps {
  store: LocalStore;
  clock: Clock;
  logger: Logger;
  settings: SettingsService;
}

const setupInput = z.object({ name: z.string(), email: z.string(), password: z.string(), backOfficeName: z.string() });
const signInInput = z.object({ email: z.string().max(320), password: z.string().max(1024) });

/** Why a password (at least 12 characters) or till PIN (4-6 digits) is refused, or null. */
function credentialRefusal(kind: 'password' | 'pin', secret: string, lang: Lang): FieldError | null {
  if (kind === 'password' ? secret.length >= passwordMinLength : pinPattern.test(secret)) return null;
  const label = kind === 'password' ? (lang === 'nl' ? 'Wachtwoord' : 'Password') : 'PIN';
  const reason = kind === 'password' ? 'password.tooShort' : 'pin.format';
  return { field: kind, reason, message: describeReason(reason, lang, { label, min: passwordMinLength }) };
}

interface UserRecord {
  id: string;
  name: string;
  email: string;
  role: RoleId;
  active: boolean;
}

/**
 * Who may use the back office: the first Administrator at setup, sign-in with a lockout that
 * survives a restart, and sessions that end on sign-out or after the idle time set in
 * BackOffice-instellingen. Sessions live in memory only: a restart signs everyone out.
 */
export function createAccessService({ store, clock, logger, settings }: AccessDeps) {
  const { orm } = store;
  const sessions = new Map<string, { session: Session; lastSeen: number }>();
  // Compared against when the e-mail address is unknown, so a wrong address takes as long as a wrong password.
  const decoyHash = hashSecret(randomUUID());

  const activeUsers = (): UserRecord[] =>
    listRecords(orm, 'users')
      .filter((record) => !record.deleted)
      .map((record) => ({ id: record.id, ...(record.data as Omit<UserRecord, 'id'>) }));

  function openSession(user: UserRecord, lang: Lang): Session {
    const session: Session = { id: randomUUID(), userId: user.id, name: user.name, email: user.email, role: user.role, lang };
    sessions.set(session.id, { session, lastSeen: clock.now().getTime() });
    return session;
  }

  function idleLimitMs(): number {
    return settings.get('backoffice').idleTimeoutMinutes * 60_000;
  }

  return {
    needsSetup(): boolean {
      return activeUsers().length === 0;
    },

    async setup(input: unknown, lang: Lang): Promise<Result<Session>> {
      const parsed = setupInput.safeParse(input);
      if (!parsed.success) return failure({ code: 'invalid_input', message: describeReason('not_an_object', lang) });
      if (!this.needsSetup()) return failure({ code: 'already_set_up', message: describeReason('setup.alreadyDone', lang) });
      const { name, email, password, backOfficeName } = parsed.data;

      const user = validateChange(users, {}, { name, email, role: 'administrator', active: true, stores: [] }, { lang });
      const general = findGroup('company.general');
      if (!general) throw new Error('catalogue has no company.general');
      const company = validateChange(general, groupDefaults(general), { backOfficeName }, { lang });
      const errors: FieldError[] = [...(user.ok ? [] : user.errors), ...(company.ok ? [] : company.errors)];
      const weakPassword = credentialRefusal('password', password, lang);
      if (weakPassword) errors.push(weakPassword);
      if (!user.ok || !company.ok || errors.length > 0) {
        return failure({ code: 'invalid', message: describeReason('invalid_change', lang), fields: errors });
      }

      const hash = await hashSecret(password);
      const at = clock.now();
      const id = randomUUID();
      const created = orm.transaction(
        (tx) => {
          if (listRecords(tx, 'users').some((record) => !record.deleted)) return false;
          commitChange(tx, { collection: 'users', id, before: {}, changes: user.values, by: String(user.values.name), origin: 'local', at });
          tx.insert(credentials).values({ userId: id, kind: 'password', hash, updatedAt: at.toISOString() }).run();
          if (Object.keys(company.changes).length > 0) {
            commitChange(tx, { collection: 'settings', id: 'company.general', before: groupDefaults(general), changes: company.changes, by: String(user.values.name), origin: 'local', at });
          }
          return true;
        },
        { behavior: 'immediate' },
      );
      if (!created) return failure({ code: 'already_set_up', message: describeReason('setup.alreadyDone', lang) });
      logger.info('access.setUp', { userId: id });
      return success(openSession({ id, ...(user.values as Omit<UserRecord, 'id'>) }, lang));
    },

    async signIn(input: unknown, lang: Lang): Promise<Result<Session>> {
      const parsed = signInInput.safeParse(input);
      if (!parsed.success) return failure({ code: 'invalid_input', message: describeReason('not_an_object', lang) });
      const login = parsed.data.email.trim().toLowerCase();
      const now = clock.now();
      const failures = orm.select().from(signInFailures).where(eq(signInFailures.login, login)).get();
      if (failures?.lockedUntil && new Date(failures.lockedUntil) > now) {
        const minutes = Math.ceil((new Date(failures.lockedUntil).getTime() - now.getTime()) / 60_000);
        return failure({ code: 'locked', message: describeReason('signIn.locked', lang, { minutes }) });
      }

      const user = activeUsers().find((candidate) => candidate.email === login);
      const stored = user && orm.select().from(credentials).where(eq(credentials.userId, user.id)).all().find((c) => c.kind === 'password');
      const matches = await verifySecret(parsed.data.password, stored?.hash ?? (await decoyHash));
      if (!user || !stored || !matches) {
        const count = (failures?.lockedUntil ? 0 : (failures?.failures ?? 0)) + 1;
        const lockedUntil = count >= maxFailures ? new Date(now.getTime() + lockMinutes * 60_000).toISOString() : null;
        orm
          .insert(signInFailures)
          .values({ login, failures: count, lockedUntil })
          .onConflictDoUpdate({ target: signInFailures.login, set: { failures: count, lockedUntil } })
          .run();
        logger.warn('access.signInFailed', { failures: count, locked: lockedUntil !== null });
        return lockedUntil
          ? failure({ code: 'locked', message: describeReason('signIn.locked', lang, { minutes: lockMinutes }) })
          : failure({ code: 'wrong_credentials', message: describeReason('signIn.wrong', lang, { left: maxFailures - count }) });
      }
      if (!user.active) return failure({ code: 'inactive', message: describeReason('signIn.inactive', lang) });
      const role = roles.find((r) => r.value === user.role);
      if (role?.posOnly) return failure({ code: 'pos_only', message: describeReason('signIn.posOnly', lang, { role: role.label[lang] }) });

      orm.delete(signInFailures).where(eq(signInFailures.login, login)).run();
      logger.info('access.signedIn', { userId: user.id });
      return success(openSession(user, lang));
    },

    /** Sets a user's password (at least 12 characters) or till PIN (4-6 digits); stored only as a scrypt hash. */
    async setCredential(userId: string, kind: 'password' | 'pin', secret: string, lang: Lang): Promise<Result<null>> {
      const refusal = credentialRefusal(kind, secret, lang);
      if (refusal) return failure({ code: 'invalid', message: refusal.message, fields: [refusal] });
      if (!activeUsers().some((user) => user.id === userId)) return failure({ code: 'unknown_record', message: describeReason('unknown_record', lang, { label: lang === 'nl' ? 'Deze gebruiker' : 'This user' }) });
      const hash = await hashSecret(secret);
      const updatedAt = clock.now().toISOString();
      orm.insert(credentials).values({ userId, kind, hash, updatedAt }).onConflictDoUpdate({ target: [credentials.userId, credentials.kind], set: { hash, updatedAt } }).run();
      logger.info('access.credentialSet', { userId, kind });
      return success(null);
    },

    /** Which users have a password and a PIN, for the user list; never the hashes. */
    credentialKinds(): Record<string, ('password' | 'pin')[]> {
      const rows = orm.select({ userId: credentials.userId, kind: credentials.kind }).from(credentials).all();
      const byUser: Record<string, ('password' | 'pin')[]> = {};
      for (const row of rows) byUser[row.userId] = [...(byUser[row.userId] ?? []), row.kind];
      return byUser;
    },

    /** The live session for an id, or null once signed out or idle too long; using it counts as activity. */
    session(id: string | null | undefined): Session | null {
      const entry = id ? sessions.get(id) : undefined;
      if (!entry) return null;
      const now = clock.now().getTime();
      if (now - entry.lastSeen > idleLimitMs()) {
        sessions.delete(entry.session.id);
        return null;
      }
      entry.lastSeen = now;
      return entry.session;
    },

    setLanguage(id: string, lang: Lang): void {
      const entry = sessions.get(id);
      if (entry) entry.session = { ...entry.session, lang };
    },

    signOut(id: string): void {
      sessions.delete(id);
    },
  };
}

export type AccessService = ReturnType<typeof createAccessService>;
