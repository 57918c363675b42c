import type { Logger } from '../services/logger';
import type { PolicyService } from '../services/policy/policyService';
import { planUpdate, type UpdatePlan } from './updatePlan';

/** The part of electron-updater's AppUpdater we use, so the wiring can be tested without Electron. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  setFeedURL(options: { provider: 'generic'; url: string; channel: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdaterDeps {
  policy: PolicyService;
  /** `app.isPackaged`. */
  packaged: boolean;
  /** False for a Linux .deb, which the package manager updates. */
  selfUpdating: boolean;
  busy(): { printing: boolean; syncing: boolean };
  /** electron-updater's autoUpdater, imported only when a check is due: `off` never loads it. */
  loadUpdater(): Promise<UpdaterLike>;
  logger: Logger;
  now?: () => number;
}

/**
 * Updates as IT's policy says: the channel and feed come from the policy (stable from our feed
 * when there is none), `off` makes no request at all, and a downloaded version is installed
 * when the user quits, never in the middle of a print or a sync. The policy is re-read on every
 * change, so switching updates off applies at once.
 */
export function createUpdater({ policy, packaged, selfUpdating, busy, loadUpdater, logger, now = Date.now }: UpdaterDeps) {
  let updater: UpdaterLike | null = null;
  let lastCheckAt: number | null = null;
  let downloaded = false;
  let timer: NodeJS.Timeout | undefined;
  const stopWatchingPolicy = policy.onChange(() => void tick());

  function plan(): UpdatePlan {
    const state = policy.state();
    return planUpdate({ channel: state.updateChannel, feedUrl: state.updateUrl, packaged, selfUpdating, now: now(), lastCheckAt, downloaded, ...busy() });
  }

  async function load(): Promise<UpdaterLike> {
    if (updater) return updater;
    const loaded = await loadUpdater();
    loaded.autoDownload = true;
    loaded.on('update-downloaded', (info) => {
      downloaded = true;
      logger.info('update.downloaded', { version: info.version });
    });
    loaded.on('error', (error) => logger.warn('update.failed', { error: error.message }));
    updater = loaded;
    return loaded;
  }

  async function tick(): Promise<UpdatePlan> {
    const next = plan();
    if (updater) updater.autoInstallOnAppQuit = next.install === 'onQuit';
    if ('skip' in next.check) return next;
    const { feedUrl, channel, allowPrerelease } = next.check;
    const loaded = await load();
    loaded.setFeedURL({ provider: 'generic', url: feedUrl, channel });
    loaded.allowPrerelease = allowPrerelease;
    // Setting a channel lets electron-updater downgrade; going from beta back to stable must not.
    loaded.allowDowngrade = false;
    loaded.autoInstallOnAppQuit = next.install === 'onQuit';
    lastCheckAt = now();
    logger.info('update.check', { channel, feedUrl });
    try {
      await loaded.checkForUpdates();
    } catch (error) {
      logger.warn('update.failed', { error: (error as Error).message });
    }
    return next;
  }

  return {
    /** Looks now, then every hour asks the plan whether a check is due. */
    start(): void {
      void tick();
      timer = setInterval(() => void tick(), 60 * 60 * 1000);
      timer.unref();
    },
    tick,
    /** From app 'before-quit': the last word on installing, with what is running right now. */
    beforeQuit(): void {
      if (updater) updater.autoInstallOnAppQuit = plan().install === 'onQuit';
    },
    stop(): void {
      clearInterval(timer);
      stopWatchingPolicy();
    },
  };
}
