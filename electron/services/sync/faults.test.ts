import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPairingCode, newShop } from '../../../cloud/accounts';
import { openCloudDatabase } from '../../../cloud/db/connect';
import { cloudBackends, cloudStorage, stopCloudPostgres, type CloudStorage } from '../../../test/cloudBackends';
import { startCloudProcess, freePort } from '../../../test/cloudProcess';
import { startFaultProxy, type FaultPlan, type FaultProxy } from '../../../test/faultProxy';
import { fixedClock } from '../../../test/services';
import { cloudReferee, openDesktop, pairDesktop, sharedState, tempFolder, type Desktop } from '../../../test/syncWorld';

/**
 * Faults between real desktops and the real cloud (its own process, on PGlite and on a real
 * PostgreSQL), injected by a proxy on 127.0.0.1. After each fault stops: every desktop equals the cloud, no acknowledged write is
 * lost, each real conflict appears exactly once, and the outbox drains within two sync runs.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const anna = { by: 'Anna', userId: 'user-anna', lang: 'nl' as const };
const bram = { by: 'Bram', userId: 'user-bram', lang: 'nl' as const };
const drainRuns = 2;

const onPush = (fault: ReturnType<FaultPlan>, times = 1): FaultPlan => {
  let left = times;
  return (request) => (request.path === '/v1/push' && left-- > 0 ? fault : null);
};

const companyName = (desktop: Desktop) => {
  const group = desktop.settings.readGroup('company.general');
  return group.ok ? group.value.values.companyName : undefined;
};

afterAll(stopCloudPostgres);

describe.each(cloudBackends)('on %s', (backend) => {
  let storage: CloudStorage;
  let port: number;
  let cloud: Awaited<ReturnType<typeof startCloudProcess>>;
  let proxy: FaultProxy;
  let a: Desktop;
  let b: Desktop;
  const dirs: string[] = [];

  let referee: Awaited<ReturnType<typeof cloudReferee>>;
  let spareCode: string;

  async function desktopAt(name: string, clock?: ReturnType<typeof fixedClock>): Promise<Desktop> {
    const dir = tempFolder(`backoffice-${name}-`);
    dirs.push(dir);
    return openDesktop(dir, { clock });
  }

  /** Runs "Nu synchroniseren" until the outbox is empty; fails if that takes more than the bound. */
  async function drain(desktop: Desktop): Promise<number> {
    for (let run = 1; run <= drainRuns; run++) {
      const outcome = await desktop.sync.syncNow();
      if (outcome.status === 'synced' && desktop.sync.read().pending === 0) return run;
    }
    throw new Error(`outbox not drained after ${drainRuns} runs: ${JSON.stringify(desktop.sync.read())}`);
  }

  async function expectAllEqualCloud(): Promise<void> {
    for (const desktop of [a, b]) await drain(desktop);
    // A pull after the other desktop's push: everyone has seen everything. The referee reads the cloud directly.
    for (const desktop of [a, b]) await desktop.sync.syncNow();
    const truth = await referee();
    expect(sharedState(a)).toEqual(truth);
    expect(sharedState(b)).toEqual(truth);
  }


  beforeAll(async () => {
    storage = await cloudStorage(backend);
    const database = await openCloudDatabase(storage.choice);
    const shop = await newShop(database.db, 'Fietsenwinkel De Spaak');
    const second = await newPairingCode(database.db, shop.id);
    const forReferee = await newPairingCode(database.db, shop.id);
    spareCode = (await newPairingCode(database.db, shop.id)).code;
    await database.close();
    port = await freePort();
    cloud = await startCloudProcess(storage.choice, port);
    proxy = await startFaultProxy(cloud.url);
    a = await desktopAt('kassa');
    // Workstation B's clock is six hours ahead: nothing may be ordered by it.
    b = await desktopAt('kantoor', fixedClock(new Date(Date.now() + 6 * 3_600_000).toISOString()));
    await pairDesktop(a, proxy.url, shop.code);
    await pairDesktop(b, proxy.url, second.code);
    referee = await cloudReferee(cloud.url, forReferee.code);
  }, 120_000);

  afterAll(async () => {
    for (const desktop of [a, b]) {
      await desktop?.sync.pairing.unpair('nl');
      await desktop?.office.close();
    }
    await proxy?.close();
    await cloud?.kill();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    await storage?.remove();
  });

  describe('sync under faults', { timeout: 120_000 }, () => {
    it('a push the cloud applied but whose answer was lost is sent again and taken once', async () => {
      a.settings.writeGroup('company.general', { companyName: 'Na verloren antwoord' }, anna);
      proxy.setPlan(onPush({ kind: 'drop-response' }));
      expect(await a.sync.syncNow()).toMatchObject({ status: 'retrying' });
      expect(a.sync.read()).toMatchObject({ pending: 1, lastError: expect.any(String) });
      proxy.setPlan(null);
      await expectAllEqualCloud();
      expect(companyName(b)).toBe('Na verloren antwoord');
      expect(a.sync.conflicts.open('nl')).toEqual([]);
    });

    it('a connection reset mid-request, a duplicate delivery, 503 and 429 all end in the same state', async () => {
      for (const [index, fault] of ([{ kind: 'reset' }, { kind: 'duplicate' }, { kind: 'status', status: 503 }, { kind: 'status', status: 429, retryAfterSeconds: 0 }] as const).entries()) {
        a.settings.writeGroup('company.general', { backOfficeName: `Spaak ${index}` }, anna);
        proxy.setPlan(onPush(fault));
        await a.sync.syncNow();
        proxy.setPlan(null);
        await expectAllEqualCloud();
        expect(b.settings.readGroup('company.general')).toMatchObject({ ok: true, value: { values: { backOfficeName: `Spaak ${index}` } } });
      }
      expect(proxy.counts).toMatchObject({ reset: 1, duplicate: 1, status: 2 });
    });

    it('latency on every request slows sync down but changes nothing', async () => {
      proxy.setPlan(() => ({ kind: 'latency', ms: 150 }));
      b.settings.writeGroup('company.contact', { city: 'Utrecht' }, bram);
      expect(await b.sync.syncNow()).toMatchObject({ status: 'synced', pushed: 1 });
      proxy.setPlan(null);
      await expectAllEqualCloud();
    });

    it('the same field edited on both, with a lost answer in between, is one conflict exactly once; clocks decide nothing', async () => {
      // B (clock six hours ahead) edits first in real time; A edits after. The cloud orders by arrival.
      b.settings.writeGroup('company.general', { companyName: 'Van Bram' }, bram);
      a.settings.writeGroup('company.general', { companyName: 'Van Anna' }, anna);
      await b.sync.syncNow();
      proxy.setPlan(onPush({ kind: 'drop-response' }));
      await a.sync.syncNow();
      proxy.setPlan(null);
      await a.sync.syncNow();
      await a.sync.syncNow();
      expect(a.sync.conflicts.open('nl')).toEqual([expect.objectContaining({ field: 'companyName', mine: 'Van Anna', theirs: 'Van Bram' })]);
      expect(b.sync.conflicts.open('nl')).toEqual([]);
      await expectAllEqualCloud();
      expect(companyName(a)).toBe('Van Bram');
      const [conflict] = a.sync.conflicts.open('nl');
      a.sync.conflicts.resolve(conflict!.id, { choose: 'mine' }, anna);
      await expectAllEqualCloud();
      expect(companyName(b)).toBe('Van Anna');
    });

    it('a 401 puts the workstation in "ontkoppeld"; after pairing again what waited is sent', async () => {
      a.settings.writeGroup('company.contact', { city: 'Amersfoort' }, anna);
      proxy.setPlan(() => ({ kind: 'status', status: 401 }));
      expect(await a.sync.syncNow()).toEqual({ status: 'unpaired' });
      expect(a.sync.read()).toMatchObject({ state: 'unpaired', pending: 1 });
      proxy.setPlan(null);
      expect((await a.sync.pairing.pair({ cloudUrl: proxy.url, code: spareCode }, 'nl')).ok).toBe(true);
      await expectAllEqualCloud();
      expect(b.settings.readGroup('company.contact')).toMatchObject({ ok: true, value: { values: { city: 'Amersfoort' } } });
    });

    it('the cloud SIGKILLed while a push is in flight, then restarted: nothing lost, nothing twice', async () => {
      b.settings.writeGroup('company.general', { backOfficeName: 'Na herstart' }, bram);
      proxy.setPlan(onPush({ kind: 'latency', ms: 500 }));
      const running = b.sync.syncNow();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await cloud.kill();
      expect(await running).toMatchObject({ status: 'retrying' });
      proxy.setPlan(null);
      cloud = await startCloudProcess(storage.choice, port);
      await expectAllEqualCloud();
      expect(a.settings.readGroup('company.general')).toMatchObject({ ok: true, value: { values: { backOfficeName: 'Na herstart' } } });
    });

    it('a desktop SIGKILLed mid-push keeps its saved change and sends it once after restart', async () => {
      const dir = a.dir;
      await a.office.close();
      proxy.setPlan(onPush({ kind: 'latency', ms: 3_000 }));
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/desktopChild.ts', dir, 'Voor de crash'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      await new Promise<void>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('saved')) resolve();
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.once('exit', () => reject(new Error(`desktop exited early: ${output}`)));
      });
      // Saved (acknowledged) and its push is held by the proxy: now the power goes.
      await new Promise((resolve) => setTimeout(resolve, 500));
      child.removeAllListeners('exit');
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      proxy.setPlan(null);
      a = await openDesktop(dir);
      expect(a.sync.read().pending).toBe(1);
      await expectAllEqualCloud();
      expect(companyName(b)).toBe('Voor de crash');
      expect(a.sync.conflicts.open('nl')).toEqual([]);
    });
  });
});
