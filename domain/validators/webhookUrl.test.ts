import { describe, expect, it } from 'vitest';
import { checkWebhookAddress, checkWebhookUrl, isPublicAddress } from './webhookUrl';

/** Where the cloud may deliver a webshop's webhook: never into the shop's or anyone's private network. */
const strict = { allowPrivate: false };
const reason = (check: ReturnType<typeof checkWebhookUrl>) => (check.ok ? 'ok' : check.reason);

describe('a webhook URL', () => {
  it('is https to a domain name or a public address, kept as written (trimmed)', () => {
    expect(checkWebhookUrl('  https://shop.example.nl/hooks/upx ', strict)).toEqual({ ok: true, value: 'https://shop.example.nl/hooks/upx' });
    expect(checkWebhookUrl('https://93.184.216.34/hook', strict)).toMatchObject({ ok: true });
    expect(checkWebhookUrl('https://[2606:2800:220:1:248:1893:25c8:1946]/hook', strict)).toMatchObject({ ok: true });
  });

  it('refuses plain http, except to this computer when private addresses are allowed', () => {
    expect(reason(checkWebhookUrl('http://shop.example.nl/hook', strict))).toBe('webhookUrl.notHttps');
    expect(reason(checkWebhookUrl('ftp://shop.example.nl/hook', strict))).toBe('webhookUrl.notHttps');
    expect(reason(checkWebhookUrl('http://localhost:8080/hook', { allowPrivate: true }))).toBe('ok');
    expect(reason(checkWebhookUrl('http://127.0.0.1:8080/hook', { allowPrivate: true }))).toBe('ok');
    expect(reason(checkWebhookUrl('http://10.0.0.5/hook', { allowPrivate: true }))).toBe('webhookUrl.notHttps');
  });

  it('refuses a user name or a password in the address, and what is no address', () => {
    expect(reason(checkWebhookUrl('https://admin@shop.example.nl/hook', strict))).toBe('url.invalid');
    expect(reason(checkWebhookUrl('https://:geheim@shop.example.nl/hook', strict))).toBe('url.invalid');
    expect(reason(checkWebhookUrl('shop.example.nl/hook', strict))).toBe('url.invalid');
    expect(reason(checkWebhookUrl('https://shop_example/hook', strict))).toBe('url.invalid');
    expect(reason(checkWebhookUrl('https://intranet/hook', strict))).toBe('url.invalid');
  });

  it('refuses private, loopback and link-local targets unless IT allows them, naming the host', () => {
    for (const url of ['https://10.0.0.5/hook', 'https://192.168.1.20/hook', 'https://[::1]/hook', 'https://169.254.169.254/latest', 'https://localhost/hook']) {
      expect(checkWebhookUrl(url, strict), url).toMatchObject({ ok: false, reason: 'webhookUrl.privateAddress', values: { host: expect.any(String) } });
      expect(checkWebhookUrl(url, { allowPrivate: true }), url).toMatchObject({ ok: true });
    }
    expect(checkWebhookUrl('https://[::1]/hook', strict)).toMatchObject({ values: { host: '::1' } });
  });

  it("the catalogue's field checks the form only; the policy is checked where it is known", () => {
    expect(checkWebhookAddress('https://192.168.1.20/hook')).toMatchObject({ ok: true });
    expect(reason(checkWebhookAddress('http://shop.example.nl/hook'))).toBe('webhookUrl.notHttps');
  });
});

describe('a public address', () => {
  it('is global unicast only, judging an IPv4-mapped IPv6 address as its IPv4 address', () => {
    expect(isPublicAddress('93.184.216.34')).toBe(true);
    for (const address of ['10.0.0.1', '127.0.0.1', '100.64.0.1', '224.0.0.1', 'fd00::1', '::ffff:10.0.0.1', 'geen-adres']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    expect(isPublicAddress('::ffff:93.184.216.34')).toBe(true);
  });

  it('is never an IPv4-compatible IPv6 address, anything else in ::/8 but the IPv4-mapped form, or an address with a zone id', () => {
    // The last has a zone id, which the URL parser does not take: refused rather than guessed at.
    const refused = ['::169.254.169.254', '::a9fe:a9fe', '::7f00:1', '::127.0.0.1', '::8.8.8.8', '::808:808', '::1:0:0:1', '0:0:0:0:0:0:a00:1', 'ff::1', '::ffff:0:808:808', '2a00:1450:4001::200e%eth0'];
    expect(refused.filter(isPublicAddress)).toEqual([]);
    expect(['::ffff:8.8.8.8', '::ffff:808:808', '2a00:1450:4001::200e'].map(isPublicAddress)).toEqual([true, true, true]);
  });

  it('refuses webhook URLs to IPv4-compatible IPv6 literals (the cloud metadata address among them)', () => {
    for (const url of ['https://[::169.254.169.254]/latest', 'https://[::7f00:1]/hook', 'https://[::a00:1]/hook']) {
      expect(reason(checkWebhookUrl(url, { allowPrivate: false })), url).toBe('webhookUrl.privateAddress');
    }
  });
});
