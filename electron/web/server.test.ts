import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../services/logger';
import { backofficeOn } from '../../test/services';
import { useTempDir } from '../../test/tempDir';
import { startWebHost } from './server';

const tempDir = useTempDir();

describe('web host', () => {
  it('shuts down promptly even while a page keeps reconnecting its event stream', async () => {
    const backoffice = backofficeOn(tempDir());
    const host = await startWebHost({ backoffice, rendererDir: path.join(tempDir(), 'renderer'), port: 0 });
    const setup = await backoffice.services.access.setup({ name: 'Anna', email: 'anna@winkel.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'De Spaak' }, 'nl');
    const cookie = `bo_session=${setup.ok ? setup.value.id : ''}`;
    // Like a browser's EventSource: when the stream ends, connect again at once.
    const agent = new http.Agent({ keepAlive: true });
    let reconnect = true;
    const listen = () =>
      new Promise<http.IncomingMessage>((resolve) =>
        http
          .get({ host: '127.0.0.1', port: host.port, path: '/api/events', agent, headers: { Authorization: `Bearer ${host.token}`, Cookie: cookie } }, (response) => {
            response.on('data', () => undefined);
            response.on('end', () => void (reconnect && listen()));
            resolve(response);
          })
          .on('error', () => undefined),
      );
    const stream = await listen();
    expect(stream.statusCode).toBe(200);
    const started = Date.now();
    await host.close();
    expect(Date.now() - started).toBeLessThan(3000);
    reconnect = false;
    agent.destroy();
    await backoffice.close();
  });

  it('answers 401 without the launch token and 421 for another host name', async () => {
    const backoffice = backofficeOn(tempDir());
    const host = await startWebHost({ backoffice, rendererDir: path.join(tempDir(), 'renderer'), port: 0 });
    const status = (headers: Record<string, string>) =>
      new Promise<number | undefined>((resolve) => {
        const request = http.request({ host: '127.0.0.1', port: host.port, path: '/api/call/app.info', method: 'POST', headers }, (response) => resolve(response.statusCode));
        request.end('{}');
      });
    expect(await status({})).toBe(401);
    expect(await status({ Authorization: `Bearer ${host.token}` })).toBe(200);
    expect(await status({ Authorization: `Bearer ${host.token}`, Host: `evil.example:${host.port}` })).toBe(421);
    await host.close();
    await backoffice.close();
  });
  it('serves the built renderer whole, a deep link as the page, and a file rebuilt meanwhile anew', async () => {
    const backoffice = backofficeOn(tempDir());
    const rendererDir = path.join(tempDir(), 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Backoffice</title>');
    const script = path.join(rendererDir, 'assets', 'index.js');
    fs.writeFileSync(script, 'export const first = 1;');
    const host = await startWebHost({ backoffice, rendererDir, port: 0 });
    const get = (urlPath: string) =>
      new Promise<{ status?: number; length?: string; body: string }>((resolve) => {
        http.get({ host: '127.0.0.1', port: host.port, path: urlPath }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
          response.on('end', () => resolve({ status: response.statusCode, length: response.headers['content-length'], body }));
        });
      });
    expect(await get('/assets/index.js')).toEqual({ status: 200, length: '23', body: 'export const first = 1;' });
    expect((await get('/instellingen/bedrijf')).body).toBe('<!doctype html><title>Backoffice</title>');
    // A rebuild while the host runs: the next start gets the new file, not the one read before.
    fs.writeFileSync(script, 'export const second = 22;');
    fs.utimesSync(script, new Date(), new Date(Date.now() + 1000));
    expect(await get('/assets/index.js')).toEqual({ status: 200, length: '25', body: 'export const second = 22;' });
    await host.close();
    await backoffice.close();
  });
  it('puts who is signed in into the page for the launched browser only, as /api would answer it', async () => {
    const backoffice = backofficeOn(tempDir());
    const rendererDir = path.join(tempDir(), 'renderer');
    fs.mkdirSync(rendererDir, { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Backoffice</title></head><body></body></html>');
    const host = await startWebHost({ backoffice, rendererDir, port: 0 });
    const setup = await backoffice.services.access.setup({ name: 'Anna', email: 'anna@winkel.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'De Spaak' }, 'nl');
    const session = setup.ok ? setup.value.id : '';
    const answersIn = (cookie: string) =>
      new Promise<unknown>((resolve) => {
        http.get({ host: '127.0.0.1', port: host.port, path: '/', headers: { Cookie: cookie } }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
          response.on('end', () => {
            const block = /<script type="application\/json" id="first-answers">([^<]*)<\/script>/.exec(body)?.[1];
            resolve(block === undefined ? null : JSON.parse(block));
          });
        });
      });
    const signedIn = (await answersIn(`bo_launch=${host.token}; bo_session=${session}`)) as Record<string, { ok: boolean; value: { session: { name: string } | null } }>;
    expect(signedIn['access.state']?.value.session?.name).toBe('Anna');
    expect(signedIn['preferences.get']?.ok).toBe(true);
    const signedOut = (await answersIn(`bo_launch=${host.token}`)) as Record<string, { value: { session: unknown } }>;
    expect(signedOut['access.state']?.value.session).toBeNull();
    // Without the launch token the page says nothing, as /api answers 401.
    expect(await answersIn(`bo_launch=wrong; bo_session=${session}`)).toBeNull();
    expect(await answersIn(`bo_session=${session}`)).toBeNull();
    await host.close();
    await backoffice.close();
  });

  it('serves the page without answers when asking for them fails, and logs why', async () => {
    const logger = createMemoryLogger();
    const backoffice = backofficeOn(tempDir(), { logger });
    const rendererDir = path.join(tempDir(), 'renderer');
    fs.mkdirSync(rendererDir, { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Backoffice</title></head><body></body></html>');
    const host = await startWebHost({ backoffice, rendererDir, port: 0 });
    // Signed out, the dispatch reads the language from the preferences, outside any call's guard.
    // Failure injected: a preferences file that cannot be read, which a real disk rarely offers on cue.
    vi.spyOn(backoffice.services.preferences, 'get').mockImplementation(() => {
      throw new Error('preferences unreadable');
    });
    const page = await new Promise<{ status?: number; body: string }>((resolve) => {
      http.get({ host: '127.0.0.1', port: host.port, path: '/', headers: { Cookie: `bo_launch=${host.token}` } }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        response.on('end', () => resolve({ status: response.statusCode, body }));
      });
    });
    // The answers only spare the page a round trip: it still loads, and asks over /api itself.
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Backoffice</title>');
    expect(page.body).not.toContain('first-answers');
    expect(logger.lines.join('')).toContain('preferences unreadable');
    vi.restoreAllMocks();
    await host.close();
    await backoffice.close();
  });

  it('streams a file too big to keep (3 GiB) and answers a small file while it is being sent', async () => {
    const backoffice = backofficeOn(tempDir());
    const rendererDir = path.join(tempDir(), 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Backoffice</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'index-Bf7lN2pL.js'), 'export const kassa = 1;');
    // Sparse: costs no disk, and is more than one Buffer can hold.
    const video = path.join(rendererDir, 'assets', 'uitleg-Cx81bPq0.bin');
    fs.closeSync(fs.openSync(video, 'w'));
    fs.truncateSync(video, 3 * 1024 ** 3);
    const host = await startWebHost({ backoffice, rendererDir, port: 0 });
    const origin = `http://127.0.0.1:${host.port}`;
    const big = await fetch(`${origin}/assets/uitleg-Cx81bPq0.bin`);
    expect(big.status).toBe(200);
    expect(big.headers.get('content-length')).toBe(String(3 * 1024 ** 3));
    const reader = big.body!.getReader();
    const first = await reader.read();
    expect(first.value?.length).toBeGreaterThan(0);
    expect(first.value?.every((byte: number) => byte === 0)).toBe(true);
    // The big answer is still being sent when the small one has arrived whole.
    expect(await (await fetch(`${origin}/assets/index-Bf7lN2pL.js`)).text()).toBe('export const kassa = 1;');
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    const head = await fetch(`${origin}/assets/uitleg-Cx81bPq0.bin`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length')]).toEqual([200, String(3 * 1024 ** 3)]);
    await host.close();
    await backoffice.close();
  });
  it('serves a file replaced with one of the same size and time anew (cp -p, tar and rsync -t keep the time)', async () => {
    const backoffice = backofficeOn(tempDir());
    const rendererDir = path.join(tempDir(), 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Backoffice</title>');
    const script = path.join(rendererDir, 'assets', 'labels.js');
    const built = new Date('2026-11-29T12:00:00Z');
    fs.writeFileSync(script, 'A'.repeat(1000));
    fs.utimesSync(script, built, built);
    const host = await startWebHost({ backoffice, rendererDir, port: 0 });
    const get = async () => (await fetch(`http://127.0.0.1:${host.port}/assets/labels.js`)).text();
    expect(await get()).toBe('A'.repeat(1000));
    // Rewritten in place, its time put back.
    fs.writeFileSync(script, 'B'.repeat(1000));
    fs.utimesSync(script, built, built);
    expect(await get()).toBe('B'.repeat(1000));
    // Replaced by another file (a new inode), its time put back.
    fs.writeFileSync(`${script}.new`, 'C'.repeat(1000));
    fs.utimesSync(`${script}.new`, built, built);
    fs.renameSync(`${script}.new`, script);
    expect(await get()).toBe('C'.repeat(1000));
    await host.close();
    await backoffice.close();
  });
  it('lets the browser keep only content-hashed build files, and answers a missing build file 404 instead of the page', async () => {
    const backoffice = backofficeOn(tempDir());
    const rendererDir = path.join(tempDir(), 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Backoffice</title>');
    fs.writeFileSync(path.join(rendererDir, 'favicon.svg'), '<svg/>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'index-Bf7lN2pL.js'), 'export const kassa = 1;');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'rolldown-runtime-XKyaHtl9.js'), 'export const runtime = 1;');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'labels.js'), 'export const labels = 1;');
    const host = await startWebHost({ backoffice, rendererDir, port: 0 });
    const get = async (urlPath: string) => {
      const response = await fetch(`http://127.0.0.1:${host.port}${urlPath}`);
      return { status: response.status, type: response.headers.get('content-type'), cache: response.headers.get('cache-control'), body: await response.text() };
    };
    expect((await get('/assets/index-Bf7lN2pL.js')).cache).toBe('max-age=31536000, immutable');
    expect((await get('/assets/rolldown-runtime-XKyaHtl9.js')).cache).toBe('max-age=31536000, immutable');
    // The same name may hold other bytes after a rebuild: the browser must ask again.
    expect((await get('/favicon.svg')).cache).toBe('no-cache');
    expect((await get('/assets/labels.js')).cache).toBe('no-cache');
    expect((await get('/')).cache).toBe('no-store');
    // A page of an earlier build asking for its script gets a plain 404, not the page as a script.
    const stale = await get('/assets/index-D0f44rTe.js');
    expect(stale.status).toBe(404);
    expect(stale.type).not.toContain('text/html');
    expect(stale.body).not.toContain('Backoffice');
    expect((await get('/assets/')).status).toBe(404);
    // A file served once and then removed by a rebuild is gone, not answered from memory.
    fs.rmSync(path.join(rendererDir, 'assets', 'index-Bf7lN2pL.js'));
    expect((await get('/assets/index-Bf7lN2pL.js')).status).toBe(404);
    // Deep links outside the build files are still the app's own.
    expect(await get('/instellingen/bedrijf')).toMatchObject({ status: 200, body: '<!doctype html><title>Backoffice</title>' });
    await host.close();
    await backoffice.close();
  });
});
