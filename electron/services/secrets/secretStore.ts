import { z } from 'zod';
import { describe as describeReason } from '../../../domain/messages';
import { failure, success, type Result } from '../../../domain/result';
import { groups } from '../../../domain/settings/catalogue';
import type { Lang } from '../../../domain/text';
import type { Logger } from '../logger';

/** The part of keytar we use; the real keytar is passed in, tests hand over the same. */
export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/**
 * What the UI may know of a secret: whether it is set, and since when. No characters of the
 * value: even the last four of an API key narrow a guess and identify the key across screenshots.
 */
export interface SecretStatus {
  set: boolean;
  /** When it was last set from this app (ISO), or null when unknown or not set. */
  setAt: string | null;
}

/**
 * Every secret the app keeps, one keychain account each: the secure fields of the catalogue
 * (`settings:<group>.<field>`), the cloud device token, and a token per webhook connection.
 */
const settingsSecrets = new Set(groups.flatMap((group) => group.fields.filter((f) => f.secure).map((f) => `settings:${group.key}.${f.key}`)));
// The device token is kept per workstation id, so two data folders on one computer (two web hosts) never share one.
const purposePattern = /^(cloud:deviceToken:[0-9a-f-]{36}|webhook:[0-9a-f-]{36}:token)$/;

export function isKnownPurpose(purpose: string): boolean {
  return settingsSecrets.has(purpose) || purposePattern.test(purpose);
}

const secretValue = z.string().min(1).max(4096);

/** The keychain entry beside a secret that holds when it was set; it holds a date only, nothing of the value. */
const setAtAccount = (purpose: string) => `${purpose}#setAt`;

export interface SecretStoreDeps {
  /** null when keytar could not be loaded (no libsecret, no keychain): every call then refuses. */
  backend: KeychainBackend | null;
  logger: Logger;
  service?: string;
  now?: () => Date;
}

/**
 * Secrets live in the operating system's keychain only. When it cannot be reached the call is
 * refused with a message and nothing is written anywhere else: never plain text on disk. Values
 * never appear in logs; only the purpose is logged.
 */
export function createSecretStore({ backend, logger, service = 'Backoffice', now = () => new Date() }: SecretStoreDeps) {
  async function withKeychain<T>(purpose: string, lang: Lang, run: (keychain: KeychainBackend) => Promise<T>): Promise<Result<T>> {
    if (!isKnownPurpose(purpose)) return failure({ code: 'unknown_secret', message: describeReason('unknown_secret', lang, { label: purpose }) });
    const unavailable = () => failure({ code: 'keychain_unavailable', message: describeReason('keychain_unavailable', lang) });
    if (!backend) {
      // No binding at all (keytar is optional and did not build): the user needs to know how to
      // get it, which is a different sentence from "the keychain is locked or unreachable".
      logger.warn('secrets.keychainMissing', { purpose });
      return failure({ code: 'keychain_missing', message: describeReason('keychain_missing', lang) });
    }
    try {
      return success(await run(backend));
    } catch (error) {
      logger.warn('secrets.keychainFailed', { purpose, error: (error as Error).message });
      return unavailable();
    }
  }

  return {
    /** Whether this installation can reach a keychain at all; Systeeminformatie shows it. */
    binding(): 'present' | 'missing' {
      return backend ? 'present' : 'missing';
    },

    async status(purpose: string, lang: Lang = 'nl'): Promise<Result<SecretStatus>> {
      return withKeychain(purpose, lang, async (keychain) => {
        const value = await keychain.getPassword(service, purpose);
        return { set: value !== null, setAt: value === null ? null : await keychain.getPassword(service, setAtAccount(purpose)) };
      });
    },

    async set(purpose: string, value: unknown, lang: Lang = 'nl'): Promise<Result<SecretStatus>> {
      const parsed = secretValue.safeParse(value);
      if (!parsed.success) {
        const message = describeReason('required', lang, { label: lang === 'nl' ? 'Het geheim' : 'The secret' });
        return failure({ code: 'invalid', message });
      }
      return withKeychain(purpose, lang, async (keychain) => {
        const setAt = now().toISOString();
        await keychain.setPassword(service, purpose, parsed.data);
        await keychain.setPassword(service, setAtAccount(purpose), setAt);
        logger.info('secrets.set', { purpose });
        return { set: true, setAt };
      });
    },

    async clear(purpose: string, lang: Lang = 'nl'): Promise<Result<SecretStatus>> {
      return withKeychain(purpose, lang, async (keychain) => {
        await keychain.deletePassword(service, purpose);
        await keychain.deletePassword(service, setAtAccount(purpose));
        logger.info('secrets.cleared', { purpose });
        return { set: false, setAt: null };
      });
    },

    /** For the services that use a secret (mail, carriers, sync); never exposed to the UI. */
    async reveal(purpose: string): Promise<Result<string | null>> {
      return withKeychain(purpose, 'nl', (keychain) => keychain.getPassword(service, purpose));
    },
  };
}

export type SecretStore = ReturnType<typeof createSecretStore>;
