import type { Page } from '@playwright/test';
import { expect, fillDrawer, openSection, row, saveDrawer, test, type Host } from './fixtures';

/**
 * Closing a list item form without its buttons (Escape, a click on the mask beside it, its cross)
 * asks before dropping unsaved edits, with the question leaving a form asks; a form without edits
 * closes at once. Payment methods stand for every list: they share one item form.
 */
const ways: { way: string; close: (page: Page) => Promise<void> }[] = [
  { way: 'Escape', close: (page) => page.keyboard.press('Escape') },
  // The mask is the dimmed page left of the form; the form itself is 560 pixels wide at the right.
  { way: 'a click on the mask', close: (page) => page.locator('.ant-drawer-mask').click({ position: { x: 100, y: 400 } }) },
  { way: 'the cross', close: (page) => page.locator('.ant-drawer').getByRole('button', { name: 'Sluiten', exact: true }).click() },
];

const drawer = (page: Page) => page.locator('.ant-drawer');
const question = (page: Page) => page.getByRole('dialog', { name: 'Niet-opgeslagen wijzigingen' });

/** The Dutch names of the payment methods as stored, asked of the back end rather than read from the table. */
async function stored(page: Page, host: Host): Promise<string[]> {
  const answer = await (await page.request.post(`${host.origin}/api/call/lists.list`, { data: { collection: 'paymentMethods' } })).json();
  expect(answer).toMatchObject({ ok: true });
  return (answer.value as { values: { nameNl: string } }[]).map((item) => item.values.nameNl);
}

async function expectQuestion(page: Page): Promise<void> {
  await expect(question(page)).toContainText('In Betalingsprovider zijn wijzigingen nog niet opgeslagen. Als u verdergaat, gaan ze verloren.');
  await expect(question(page).getByRole('button', { name: 'Sluiten zonder opslaan' })).toBeVisible();
  await expect(question(page).getByRole('button', { name: 'Terug naar het formulier' })).toBeVisible();
}

for (const { way, close } of ways) {
  test(`${way} asks before dropping a list item form's edits: back to the form keeps them and saving works, closing without saving stores nothing; without edits it closes at once`, async ({ signedIn: page, host }) => {
    // Three forms opened and closed, with a save and two questions: longer than one form.
    test.setTimeout(120_000);
    await openSection(page, 'Betalingsprovider');
    const add = page.getByRole('button', { name: 'Betaalmethode toevoegen' });

    // A new form without edits closes at once.
    await add.click();
    await expect(drawer(page)).toBeVisible();
    await close(page);
    await expect(drawer(page)).toHaveCount(0);
    await expect(question(page)).toHaveCount(0);

    // With edits it asks; going back keeps the form, its edits and the focus in the field last used.
    await add.click();
    await fillDrawer(page, 'Naam (Nederlands)', 'PayPal');
    await fillDrawer(page, 'Betaaloptie-id bij provider', '138');
    await close(page);
    await expectQuestion(page);
    // Escape in the question means back to the form, as its Terug button does.
    if (way === 'Escape') await page.keyboard.press('Escape');
    else await question(page).getByRole('button', { name: 'Terug naar het formulier' }).click();
    await expect(question(page)).toHaveCount(0);
    await expect(drawer(page).getByLabel('Naam (Nederlands)', { exact: true })).toHaveValue('PayPal');
    await expect(drawer(page).getByLabel('Betaaloptie-id bij provider', { exact: true })).toHaveValue('138');
    await expect(drawer(page).getByLabel('Betaaloptie-id bij provider', { exact: true })).toBeFocused();
    await saveDrawer(page, 'PayPal');
    await expect(row(page, 'PayPal')).toBeVisible();
    expect(await stored(page, host)).toEqual(['PayPal']);

    // Closing without saving drops the edits: the stored item keeps its name, the focus goes back to its pencil.
    const pencil = page.getByRole('button', { name: 'PayPal bewerken', exact: true });
    await pencil.click();
    await fillDrawer(page, 'Naam (Nederlands)', 'PayPal (oud)');
    await close(page);
    await expectQuestion(page);
    await question(page).getByRole('button', { name: 'Sluiten zonder opslaan' }).click();
    await expect(question(page)).toHaveCount(0);
    await expect(drawer(page)).toHaveCount(0);
    await expect(pencil).toBeFocused();
    await expect(row(page, 'PayPal')).toBeVisible();
    expect(await stored(page, host)).toEqual(['PayPal']);

    // Opened again, the form shows what is stored, and without edits closes at once.
    await pencil.click();
    await expect(drawer(page).getByLabel('Naam (Nederlands)', { exact: true })).toHaveValue('PayPal');
    await close(page);
    await expect(drawer(page)).toHaveCount(0);
    await expect(question(page)).toHaveCount(0);
  });
}

test('an edit undone by hand leaves nothing to lose: the form closes at once', async ({ signedIn: page }) => {
  await openSection(page, 'Betalingsprovider');
  await page.getByRole('button', { name: 'Betaalmethode toevoegen' }).click();
  await fillDrawer(page, 'Naam (Nederlands)', 'iDEAL');
  await fillDrawer(page, 'Naam (Nederlands)', '');
  await page.keyboard.press('Escape');
  await expect(drawer(page)).toHaveCount(0);
  await expect(question(page)).toHaveCount(0);
});

test('in English the question offers to close without saving, or to go back to the form', async ({ signedIn: page, host }) => {
  await page.getByRole('radiogroup', { name: 'Taal' }).getByText('EN').click();
  await openSection(page, 'Payment provider');
  await page.getByRole('button', { name: 'Add payment method' }).click();
  await fillDrawer(page, 'Name (Dutch)', 'iDEAL');
  await drawer(page).getByRole('button', { name: 'Close', exact: true }).click();
  const english = page.getByRole('dialog', { name: 'Unsaved changes' });
  await expect(english).toContainText('Changes in Payment provider have not been saved. If you continue, they are lost.');
  await english.getByRole('button', { name: 'Back to the form' }).click();
  await expect(drawer(page).getByLabel('Name (Dutch)', { exact: true })).toHaveValue('iDEAL');
  await page.keyboard.press('Escape');
  await english.getByRole('button', { name: 'Close without saving' }).click();
  await expect(drawer(page)).toHaveCount(0);
  expect(await stored(page, host)).toEqual([]);
});
