import { describe, expect, it } from 'vitest';
import { pngFile } from '../../../test/pngFile';
import { useProxiedCloud } from '../../../test/proxiedCloud';
import { pairDesktop, type Desktop } from '../../../test/syncWorld';

/**
 * A push that cannot go as it is: a file that cannot be uploaded first holds back the change that
 * names it; a new item the cloud refused takes the edits of it down with it, each with its reason.
 * Real cloud on PGlite behind the fault proxy, one cloud for the file and a shop per test.
 */
const anna = { by: 'Anna', userId: 'user-anna', lang: 'nl' as const };
const { files, proxy, desktop } = useProxiedCloud();

async function pairedDesktop(): Promise<Desktop> {
  const { shop } = await files.newShop();
  const a = await desktop('kassa');
  await pairDesktop(a, proxy.url, shop.code);
  return a;
}

describe('a push that cannot go as it is', () => {
  it.each(['HEAD', 'PUT'])('a logo the cloud cannot take yet (%s refused) holds its change back until it can', async (method) => {
    const a = await pairedDesktop();
    const upload = a.office.services.attachments.upload({ group: 'company.general', field: 'logo', name: 'logo.png', bytes: pngFile(32, 32, [0, 120, 200]) }, 'nl');
    if (!upload.ok) throw new Error(upload.error.message);
    a.settings.writeGroup('company.general', { logo: upload.value }, anna);
    proxy.setPlan((request) => (request.method === method && request.path.startsWith('/v1/blobs/') ? { kind: 'status', status: 503 } : null));
    // A HEAD answer has no body, so the status is all the message there is.
    expect(await a.sync.syncNow()).toMatchObject({ status: 'retrying', error: expect.stringMatching(/503/) });
    expect(a.sync.read()).toMatchObject({ pending: 1, lastError: expect.stringMatching(/503/) });
    proxy.setPlan(null);
    expect(await a.sync.syncNow()).toMatchObject({ status: 'synced', pushed: 1 });
  });

  it('a change whose value the cloud refuses keeps its reason, and the value the cloud holds shows again', async () => {
    const a = await pairedDesktop();
    a.settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna);
    await a.sync.syncNow();
    a.settings.writeGroup('company.general', { companyName: 'Nieuwe naam' }, anna);
    // As a workstation of another version might send it: a number where the catalogue wants text.
    a.office.store.sqlite.prepare(`UPDATE outbox SET changes = '{"companyName":12345}'`).run();
    expect(await a.sync.syncNow()).toMatchObject({ status: 'synced', pushed: 1, rejected: 1 });
    expect(a.sync.read()).toMatchObject({ pending: 0, rejected: 1 });
    const [refused] = a.sync.conflicts.rejected('nl');
    expect(refused?.reason).toContain('Bedrijfsnaam');
    expect(a.settings.readGroup('company.general')).toMatchObject({ ok: true, value: { values: { companyName: 'De Spaak' } } });
  });
});

describe('a pull the cloud refuses', () => {
  it('is tried again later with the words of the cloud, like an outage', async () => {
    const a = await pairedDesktop();
    proxy.setPlan((request) => (request.path === '/v1/pull' ? { kind: 'status', status: 400 } : null));
    expect(await a.sync.syncNow()).toMatchObject({ status: 'retrying', error: 'Ingevoegde fout 400', retryInMs: 8 });
    expect(a.sync.read()).toMatchObject({ state: 'paired', lastError: 'Ingevoegde fout 400', nextAttemptAt: expect.any(String) });
  });
});
