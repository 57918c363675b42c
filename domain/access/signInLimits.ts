/**
 * The longest address a mail path allows (RFC 5321: 64 + @ + 255), and a password far longer
 * than any passphrase. A file of its own so the sign-in form, drawn from the first script, carries
 * the limits without the checks' zod.
 */
export const signInLimits = { email: 320, password: 1024 } as const;
