import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWebshopPeer, type WebshopPeer } from '../test/webshopPeer';
import { choose, expect, openSection, row, rowAction, test } from './fixtures';
import { makeChannels, pairWith, startShopCloud } from './providerWorld';

/**
 * Verbinden in Chromium: the web host paired to a cloud process of its own, which POSTs to a
 * stand-in webshop on 127.0.0.1. A loopback webshop needs both allowances: IT's policy on the
 * workstation (AllowPrivateWebhookTargets) and the cloud's --allow-private-webhook-targets; Verbinden
 * needs the cloud's --public-url.
 */
const token = 'wc-token-0123456789abcdef';
const policyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-policy-'));
const policy = path.join(policyDir, 'policy.json');
fs.writeFileSync(policy, JSON.stringify({ allowPrivateWebhookTargets: true }));
let webshop: WebshopPeer;
test.beforeAll(async () => {
  webshop = await startWebshopPeer(token);
});
test.afterAll(async () => {
  await webshop.stop();
  fs.rmSync(policyDir, { recursive: true, force: true });
});
// The smallest window a shop workstation is set up with: the table, with its longest row, must fit it.
test.use({ hostArgs: ['--policy', policy], viewport: { width: 1280, height: 800 } });

test('Verbinden: the webshop answer sets Verbonden with its code and time, the log shows it, Ontkoppelen sends disconnect, offline changes nothing', async ({ signedIn: page, host }, testInfo) => {
  test.setTimeout(180_000);
  const cloud = await startShopCloud(undefined, (port) => ['--allow-private-webhook-targets', '--public-url', `http://127.0.0.1:${port}`]);
  try {
    await makeChannels(page, host);
    await pairWith(page, cloud.url, cloud.code);
    await openSection(page, 'Webhooks');
    await page.getByRole('button', { name: 'Koppeling toevoegen' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, 'Verkoopkanaal', 'Webshop', dialog);
    await page.getByLabel('API-sleutel van de webshop').fill(Buffer.from(JSON.stringify({ token, webhook_url: webshop.url })).toString('base64'));
    await dialog.getByRole('button', { name: 'Sleutel controleren' }).click();
    await expect(page.getByTestId('webhook-url')).toHaveText(`De webshop wordt verbonden op: ${webshop.url}`);
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    const hook = row(page, 'Webshop');
    await expect(hook).toContainText('Niet verbonden');
    await expect(hook).toContainText('nog nooit');

    await rowAction(page, webshop.url, 'Verbinden');
    await expect(page.getByText('Verbonden: de webshop antwoordde 200.').first()).toBeVisible();
    await expect(hook).toContainText('Verbonden');
    await expect(hook).toContainText('200');
    await expect(hook).not.toContainText('nog nooit');
    expect(webshop.deliveries).toMatchObject([{ token, body: { action: 'init', payload: { shop: { name: 'Fietsenwinkel De Spaak' } } } }]);

    // Connected is the row at its widest (Ontkoppelen, the date, the outcome in words); it fits the
    // window, and its Acties menu works from the keyboard: Enter opens it with the focus inside,
    // the arrow keys move, Enter runs an entry.
    const menu = hook.getByRole('button', { name: `Acties voor ${webshop.url}` });
    expect(await page.locator('main .ant-table-content').evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
    for (const button of [hook.getByRole('button', { name: `${webshop.url} bewerken` }), menu]) {
      const box = await button.boundingBox();
      expect(box && box.x + box.width <= 1280, 'inside the window').toBe(true);
    }
    await menu.focus();
    await page.keyboard.press('Enter');
    const entries = page.getByRole('menu').getByRole('menuitem');
    await expect(entries).toHaveText(['Verbinden', 'Ontkoppelen', 'Leveringen bekijken', 'Verwijderen']);
    for (const entry of await entries.all()) {
      const box = await entry.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 1280 && box.y + box.height <= 800, `${await entry.textContent()} inside the window`).toBe(true);
    }
    await expect(entries.first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(entries.nth(2)).toBeFocused();
    await page.keyboard.press('Enter');
    const log = page.getByTestId('delivery-log');
    await expect(page.getByRole('dialog', { name: `Leveringen aan ${webshop.url}` })).toBeVisible();
    await expect(log).toContainText('Verbinden (init)');
    await expect(log).toContainText('Aangenomen');
    await page.keyboard.press('Escape');
    await expect(log).toBeHidden();
    await expect(menu).toBeFocused();
    // The README's picture: the table with the connected row, not the log or a message over it.
    await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 15_000 });
    const file = testInfo.outputPath('webhooks.png');
    await page.screenshot({ path: file });
    await testInfo.attach('webhooks', { path: file, contentType: 'image/png' });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);

    await rowAction(page, webshop.url, 'Ontkoppelen');
    await page.getByRole('button', { name: 'Ja' }).click();
    await expect(hook).toContainText('Niet verbonden');
    expect(webshop.deliveries.map((delivery) => (delivery.body as { action: string }).action)).toEqual(['init', 'disconnect']);

    await cloud.kill();
    await rowAction(page, webshop.url, 'Verbinden');
    await expect(page.getByText(/Verbinden en ontkoppelen hebben een verbinding met de cloud nodig, en die is er nu niet/)).toBeVisible();
    await expect(hook).toContainText('Niet verbonden');
    expect(webshop.deliveries).toHaveLength(2);
  } finally {
    await cloud.remove();
  }
});
