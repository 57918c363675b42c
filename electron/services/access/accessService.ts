import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { LocalStore } from '../../../db/open';
import { pinPattern, roles, users } from '../../../domain/lists/users';
import { checkSignIn, lockedSignInMessage, lockoutWarning, wrongSignInMessage } from '../../../domain/access/signIn';
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
import { createCredentialStore } from './credentialStore';
import { passwordRefusal, personalWords } from './passwordRules';
import { createSecretHasher, verifySecret, type ScryptCost } from './secretHash';
import { createSessionRegistry, type StoredUser } from './sessions';
import { createSignInFailures, lockMinutes, maxFailures } from './signInFailures';

export { lockMinutes, maxFailures };

export interface AccessDeps {
  store: LocalStore;
  clock: Clock;
  logger: Logger;
  settings: SettingsService;
  /** The local key the typed logins of failed sign-ins are hashed with (see localKey.ts). */
  failureKey: Buffer;
  /** Right after setup: the first backup is taken then, so no backup ever lacks users. */
  onSetUp?: () => void;
  /**
   * The scrypt cost of new password and PIN hashes: today's set unless given. Only tests that
   * never sync pass a cheaper one (the cloud refuses every cost but the app's own sets).
   */
  hashingCost?: ScryptCost;
}

const setupInput = z.object({ name: z.string(), email: z.string(), password: z.string(), backOfficeName: z.string() });

function pinRefusal(pin: string, lang: Lang): FieldError | null {
  return pinPattern.test(pin) ? null : { field: 'pin', reason: 'pin.format', message: describeReason('pin.format', lang, { label: 'PIN' }) };
}

/**
 * Who may use the back office: the first Administrator at setup, sign-in with a lockout that
 * survives a restart and holds against parallel guesses, passwords that are hard to guess, and
 * sessions that always act as the user is stored now (see sessions.ts).
 */
export function createAccessService({ store, clock, logger, settings, failureKey, onSetUp = () => undefined, hashingCost }: AccessDeps) {
  const { orm, sqlite } = store;
  const { hash: hashSecret, needsRehash } = createSecretHasher(hashingCost);
  const sessions = createSessionRegistry({ store, clock, idleLimitMs });
  const failures = createSignInFailures({ store, clock, key: failureKey });
  // Compared against when the e-mail address is unknown, so a wrong address takes as long as a
  // wrong password; made on first need, not at start-up, so starting costs no scrypt memory.
  let decoyHash: Promise<string> | null = null;
  const credentials = createCredentialStore(store);
  const queuedFromBefore = credentials.queueFromBefore(clock.now());
  if (queuedFromBefore > 0) logger.info('access.credentialsQueued', { count: queuedFromBefore });

  const activeUsers = (): StoredUser[] =>
    listRecords(orm, 'users')
      .filter((record) => !record.deleted)
      .map((record) => ({ id: record.id, ...(record.data as Omit<StoredUser, 'id'>) }));

  function idleLimitMs(): number {
    return settings.get('backoffice').idleTimeoutMinutes * 60_000;
  }

  function shopName(): string | undefined {
    const general = settings.readGroup('company.general');
    return general.ok ? String(general.value.values.backOfficeName ?? '') : undefined;
  }

  /** Stored and queued for the other workstations in one transaction (see credentialStore). */
  function storeCredential(userId: string, kind: 'password' | 'pin', hash: string, actorId?: string): void {
    credentials.save(userId, kind, hash, clock.now(), actorId);
  }

  const invalid = (lang: Lang, fields: FieldError[]) => failure({ code: 'invalid', message: describeReason('invalid_change', lang), fields });

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
      const weakPassword = await passwordRefusal(password, personalWords(name, email, backOfficeName), lang);
      if (weakPassword) errors.push(weakPassword);
      if (!user.ok || !company.ok || errors.length > 0) return invalid(lang, errors);

      const hash = await hashSecret(password);
      const at = clock.now();
      const id = randomUUID();
      const created = orm.transaction(
        (tx) => {
          if (listRecords(tx, 'users').some((record) => !record.deleted)) return false;
          commitChange(tx, { collection: 'users', id, before: {}, changes: user.values, by: String(user.values.name), origin: 'local', at });
          credentials.save(id, 'password', hash, at, id);
          if (Object.keys(company.changes).length > 0) {
            commitChange(tx, { collection: 'settings', id: 'company.general', before: groupDefaults(general), changes: company.changes, by: String(user.values.name), origin: 'local', at });
          }
          return true;
        },
        { behavior: 'immediate' },
      );
      if (!created) return failure({ code: 'already_set_up', message: describeReason('setup.alreadyDone', lang) });
      logger.info('access.setUp', { userId: id });
      onSetUp();
      return success(sessions.open({ id, ...(user.values as Omit<StoredUser, 'id'>) }, lang));
    },

    async signIn(input: unknown, lang: Lang): Promise<Result<Session>> {
      // Before the failure counter: an empty or overlong try is a slip, not a guess, and counts for nothing.
      const checked = checkSignIn(input, lang);
      if (!checked.ok) return failure(checked.error);
      const { email, password } = checked.value;
      const login = email.toLowerCase();
      const attempt = failures.begin(login);
      if (!attempt.allowed) return failure({ code: 'locked', message: lockedSignInMessage(attempt.minutesLeft, lang) });

      const user = activeUsers().find((candidate) => candidate.email === login);
      const stored = user ? credentials.hash(user.id, 'password') : undefined;
      decoyHash ??= hashSecret(randomUUID());
      const matches = await verifySecret(password, stored ?? (await decoyHash), logger);
      if (!user || !stored || !matches) {
        const locked = failures.failed(login, attempt.attempt);
        logger.warn('access.signInFailed', { failures: attempt.attempt, locked });
        return locked
          ? failure({ code: 'locked', message: lockedSignInMessage(lockMinutes, lang) })
          : failure({ code: 'wrong_credentials', message: wrongSignInMessage(maxFailures - attempt.attempt, lockMinutes, lang) });
      }
      failures.succeeded(login);
      if (!user.active) return failure({ code: 'inactive', message: describeReason('signIn.inactive', lang) });
      const role = roles.find((candidate) => candidate.value === user.role);
      if (role?.posOnly) return failure({ code: 'pos_only', message: describeReason('signIn.posOnly', lang, { role: role.label[lang] }) });
      if (needsRehash(stored)) storeCredential(user.id, 'password', await hashSecret(password), user.id);
      logger.info('access.signedIn', { userId: user.id });
      return success(sessions.open(user, lang));
    },

    /**
     * An administrator (`by.userId`, for the outbox) sets a user's password or till PIN; the user's
     * other sessions end. Stored only as a scrypt hash.
     */
    async setCredential(userId: string, kind: 'password' | 'pin', secret: string, lang: Lang, by: { userId?: string; keepSession?: string | null } = {}): Promise<Result<null>> {
      const user = activeUsers().find((candidate) => candidate.id === userId);
      if (!user) return failure({ code: 'unknown_record', message: describeReason('unknown_record', lang, { label: lang === 'nl' ? 'Deze gebruiker' : 'This user' }) });
      const refusal = kind === 'pin' ? pinRefusal(secret, lang) : await passwordRefusal(secret, personalWords(user.name, user.email, shopName()), lang);
      if (refusal) return failure({ code: 'invalid', message: refusal.message, fields: [refusal] });
      storeCredential(userId, kind, await hashSecret(secret), by.userId);
      if (kind === 'password') sessions.endOthers(userId, by.keepSession ?? null);
      logger.info('access.credentialSet', { userId, kind });
      return success(null);
    },

    /** The signed-in user changes their own password: the current one is required, and their other sessions end. */
    async changeOwnPassword(session: Session, input: { currentPassword: string; newPassword: string }, lang: Lang): Promise<Result<null>> {
      const attempt = failures.begin(session.email);
      if (!attempt.allowed) return failure({ code: 'locked', message: lockedSignInMessage(attempt.minutesLeft, lang) });
      const stored = credentials.hash(session.userId, 'password');
      if (!stored || !(await verifySecret(input.currentPassword, stored, logger))) {
        const locked = failures.failed(session.email, attempt.attempt);
        const label = lang === 'nl' ? 'Huidig wachtwoord' : 'Current password';
        const field: FieldError = { field: 'currentPassword', reason: 'password.oldWrong', message: describeReason('password.oldWrong', lang, { label }) };
        // The same lockout as sign-in, so the same warning: the field says what is wrong, the message also what comes of it.
        const warning = locked ? lockedSignInMessage(lockMinutes, lang) : lockoutWarning(maxFailures - attempt.attempt, lockMinutes, lang);
        return failure({ code: locked ? 'locked' : 'invalid', message: `${field.message} ${warning}`, fields: [field] });
      }
      failures.succeeded(session.email);
      const refusal = await passwordRefusal(input.newPassword, personalWords(session.name, session.email, shopName()), lang, 'newPassword');
      if (refusal) return failure({ code: 'invalid', message: refusal.message, fields: [refusal] });
      storeCredential(session.userId, 'password', await hashSecret(input.newPassword), session.userId);
      sessions.endOthers(session.userId, session.id);
      logger.info('access.ownPasswordChanged', { userId: session.userId });
      return success(null);
    },

    /**
     * Creates a user and their first password in one transaction: the password is checked and
     * hashed first, so a refused password creates nothing, and a refused user stores no hash.
     */
    async createUser<T extends { id: string }>(values: Record<string, unknown>, password: string, lang: Lang, create: (values: Record<string, unknown>) => Result<T>, actorId?: string): Promise<Result<T>> {
      const refusal = await passwordRefusal(password, personalWords(String(values.name ?? ''), String(values.email ?? ''), shopName()), lang);
      if (refusal) return invalid(lang, [refusal]);
      const hash = await hashSecret(password);
      const created = sqlite.transaction(() => {
        const result = create(values);
        if (result.ok) storeCredential(result.value.id, 'password', hash, actorId);
        return result;
      })();
      if (created.ok) logger.info('access.userCreated', { userId: created.value.id });
      return created;
    },

    /** Which users have a password and a PIN, for the user list; never the hashes. */
    credentialKinds: credentials.kinds,

    /** The live session for an id with the user as stored now, or null once it has ended. Not activity. */
    session: sessions.find,
    /** A user's own action (not a background poll): resets the idle time. */
    touch: sessions.touch,
    setLanguage: sessions.setLanguage,
    signOut: sessions.end,
  };
}

export type AccessService = ReturnType<typeof createAccessService>;
