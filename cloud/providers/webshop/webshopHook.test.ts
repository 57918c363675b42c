import type { LookupAddress } from 'node:dns';
import { afterEach, describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../../domain/validators/webhookUrl';
import { startWebshopPeer, type WebshopPeer } from '../../../test/webshopPeer';
import { deliverHook, type WebshopHookOptions } from './webshopHook';

const peers: WebshopPeer[] = [];
afterEach(async () => {
  for (const peer of peers.splice(0)) await peer.stop();
});

const base: WebshopHookOptions = { timeoutMs: 500, attempts: 1, retryDelayMs: 10, allowPrivate: false, now: () => new Date('2026-11-29T10:00:00Z') };
const init = { action: 'init' as const, payload: { hook_id: 'h1' } };
/** A stand-in resolver: a name that resolves to a private address cannot exist here without DNS. */
const resolvesTo = (...addresses: string[]) => async (): Promise<LookupAddress[]> => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('the webshop adapter refuses private targets at connect time', () => {
  it.each([
    ['a private IPv4 address', ['10.0.0.5']],
    ['loopback among public addresses (every address is checked)', ['8.8.8.8', '127.0.0.1']],
    ['an IPv4-mapped IPv6 loopback', ['::ffff:127.0.0.1']],
    ['an IPv6 unique-local address', ['fd12:3456::1']],
    ['an IPv6 link-local address', ['fe80::1']],
    ['an IPv4-compatible IPv6 address hiding the cloud metadata address', ['::a9fe:a9fe']],
    ['an IPv4-compatible IPv6 loopback', ['::7f00:1']],
  ])('a name resolving to %s is never connected to', async (_name, addresses) => {
    const attempts = await deliverHook('https://webshop.example.com/hook', 'token-123456', init, { ...base, resolve: resolvesTo(...addresses) });
    expect(attempts).toEqual([{ attempt: 1, at: '2026-11-29T10:00:00.000Z', responseCode: null, outcome: 'blocked', detail: expect.stringMatching(/^(10\.|127\.|::ffff|fd12|fe80|::a9fe|::7f00)/) }]);
  });

  it('connects to a name resolving to the stand-in webshop on 127.0.0.1 only when private targets are allowed', async () => {
    const webshop = await startWebshopPeer('token-123456');
    peers.push(webshop);
    // http is only allowed to localhost, so the name here is localhost, resolved by the stand-in resolver.
    const url = webshop.url.replace('127.0.0.1', 'localhost');
    expect((await deliverHook(url, 'token-123456', init, { ...base, resolve: resolvesTo('127.0.0.1') }))[0]).toMatchObject({ outcome: 'blocked' });
    expect(webshop.deliveries).toHaveLength(0);
    expect((await deliverHook(url, 'token-123456', init, { ...base, allowPrivate: true, resolve: resolvesTo('127.0.0.1') }))[0]).toMatchObject({ outcome: 'accepted', responseCode: 200 });
    expect(webshop.deliveries).toHaveLength(1);
  });

  it('does not follow a redirect, which could carry the token to another host', async () => {
    const webshop = await startWebshopPeer('token-123456', '/elsewhere');
    peers.push(webshop);
    const attempts = await deliverHook(webshop.url.replace('/elsewhere', '/hook'), 'token-123456', init, { ...base, allowPrivate: true });
    expect(attempts[0]).toMatchObject({ outcome: 'failed', responseCode: 404 });
  });
});

describe('which addresses count as public', () => {
  it('only global unicast, judging IPv4-mapped IPv6 as IPv4', () => {
    expect(['93.184.215.14', '2a00:1450:4001::200e'].map(isPublicAddress)).toEqual([true, true]);
    const refused = ['127.0.0.1', '10.0.0.1', '172.16.0.1', '192.168.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fc00::1', '::ffff:10.0.0.1', '::ffff:7f00:1', '2002:c0a8:101::1', 'not-an-ip'];
    expect(refused.filter(isPublicAddress)).toEqual([]);
  });
});
