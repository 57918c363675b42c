import type { Page } from '@playwright/test';
import { expect, openSection, test, type Host } from './fixtures';

/**
 * Every list's table fits the content area of a 1280 × 800 window (the smallest an in-store
 * workstation is set up with) and of 1024 × 768, with long but real values in it: no column cut
 * at the right edge, no sideways scrolling, every row's Acties on screen.
 */
const webhookUrl = 'https://www.fietsenwinkel-despaak.nl/wp-json/storekeeper-woocommerce-b2c/v1/webhook?source=backoffice';

async function create(page: Page, host: Host, name: string, data: unknown): Promise<{ id: string }> {
  const answer = await (await page.request.post(`${host.origin}/api/call/${name}`, { data })).json();
  expect(answer, name).toMatchObject({ ok: true });
  return answer.value;
}

/** A shop with every list filled the way a busy one is: long names, many countries, a WooCommerce webhook URL. */
async function fillLists(page: Page, host: Host): Promise<void> {
  const webshop = await create(page, host, 'lists.create', { collection: 'salesChannels', values: { name: 'Webshop Fietsenwinkel De Spaak', type: 'webshop', orderNumberPrefix: 'W1', url: 'https://www.fietsenwinkel-despaak.nl' } });
  const till = await create(page, host, 'lists.create', { collection: 'salesChannels', values: { name: 'Winkel Utrecht Centrum', type: 'pos', orderNumberPrefix: 'S4' } });
  await create(page, host, 'lists.create', { collection: 'salesChannels', values: { name: 'Bol.com', type: 'marketplace', orderNumberPrefix: 'B7', language: 'fr' } });
  await create(page, host, 'lists.create', { collection: 'paymentMethods', values: { nameNl: 'Visa / Mastercard / American Express', providerOptionId: 706, offeredOn: [webshop.id, till.id] } });
  await create(page, host, 'lists.create', { collection: 'shippingMethods', values: { name: 'PostNL pakket met handtekening voor ontvangst', type: 'TruckDelivery', countries: ['NL', 'BE', 'DE', 'FR', 'LU', 'AT'], priceInclVat: 1295, vatRate: 'high' } });
  await create(page, host, 'users.create', { values: { name: 'Kees Bakker-Van den Heuvel', email: 'kees.bakker-vandenheuvel@fietsenwinkel-despaak.nl', role: 'seniorCashier' }, password: 'een lange zin als wachtwoord' });
  const key = Buffer.from(JSON.stringify({ token: 'wc-token-0123456789abcdef', webhook_url: webhookUrl })).toString('base64');
  await create(page, host, 'webhooks.add', { salesChannelId: webshop.id, apiKey: key });
}

const sections: string[][] = [['Betalingsprovider'], ['E-mailsjablonen'], ['Systeemgebruikers'], ['Verkoopkanaal-instellingen', 'Verkoopkanalen'], ['Verzendmethoden'], ['Webhooks']];

for (const viewport of [{ width: 1280, height: 800 }, { width: 1024, height: 768 }]) {
  test.describe(`at ${viewport.width} × ${viewport.height}`, () => {
    test.use({ viewport });

    test('every list table fits beside the settings tree, with each row\'s Acties on screen', async ({ signedIn: page, host }) => {
      test.setTimeout(120_000);
      await fillLists(page, host);
      await page.reload();
      for (const path of sections) {
        await openSection(page, ...path);
        const name = path.join(' › ');
        const table = page.locator('main .ant-table').first();
        await expect(table.locator('.ant-table-row').first()).toBeVisible();
        const sticks = await table.evaluate((element) => {
          const right = document.documentElement.clientWidth;
          const scroller = element.querySelector('.ant-table-content') ?? element;
          return {
            scrollsSideways: scroller.scrollWidth - scroller.clientWidth,
            past: Array.from(element.querySelectorAll('th, td')).map((cell) => Math.round(cell.getBoundingClientRect().right - right)).filter((by) => by > 0),
          };
        });
        expect.soft(sticks, name).toEqual({ scrollsSideways: 0, past: [] });
        expect.soft(await page.locator('main').evaluate((element) => element.scrollWidth - element.clientWidth), name).toBeLessThanOrEqual(0);
        for (const action of await table.locator('.ant-table-row td:last-child').getByRole('button').all()) {
          const box = await action.boundingBox();
          expect(box && box.x >= 0 && box.x + box.width <= viewport.width, `${name}: ${await action.getAttribute('aria-label')}`).toBe(true);
        }
      }
    });
  });
}

test('a row\'s Acties menu works from the keyboard: Verwijderen asks first, Escape gives the focus back to the row', async ({ signedIn: page, host }) => {
  for (const [nameNl, providerOptionId] of [['iDEAL', 10], ['PayPal', 138]] as const) await create(page, host, 'lists.create', { collection: 'paymentMethods', values: { nameNl, providerOptionId } });
  await page.reload();
  await openSection(page, 'Betalingsprovider');
  const menu = page.getByRole('button', { name: 'Acties voor PayPal' });
  await menu.focus();
  await page.keyboard.press('Enter');
  const entries = page.getByRole('menu').getByRole('menuitem');
  await expect(entries).toHaveText(['Omhoog', 'Omlaag', 'Verwijderen']);
  await expect(entries.first()).toBeFocused();
  // Omlaag is greyed out for the last row, so one step down is Verwijderen.
  await page.keyboard.press('ArrowDown');
  await expect(entries.nth(2)).toBeFocused();
  // The Enter that chooses Verwijderen must not also answer the question it opens.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toContainText('PayPal verwijderen? Dit kan niet ongedaan worden gemaakt.');
  await expect(page.locator('.ant-table-row')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(menu).toBeFocused();
  await expect(page.locator('.ant-table-row')).toHaveCount(2);

  // Open again (the menu remembers the last entry), Home to the first, Enter moves PayPal up.
  await page.keyboard.press('Enter');
  await expect(entries.nth(2)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(entries.first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-table-row').first()).toContainText('PayPal');
  await expect(menu).toBeFocused();
});
