import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, owner, test, type Host } from './fixtures';

/** The host's log lines that tell of code a window could not fetch. */
function loggedFailures(host: Host): string[] {
  const file = path.join(host.dataDir, 'logs', 'backoffice.log');
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : [];
  return lines.filter((line) => line.includes('renderer.codeNotLoaded'));
}

/** A set-up shop whose next page load cannot fetch the files matching `blocked`. */
async function setUpWithBlocked(page: Page, host: Host, blocked: string): Promise<void> {
  await page.goto(host.url);
  await expect(page.locator('body[data-screen="setup"]')).toBeAttached();
  expect((await (await page.request.post(`${host.origin}/api/call/access.setup`, { data: owner })).json()).ok).toBe(true);
  await page.route(blocked, (route) => route.abort('internetdisconnected'));
  await page.reload();
}

test('the app behind sign-in failing to arrive says so in Dutch, is logged, and loads on Opnieuw laden once it can', async ({ page, host }) => {
  // The shell's parts (top bar, search, section pages, with antd): the first script draws only the tree.
  await setUpWithBlocked(page, host, '**/assets/shellParts-*.js');
  const alert = page.getByRole('alertdialog');
  await expect(alert).toContainText('Backoffice kon een onderdeel niet laden.');
  await expect(alert).toContainText('Kies Opnieuw laden');
  await expect(page.getByRole('status')).toHaveCount(0);
  const retry = alert.getByRole('button', { name: 'Opnieuw laden' });
  await expect(retry).toBeFocused();

  await expect.poll(() => loggedFailures(host).length).toBeGreaterThan(0);
  const logged = loggedFailures(host).join('\n');
  expect(logged).toContain('shellParts-');
  expect(logged).not.toContain(host.token);

  // The network is back: Enter on the focused button fetches the code again, in the same window.
  await page.evaluate(() => Object.assign(window, { sameWindow: true }));
  await page.unroute('**/assets/shellParts-*.js');
  await page.keyboard.press('Enter');
  await expect(page.locator('body[data-screen="app"]')).toBeAttached();
  await expect(page.getByRole('tree')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  expect(await page.evaluate(() => 'sameWindow' in window)).toBe(true);
});

test('when fetching again fails too, the next Opnieuw laden reloads the window, and the open section appears', async ({ page, host }) => {
  // The section pages' code: the settings tree arrives, the section would stay empty.
  // Each failed try is said on the console; the host logs the same text only once (windowProblems).
  const failedTries: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('shellParts-')) failedTries.push(message.text());
  });
  await setUpWithBlocked(page, host, '**/assets/shellParts-*.js');
  const retry = page.getByRole('alertdialog').getByRole('button', { name: 'Opnieuw laden' });
  await expect(retry).toBeFocused();
  await expect(page.locator('[role="tree"]')).toBeAttached();
  await expect.poll(() => failedTries.length).toBe(1);
  // The notice is modal: Shift+Tab does not reach the tree behind it.
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => document.getElementById('root')?.contains(document.activeElement))).toBe(false);

  // Still blocked: the same notice again, with the focus back on the button.
  await retry.click();
  await expect(retry).toBeFocused();
  await expect.poll(() => failedTries.length).toBe(2);

  await page.evaluate(() => Object.assign(window, { sameWindow: true }));
  await page.unroute('**/assets/shellParts-*.js');
  await retry.click();
  await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  expect(await page.evaluate(() => 'sameWindow' in window)).toBe(false);
});

test('a print preview whose code cannot be fetched says so instead of an empty page, and opens once it can', async ({ signedIn: page, host }) => {
  // The print previews' code (with the barcode renderer) is fetched only when a preview opens.
  await page.route('**/assets/PrintPage-*.js', (route) => route.abort('internetdisconnected'));
  await page.goto(`${host.origin}/#/print:shelfLabels`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Backoffice kon een onderdeel niet laden.');
  const retry = alert.getByRole('button', { name: 'Opnieuw laden' });
  await expect(retry).toBeFocused();
  await expect.poll(() => loggedFailures(host).join('\n')).toContain('PrintPage-');
  // Said in the preview's place: the tree stays usable, and another section opens.
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.getByRole('tree').getByText('Algemene informatie', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bedrijfsinformatie › Algemene informatie');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.goBack();
  await expect(retry).toBeFocused();

  await page.unroute('**/assets/PrintPage-*.js');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Productlijst (CSV)')).toBeAttached();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
