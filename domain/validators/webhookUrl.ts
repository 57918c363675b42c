import ipaddr from 'ipaddr.js';
import { accept, refuse, type Check } from './check';

/** Whether IT allows webhook URLs into private, loopback and link-local ranges (a webshop on the shop's own network). */
export interface WebhookUrlOptions {
  allowPrivate: boolean;
}

/**
 * Whether an address may receive a webhook: only global unicast. Everything else (private,
 * loopback, link-local, carrier-grade NAT, multicast, unique-local, 6to4 and Teredo tunnels that
 * hide an IPv4 address, IPv4-compatible IPv6 and the rest of ::/8) is refused. An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) is judged as
 * the IPv4 address it is. An allow-list, so a range added to the standards later stays refused.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  if (ipaddr.IPv6.isValid(address) && inZeroPrefix(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

const zeroPrefix = ipaddr.IPv6.parse('::');

/**
 * Whether an IPv6 address lies in ::/8 (IPv4-compatible `::a.b.c.d`, deprecated, reaches the
 * IPv4 address on some systems; loopback; unspecified; reserved) other than the IPv4-mapped
 * form `process()` judges as IPv4. ipaddr.js reads `::169.254.169.254` as mapped, so the address
 * is first written the way the URL parser writes it (`::a9fe:a9fe`), which keeps the difference.
 */
function inZeroPrefix(address: string): boolean {
  let written: string;
  try {
    written = bareHost(new URL(`http://[${address}]/`));
  } catch {
    return true; // a zone id or other form the URL parser does not take: refuse rather than guess
  }
  const parsed = ipaddr.IPv6.parse(written);
  return parsed.match(zeroPrefix, 8) && !parsed.isIPv4MappedAddress();
}

/** The host of a URL without the brackets an IPv6 literal carries. */
function bareHost(url: URL): string {
  // Stryker disable next-line Regex: URL gives an IPv6 host as the whole "[...]", so either anchor alone matches the same.
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

const testHosts = new Set(['localhost', '127.0.0.1']);
const domainName = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;

/**
 * A webshop's webhook URL as written: https, or plain http only to this computer (for tests
 * against a local webshop), no user name or password in it, and a host that is a domain name or
 * an address outside the private ranges. A domain name can still resolve to a private address;
 * the cloud checks every resolved address when it connects (see the cloud's webshop adapter).
 */
export function checkWebhookUrl(input: string, { allowPrivate }: WebhookUrlOptions): Check {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return refuse('url.invalid');
  }
  const host = bareHost(url).toLowerCase();
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && testHosts.has(host))) return refuse('webhookUrl.notHttps');
  if (url.username !== '' || url.password !== '') return refuse('url.invalid');
  if (ipaddr.isValid(host)) {
    if (!allowPrivate && !isPublicAddress(host)) return refuse('webhookUrl.privateAddress', { host });
  } else if (host === 'localhost') {
    if (!allowPrivate) return refuse('webhookUrl.privateAddress', { host });
  } else if (!domainName.test(host)) {
    return refuse('url.invalid');
  }
  return accept(url.toString());
}

/**
 * The catalogue's check of the Webhook-URL field: the form of the address. Whether a private
 * address is allowed depends on the machine's policy and is checked where that is known (the
 * desktop's list rule, and the cloud when it delivers).
 */
export function checkWebhookAddress(input: string): Check {
  return checkWebhookUrl(input, { allowPrivate: true });
}
