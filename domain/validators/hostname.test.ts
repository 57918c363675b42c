import { describe, expect, it } from 'vitest';
import { checkHostname, isLoopbackHost } from './hostname';
import { checkWebUrl } from './url';

describe('mail server host name', () => {
  it('stores the host name trimmed and in lower case, and refuses one with spaces or a scheme', () => {
    expect(checkHostname('  SMTP.Example.NL ')).toEqual({ ok: true, value: 'smtp.example.nl' });
    expect(checkHostname('192.168.1.10')).toEqual({ ok: true, value: '192.168.1.10' });
    expect(checkHostname('smtp example.nl')).toEqual({ ok: false, reason: 'hostname.invalid' });
    expect(checkHostname('smtp://example.nl')).toEqual({ ok: false, reason: 'hostname.invalid' });
  });
});

describe('plain SMTP only to this computer', () => {
  it('counts localhost, ::1 and 127.x.x.x as this computer, however typed', () => {
    expect(isLoopbackHost(' LocalHost ')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.255.255.255')).toBe(true);
  });

  it('never counts a look-alike as this computer', () => {
    expect(isLoopbackHost('localhost.example.nl')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.nip.io')).toBe(false);
    expect(isLoopbackHost('x127.0.0.1')).toBe(false);
    expect(isLoopbackHost('127.0.0.256')).toBe(false);
    expect(isLoopbackHost('127.256.0.1')).toBe(false);
    expect(isLoopbackHost('127.0.300.1')).toBe(false);
    expect(isLoopbackHost('[127.0.0.1')).toBe(false);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('::2')).toBe(false);
  });
});

describe('webhook address', () => {
  it('accepts http and https addresses with a real host, trimmed', () => {
    expect(checkWebUrl(' https://shop.example.nl/hook ')).toEqual({ ok: true, value: 'https://shop.example.nl/hook' });
    expect(checkWebUrl('http://shop.example.nl')).toEqual({ ok: true, value: 'http://shop.example.nl' });
  });

  it('refuses other schemes and hosts that are no domain', () => {
    expect(checkWebUrl('ftp://shop.example.nl')).toEqual({ ok: false, reason: 'url.invalid' });
    expect(checkWebUrl('https://shop')).toEqual({ ok: false, reason: 'url.invalid' });
    expect(checkWebUrl('shop.example.nl')).toEqual({ ok: false, reason: 'url.invalid' });
  });
});
