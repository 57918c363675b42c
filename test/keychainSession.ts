/**
 * True inside test/with-keychain.sh: a private Secret Service that tests may write to. Outside
 * it (macOS, Windows, or vitest run by hand) the tests that need a real keychain skip, so they
 * never touch a developer's own keychain.
 */
export const inKeychainSession = process.env.BACKOFFICE_IN_KEYCHAIN_SESSION === '1';
