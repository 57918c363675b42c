import type { Logger } from '../logger';
import type { KeychainBackend } from './secretStore';

/**
 * Loads keytar, the native binding to the OS keychain (libsecret, Keychain, Credential Manager).
 * A machine without it still starts; secrets then wait until the keychain is there.
 */
export async function loadKeytar(logger: Logger): Promise<KeychainBackend | null> {
  try {
    const keytar = await import('keytar');
    // Stryker disable next-line LogicalOperator: Node gives a CommonJS module's exports both as default and by name, so either object works.
    return keytar.default ?? keytar;
  } catch (error) {
    logger.warn('secrets.keytarUnavailable', { error: (error as Error).message });
    return null;
  }
}
