import type { Page } from '@playwright/test';
import { expect, fillDrawer, openSection, save, saveDrawer, test } from './fixtures';

/** The names of the back-end calls the page makes while `act` runs. */
async function callsDuring(page: Page, act: () => Promise<void>): Promise<string[]> {
  const calls: string[] = [];
  const record = (request: { url(): string }) => {
    const match = /\/api\/call\/([\w.]+)/.exec(request.url());
    if (match?.[1]) calls.push(match[1]);
  };
  page.on('request', record);
  // The change event the write sends makes the top bar read the outbox count; any other read
  // the event or the answer set off starts in the same moment, so once that answer is in, all are.
  const eventHandled = page.waitForResponse((response) => response.url().includes('/api/call/sync.status'));
  await act();
  await eventHandled;
  page.off('request', record);
  return calls;
}

test('saving a settings group is one call; the other groups are not read again', async ({ signedIn: page }) => {
  await openSection(page, 'Algemene informatie');
  const calls = await callsDuring(page, async () => {
    await page.getByLabel('Bedrijfsnaam', { exact: true }).fill('De Spaak bv');
    await save(page, 'Algemene informatie');
  });
  expect(calls.filter((name) => name.startsWith('settings.'))).toEqual(['settings.write']);
  await page.reload();
  await expect(page.getByLabel('Bedrijfsnaam', { exact: true })).toHaveValue('De Spaak bv');
});

test('renaming a list item is one call; the list is not read again', async ({ signedIn: page }) => {
  await openSection(page, 'Verzendmethoden');
  await page.getByRole('button', { name: 'Verzendmethode toevoegen' }).click();
  await fillDrawer(page, 'Naam', 'PostNL pakket');
  await fillDrawer(page, 'Prijs inclusief btw', '6,95');
  await saveDrawer(page, 'PostNL pakket');
  const calls = await callsDuring(page, async () => {
    await page.getByRole('button', { name: 'PostNL pakket bewerken' }).click();
    await fillDrawer(page, 'Naam', 'PostNL brievenbuspakje');
    await saveDrawer(page, 'PostNL brievenbuspakje');
  });
  expect(calls.filter((name) => name.startsWith('lists.'))).toEqual(['lists.update']);
  await page.reload();
  await expect(page.getByText('PostNL brievenbuspakje')).toBeVisible();
});
