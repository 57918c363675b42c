/**
 * The cloud's own address as its operator configured it (`--public-url`): the `api_url` a webshop
 * gets together with its sync_auth and sends it to. It must come from the operator, never from a
 * request: a caller's Host header would let anyone send a webshop's credentials elsewhere, and
 * behind a TLS proxy the scheme a request arrived with is http. So https, or plain http only on
 * this computer (tests and a cloud for one workstation).
 */
const thisComputer = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why the address cannot be the cloud's public URL, in words for the operator; null when it can. */
export function publicUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `--public-url must be a web address, not "${value}".`;
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return `--public-url must be the cloud's address alone, not "${value}".`;
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && thisComputer.has(url.hostname)) return null;
  return `--public-url must start with https:// (plain http only for 127.0.0.1 or localhost), not "${value}".`;
}
