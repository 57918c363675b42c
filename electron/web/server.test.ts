import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
