import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl, isTrustedSender } from './trust';

describe('Electron trust decisions', () => {
  it('treats only app://backoffice pages as our own', () => {
    expect(isAppUrl('app://backoffice/index.html')).toBe(true);
    expect(isAppUrl('app://backoffice/#/company.business')).toBe(true);
    for (const hostile of ['app://evil/index.html', 'app://backoffice.evil.example/', 'file:///etc/passwd', 'https://backoffice', 'app://user:pw@backoffice/', 'javascript:alert(1)', '', null, 42, {}]) {
      expect(isAppUrl(hostile), String(hostile)).toBe(false);
    }
  });

  it('answers IPC only for our page in the main frame', () => {
    expect(isTrustedSender('app://backoffice/index.html', true)).toBe(true);
    expect(isTrustedSender('app://backoffice/index.html', false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });

  it('opens only plain http(s) links outside the app', () => {
    expect(isSafeExternalUrl('https://www.kvk.nl/zoeken/')).toBe(true);
    expect(isSafeExternalUrl('http://winkel.nl')).toBe(true);
    for (const hostile of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'https://bank.nl@evil.example/',
      'https://user:password@winkel.nl/',
      'https:',
      'ms-msdt:/id PCWDiagnostic',
      'app://backoffice/index.html',
      '//evil.example',
      undefined,
      ['https://winkel.nl'],
    ]) {
      expect(isSafeExternalUrl(hostile), String(hostile)).toBe(false);
    }
  });
});
