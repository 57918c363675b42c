import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** A web host of our own: its own process, port and data folder, gone after the test. */
export interface Host {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Stops the host process (SIGTERM) and starts it again on the same data folder. */
  restart(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..');

function startHost(dataDir: string, extraArgs: string[]): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', 'electron/web/main.ts', '--port', '0', '--data-dir', dataDir, ...extraArgs];
    // Every host keeps its secrets under its own keychain name: the tests share one keychain
    // session, and a secret one test sets must not show up as already set in another.
    const env = { ...process.env, BACKOFFICE_KEYCHAIN_SERVICE: `Backoffice-e2e-${path.basename(dataDir)}` };
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /^Backoffice: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(output);
      if (ready?.[1]) {
        child.stdout?.off('data', onData);
        resolve({ child, url: ready[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`web host exited (${code}) before it was ready:\n${output}`)));
  });
}

/** SIGTERM must stop the host within 10 s; if it does not, it is killed and the test fails saying so. */
function stopHost(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the web host did not stop within 10 s of SIGTERM'));
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export const owner = { name: 'Anna de Vries', email: 'anna@despaak.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'Fietsenwinkel De Spaak' };

export const test = base.extend<{ host: Host; signedIn: Page; hostArgs: string[] }>({
  /** Extra command-line flags for the web host, e.g. `--policy FILE`; set with test.use(). */
  hostArgs: [[], { option: true }],

  host: async ({ hostArgs }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-e2e-'));
    let running = await startHost(dataDir, hostArgs);
    const parse = (url: string) => ({ url, origin: new URL(url).origin, token: new URL(url).searchParams.get('token') ?? '' });
    const host: Host = {
      ...parse(running.url),
      dataDir,
      async restart() {
        await stopHost(running.child);
        running = await startHost(dataDir, hostArgs);
        Object.assign(host, parse(running.url));
      },
    };
    await use(host);
    await stopHost(running.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },

  /** A page on a set-up Backoffice, signed in as its Administrator, showing the app. */
  signedIn: async ({ page, host }, use) => {
    await page.goto(host.url);
    await expect(page.locator('body[data-screen="setup"]')).toBeAttached();
    const response = await page.request.post(`${host.origin}/api/call/access.setup`, { data: owner });
    expect((await response.json()).ok).toBe(true);
    await page.reload();
    await expect(page.locator('body[data-screen="app"]')).toBeAttached();
    await use(page);
  },
});

export { expect };

/** Opens a section through the tree, the way a user does. */
export async function openSection(page: Page, ...labels: string[]): Promise<void> {
  const tree = page.getByRole('tree');
  for (const label of labels) await tree.getByText(label, { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(labels[labels.length - 1] ?? '');
}

/** Saves the open form and waits for the app to confirm it by the section's name. */
export async function save(page: Page, section: string): Promise<void> {
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByText(`${section} is opgeslagen.`)).toBeVisible();
}

/** Picks an option of an antd select the way a mouse user does: open it, click the visible item. */
export async function choose(page: Page, label: string, option: string, within: Locator = page.locator('body')): Promise<void> {
  await within.getByLabel(label, { exact: true }).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

/** The row of a table whose first cell (the item's name) is exactly this text. */
export function row(page: Page, text: string) {
  const exact = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page.locator('.ant-table-row').filter({ has: page.locator('td:first-child', { hasText: exact }) });
}

/** Runs an entry of a list row's Acties menu the way a mouse user does: the ⋮ button beside the pencil, then the entry. */
export async function rowAction(page: Page, name: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `Acties voor ${name}`, exact: true }).click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
}

/** Fills the open drawer's form field by its label. */
export async function fillDrawer(page: Page, label: string, value: string): Promise<void> {
  await page.locator('.ant-drawer').getByLabel(label, { exact: true }).fill(value);
}

export async function saveDrawer(page: Page, name: string): Promise<void> {
  await page.locator('.ant-drawer').getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByText(`${name} is opgeslagen.`)).toBeVisible();
  await expect(page.locator('.ant-drawer')).toHaveCount(0);
}
