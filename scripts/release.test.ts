import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBuilderConfig, loadBuilderConfig, type BuilderConfig } from './builderConfig';

const root = path.resolve(import.meta.dirname, '..');

function edited(config: BuilderConfig, key: string, value: unknown): BuilderConfig {
  return { ...config, [key]: value };
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema and our rules', async () => {
    expect(await checkBuilderConfig(await loadBuilderConfig(root))).toEqual([]);
  });

  it('refuses a misspelled key through electron-builder’s own schema', async () => {
    const config = await loadBuilderConfig(root);
    const problems = await checkBuilderConfig(edited(config, 'nsis', { ...(config.nsis as object), perMachin: true }));
    expect(problems.join('\n')).toMatch(/Invalid configuration object[\s\S]*configuration\.nsis/);
  });

  it('refuses a signing secret written into the file, by its path', async () => {
    const config = await loadBuilderConfig(root);
    const win = { ...(config.win as object), certificatePassword: 'hunter2' };
    const problems = await checkBuilderConfig(edited(config, 'win', win));
    expect(problems).toContain(
      'win.certificatePassword holds a signing secret; secrets come from the environment (CSC_LINK, CSC_KEY_PASSWORD, APPLE_*), never from this file.',
    );
    const pem = { ...(config.mac as object), notarize: true, provisioningProfile: '-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----' };
    expect((await checkBuilderConfig(edited(config, 'mac', pem))).some((problem) => problem.startsWith('mac.provisioningProfile holds a signing secret'))).toBe(true);
  });

  it('refuses a configuration that breaks the README’s promises to IT', async () => {
    const config = await loadBuilderConfig(root);
    const broken = {
      ...config,
      electronFuses: { ...(config.electronFuses as object), runAsNode: true },
      msi: { perMachine: true },
      mac: { ...(config.mac as object), notarize: false },
      deb: { depends: ['gnome-keyring'] },
    };
    expect(await checkBuilderConfig(broken)).toEqual([
      'electronFuses.runAsNode must be false, as the README promises (found true).',
      'msi.upgradeCode must be a fixed GUID, so that a new MSI replaces the installed version instead of installing beside it.',
      'mac.notarize must be true: Gatekeeper refuses an app that is not notarised.',
      'deb.depends must include libsecret-1-0, or the keychain (keytar) cannot load on Linux.',
    ]);
  });
});

describe('release workflow', () => {
  const validator = path.join(root, 'node_modules', '.bin', 'action-validator');
  const validate = (file: string) => spawnSync(validator, [file], { encoding: 'utf8' });

  it('is a valid GitHub Actions workflow', () => {
    const result = validate(path.join(root, '.github', 'workflows', 'release.yml'));
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('is refused by the validator when a job needs one that does not exist', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-workflow-'));
    const broken = path.join(dir, 'release.yml');
    fs.writeFileSync(broken, fs.readFileSync(path.join(root, '.github', 'workflows', 'release.yml'), 'utf8').replace('needs: installers', 'needs: instalers'));
    const result = validate(broken);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain('unresolved job instalers');
  });
});
