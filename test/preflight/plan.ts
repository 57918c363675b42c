/**
 * What the test command must do to the machine before the tests can run, decided from facts
 * about the machine alone (no side effects here, so every branch is tested): install missing
 * Debian packages, rebuild the keychain binding, or stop and say the one command to run.
 */

export interface SystemPackage {
  name: string;
  why: string;
}

export interface MachineFacts {
  platform: string;
  /** apt-get and dpkg are there (Debian, Ubuntu and their kin). */
  hasApt: boolean;
  /** Listed packages that dpkg does not report as installed. */
  missingPackages: readonly string[];
  isRoot: boolean;
  /** `sudo -n true` succeeds: sudo without a password prompt. */
  passwordlessSudo: boolean;
  /** keytar's package folder is in node_modules (npm drops an optional package that failed to build). */
  keytarInstalled: boolean;
  /** keytar's compiled binding loads. */
  keytarLoads: boolean;
}

export type PreflightStep =
  | { kind: 'install'; packages: readonly string[]; command: readonly string[] }
  | { kind: 'installKeytar'; command: readonly string[] }
  | { kind: 'rebuildKeytar'; command: readonly string[] };

export interface PreflightPlan {
  steps: PreflightStep[];
  /** Set when the tests cannot run until a person acts: the one command to run, then `npm test` again. */
  stop?: { message: string; command: string };
  /** The runners that can run on this machine once the steps are done. */
  runs: { keychain: boolean; browser: boolean };
  /** What this machine needs, said once, for platforms where nothing is installed for you. */
  notes: string[];
}

/** Reads `test/system-packages.txt`: `name  reason`, `#` comments. */
export function parsePackageList(text: string): SystemPackage[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [name = '', ...why] = line.split(/\s+/);
      return { name, why: why.join(' ') };
    });
}

const aptArgs = (packages: readonly string[]) => ['apt-get', 'install', '-y', '--no-install-recommends', ...packages];

export function planPreflight(facts: MachineFacts, packages: readonly SystemPackage[], keytarVersion: string): PreflightPlan {
  if (facts.platform === 'darwin' || facts.platform === 'win32') {
    const keychain = facts.platform === 'darwin' ? 'the macOS Keychain' : 'the Windows Credential Manager';
    return {
      steps: [],
      runs: { keychain: false, browser: false },
      notes: [
        `On ${facts.platform === 'darwin' ? 'macOS' : 'Windows'} the type check, lint and the unit tests that need no browser or keychain run here.`,
        `The keychain tests need a private Secret Service and the end-to-end tests need Debian's Chromium on Xvfb: run those on Debian or Ubuntu (or in CI). keytar itself uses ${keychain} and builds with the platform's C++ tools${facts.platform === 'win32' ? ' (Visual Studio Build Tools and Python)' : ' (Xcode command line tools)'}.`,
      ],
    };
  }
  if (!facts.hasApt) {
    return {
      steps: [],
      runs: { keychain: false, browser: false },
      notes: [
        `This Linux has no apt-get, so nothing is installed for you. The keychain and end-to-end tests need (Debian names): ${packages.map((p) => p.name).join(', ')}. Without them only the type check, lint and the unit tests that need no browser or keychain run.`,
      ],
    };
  }

  const steps: PreflightStep[] = [];
  const missing = facts.missingPackages;
  if (missing.length > 0) {
    if (facts.isRoot) steps.push({ kind: 'install', packages: missing, command: aptArgs(missing) });
    else if (facts.passwordlessSudo) steps.push({ kind: 'install', packages: missing, command: ['sudo', '-n', ...aptArgs(missing)] });
    else {
      return {
        steps: [],
        stop: {
          message: `The tests need these system packages, which are missing and cannot be installed without a password: ${missing.join(', ')}.`,
          command: `sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`,
        },
        runs: { keychain: false, browser: false },
        notes: [],
      };
    }
  }
  // npm drops an optional package whose build failed, so a missing folder needs an install of
  // the locked version; a folder without a loadable binding (libsecret arrived later) a rebuild.
  if (!facts.keytarInstalled) steps.push({ kind: 'installKeytar', command: ['npm', 'install', '--no-save', '--no-audit', '--no-fund', `keytar@${keytarVersion}`] });
  else if (!facts.keytarLoads || missing.includes('libsecret-1-dev')) steps.push({ kind: 'rebuildKeytar', command: ['npm', 'rebuild', 'keytar'] });
  return { steps, runs: { keychain: true, browser: true }, notes: [] };
}
