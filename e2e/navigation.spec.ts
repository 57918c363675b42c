import { expect, test } from './fixtures';

test('the settings tree follows the tree-view keys: arrows move, Right and Left open and close a section, Enter opens', async ({ signedIn: page }) => {
  const tree = page.getByRole('tree', { name: 'Onderdelen van de instellingen' });
  const item = (label: string) => tree.getByRole('treeitem', { name: label, exact: true });
  const active = async () => tree.evaluate((element) => document.getElementById(element.getAttribute('aria-activedescendant') ?? '')?.querySelector('[data-section]')?.textContent);

  await tree.focus();
  // The open section is where the keys start.
  expect(await active()).toBe('Algemene informatie');
  await page.keyboard.press('ArrowUp');
  expect(await active()).toBe('Bedrijfsinformatie');
  await page.keyboard.press('ArrowLeft');
  await expect(item('Bedrijfsinformatie')).toHaveAttribute('aria-expanded', 'false');
  await expect(tree.getByText('Zakelijke informatie', { exact: true })).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  expect(await active()).toBe('Bestelling');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect(item('Bedrijfsinformatie')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  expect(await active()).toBe('Algemene informatie');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bedrijfsinformatie › Zakelijke informatie');
  await expect(item('Zakelijke informatie')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  expect(await active()).toBe('Webhooks');
});

test('a search result is chosen with the keyboard, and Escape closes the list', async ({ signedIn: page }) => {
  const search = page.getByRole('combobox', { name: 'Zoek een instelling' });
  const results = page.getByRole('listbox', { name: 'Zoek een instelling' });
  await search.fill('btw');
  await expect(search).toHaveAttribute('aria-expanded', 'true');
  await expect(results.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(results).toBeHidden();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = results.getByRole('option').nth(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  const label = (await second.locator('div').first().textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(label, { exact: true })).toBeFocused();
  await expect(search).toHaveValue('');

  await search.fill('geen zulke instelling');
  await expect(page.getByRole('status').filter({ hasText: 'Geen instelling gevonden voor “geen zulke instelling”' })).toBeVisible();
});
