import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Session } from '../services/access/session';
import { createMemoryLogger } from '../services/logger';
import { loadKeytar } from '../services/secrets/keytarBackend';
import { inKeychainSession } from '../../test/keychainSession';
import { backofficeOn } from '../../test/services';
import { useTempDir } from '../../test/tempDir';
import { createDispatch } from './dispatch';
import { apiTable } from './table';

const tempDir = useTempDir();
const administrator: Session = { id: 's-admin', userId: 'u-admin', name: 'Anna', email: 'anna@despaak.nl', role: 'administrator', lang: 'nl' };
const caller = { session: administrator, bindSession: () => undefined };

describe('a webhook status is set by the webshop, never by hand (issue 11 item 27)', () => {
  it('refuses "Verbonden" typed by a user, naming Status by its label, and changes nothing', async () => {
    const app = backofficeOn(tempDir());
    const dispatch = createDispatch({ table: apiTable, services: app.services, logger: app.logger });
    const channel = await dispatch('lists.create', { collection: 'salesChannels', values: { name: 'Webshop', orderNumberPrefix: 'W1', type: 'webshop', url: 'https://despaak.nl' } }, caller);
    expect(channel).toMatchObject({ ok: true });
    const channelId = channel.ok ? (channel.value as { id: string }).id : '';
    const created = await dispatch('lists.create', { collection: 'webhooks', values: { salesChannelId: channelId, webhookUrl: 'https://despaak.nl/hook', status: 'connected' } }, caller);
    expect(created).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'status', reason: 'read_only', message: 'Status wordt door Backoffice bijgehouden en kan niet met de hand worden gewijzigd.' }] },
    });

    const kept = await dispatch('lists.create', { collection: 'webhooks', values: { salesChannelId: channelId, webhookUrl: 'https://despaak.nl/hook' } }, caller);
    expect(kept).toMatchObject({ ok: true, value: { values: { status: 'disconnected' } } });
    const id = kept.ok ? (kept.value as { id: string }).id : '';
    const update = await dispatch('lists.update', { collection: 'webhooks', id, changes: { status: 'connected' } }, caller);
    expect(update).toMatchObject({ ok: false, error: { fields: [{ field: 'status', reason: 'read_only' }] } });
    expect(app.services.lists.list('webhooks')).toMatchObject({ ok: true, value: [{ id, values: { status: 'disconnected' } }] });
    await app.close();
  });
});

describe('the Webhooks screen asks for the keychain when it opens (issue 11 item 27)', () => {
  it('without a keychain binding, says so at once in the user language', async () => {
    const app = backofficeOn(tempDir(), { keychain: null });
    const dispatch = createDispatch({ table: apiTable, services: app.services, logger: app.logger });
    expect(await dispatch('webhooks.keychain', {}, caller)).toMatchObject({ ok: false, error: { code: 'keychain_missing' } });
    await app.close();
  });

  it.runIf(inKeychainSession)('with a reachable keychain, answers that connecting can go ahead, storing nothing', async () => {
    const keychain = await loadKeytar(createMemoryLogger());
    const app = backofficeOn(tempDir(), { keychain });
    const dispatch = createDispatch({ table: apiTable, services: app.services, logger: app.logger });
    expect(await dispatch('webhooks.keychain', {}, caller)).toEqual({ ok: true, value: null });
    expect(await keychain?.getPassword('Backoffice', 'webhook:00000000-0000-0000-0000-000000000000:token')).toBeNull();
    await app.close();
  });
});

describe('a webhook URL typed in the form meets the cloud rule, with IT policy (issue 9 item 1)', () => {
  it('refuses a private address on the field unless IT allows it, and plain http to a public host always', async () => {
    const dir = tempDir();
    const app = backofficeOn(dir);
    const dispatch = createDispatch({ table: apiTable, services: app.services, logger: app.logger });
    const channel = await dispatch('lists.create', { collection: 'salesChannels', values: { name: 'Webshop', orderNumberPrefix: 'W1', type: 'webshop', url: 'https://despaak.nl' } }, caller);
    const salesChannelId = channel.ok ? (channel.value as { id: string }).id : '';
    const kept = await dispatch('lists.create', { collection: 'webhooks', values: { salesChannelId, webhookUrl: 'https://despaak.nl/hook' } }, caller);
    const id = kept.ok ? (kept.value as { id: string }).id : '';
    const moved = await dispatch('lists.update', { collection: 'webhooks', id, changes: { webhookUrl: 'https://192.168.1.20/hook' } }, caller);
    expect(moved).toMatchObject({ ok: false, error: { fields: [{ field: 'webhookUrl', reason: 'webhookUrl.privateAddress', message: expect.stringMatching(/^Webhook-URL wijst naar 192\.168\.1\.20/) }] } });
    expect(await dispatch('lists.create', { collection: 'webhooks', values: { salesChannelId, webhookUrl: 'http://despaak.nl/hook' } }, caller)).toMatchObject({ ok: false, error: { fields: [{ reason: 'webhookUrl.notHttps' }] } });
    expect(app.services.lists.list('webhooks')).toMatchObject({ ok: true, value: [{ id, values: { webhookUrl: 'https://despaak.nl/hook' } }] });
    await app.close();

    fs.writeFileSync(path.join(dir, 'policy.json'), JSON.stringify({ allowPrivateWebhookTargets: true }));
    const allowed = backofficeOn(dir);
    const allowedDispatch = createDispatch({ table: apiTable, services: allowed.services, logger: allowed.logger });
    expect(await allowedDispatch('lists.update', { collection: 'webhooks', id, changes: { webhookUrl: 'https://192.168.1.20/hook' } }, caller)).toMatchObject({ ok: true });
    await allowed.close();
  });
});
