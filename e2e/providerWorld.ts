import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { freePort, startCloudProcess } from '../test/cloudProcess';
import { expect, openSection, type Host } from './fixtures';

/**
 * A cloud of its own (its own process on PGlite) with one shop, set up with the cloud's command
 * line as the README has an owner do it, for the screens that talk to the outside world.
 */
const root = path.resolve(import.meta.dirname, '..');
export const shopName = 'Fietsenwinkel De Spaak';

export function cloudCommand(dataDir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'cloud/main.ts', ...args, '--data-dir', dataDir], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
}

/** `extraArgs`: the cloud's own flags, or a function of its port for flags that name it (--public-url). */
export async function startShopCloud(setUp: (dataDir: string) => void = () => undefined, extraArgs: string[] | ((port: number) => string[]) = []) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-e2e-cloud-'));
  const code = /Pairing code: (\S+)/.exec(cloudCommand(dataDir, ['new-shop', shopName]))?.[1];
  if (!code) throw new Error('new-shop printed no pairing code');
  setUp(dataDir);
  const port = await freePort();
  const cloud = await startCloudProcess({ dataDir }, port, typeof extraArgs === 'function' ? extraArgs(port) : extraArgs);
  return {
    url: cloud.url,
    code,
    kill: () => cloud.kill(),
    async remove() {
      await cloud.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Pairs the signed-in workstation through Systeeminformatie › Koppelen aan de cloud. */
export async function pairWith(page: Page, cloudUrl: string, code: string): Promise<void> {
  await openSection(page, 'Systeeminformatie');
  const pairing = page.getByTestId('cloud-pairing');
  await pairing.getByLabel('Cloudadres').fill(cloudUrl);
  await pairing.getByLabel('Koppelcode').fill(code);
  await pairing.getByRole('button', { name: 'Koppelen' }).click();
  await expect(page.getByTestId('paired-to')).toContainText(shopName);
}

/** The shop's webshop (W1) and till (S4), made through the api the window uses. */
export async function makeChannels(page: Page, host: Host): Promise<void> {
  for (const values of [
    { name: 'Webshop', type: 'webshop', orderNumberPrefix: 'W1', url: 'https://despaak.nl' },
    { name: 'Winkel Utrecht', type: 'pos', orderNumberPrefix: 'S4' },
  ]) {
    const answer = await page.request.post(`${host.origin}/api/call/lists.create`, { data: { collection: 'salesChannels', values } });
    expect((await answer.json()).ok).toBe(true);
  }
}
