import { expect, test } from './fixtures';

test('searching IBAN jumps to the field in Zakelijke informatie and highlights it', async ({ signedIn: page }) => {
  const search = page.getByRole('combobox', { name: 'Zoek een instelling' });
  await search.fill('IBAN');
  const first = page.getByRole('listbox', { name: 'Zoek een instelling' }).getByRole('option').first();
  await expect(first).toContainText('IBAN');
  await expect(first).toContainText('Bedrijfsinformatie › Zakelijke informatie');
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bedrijfsinformatie › Zakelijke informatie');
  await expect(page.locator('[data-field="iban"]')).toHaveClass(/bo-highlight/);
  await expect(page.getByLabel('IBAN', { exact: true })).toBeFocused();
  // The address keeps the field part, so it can be copied and leads back to the field (issue 11 item 26).
  await expect(page).toHaveURL(/#\/company\.business\/iban$/);
});

test('searching schapkaartje finds the shelf label settings', async ({ signedIn: page }) => {
  await page.getByRole('combobox', { name: 'Zoek een instelling' }).fill('schapkaartje');
  const options = page.getByRole('listbox', { name: 'Zoek een instelling' }).getByRole('option');
  await expect(options.first()).toContainText('Schapkaartjes');
  await options.first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Media-instellingen › Schapkaartjes');
});

test('a deep link opens its section, also after signing in', async ({ signedIn: page, host }) => {
  await page.goto(`${host.origin}/#/orders.shipping`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bestelling › Zendingen');
});
