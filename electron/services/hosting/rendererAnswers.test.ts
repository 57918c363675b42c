import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { servedFor } from './rendererAnswers';
import { contentSecurityPolicy } from './staticFiles';

const dir = '/srv/renderer';
const page = '/srv/renderer/index.html';

describe('what either host serves for a request inside the renderer', () => {
  it('answers a missing build file 404, not with the page a stale page would run as its script', () => {
    expect(servedFor(dir, '/srv/renderer/assets/index-D0f44rTe.js', false)).toBeNull();
    expect(servedFor(dir, '/srv/renderer/assets/fonts/inter-CXcjfwMJ.woff2', false)).toBeNull();
    expect(servedFor(dir, '/srv/renderer/assets', false)).toBeNull();
  });

  it('answers the app\'s own deep links, the root and the page itself with the page, never kept and telling no referrer', () => {
    for (const [file, found] of [
      ['/srv/renderer/instellingen/bedrijf', false],
      ['/srv/renderer/assets-oud/index.js', false],
      ['/srv/renderer', false],
      [page, true],
    ] as const) {
      expect(servedFor(dir, file, found), file).toEqual({
        file: page,
        page: true,
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': contentSecurityPolicy,
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
          'Cache-Control': 'no-store',
        },
      });
    }
  });

  it('knows the page asked for by name when the renderer folder is given relative, as resolveInside resolves it', () => {
    expect(servedFor('dist/renderer', path.resolve('dist/renderer/index.html'), true)).toMatchObject({ page: true, headers: { 'Cache-Control': 'no-store' } });
  });

  it('serves a file that is there as itself, with the same guards and how long it may be kept', () => {
    const script = servedFor(dir, '/srv/renderer/assets/index-Bf7lN2pL.js', true);
    expect(script).toMatchObject({ file: '/srv/renderer/assets/index-Bf7lN2pL.js', page: false });
    expect(script?.headers).toEqual({
      'Content-Type': 'text/javascript; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'max-age=31536000, immutable',
    });
  });

  it('lets only vite content-hashed files under assets/ be kept a year', () => {
    const kept = (file: string) => servedFor(dir, file, true)?.headers['Cache-Control'];
    expect(kept('/srv/renderer/assets/index-CXcjfwMJ.js')).toBe('max-age=31536000, immutable');
    expect(kept('/srv/renderer/assets/shellParts-D0f44rTe.css')).toBe('max-age=31536000, immutable');
    expect(kept('/srv/renderer/favicon.svg')).toBe('no-cache');
    expect(kept('/srv/renderer/logo-CXcjfwMJ.png')).toBe('no-cache');
    expect(kept('/srv/renderer/assets/index.js')).toBe('no-cache');
    expect(kept('/srv/renderer/assets/fonts/inter-CXcjfwMJ.woff2')).toBe('no-cache');
  });
});
