import { describe, expect, it } from 'vitest';
import { parsePackageList, planPreflight, type MachineFacts } from './plan';

const packages = parsePackageList('# comment\nchromium   the browser\n\nlibsecret-1-dev  keytar builds against it\nzbar-tools reads barcodes\n');
const debian: MachineFacts = {
  platform: 'linux',
  hasApt: true,
  missingPackages: [],
  isRoot: false,
  passwordlessSudo: false,
  keytarInstalled: true,
  keytarLoads: true,
};

describe('the test preflight decides what a fresh machine needs', () => {
  it('reads the one package list, skipping comments and blank lines', () => {
    expect(packages).toEqual([
      { name: 'chromium', why: 'the browser' },
      { name: 'libsecret-1-dev', why: 'keytar builds against it' },
      { name: 'zbar-tools', why: 'reads barcodes' },
    ]);
  });

  it('does nothing on a machine that has everything', () => {
    expect(planPreflight(debian, packages, '7.9.0')).toEqual({ steps: [], runs: { keychain: true, browser: true }, notes: [] });
  });

  it('installs only what is missing with apt-get when it runs as root', () => {
    const plan = planPreflight({ ...debian, isRoot: true, missingPackages: ['chromium', 'zbar-tools'] }, packages, '7.9.0');
    expect(plan.stop).toBeUndefined();
    expect(plan.steps).toEqual([
      { kind: 'install', packages: ['chromium', 'zbar-tools'], command: ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium', 'zbar-tools'] },
    ]);
  });

  it('uses sudo without a prompt when that is allowed and it is not root', () => {
    const plan = planPreflight({ ...debian, passwordlessSudo: true, missingPackages: ['chromium'] }, packages, '7.9.0');
    expect(plan.steps[0]?.command.slice(0, 3)).toEqual(['sudo', '-n', 'apt-get']);
  });

  it('stops with the one command to run when it may not install', () => {
    const plan = planPreflight({ ...debian, missingPackages: ['chromium', 'libsecret-1-dev'] }, packages, '7.9.0');
    expect(plan.steps).toEqual([]);
    expect(plan.stop?.command).toBe('sudo apt-get install -y --no-install-recommends chromium libsecret-1-dev');
    expect(plan.stop?.message).toContain('chromium, libsecret-1-dev');
  });

  it('installs the locked keytar when npm dropped it, and rebuilds a binding that does not load', () => {
    expect(planPreflight({ ...debian, keytarInstalled: false, keytarLoads: false }, packages, '7.9.0').steps).toEqual([
      { kind: 'installKeytar', command: ['npm', 'install', '--no-save', '--no-audit', '--no-fund', 'keytar@7.9.0'] },
    ]);
    expect(planPreflight({ ...debian, keytarLoads: false }, packages, '7.9.0').steps).toEqual([{ kind: 'rebuildKeytar', command: ['npm', 'rebuild', 'keytar'] }]);
  });

  it('rebuilds keytar after installing libsecret, so the binding is built against it', () => {
    const steps = planPreflight({ ...debian, isRoot: true, missingPackages: ['libsecret-1-dev'] }, packages, '7.9.0').steps;
    expect(steps.map((step) => step.kind)).toEqual(['install', 'rebuildKeytar']);
  });

  it.each(['darwin', 'win32'])('on %s installs nothing, says what is needed and runs only the unit tests', (platform) => {
    const plan = planPreflight({ ...debian, platform, hasApt: false, missingPackages: [] }, packages, '7.9.0');
    expect(plan.steps).toEqual([]);
    expect(plan.stop).toBeUndefined();
    expect(plan.runs).toEqual({ keychain: false, browser: false });
    expect(plan.notes.join(' ')).toMatch(platform === 'darwin' ? /Xcode/ : /Visual Studio Build Tools/);
  });

  it('on a Linux without apt names the packages and runs only the unit tests', () => {
    const plan = planPreflight({ ...debian, hasApt: false }, packages, '7.9.0');
    expect(plan.runs).toEqual({ keychain: false, browser: false });
    expect(plan.notes[0]).toContain('chromium, libsecret-1-dev, zbar-tools');
  });
});
