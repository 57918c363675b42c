import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../services/logger';
import { createPolicyService, type PolicyService } from '../services/policy/policyService';
import { useTempDir } from '../../test/tempDir';
import { createUpdater, type UpdaterLike } from './updater';

const tempDir = useTempDir();

/**
 * Stand-in for electron-updater's autoUpdater, which needs a running Electron app: it records the
 * feed it was given and each check, and lets the test announce a finished download.
 */
function standInUpdater() {
  const listeners: Record<string, (arg: never) => void> = {};
  const updater = {
    autoDownload: false,
    autoInstallOnAppQuit: true,
    allowPrerelease: false,
    allowDowngrade: true,
    feeds: [] as unknown[],
    checks: 0,
    setFeedURL(options: unknown) {
      this.feeds.push(options);
    },
    async checkForUpdates() {
      this.checks += 1;
      return null;
    },
    on(event: string, listener: (arg: never) => void) {
      listeners[event] = listener;
      return this;
    },
    downloaded(version: string) {
      listeners['update-downloaded']?.({ version } as never);
    },
  };
  return updater satisfies UpdaterLike;
}

function policyWith(document: unknown): { policy: PolicyService; file: string } {
  const file = path.join(tempDir(), 'policy.json');
  fs.writeFileSync(file, JSON.stringify(document));
  return { policy: createPolicyService({ file, native: null, logger: createMemoryLogger(), settleMs: 20 }), file };
}

describe('updater', () => {
  it('never loads the updater, so never makes a request, when the policy says off', async () => {
    const { policy } = policyWith({ updateChannel: 'off' });
    let loads = 0;
    const updater = createUpdater({ policy, packaged: true, selfUpdating: true, busy: () => ({ printing: false, syncing: false }), logger: createMemoryLogger(), loadUpdater: async () => (loads++, standInUpdater()) });
    expect((await updater.tick()).check).toEqual({ skip: 'off' });
    expect(loads).toBe(0);
    updater.stop();
  });

  it("checks the policy's feed on the beta channel, never allowing a downgrade", async () => {
    const { policy } = policyWith({ updateChannel: 'beta', updateUrl: 'https://updates.winkel.nl/backoffice/' });
    const standIn = standInUpdater();
    const updater = createUpdater({ policy, packaged: true, selfUpdating: true, busy: () => ({ printing: false, syncing: false }), logger: createMemoryLogger(), loadUpdater: async () => standIn });
    await updater.tick();
    expect(standIn.feeds).toEqual([{ provider: 'generic', url: 'https://updates.winkel.nl/backoffice', channel: 'beta' }]);
    expect(standIn).toMatchObject({ checks: 1, allowPrerelease: true, allowDowngrade: false, autoDownload: true });
    await updater.tick();
    expect(standIn.checks).toBe(1);
    updater.stop();
  });

  it('installs a downloaded version on quit, but not during a print, and not once IT switched updates off', async () => {
    const { policy, file } = policyWith({});
    const standIn = standInUpdater();
    const busy = { printing: false, syncing: false };
    policy.start();
    const updater = createUpdater({ policy, packaged: true, selfUpdating: true, busy: () => busy, logger: createMemoryLogger(), loadUpdater: async () => standIn });
    await updater.tick();
    standIn.downloaded('1.1.0');
    busy.printing = true;
    updater.beforeQuit();
    expect(standIn.autoInstallOnAppQuit).toBe(false);
    busy.printing = false;
    updater.beforeQuit();
    expect(standIn.autoInstallOnAppQuit).toBe(true);
    const changed = new Promise((resolve) => policy.onChange(resolve));
    fs.writeFileSync(file, JSON.stringify({ updateChannel: 'off' }));
    await changed;
    updater.beforeQuit();
    expect(standIn.autoInstallOnAppQuit).toBe(false);
    updater.stop();
    policy.stop();
  });
});
