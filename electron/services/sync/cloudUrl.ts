/**
 * Which cloud a workstation may pair with: the device token travels in every request, so it goes
 * over https, or over plain http only to this very machine (a cloud run for testing or by IT on
 * the same computer). A pure function over untrusted input; URLs are parsed, never prefix-matched.
 */
export type CloudUrlCheck = { ok: true; url: string } | { ok: false; reason: 'invalid' | 'not_https' | 'credentials' | 'has_query' };

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function checkCloudUrl(value: unknown): CloudUrlCheck {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 2048) return { ok: false, reason: 'invalid' };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'invalid' };
  if (url.hostname === '') return { ok: false, reason: 'invalid' };
  // `https://shop.example@evil.example` must not pass as the shop's cloud.
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'credentials' };
  if (url.search !== '' || url.hash !== '') return { ok: false, reason: 'has_query' };
  if (url.protocol === 'http:' && !loopbackHosts.has(url.hostname)) return { ok: false, reason: 'not_https' };
  // One spelling per cloud: no trailing slash, so `${base}/v1/push` is always right.
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}
