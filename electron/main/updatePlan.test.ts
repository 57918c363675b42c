import { describe, expect, it } from 'vitest';
import { checkEveryMs, defaultFeedUrl, planUpdate, type UpdatePlan, type UpdateSituation } from './updatePlan';

const base: UpdateSituation = {
  channel: 'stable',
  feedUrl: null,
  packaged: true,
  selfUpdating: true,
  now: 1_000_000_000,
  lastCheckAt: null,
  downloaded: false,
  printing: false,
  syncing: false,
};

const stable = { feedUrl: defaultFeedUrl, channel: 'latest', allowPrerelease: false } as const;

describe('update plan', () => {
  it.each<[string, Partial<UpdateSituation>, UpdatePlan]>([
    ['no policy: our feed, stable channel', {}, { check: stable, install: 'nothing' }],
    ['beta: the beta channel with pre-releases', { channel: 'beta' }, { check: { ...stable, channel: 'beta', allowPrerelease: true }, install: 'nothing' }],
    ["the organisation's own feed", { feedUrl: 'https://updates.winkel.nl' }, { check: { ...stable, feedUrl: 'https://updates.winkel.nl' }, install: 'nothing' }],
    ['off: no request at all', { channel: 'off' }, { check: { skip: 'off' }, install: 'nothing' }],
    ['off after a download: the download is not installed', { channel: 'off', downloaded: true }, { check: { skip: 'off' }, install: 'nothing' }],
    ['a development run never updates', { packaged: false }, { check: { skip: 'notPackaged' }, install: 'nothing' }],
    ['a .deb is left to the package manager', { selfUpdating: false }, { check: { skip: 'notSelfUpdating' }, install: 'nothing' }],
    ['checked an hour ago: wait', { lastCheckAt: base.now - 60 * 60 * 1000 }, { check: { skip: 'checkedRecently' }, install: 'nothing' }],
    ['checked six hours ago: look again', { lastCheckAt: base.now - checkEveryMs }, { check: stable, install: 'nothing' }],
    ['downloaded and idle: install on quit', { downloaded: true }, { check: stable, install: 'onQuit' }],
    ['downloaded while printing: not now', { downloaded: true, printing: true }, { check: stable, install: 'notNow' }],
    ['downloaded while syncing: not now', { downloaded: true, syncing: true }, { check: stable, install: 'notNow' }],
  ])('%s', (_name, situation, plan) => {
    expect(planUpdate({ ...base, ...situation })).toEqual(plan);
  });
});
