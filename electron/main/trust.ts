/**
 * The Electron host's security decisions as small pure functions over untrusted input, so they
 * are tested with hostile values under plain Node. URLs are parsed and compared by exact origin,
 * never with `includes` or `startsWith`.
 */
export const appOrigin = 'app://backoffice';

function parse(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length > 4096) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** A page of our own renderer, served by the app:// protocol. */
export function isAppUrl(value: unknown): boolean {
  const url = parse(value);
  return url !== null && url.protocol === 'app:' && url.host === 'backoffice' && url.username === '' && url.password === '';
}

/** IPC is answered only for our own page in the main frame, never for an iframe or a navigated-away page. */
export function isTrustedSender(frameUrl: unknown, isMainFrame: boolean): boolean {
  return isMainFrame && isAppUrl(frameUrl);
}

/**
 * A link the user may open in their own browser: http(s) only, with a real host and no
 * credentials (`https://bank.nl@evil.example` is refused). Everything else stays closed.
 */
export function isSafeExternalUrl(value: unknown): boolean {
  const url = parse(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return false;
  return url.hostname !== '' && url.username === '' && url.password === '';
}
