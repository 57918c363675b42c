import type { UpdateChannel } from '../services/policy/policyCatalogue';

/** Where the release pipeline publishes the update feed (electron-builder.yml › publish). */
export const defaultFeedUrl = 'https://downloads.backoffice.nl/desktop';

/** How often a running app looks for a new version. */
export const checkEveryMs = 6 * 60 * 60 * 1000;

/** Everything the decision depends on, gathered by the host; no clock or I/O in here. */
export interface UpdateSituation {
  /** From the policy; `stable` when there is none. */
  channel: UpdateChannel;
  /** The policy's own update server, or null for ours. */
  feedUrl: string | null;
  /** A development run (`npm start`) has no installer to update and no feed of its own. */
  packaged: boolean;
  /** Linux .deb installs are updated by the package manager, not by the app. */
  selfUpdating: boolean;
  now: number;
  lastCheckAt: number | null;
  /** A new version has been downloaded and waits to be installed. */
  downloaded: boolean;
  printing: boolean;
  syncing: boolean;
}

export type SkipReason = 'off' | 'notPackaged' | 'notSelfUpdating' | 'checkedRecently';

export interface UpdatePlan {
  /** A skip reason means no request is made at all. */
  check: { feedUrl: string; channel: 'latest' | 'beta'; allowPrerelease: boolean } | { skip: SkipReason };
  /**
   * `onQuit`: install the downloaded version when the user quits. `notNow`: a print or a sync
   * is running, and installing would cut it off. `nothing`: no update waits, or IT switched
   * updates off after one was downloaded.
   */
  install: 'onQuit' | 'notNow' | 'nothing';
}

/**
 * Whether to look for an update now and on which channel, and whether a downloaded one may be
 * installed when the app quits. The only decision the updater makes; it is pure so that every
 * row of the table can be tested without Electron.
 */
export function planUpdate(s: UpdateSituation): UpdatePlan {
  const install = !s.downloaded || s.channel === 'off' ? 'nothing' : s.printing || s.syncing ? 'notNow' : 'onQuit';
  const skip: SkipReason | null =
    s.channel === 'off'
      ? 'off'
      : !s.packaged
        ? 'notPackaged'
        : !s.selfUpdating
          ? 'notSelfUpdating'
          : s.lastCheckAt !== null && s.now - s.lastCheckAt < checkEveryMs
            ? 'checkedRecently'
            : null;
  if (skip) return { check: { skip }, install };
  const beta = s.channel === 'beta';
  return { check: { feedUrl: s.feedUrl ?? defaultFeedUrl, channel: beta ? 'beta' : 'latest', allowPrerelease: beta }, install };
}
