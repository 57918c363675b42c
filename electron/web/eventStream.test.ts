import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backofficeOn } from '../../test/services';
import { useTempDir } from '../../test/tempDir';
import { startWebHost } from './server';

const tempDir = useTempDir();
const owner = { name: 'Anna de Vries', email: 'anna@fietsenwinkel.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'Fietsenwinkel De Spaak' };

/** Opens the event stream as a browser would, collecting every event line until closed. */
function openStream(port: number, token: string, sessionId?: string) {
  const received: string[] = [];
  return new Promise<{ status: number | undefined; received: string[]; close: () => void }>((resolve) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: '/api/events', headers: { Authorization: `Bearer ${token}`, ...(sessionId ? { Cookie: `bo_session=${sessionId}` } : {}) } },
      (response) => {
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => received.push(...chunk.split('\n').filter((line) => line.startsWith('event:') || line.startsWith('data:'))));
        resolve({ status: response.statusCode, received, close: () => request.destroy() });
      },
    );
  });
}

describe('the web host event stream (issue 11, item 7)', () => {
  it('is refused without a signed-in session and carries only what the role may see', async () => {
    const app = backofficeOn(tempDir());
    const host = await startWebHost({ backoffice: app, rendererDir: path.join(tempDir(), 'renderer'), port: 0 });
    const setup = await app.services.access.setup(owner, 'nl');
    if (!setup.ok) throw new Error('setup failed');
    const create = (values: Record<string, unknown>) => app.services.lists.create('users', values, { by: 'Anna', lang: 'nl' });
    await app.services.access.createUser({ name: 'Olga Smit', email: 'olga@fietsenwinkel.nl', role: 'ordersOnly' }, 'pakketjes inpakken op dinsdag', 'nl', create);
    const olga = await app.services.access.signIn({ email: 'olga@fietsenwinkel.nl', password: 'pakketjes inpakken op dinsdag' }, 'nl');
    if (!olga.ok) throw new Error('sign-in failed');

    const stranger = await openStream(host.port, host.token);
    expect(stranger.status).toBe(401);
    const forged = await openStream(host.port, host.token, 'not-a-session');
    expect(forged.status).toBe(401);
    const annaStream = await openStream(host.port, host.token, setup.value.id);
    const olgaStream = await openStream(host.port, host.token, olga.value.id);
    expect([annaStream.status, olgaStream.status]).toEqual([200, 200]);

    app.services.settings.writeGroup('company.general', { companyName: 'De Spaak bv' }, { by: 'Anna de Vries', lang: 'nl' });
    app.services.settings.writeGroup('orders.processing', {}, { by: 'Anna de Vries', lang: 'nl' });
    create({ name: 'Kees Bakker', email: 'kees@fietsenwinkel.nl', role: 'fullUser' });
    app.events.emit('sync.changed', {});
    await expect.poll(() => olgaStream.received.filter((line) => line.startsWith('event:'))).toContain('event: sync.changed');
    await expect.poll(() => annaStream.received.filter((line) => line.startsWith('event:'))).toContain('event: sync.changed');
    expect(annaStream.received).toContain('event: records.changed');
    expect(annaStream.received).toContain('event: settings.changed');
    expect(olgaStream.received.join('\n')).not.toContain('company.general');
    expect(olgaStream.received.join('\n')).not.toContain('records.changed');

    app.services.access.signOut(olga.value.id);
    app.events.emit('sync.changed', {});
    const after = olgaStream.received.length;
    app.events.emit('sync.changed', {});
    await expect.poll(() => annaStream.received.filter((line) => line === 'event: sync.changed').length).toBe(3);
    expect(olgaStream.received.length).toBe(after);
    for (const stream of [annaStream, olgaStream]) stream.close();
    await host.close();
    await app.close();
  });
});
