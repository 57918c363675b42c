import { describe, expect, it } from 'vitest';
import type { FaultPlan } from '../../../test/faultProxy';
import { useProxiedCloud } from '../../../test/proxiedCloud';
import { fixedClock } from '../../../test/services';
import { cloudState, pairDesktop, sharedState, type Desktop, type openDesktop } from '../../../test/syncWorld';
import { deviceTokenPurpose } from './syncEngine';

/**
 * The sync loop of one workstation against the real cloud (PGlite, real HTTP on 127.0.0.1) behind
 * the fault proxy: what the top bar shows when the cloud is away, how long the loop waits before it
 * tries again, and what happens to a change the cloud cannot take. One cloud for the file, a shop
 * of its own per test.
 */
const anna = { by: 'Anna', userId: 'user-anna', lang: 'nl' as const };
const bram = { by: 'Bram', userId: 'user-bram', lang: 'nl' as const };
const { files, proxy, desktop } = useProxiedCloud();

const pushes = (fault: ReturnType<FaultPlan>, times = Infinity): FaultPlan => {
  let left = times;
  return (request) => (request.path === '/v1/push' && left-- > 0 ? fault : null);
};

/** Workstation A (clock standing still at 10:00) and B of a new shop, both paired through the proxy. */
async function shop(options: { a?: Parameters<typeof openDesktop>[1]; b?: Parameters<typeof openDesktop>[1] } = {}) {
  const { shop: created, pairingCode } = await files.newShop();
  const clock = fixedClock('2026-11-28T10:00:00Z');
  const a = await desktop('kassa', { clock, ...options.a });
  const b = await desktop('kantoor', options.b);
  await pairDesktop(a, proxy.url, created.code);
  await pairDesktop(b, proxy.url, await pairingCode());
  const truth = async () => cloudState(files.url, await pairingCode());
  return { a, b, clock, truth };
}

const companyName = (desktop: Desktop) => {
  const group = desktop.settings.readGroup('company.general');
  return group.ok ? group.value.values.companyName : undefined;
};

describe('the sync loop when the cloud is away', () => {
  it('keeps the change, shows the error and when it tries again, and sends it on the next run', async () => {
    const { a, b } = await shop();
    a.settings.writeGroup('company.general', { companyName: 'Tijdens storing' }, anna);
    proxy.setPlan(pushes({ kind: 'status', status: 503 }));
    // Backoff 10 ms at first (test/syncWorld.ts), jitter pinned at the middle: 5 + 2.5 ms.
    expect(await a.sync.syncNow()).toEqual({ status: 'retrying', error: 'Ingevoegde fout 503', retryInMs: 8 });
    expect(a.sync.read()).toMatchObject({ state: 'paired', pending: 1, lastError: 'Ingevoegde fout 503', nextAttemptAt: '2026-11-28T10:00:00.008Z', lastSyncAt: null });

    proxy.setPlan(null);
    expect(await a.sync.syncNow()).toEqual({ status: 'synced', pushed: 1, pulled: 1, conflicts: 0, rejected: 0 });
    expect(a.sync.read()).toMatchObject({ pending: 0, lastError: null, nextAttemptAt: null, lastSyncAt: '2026-11-28T10:00:00.000Z', initialPullDone: true });
    await b.sync.syncNow();
    expect(companyName(b)).toBe('Tijdens storing');
  });

  it('waits at least as long as a busy cloud asks (Retry-After)', async () => {
    const { a } = await shop();
    a.settings.writeGroup('company.general', { companyName: 'Later' }, anna);
    proxy.setPlan(pushes({ kind: 'status', status: 429, retryAfterSeconds: 30 }));
    expect(await a.sync.syncNow()).toMatchObject({ status: 'retrying', retryInMs: 30_000 });
    expect(a.sync.read().nextAttemptAt).toBe('2026-11-28T10:00:30.000Z');
  });

  it('tries again on its own, waiting longer after each failure, and sends the change once the cloud answers', async () => {
    const { a, truth } = await shop();
    a.settings.writeGroup('company.general', { companyName: 'Na drie pogingen' }, anna);
    proxy.setPlan(pushes({ kind: 'status', status: 503 }, 3));
    a.sync.start();
    await expect.poll(() => a.sync.read().pending, { timeout: 10_000, interval: 20 }).toBe(0);
    const waits = a.logger.lines.filter((line) => line.includes('sync.failed')).map((line) => /"retryInMs":(\d+)/.exec(line)?.[1]);
    // 10, 20, 40 ms ceilings (at most 50), each waited for between half and all of it.
    expect(waits).toEqual(['8', '15', '30']);
    expect((await truth())['settings/company.general']).toMatchObject({ companyName: 'Na drie pogingen' });
  });

  it('a change saved during a push goes along; "Nu synchroniseren" pressed meanwhile waits for that run', async () => {
    const { a, truth } = await shop();
    a.settings.writeGroup('company.general', { companyName: 'Eerste' }, anna);
    proxy.setPlan(pushes({ kind: 'latency', ms: 300 }, 1));
    const first = a.sync.syncNow();
    await expect.poll(() => a.sync.read().progress, { interval: 5 }).toMatchObject({ phase: 'push' });
    a.settings.writeGroup('company.contact', { city: 'Zeist' }, anna);
    const second = await a.sync.syncNow();
    expect(await first).toMatchObject({ status: 'synced', pushed: 2 });
    expect(second).toMatchObject({ status: 'synced', pushed: 0 });
    expect(a.sync.read()).toMatchObject({ pending: 0, progress: null });
    expect(await truth()).toMatchObject({ 'settings/company.general': { companyName: 'Eerste' }, 'settings/company.contact': { city: 'Zeist' } });
  });

  it('a change saved while the loop pulls is sent in the same run, not an hour later', async () => {
    const { a } = await shop({ a: { sync: { afterWriteMs: 20 } } });
    a.sync.start();
    await expect.poll(() => a.sync.read().initialPullDone, { timeout: 10_000, interval: 20 }).toBe(true);
    proxy.setPlan((request) => (request.path === '/v1/pull' ? { kind: 'latency', ms: 300 } : null));
    const run = a.sync.syncNow();
    await expect.poll(() => a.sync.read().progress, { interval: 5 }).toMatchObject({ phase: 'pull' });
    a.settings.writeGroup('company.general', { companyName: 'Tijdens ophalen' }, anna);
    expect(await run).toMatchObject({ status: 'synced', pushed: 1 });
    expect(a.sync.read().pending).toBe(0);
  });

  it('stopping waits for the run in progress, so closing never cuts it off', async () => {
    const { a } = await shop();
    a.settings.writeGroup('company.general', { companyName: 'Voor het sluiten' }, anna);
    proxy.setPlan(pushes({ kind: 'latency', ms: 300 }, 1));
    let finished = false;
    void a.sync.syncNow().then(() => (finished = true));
    await expect.poll(() => a.sync.read().progress, { interval: 5 }).not.toBeNull();
    await a.sync.stop();
    expect(finished).toBe(true);
    expect(a.sync.read().pending).toBe(0);
  });

  it('a change saved while the loop runs is sent shortly after, without anyone pressing a button', async () => {
    const { a, truth } = await shop({ a: { sync: { afterWriteMs: 20 } } });
    a.sync.start();
    await expect.poll(() => a.sync.read().initialPullDone, { timeout: 10_000, interval: 20 }).toBe(true);
    a.settings.writeGroup('company.general', { companyName: 'Vanzelf verstuurd' }, anna);
    await expect.poll(() => a.sync.read().pending, { timeout: 10_000, interval: 20 }).toBe(0);
    expect((await truth())['settings/company.general']).toMatchObject({ companyName: 'Vanzelf verstuurd' });
  });
});

describe('what the cloud refuses', () => {
  it('a change the cloud cannot read is refused alone, with the reason; the changes around it are sent', async () => {
    const { a, truth } = await shop();
    a.settings.writeGroup('company.general', { companyName: 'Eerste' }, anna);
    a.settings.writeGroup('company.contact', { city: 'Kapotte wijziging' }, anna);
    a.settings.writeGroup('company.general', { backOfficeName: 'Derde' }, anna);
    // As a damaged outbox row would be: the cloud refuses the whole push it is in.
    a.office.store.sqlite.prepare("UPDATE outbox SET created_at = 'gisteren' WHERE record_id = 'company.contact'").run();
    expect(await a.sync.syncNow()).toMatchObject({ status: 'synced', pushed: 2, rejected: 1 });
    expect(a.sync.read()).toMatchObject({ pending: 0, rejected: 1 });
    const [refused] = a.sync.conflicts.rejected('nl');
    expect(refused).toMatchObject({ recordId: 'company.contact', changes: [{ field: 'city', label: 'Plaats', value: 'Kapotte wijziging' }] });
    expect(refused?.reason).toMatch(/^De cloud weigert deze wijziging: ./);
    expect(a.sync.conflicts.rejected('en')[0]?.reason).toMatch(/^The cloud refuses this change: ./);
    // The refused value gives way to the cloud's (none yet); the others arrived.
    expect(a.settings.readGroup('company.contact')).toMatchObject({ ok: true, value: { values: { city: '' } } });
    expect((await truth())['settings/company.general']).toMatchObject({ companyName: 'Eerste', backOfficeName: 'Derde' });
  });

  it('several edits of one field in a row are sent in order in one run, and the last one stands without a conflict', async () => {
    const { a, b } = await shop();
    for (const name of ['Een', 'Twee', 'Drie']) a.settings.writeGroup('company.general', { companyName: name }, anna);
    expect(await a.sync.syncNow()).toMatchObject({ status: 'synced', pushed: 3, conflicts: 0 });
    await b.sync.syncNow();
    expect(companyName(b)).toBe('Drie');
    expect(a.sync.conflicts.open('nl')).toEqual([]);
  });
});

describe('pulling', () => {
  it('pulls in pages until the cloud has nothing newer, and the screens hear which lists and settings changed', async () => {
    const { a, b } = await shop({ b: { sync: { pullPageSize: 2 } } });
    for (const nameNl of ['iDEAL', 'Bancontact', 'PayPal', 'Contant', 'Cadeaubon']) a.lists.create('paymentMethods', { nameNl }, anna);
    a.settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna);
    await a.sync.syncNow();
    const heard: unknown[] = [];
    b.office.events.subscribe((name, payload) => {
      if (name === 'records.changed' || name === 'settings.changed') heard.push({ name, payload });
    });
    expect(await b.sync.syncNow()).toMatchObject({ status: 'synced', pulled: 6 });
    expect(sharedState(b)).toEqual(sharedState(a));
    expect(heard).toEqual(
      expect.arrayContaining([
        { name: 'records.changed', payload: { collection: 'paymentMethods', by: 'sync' } },
        { name: 'settings.changed', payload: { group: '*', by: 'sync' } },
      ]),
    );
    // Nothing new: nothing pulled, nothing announced.
    heard.length = 0;
    expect(await b.sync.syncNow()).toMatchObject({ status: 'synced', pulled: 0 });
    expect(heard).toEqual([]);
  });

  it('when the cloud no longer knows where this workstation was, everything is pulled again and nothing is lost', async () => {
    const { a, b } = await shop();
    a.settings.writeGroup('company.general', { companyName: 'Voor het herstel' }, anna);
    await a.sync.syncNow();
    await b.sync.syncNow();
    b.settings.writeGroup('company.contact', { city: 'Houten' }, bram);
    // As after the cloud was restored from an older backup: the position is one it never gave out.
    b.office.store.sqlite.prepare("UPDATE sync_state SET value = '999999' WHERE key = 'pullCursor'").run();
    expect(await b.sync.syncNow()).toMatchObject({ status: 'synced', pushed: 1 });
    await a.sync.syncNow();
    expect(sharedState(b)).toEqual(sharedState(a));
    expect(companyName(b)).toBe('Voor het herstel');
  });

  it('a cloud that keeps asking to start over is a temporary failure, not an endless loop', async () => {
    const confused: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/v1/pull')) return new Response(JSON.stringify({ kind: 'startOver' }), { status: 200, headers: { 'content-type': 'application/json' } });
      return fetch(input, init);
    };
    const { a } = await shop({ a: { fetch: confused } });
    expect(await a.sync.syncNow()).toMatchObject({ status: 'retrying', error: 'De cloud herkent de synchronisatiepositie niet' });
  });
});

describe('the device token', () => {
  it('a token gone from the keychain puts the workstation in "ontkoppeld" with that reason, and keeps its changes', async () => {
    const { a } = await shop();
    a.settings.writeGroup('company.general', { companyName: 'Zonder token' }, anna);
    await a.office.services.secrets.clear(deviceTokenPurpose(a.office.store));
    expect(await a.sync.syncNow()).toEqual({ status: 'unpaired' });
    expect(a.sync.read()).toMatchObject({ state: 'unpaired', connected: false, pending: 1, lastError: 'Het apparaattoken ontbreekt in de sleutelhanger' });
    // Until paired again, a run does not even ask the keychain.
    expect(await a.sync.syncNow()).toEqual({ status: 'unpaired' });
  });

  it('a workstation that was never paired does nothing and says so', async () => {
    const c = await desktop('nieuw');
    c.settings.writeGroup('company.general', { companyName: 'Alleen hier' }, anna);
    expect(await c.sync.syncNow()).toEqual({ status: 'notPaired' });
    expect(await c.sync.fetchBlob('0'.repeat(64))).toBe('notPaired');
    expect(c.sync.read()).toMatchObject({ state: 'notPaired', pending: 1, lastError: null });
  });

  it('a file the cloud does not have is "not in the cloud"; a cloud that is away is "offline"', async () => {
    const { b } = await shop();
    expect(await b.sync.fetchBlob('0'.repeat(64))).toBe('notInCloud');
    proxy.setPlan(() => ({ kind: 'status', status: 503 }));
    expect(await b.sync.fetchBlob('0'.repeat(64))).toBe('offline');
  });
});

describe('the top bar during a long push', () => {
  it('hears of every batch the cloud took, not only of the end of the run', async () => {
    const { a } = await shop({ a: { sync: { batchSize: 1 } } });
    for (const city of ['Zeist', 'Houten', 'Baarn']) a.settings.writeGroup('company.contact', { city }, anna);
    const pendingHeard: number[] = [];
    a.office.events.subscribe((name) => {
      if (name === 'sync.changed') pendingHeard.push(a.sync.read().pending);
    });
    expect(await a.sync.syncNow()).toMatchObject({ status: 'synced', pushed: 3 });
    expect(pendingHeard.slice(0, 3)).toEqual([2, 1, 0]);
  });
});
