import type { Page } from '@playwright/test';
import { expect, openSection, rowAction, test, type Host } from './fixtures';

/** Payment methods made through the api, in this order, and the list opened on them. */
async function paymentMethods(page: Page, host: Host, names: string[]): Promise<void> {
  for (const [index, nameNl] of names.entries()) {
    const answer = await (await page.request.post(`${host.origin}/api/call/lists.create`, { data: { collection: 'paymentMethods', values: { nameNl, providerOptionId: 10 + index } } })).json();
    expect(answer, nameNl).toMatchObject({ ok: true });
  }
  await page.reload();
  await openSection(page, 'Betalingsprovider');
}

const names = (page: Page) => page.locator('.ant-table-row td:first-child');

/** Verwijderen from the keyboard: the row's Acties button, Enter, End to the last entry, Enter, and Enter on "Ja". */
async function removeByKeyboard(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `Acties voor ${name}`, exact: true }).focus();
  await page.keyboard.press('Enter');
  // End goes to the last entry only once the menu has the focus; visible comes a moment sooner on a busy machine.
  await expect(page.locator('[role="menu"]:focus, [role="menu"] :focus')).toHaveCount(1);
  await page.keyboard.press('End');
  await expect(page.getByRole('menuitem', { name: 'Verwijderen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toContainText(`${name} verwijderen?`);
  await expect(page.getByRole('button', { name: 'Ja' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(`${name} is verwijderd.`)).toBeVisible();
}

test('after a row is removed the focus goes to the next row\'s Acties, after the last row to the one before, and in an empty list to the add button', async ({ signedIn: page, host }) => {
  await paymentMethods(page, host, ['iDEAL', 'PayPal', 'Bancontact']);

  await removeByKeyboard(page, 'iDEAL');
  await expect(names(page)).toHaveText(['PayPal', 'Bancontact']);
  await expect(page.getByRole('button', { name: 'Acties voor PayPal', exact: true })).toBeFocused();

  await removeByKeyboard(page, 'Bancontact');
  await expect(names(page)).toHaveText(['PayPal']);
  await expect(page.getByRole('button', { name: 'Acties voor PayPal', exact: true })).toBeFocused();

  await removeByKeyboard(page, 'PayPal');
  await expect(page.locator('.ant-table-row')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Betaalmethode toevoegen' })).toBeFocused();
});

test('two quick presses on Omhoog before the first is answered move the row two places, and the order is stored so', async ({ signedIn: page, host }) => {
  await paymentMethods(page, host, ['iDEAL', 'PayPal', 'Bancontact']);
  // The back end's answers wait until both presses are made, as on a busy workstation.
  let release = () => {};
  const bothPressed = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/call/lists.reorder', async (route) => {
    await bothPressed;
    await route.continue();
  });

  await rowAction(page, 'Bancontact', 'Omhoog');
  await expect(names(page)).toHaveText(['iDEAL', 'Bancontact', 'PayPal']);
  await rowAction(page, 'Bancontact', 'Omhoog');
  await expect(names(page)).toHaveText(['Bancontact', 'iDEAL', 'PayPal']);
  release();

  const stored = async () => ((await (await page.request.post(`${host.origin}/api/call/lists.list`, { data: { collection: 'paymentMethods' } })).json()).value as { values: { nameNl: string } }[]).map((item) => item.values.nameNl);
  await expect.poll(stored).toEqual(['Bancontact', 'iDEAL', 'PayPal']);
  await page.unroute('**/api/call/lists.reorder');
  await page.reload();
  await expect(names(page)).toHaveText(['Bancontact', 'iDEAL', 'PayPal']);
});

test('a move whose answer makes it fail says so in the list\'s message, shows the stored order, and the next move still goes through', async ({ signedIn: page, host }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await paymentMethods(page, host, ['iDEAL', 'PayPal', 'Bancontact']);
  // An answer not shaped as this host answers (its fields are no list): the one way a move's step throws today.
  await page.route('**/api/call/lists.reorder', (route) => route.fulfill({ json: { ok: false, error: { code: 'invalid_input', message: 'Ongeldige volgorde', fields: [null] } } }), { times: 1 });

  await rowAction(page, 'Bancontact', 'Omhoog');
  await expect(page.locator('.ant-message-error')).toContainText('Verplaatsen is niet gelukt; de lijst toont de volgorde zoals die is opgeslagen.');
  await expect(names(page)).toHaveText(['iDEAL', 'PayPal', 'Bancontact']);

  await rowAction(page, 'Bancontact', 'Omhoog');
  await expect(names(page)).toHaveText(['iDEAL', 'Bancontact', 'PayPal']);
  const stored = async () => ((await (await page.request.post(`${host.origin}/api/call/lists.list`, { data: { collection: 'paymentMethods' } })).json()).value as { values: { nameNl: string } }[]).map((item) => item.values.nameNl);
  await expect.poll(stored).toEqual(['iDEAL', 'Bancontact', 'PayPal']);
  await page.reload();
  await expect(names(page)).toHaveText(['iDEAL', 'Bancontact', 'PayPal']);
  expect(pageErrors).toEqual([]);
});

test('in a list of more than 25 rows, Omhoog on the first row of page 2 follows the row to page 1 with the focus on its Acties, and Omlaag back to page 2', async ({ signedIn: page, host }) => {
  test.setTimeout(90_000);
  const methods = Array.from({ length: 27 }, (_, index) => `Betaalmethode ${String(index + 1).padStart(2, '0')}`);
  await paymentMethods(page, host, methods);
  const pages = page.locator('.ant-pagination');
  await pages.getByTitle('2', { exact: true }).click();
  await expect(names(page)).toHaveText(['Betaalmethode 26', 'Betaalmethode 27']);

  await page.getByRole('button', { name: 'Acties voor Betaalmethode 26', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Omhoog' })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Omhoog' }).click();
  await expect(pages.locator('.ant-pagination-item-active')).toHaveText('1');
  await expect(names(page).nth(24)).toHaveText('Betaalmethode 26');
  await expect(names(page).nth(23)).toHaveText('Betaalmethode 24');
  await expect(page.getByRole('button', { name: 'Acties voor Betaalmethode 26', exact: true })).toBeFocused();

  // Moving it down again goes back to page 2, the focus still on its Acties.
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Omlaag' }).click();
  await expect(pages.locator('.ant-pagination-item-active')).toHaveText('2');
  await expect(names(page)).toHaveText(['Betaalmethode 26', 'Betaalmethode 27']);
  await expect(page.getByRole('button', { name: 'Acties voor Betaalmethode 26', exact: true })).toBeFocused();
});

test('a removed row that lingers (a slow refetch) takes no focus from the search box the manager went on to', async ({ signedIn: page, host }) => {
  // No change events (the stream is cut), and the list is read again only once the manager has moved on, as on a busy workstation.
  await page.route('**/api/events', (route) => route.abort());
  await paymentMethods(page, host, ['iDEAL', 'PayPal', 'Bancontact']);
  let release = () => {};
  let movedOn = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/call/lists.list', async (route) => {
    await movedOn;
    await route.continue();
  });

  // Left alone, the late removal still hands the focus on to the next row.
  await removeByKeyboard(page, 'Bancontact');
  await expect(names(page)).toHaveText(['iDEAL', 'PayPal', 'Bancontact']);
  release();
  await expect(names(page)).toHaveText(['iDEAL', 'PayPal']);
  await expect(page.getByRole('button', { name: 'Acties voor PayPal', exact: true })).toBeFocused();

  movedOn = new Promise<void>((resolve) => (release = resolve));
  await removeByKeyboard(page, 'iDEAL');
  await expect(names(page)).toHaveText(['iDEAL', 'PayPal']);
  const search = page.getByPlaceholder(/^Zoeken in /);
  await search.click();
  await page.keyboard.type('Pay');
  release();

  await expect(names(page)).toHaveText(['PayPal']);
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('Pay');
});
