import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inKeychainSession } from '../../../test/keychainSession';
import { cloudForShop, openDesktop, pairDesktop, tempFolder, type Desktop } from '../../../test/syncWorld';
import { startWebshopPeer, type WebshopPeer } from '../../../test/webshopPeer';
import { createDispatch } from '../../api/dispatch';
import { apiTable } from '../../api/table';
import type { Session } from '../access/session';

/**
 * Verbinden from a whole desktop backend through the api: the real cloud (PGlite) on 127.0.0.1,
 * the stand-in webshop on 127.0.0.1, tokens in the real keychain. IT's policy allows private
 * targets here (the stand-in is on loopback), and so does the cloud's operator.
 */
const administrator: Session = { id: 's-admin', userId: 'u-admin', name: 'Anna', email: 'anna@despaak.nl', role: 'administrator', lang: 'nl' };
const caller = { session: administrator, bindSession: () => undefined };
const token = 'wc-token-0123456789abcdef';
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const keyFor = (webhookUrl: string, withToken = token) => Buffer.from(JSON.stringify({ token: withToken, webhook_url: webhookUrl })).toString('base64');

async function world(options: { policy?: Record<string, unknown>; paired?: boolean; publicUrl?: string | null } = {}) {
  const publicUrl = options.publicUrl === undefined ? 'https://cloud.despaak.example' : options.publicUrl;
  const cloud = await cloudForShop('Fietsenwinkel De Spaak', 'PGlite', { webhooks: { allowPrivateTargets: true, publicUrl, timeoutMs: 500, attempts: 2, retryDelayMs: 20 } });
  // A test may stop the cloud itself (offline); closing it again is then a no-op.
  cleanup.push(() => cloud.close().catch(() => undefined));
  const webshop: WebshopPeer = await startWebshopPeer(token);
  cleanup.push(() => webshop.stop());
  const dir = tempFolder('backoffice-webhooks-');
  const policyFile = path.join(dir, 'policy.json');
  fs.writeFileSync(policyFile, JSON.stringify(options.policy ?? { allowPrivateWebhookTargets: true }));
  const desktop: Desktop = await openDesktop(dir, { policyFile });
  cleanup.push(async () => {
    await desktop.sync.pairing.unpair('nl');
    await desktop.office.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  if (options.paired !== false) await pairDesktop(desktop, cloud.cloud.url, cloud.shop.code);
  const dispatch = createDispatch({ table: apiTable, services: desktop.office.services, logger: desktop.logger });
  const call = (name: string, input: unknown) => dispatch(name as never, input as never, caller);
  const channel = await call('lists.create', { collection: 'salesChannels', values: { name: 'Webshop', orderNumberPrefix: 'W1', type: 'webshop', url: 'https://despaak.nl' } });
  const channelId = channel.ok ? (channel.value as { id: string }).id : '';
  const add = async (apiKey: string) => {
    const added = await call('webhooks.add', { salesChannelId: channelId, apiKey });
    if (!added.ok) throw new Error(added.error.message);
    return (added.value as { id: string }).id;
  };
  const hook = (id: string) => desktop.lists.list('webhooks').ok && (desktop.lists.list('webhooks') as { value: { id: string; values: Record<string, unknown> }[] }).value.find((item) => item.id === id)?.values;
  return { cloud, webshop, desktop, call, add, hook, policyFile };
}

describe.runIf(inKeychainSession)('Webhooks on the desktop: Verbinden through the cloud', () => {
  it('Verbinden sends init with the token from the keychain; the 200 makes the row Verbonden with its code and time', async () => {
    const { webshop, call, add, hook } = await world();
    const id = await add(keyFor(webshop.url));
    expect(hook(id)).toMatchObject({ status: 'disconnected', lastDeliveryAt: null });
    const connected = await call('webhooks.connect', { id });
    expect(connected).toMatchObject({ ok: true, value: { status: 'connected', responseCode: 200, message: 'Verbonden: de webshop antwoordde 200.' } });
    expect(webshop.deliveries).toMatchObject([{ token, body: { action: 'init', payload: { hook_id: id } } }]);
    expect(hook(id)).toMatchObject({ status: 'connected', lastResponseCode: '200', lastProblem: null, lastDeliveryAt: expect.stringMatching(/^\d{4}-/) });
    const log = await call('webhooks.deliveries', { id });
    expect(log).toMatchObject({ ok: true, value: [{ action: 'init', responseCode: 200, outcome: 'accepted' }] });
  }, 60_000);

  it('a token the webshop does not know is Mislukt with that reason; a hanging webshop "geen antwoord binnen 0,5 s"', async () => {
    const { webshop, call, add, hook } = await world();
    const id = await add(keyFor(webshop.url, 'wc-token-of-another-shop'));
    const refused = await call('webhooks.connect', { id });
    expect(refused).toMatchObject({ ok: true, value: { status: 'unauthorized', responseCode: 401, message: expect.stringContaining('weigert het token (401)') } });
    expect(hook(id)).toMatchObject({ status: 'unauthorized', lastResponseCode: '401', lastProblem: 'tokenRefused' });
    webshop.behave('slow');
    const silent = await call('webhooks.connect', { id });
    expect(silent).toMatchObject({ ok: true, value: { status: 'error', responseCode: null, message: 'Mislukt: geen antwoord binnen 0,5 s.' } });
    expect(hook(id)).toMatchObject({ status: 'error', lastResponseCode: null });
  }, 60_000);

  it('Ontkoppelen sends disconnect and makes the row Niet verbonden; a connected row cannot be removed before that', async () => {
    const { webshop, call, add, hook } = await world();
    const id = await add(keyFor(webshop.url));
    await call('webhooks.connect', { id });
    expect(await call('webhooks.remove', { id })).toMatchObject({ ok: false, error: { code: 'still_connected' } });
    expect(await call('webhooks.disconnect', { id })).toMatchObject({ ok: true, value: { status: 'disconnected', message: 'Niet verbonden.' } });
    expect(webshop.deliveries.map((delivery) => (delivery.body as { action: string }).action)).toEqual(['init', 'disconnect']);
    expect(hook(id)).toMatchObject({ status: 'disconnected' });
    expect(await call('webhooks.remove', { id })).toMatchObject({ ok: true });
  }, 60_000);

  it('Ontkoppelen after IT withdrew private targets still disconnects: the cloud revokes the webshop, which is not contacted', async () => {
    const { webshop, call, add, hook, desktop, policyFile } = await world();
    const id = await add(keyFor(webshop.url));
    await call('webhooks.connect', { id });
    const policy = desktop.office.services.policy;
    policy.start();
    cleanup.push(async () => policy.stop());
    fs.writeFileSync(policyFile, '{}');
    await vi.waitFor(() => expect(policy.state().allowPrivateWebhookTargets).toBe(false), { timeout: 10_000 });
    const off = await call('webhooks.disconnect', { id });
    expect(off).toMatchObject({ ok: true, value: { status: 'disconnected', message: expect.stringMatching(/^Ontkoppeld, maar de webshop kreeg het bericht niet: Mislukt: de Webhook-URL wijst naar 127\.0\.0\.1/) } });
    expect(webshop.deliveries.map((delivery) => (delivery.body as { action: string }).action)).toEqual(['init']);
    expect(hook(id)).toMatchObject({ status: 'disconnected' });
  }, 60_000);

  it('offline, Verbinden says it needs the cloud and changes nothing', async () => {
    const { cloud, webshop, call, add, hook, desktop } = await world();
    const id = await add(keyFor(webshop.url));
    await cloud.cloud.close();
    const before = hook(id);
    const history = desktop.office.store.sqlite.prepare('SELECT count(*) AS n FROM history').get();
    const answer = await call('webhooks.connect', { id });
    expect(answer).toMatchObject({ ok: false, error: { code: 'cloud_unreachable', message: expect.stringMatching(/^Verbinden en ontkoppelen hebben een verbinding met de cloud nodig, en die is er nu niet .*Er is niets gewijzigd/) } });
    expect(hook(id)).toEqual(before);
    expect(desktop.office.store.sqlite.prepare('SELECT count(*) AS n FROM history').get()).toEqual(history);
    expect(webshop.deliveries).toHaveLength(0);
  }, 60_000);

  it("without the cloud's public URL, Verbinden says the cloud's operator must set it and changes nothing", async () => {
    const { webshop, call, add, hook } = await world({ publicUrl: null });
    const id = await add(keyFor(webshop.url));
    expect(await call('webhooks.connect', { id })).toMatchObject({ ok: false, error: { code: 'public_url_missing', message: expect.stringContaining('de beheerder van de cloud moet eerst het openbare adres van de cloud instellen (--public-url)') } });
    expect(hook(id)).toMatchObject({ status: 'disconnected', lastDeliveryAt: null });
    expect(webshop.deliveries).toHaveLength(0);
  }, 60_000);

  it('not paired: Verbinden says the cloud makes the call and changes nothing', async () => {
    const { webshop, call, add, hook } = await world({ paired: false });
    const id = await add(keyFor(webshop.url));
    expect(await call('webhooks.connect', { id })).toMatchObject({ ok: false, error: { code: 'cloud_unreachable', message: expect.stringContaining('Koppel deze werkplek eerst in Systeeminformatie') } });
    expect(hook(id)).toMatchObject({ status: 'disconnected' });
  }, 60_000);

  it('without IT allowing it, a key pointing into a private range is refused on the field before anything is kept', async () => {
    const { webshop, call, desktop } = await world({ policy: {} });
    const inspected = await call('webhooks.inspectKey', { apiKey: keyFor(webshop.url) });
    expect(inspected).toMatchObject({ ok: false, error: { fields: [{ field: 'apiKey', reason: 'webhookUrl.privateAddress', message: expect.stringContaining('wijst naar 127.0.0.1, een adres in een privé- of lokaal netwerk') }] } });
    expect(await call('webhooks.inspectKey', { apiKey: keyFor('http://webshop.example.com/hook') })).toMatchObject({ ok: false, error: { fields: [{ reason: 'webhookUrl.notHttps' }] } });
    expect(desktop.lists.list('webhooks')).toMatchObject({ ok: true, value: [] });
  }, 60_000);
});
