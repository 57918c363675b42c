import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { owner } from './fixtures';

const root = path.resolve(import.meta.dirname, '..');

/**
 * The Electron binary, when this machine has one. Never `require('electron')` to find out: with
 * no binary it starts a download. Null where the package's download never happened or failed.
 */
function electronBinary(): string | null {
  const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const built = fs.existsSync(path.join(root, 'dist', 'electron', 'main.js')) && fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'));
const skipReason =
  binary === null
    ? 'Electron smoke test skipped: no Electron binary on this machine (node_modules/electron/dist is missing and cannot be downloaded here). It runs where `npx install-electron` succeeded.'
    : !built
      ? 'Electron smoke test skipped: the desktop app is not built; run `npm run build` first.'
      : null;
// Said in the test output itself, not only in the report's annotations.
if (skipReason) console.log(skipReason);

test.describe('the desktop app (Electron)', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test('opens its window on the sign-in screen, saves a setting, and quits', async () => {
    // A data folder of its own: Electron's userData follows these on Linux, Windows and macOS.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-electron-'));
    const app = await electron.launch({
      executablePath: binary as string,
      // Chromium refuses to run as root without this; CI runners and containers often are root.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), APPDATA: path.join(home, 'AppData') },
      timeout: 60_000,
    });
    try {
      const window = await app.firstWindow();
      await expect(window.locator('body[data-screen="setup"]')).toBeAttached();
      expect(new URL(window.url()).protocol).toBe('app:');
      // app:// answers as the web host does: a missing build file is a 404, the page is never kept and tells no referrer.
      const served = await window.evaluate(async () => {
        const missing = await fetch('/assets/nowhere-D0f44rTe.js');
        const page = await fetch('/');
        return { missing: missing.status, cache: page.headers.get('cache-control'), referrer: page.headers.get('referrer-policy') };
      });
      expect(served).toEqual({ missing: 404, cache: 'no-store', referrer: 'no-referrer' });

      // Set up through the same bridge the window uses, then sign out to reach the sign-in screen.
      await window.evaluate(async (input) => {
        const bridge = (window as unknown as { backoffice: { call(name: string, input: unknown): Promise<{ ok: boolean }> } }).backoffice;
        if (!(await bridge.call('access.setup', input)).ok) throw new Error('setup refused');
        await bridge.call('access.signOut', {});
      }, owner);
      await window.reload();
      await expect(window.locator('body[data-screen="signIn"]')).toBeAttached();

      await window.getByLabel('E-mailadres').fill(owner.email);
      await window.getByLabel('Wachtwoord').fill(owner.password);
      await window.getByRole('button', { name: 'Aanmelden' }).click();
      await expect(window.locator('body[data-screen="app"]')).toBeAttached();

      await window.getByRole('tree').getByText('Zakelijke informatie', { exact: true }).click();
      await window.getByLabel('Rekeninghouder', { exact: true }).fill('Fietsenwinkel De Spaak bv');
      await window.getByRole('button', { name: 'Opslaan', exact: true }).click();
      await expect(window.getByText('Zakelijke informatie is opgeslagen.')).toBeVisible();
    } finally {
      await app.close();
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
