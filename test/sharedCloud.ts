import { afterAll, beforeAll, inject } from 'vitest';
import { listDevices, newPairingCode, newShop, revokeDevice } from '../cloud/accounts';
import { startCloud } from '../cloud/start';
import { cloudBackends, cloudStorage, type CloudBackend } from './cloudBackends';

declare module 'vitest' {
  interface ProvidedContext {
    /**
     * A cloud on PGlite started once for the whole run (test/mutation/sharedCloudSetup.ts), if any,
     * with the loopback address where tests ask it for shops and pairing codes.
     */
    sharedCloud?: { url: string; accountsUrl: string };
  }
}

/** What a test does to the cloud's accounts, as the cloud's own CLI does (cloud/accounts.ts). */
export interface CloudAccounts {
  newShop(name: string): Promise<{ id: string; name: string; code: string }>;
  newPairingCode(shopId: string): Promise<{ code: string }>;
  listDevices(shopId: string): Promise<{ deviceId: string; revokedAt: unknown }[]>;
  revokeDevice(shopId: string, deviceId: string): Promise<boolean>;
}
export type AccountCall = keyof CloudAccounts;

export interface ShopInCloud {
  shop: { id: string; name: string; code: string };
  /** One more one-time code for another workstation of this shop. */
  pairingCode(): Promise<string>;
}

export interface FileCloud {
  readonly url: string;
  readonly accounts: CloudAccounts;
  /** A shop of its own per test, so tests that share the cloud never see each other's data. */
  newShop(name?: string): Promise<ShopInCloud>;
}

/** The accounts over the loopback endpoint of a cloud running elsewhere in this test run. */
function accountsAt(accountsUrl: string): CloudAccounts {
  const call = async <K extends AccountCall>(name: K, args: Parameters<CloudAccounts[K]>): Promise<Awaited<ReturnType<CloudAccounts[K]>>> => {
    const response = await fetch(`${accountsUrl}/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) });
    if (!response.ok) throw new Error(`${name}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Awaited<ReturnType<CloudAccounts[K]>>;
  };
  return {
    newShop: (name) => call('newShop', [name]),
    newPairingCode: (shopId) => call('newPairingCode', [shopId]),
    listDevices: (shopId) => call('listDevices', [shopId]),
    revokeDevice: (shopId, deviceId) => call('revokeDevice', [shopId, deviceId]),
  };
}

/**
 * One cloud for a whole test file instead of one per test: starting the cloud on PGlite takes about
 * 5 s here, a whole two-desktop test against a running one a few hundred ms. Each test takes a shop
 * of its own, so the tests stay independent. When the run provides a cloud (the mutation run starts
 * one per Stryker worker, so a mutant's run does not pay for it again), PGlite tests use that one.
 */
export function useFileCloud(backend: CloudBackend = 'PGlite'): FileCloud {
  let current: { url: string; accounts: CloudAccounts; close(): Promise<void> } | null = null;
  beforeAll(async () => {
    const shared = backend === 'PGlite' ? inject('sharedCloud') : undefined;
    if (shared) {
      current = { url: shared.url, accounts: accountsAt(shared.accountsUrl), close: async () => undefined };
      return;
    }
    const storage = await cloudStorage(backend);
    const cloud = await startCloud({ database: storage.choice });
    const { db } = cloud.database;
    current = {
      url: cloud.url,
      accounts: {
        newShop: (name) => newShop(db, name),
        newPairingCode: (shopId) => newPairingCode(db, shopId),
        listDevices: (shopId) => listDevices(db, shopId),
        revokeDevice: (shopId, deviceId) => revokeDevice(db, shopId, deviceId),
      },
      async close() {
        await cloud.close();
        await storage.remove();
      },
    };
  }, 120_000);
  afterAll(async () => {
    await current?.close();
    current = null;
  });
  const running = () => {
    if (!current) throw new Error('the cloud of this file is not running (useFileCloud outside a describe with tests?)');
    return current;
  };
  return {
    get url() {
      return running().url;
    },
    get accounts() {
      return running().accounts;
    },
    async newShop(name = 'Fietsenwinkel De Spaak') {
      const { accounts } = running();
      const shop = await accounts.newShop(name);
      return { shop, pairingCode: async () => (await accounts.newPairingCode(shop.id)).code };
    },
  };
}

/**
 * The cloud databases a sync suite runs on. In a run that provides a shared cloud (the mutation
 * run) only PGlite: the desktop code under test is the same on both, the PostgreSQL leg checks the
 * cloud's concurrency, which that run does not mutate, and would start a cluster for every mutant.
 */
export function syncBackends(): readonly CloudBackend[] {
  return inject('sharedCloud') ? ['PGlite'] : cloudBackends;
}
