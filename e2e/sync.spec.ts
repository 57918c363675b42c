import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { freePort, startCloudProcess } from '../test/cloudProcess';
import { pngFile } from '../test/pngFile';
import { openSection, owner, save } from './fixtures';

/** Two web hosts, each with its own data folder, paired to one cloud (its own process, PGlite). */
const root = path.resolve(import.meta.dirname, '..');

/** `npm run cloud -- COMMAND … --data-dir DIR`, as the README has an owner do it; returns the code it prints. */
function cloudCommand(dataDir: string, ...args: string[]): string {
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'cloud/main.ts', ...args, '--data-dir', dataDir], { cwd: root, encoding: 'utf8' });
  const code = /[Pp]airing code[^:]*: (\S+)/.exec(output)?.[1];
  if (!code) throw new Error(`no pairing code in: ${output}`);
  return code;
}

function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string; origin: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, BACKOFFICE_KEYCHAIN_SERVICE: `Backoffice-e2e-${path.basename(dataDir)}` };
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/main.ts', '--port', '0', '--data-dir', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /^Backoffice: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(output);
      if (ready?.[1]) resolve({ child, url: ready[1], origin: new URL(ready[1]).origin });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`web host exited (${code}):\n${output}`)));
  });
}

interface World {
  cloudUrl: string;
  codes: string[];
  hosts: { url: string; origin: string; dataDir: string }[];
  /** Stops the cloud (SIGKILL) and starts it again on the same folder and port, as an outage does. */
  cloudDown(): Promise<{ up(): Promise<void> }>;
}

const test = base.extend<{ world: World }>({
  // Three processes to start (the cloud and two web hosts): their own time on a loaded machine.
  world: [
    async ({}, use) => {
      const cloudDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-e2e-cloud-'));
      const codes = [cloudCommand(cloudDir, 'new-shop', 'Fietsenwinkel De Spaak'), cloudCommand(cloudDir, 'pairing-code', 'Fietsenwinkel De Spaak')];
      const port = await freePort();
      let cloud = await startCloudProcess({ dataDir: cloudDir }, port);
      const dirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-e2e-sync-')));
      const hosts = await Promise.all(dirs.map(async (dataDir) => ({ ...(await startHost(dataDir)), dataDir })));
      const cloudDown = async () => {
        await cloud.kill();
        return { up: async () => void (cloud = await startCloudProcess({ dataDir: cloudDir }, port)) };
      };
      await use({ cloudUrl: cloud.url, codes, hosts, cloudDown });
      for (const host of hosts) host.child.kill('SIGTERM');
      await Promise.all(hosts.map((host) => new Promise((resolve) => (host.child.exitCode !== null ? resolve(null) : host.child.once('exit', resolve)))));
      await cloud.kill();
      for (const dir of [...dirs, cloudDir]) fs.rmSync(dir, { recursive: true, force: true });
    },
    { timeout: 120_000 },
  ],
});

async function setUpAndPair(page: Page, host: { url: string; origin: string }, cloudUrl: string, code: string): Promise<void> {
  await page.goto(host.url);
  await expect(page.locator('body[data-screen="setup"]')).toBeAttached();
  expect((await (await page.request.post(`${host.origin}/api/call/access.setup`, { data: owner })).json()).ok).toBe(true);
  await page.reload();
  await expect(page.locator('body[data-screen="app"]')).toBeAttached();
  await openSection(page, 'Systeeminformatie');
  const pairing = page.getByTestId('cloud-pairing');
  await pairing.getByLabel('Cloudadres').fill(cloudUrl);
  await pairing.getByLabel('Koppelcode').fill(code);
  await pairing.getByRole('button', { name: 'Koppelen' }).click();
  await expect(page.getByTestId('paired-to')).toContainText('Fietsenwinkel De Spaak');
}

async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
  await expect(page.getByText('Gesynchroniseerd.')).toBeVisible();
  await expect(page.getByTestId('sync-bar')).toHaveAttribute('data-pending', '0');
}

async function saveCompanyName(page: Page, name: string): Promise<void> {
  await openSection(page, 'Algemene informatie');
  await page.getByLabel('Bedrijfsnaam', { exact: true }).fill(name);
  await save(page, 'Algemene informatie');
}

test('an edit on one workstation appears on the other, and a conflict is settled on the Conflicten screen', async ({ browser, world }) => {
  test.setTimeout(180_000);
  const [hostA, hostB] = world.hosts as [World['hosts'][number], World['hosts'][number]];
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await setUpAndPair(a, hostA, world.cloudUrl, world.codes[0]!);
  await setUpAndPair(b, hostB, world.cloudUrl, world.codes[1]!);

  await saveCompanyName(a, 'De Spaak bv');
  await syncNow(a);
  await syncNow(b);
  await openSection(b, 'Algemene informatie');
  await expect(b.getByLabel('Bedrijfsnaam', { exact: true })).toHaveValue('De Spaak bv');

  // Both change the same field before either has heard of the other's change.
  await saveCompanyName(a, 'Van Anna');
  await saveCompanyName(b, 'Van Bram');
  await syncNow(a);
  await syncNow(b);
  const conflicts = b.getByTestId('sync-bar').getByRole('link');
  await expect(conflicts).toHaveText('1 conflict');
  await conflicts.click();
  const card = b.getByTestId('conflict');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('Van Bram');
  await expect(card).toContainText('Van Anna');
  await card.getByRole('button', { name: 'Mijn waarde houden' }).click();
  await expect(b.getByText('Conflict opgelost.')).toBeVisible();
  await expect(b.getByText('Er zijn geen conflicten.')).toBeVisible();
  await syncNow(b);
  await syncNow(a);
  await openSection(a, 'Algemene informatie');
  await expect(a.getByLabel('Bedrijfsnaam', { exact: true })).toHaveValue('Van Bram');
});

test('a new workstation joins with "Koppel aan bestaande winkel" and signs in with the first workstation\'s user', async ({ browser, world }) => {
  test.setTimeout(180_000);
  const [hostA, hostB] = world.hosts as [World['hosts'][number], World['hosts'][number]];
  const a = await (await browser.newContext()).newPage();
  await setUpAndPair(a, hostA, world.cloudUrl, world.codes[0]!);
  await syncNow(a);

  const b = await (await browser.newContext()).newPage();
  await b.goto(hostB.url);
  await expect(b.locator('body[data-screen="setup"]')).toBeAttached();
  await b.getByRole('button', { name: 'Koppel aan bestaande winkel' }).click();
  await b.getByLabel('Cloudadres').fill(world.cloudUrl);
  await b.getByLabel('Koppelcode').fill(world.codes[1]!);
  await b.getByRole('button', { name: 'Koppelen' }).click();
  // The pull brings Anna with her password hash: this workstation asks her to sign in, not to set up.
  await expect(b.locator('body[data-screen="signIn"]')).toBeAttached({ timeout: 60_000 });
  await b.getByLabel('E-mailadres', { exact: true }).fill(owner.email);
  await b.getByLabel('Wachtwoord', { exact: true }).fill('niet haar wachtwoord');
  await b.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(b.getByText('Onbekend e-mailadres of onjuist wachtwoord', { exact: false })).toBeVisible();
  await b.getByLabel('Wachtwoord', { exact: true }).fill(owner.password);
  await b.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(b.locator('body[data-screen="app"]')).toBeAttached();
});

test('a logo uploaded on one workstation is on the receipt preview of the other; a file not here yet says so, and comes once the cloud answers', async ({ browser, world }) => {
  test.setTimeout(240_000);
  const [hostA, hostB] = world.hosts as [World['hosts'][number], World['hosts'][number]];
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await setUpAndPair(a, hostA, world.cloudUrl, world.codes[0]!);
  await setUpAndPair(b, hostB, world.cloudUrl, world.codes[1]!);

  const logo = pngFile(90, 30, [150, 20, 90], 9);
  const hash = createHash('sha256').update(logo).digest('hex');
  await openSection(a, 'Algemene informatie');
  await a.getByLabel('Logo', { exact: true }).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo });
  await expect(a.getByRole('img', { name: 'Voorbeeld van Logo' })).toHaveAttribute('data-hash', hash);
  await save(a, 'Algemene informatie');
  await syncNow(a);
  await syncNow(b);

  const receiptLogo = async () => {
    const img = b.getByTestId('receipt-logo').getByRole('img');
    await expect(img).toHaveAttribute('data-hash', hash);
    await expect.poll(() => img.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(90);
    const src = await img.evaluate((element: HTMLImageElement) => element.src);
    expect(Buffer.from(src.split(',')[1]!, 'base64').equals(logo)).toBe(true);
  };
  await b.goto(`${hostB.origin}/#/print:receipt`);
  await receiptLogo();

  // B without the file (as if the pull had come while the cloud could not hand it out) and the cloud down.
  const outage = await world.cloudDown();
  const database = new Database(path.join(hostB.dataDir, 'backoffice.sqlite'));
  database.prepare('DELETE FROM blobs WHERE hash = ?').run(hash);
  database.close();
  await b.reload();
  await expect(b.getByTestId('receipt-logo')).toContainText('logo.png is nog niet gedownload');
  await expect(b.getByTestId('receipt-logo').getByRole('img')).toHaveCount(0);

  await outage.up();
  await syncNow(b);
  await receiptLogo();
});
