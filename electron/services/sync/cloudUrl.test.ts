import { describe, expect, it } from 'vitest';
import { checkCloudUrl } from './cloudUrl';

describe('checkCloudUrl', () => {
  it('accepts https anywhere and normalises the trailing slash away', () => {
    expect(checkCloudUrl('https://cloud.despaak.nl/')).toEqual({ ok: true, url: 'https://cloud.despaak.nl' });
    expect(checkCloudUrl(' https://cloud.despaak.nl:8443/backoffice/ ')).toEqual({ ok: true, url: 'https://cloud.despaak.nl:8443/backoffice' });
  });

  it('accepts plain http only to this machine', () => {
    expect(checkCloudUrl('http://127.0.0.1:4000')).toEqual({ ok: true, url: 'http://127.0.0.1:4000' });
    expect(checkCloudUrl('http://localhost:4000/')).toEqual({ ok: true, url: 'http://localhost:4000' });
    expect(checkCloudUrl('http://[::1]:4000')).toEqual({ ok: true, url: 'http://[::1]:4000' });
  });

  it.each([
    ['http://cloud.despaak.nl', 'not_https'],
    ['http://192.168.1.10:4000', 'not_https'],
    ['http://127.0.0.1.evil.example', 'not_https'],
    ['http://localhost.evil.example', 'not_https'],
    ['http://127.0.0.2:4000', 'not_https'],
    ['https://cloud.despaak.nl@evil.example', 'credentials'],
    ['http://user:pw@127.0.0.1', 'credentials'],
    ['https://cloud.despaak.nl/?token=x', 'has_query'],
    ['https://cloud.despaak.nl/#x', 'has_query'],
    ['javascript:alert(1)', 'invalid'],
    ['file:///etc/passwd', 'invalid'],
    ['ftp://cloud.despaak.nl', 'invalid'],
    ['cloud.despaak.nl', 'invalid'],
    ['', 'invalid'],
    [42, 'invalid'],
    [null, 'invalid'],
    [`https://${'a'.repeat(3000)}.nl`, 'invalid'],
  ])('refuses %s (%s)', (value, reason) => {
    expect(checkCloudUrl(value)).toEqual({ ok: false, reason });
  });
});
