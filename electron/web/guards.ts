import { timingSafeEqual } from 'node:crypto';

/**
 * The web host's security decisions, each a small pure function over untrusted input so it can
 * be tested with hostile values. The server listens on 127.0.0.1 only; these guard against other
 * local programs and against web pages in the same browser (DNS rebinding, cross-site requests).
 */

/** Only our own address: a rebound DNS name pointing at 127.0.0.1 carries its own Host header. */
export function isAllowedHost(hostHeader: unknown, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

/** A browser sends Origin on cross-site POSTs; when present it must be exactly ours. */
export function isSameOrigin(originHeader: unknown, port: number): boolean {
  if (originHeader === undefined) return true;
  return originHeader === `http://127.0.0.1:${port}` || originHeader === `http://localhost:${port}`;
}

export function tokensMatch(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

export function readCookie(header: unknown, name: string): string | undefined {
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** The launch token from `Authorization: Bearer …` (scripts, tests) or the cookie set on first load. */
export function presentedToken(headers: { authorization?: unknown; cookie?: unknown }): string | undefined {
  const auth = headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice('Bearer '.length);
  return readCookie(headers.cookie, 'bo_launch');
}
