import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Logger } from '../logger';
import { namedValueTypes } from './policyDocument';

/** Where a policy came from, strongest first. */
export type PolicySourceKind = 'registry' | 'managedPreferences' | 'file';

export const registryKey = 'HKLM\\Software\\Policies\\Backoffice';
export const managedPreferencesDomain = 'nl.backoffice.app';

/** The machine-wide policy file IT places; only administrators can write these folders. */
export function machinePolicyFile(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Backoffice', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/Backoffice/policy.json';
  return '/etc/backoffice/policy.json';
}

/** `--policy FILE` wins, then `BACKOFFICE_POLICY_FILE` (tests), then the machine-wide file. */
export function policyFilePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const chosen = flag ?? env.BACKOFFICE_POLICY_FILE;
  return chosen ? path.resolve(chosen) : machinePolicyFile(platform, env);
}

export type FileRead = { found: false } | { found: true; document: unknown } | { found: true; error: string };

export function readPolicyFile(file: string): FileRead {
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { found: false };
    return { found: true, error: (error as Error).message };
  }
  try {
    // A BOM is what Notepad writes on Windows; JSON.parse refuses it.
    return { found: true, document: JSON.parse(content.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return { found: true, error: (error as Error).message };
  }
}

/**
 * Calls `onChange` whenever the file may have changed: fs.watch on its folder (editors and
 * deployment tools replace files by renaming, which a watch on the file itself would miss), or,
 * while the folder does not exist yet, a slow stat poll of the path.
 */
export function watchPolicyFile(file: string, onChange: () => void): () => void {
  const dir = path.dirname(file);
  if (fs.existsSync(dir)) {
    const watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
      if (name === null || name === path.basename(file)) onChange();
    });
    watcher.on('error', () => watcher.close());
    return () => watcher.close();
  }
  const poll = () => onChange();
  fs.watchFile(file, { persistent: false, interval: 5_000 }, poll);
  return () => fs.unwatchFile(file, poll);
}

export interface NativePolicySource {
  kind: 'registry' | 'managedPreferences';
  where: string;
  /** Starts watching; the first call to onChange carries the current values. */
  watch(onChange: (values: Record<string, unknown>) => void): () => void;
}

interface PolicyWatcherModule {
  createWatcher(
    productName: string,
    policies: Record<string, { type: 'string' | 'number' | 'boolean' }>,
    onDidChange: (update: Record<string, unknown>) => void,
    options?: { registryPath?: string },
  ): { dispose(): void };
}

/**
 * The Windows registry or macOS managed preferences through @vscode/policy-watcher, a native
 * module that exists only for those platforms (it throws on Linux), so it is required only there
 * and only when asked for. Null when it cannot be loaded; the policy file still applies.
 */
export function loadNativePolicySource(platform: NodeJS.Platform, logger: Logger): NativePolicySource | null {
  if (platform !== 'win32' && platform !== 'darwin') return null;
  let watcherModule: PolicyWatcherModule;
  try {
    watcherModule = createRequire(import.meta.url)('@vscode/policy-watcher') as PolicyWatcherModule;
  } catch (error) {
    logger.warn('policy.nativeUnavailable', { platform, error: (error as Error).message });
    return null;
  }
  const windows = platform === 'win32';
  return {
    kind: windows ? 'registry' : 'managedPreferences',
    where: windows ? registryKey : managedPreferencesDomain,
    watch(onChange) {
      const watcher = windows
        ? watcherModule.createWatcher('Backoffice', namedValueTypes(), onChange, { registryPath: 'Software\\Policies\\Backoffice' })
        : watcherModule.createWatcher(managedPreferencesDomain, namedValueTypes(), onChange);
      return () => watcher.dispose();
    },
  };
}
