import type { Page } from '@playwright/test';
import { expect, fillDrawer, openSection, owner, test } from './fixtures';

/** Signing out with unsaved edits asks the same question as leaving the form for another section. */
async function signIn(page: Page): Promise<void> {
  await page.getByLabel('E-mailadres', { exact: true }).fill(owner.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(owner.password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.locator('body[data-screen="app"]')).toBeAttached();
}

test('signing out with unsaved changes in a settings form asks first; staying keeps the edits signed in, going on signs out without them', async ({ signedIn: page }) => {
  await openSection(page, 'Algemene informatie');
  await page.getByLabel('Bedrijfsnaam', { exact: true }).fill('Nog niet opgeslagen bv');
  await page.getByRole('button', { name: 'Afmelden' }).click();
  const question = page.getByRole('dialog');
  await expect(question).toContainText('Niet-opgeslagen wijzigingen');
  await expect(question).toContainText('In Algemene informatie zijn wijzigingen nog niet opgeslagen.');

  await question.getByRole('button', { name: 'Terug naar het formulier' }).click();
  await expect(question).toBeHidden();
  await expect(page.locator('body[data-screen="app"]')).toBeAttached();
  await expect(page.getByLabel('Bedrijfsnaam', { exact: true })).toHaveValue('Nog niet opgeslagen bv');

  await page.getByRole('button', { name: 'Afmelden' }).click();
  await question.getByRole('button', { name: 'Afmelden zonder opslaan' }).click();
  await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();

  // Signed in again: the dropped edit was never stored, and signing out now asks nothing.
  await signIn(page);
  await openSection(page, 'Algemene informatie');
  await expect(page.getByLabel('Bedrijfsnaam', { exact: true })).toHaveValue('');
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
});

test('in English the question offers to sign out without saving, or to go back to the form', async ({ signedIn: page }) => {
  await page.getByRole('radiogroup', { name: 'Taal' }).getByText('EN').click();
  await openSection(page, 'General information');
  await page.getByLabel('Company name', { exact: true }).fill('Not saved yet Ltd');
  await page.getByRole('button', { name: 'Sign out' }).click();
  const question = page.getByRole('dialog');
  await expect(question).toContainText('Unsaved changes');
  await expect(question).toContainText('Changes in General information have not been saved.');
  await question.getByRole('button', { name: 'Back to the form' }).click();
  await expect(page.getByLabel('Company name', { exact: true })).toHaveValue('Not saved yet Ltd');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await question.getByRole('button', { name: 'Sign out without saving' }).click();
  await expect(page.locator('body[data-screen="app"]')).not.toBeAttached();
});

// An open list item form covers the top bar and keeps the focus (a modal drawer), so it is left by
// the browser's back button rather than by signing out; its edits count as unsaved just the same.
test('leaving an unsaved list item form with the back button asks first, and staying keeps the form with its edits', async ({ signedIn: page }) => {
  await openSection(page, 'Support');
  await openSection(page, 'Betalingsprovider');
  await page.getByRole('button', { name: 'Betaalmethode toevoegen' }).click();
  await fillDrawer(page, 'Naam (Nederlands)', 'iDEAL');
  await page.goBack();
  const question = page.getByRole('dialog', { name: 'Niet-opgeslagen wijzigingen' });
  await expect(question).toContainText('In Betalingsprovider zijn wijzigingen nog niet opgeslagen.');
  await question.getByRole('button', { name: 'Terug naar het formulier' }).click();
  await expect(question).toBeHidden();
  await expect(page.locator('.ant-drawer').getByLabel('Naam (Nederlands)', { exact: true })).toHaveValue('iDEAL');

  // Cancelled, the form no longer holds edits: signing out asks nothing.
  await page.locator('.ant-drawer').getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.locator('.ant-drawer')).toHaveCount(0);
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
});

// The host may not answer a sign-out (it stopped, the connection broke): the session and the edits
// are kept, and the manager is told so instead of walking away believing they signed out.
test('a sign-out the host does not answer says so and keeps the session and the unsaved edits; in English too', async ({ signedIn: page }) => {
  await openSection(page, 'Algemene informatie');
  await page.getByLabel('Bedrijfsnaam', { exact: true }).fill('Nog niet opgeslagen bv');
  await page.route('**/api/call/access.signOut', (route) => route.abort());
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Afmelden zonder opslaan' }).click();
  await expect(page.locator('.ant-message-error')).toContainText('Afmelden is niet gelukt; u bent nog aangemeld: de app kreeg geen antwoord');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.locator('body[data-screen="app"]')).toBeAttached();
  await expect(page.getByLabel('Bedrijfsnaam', { exact: true })).toHaveValue('Nog niet opgeslagen bv');

  // Nothing unsaved any more: the plain sign-out, failing, says it too.
  await page.getByRole('button', { name: 'Wijzigingen ongedaan maken' }).click();
  await page.getByRole('radiogroup', { name: 'Taal' }).getByText('EN').click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.locator('.ant-message-error').last()).toContainText('Signing out did not work; you are still signed in: the app got no answer');
  await expect(page.locator('body[data-screen="app"]')).toBeAttached();
});

// An idle timeout ends the session on the host, not from the top bar: the window learns it from
// its next call, answered "not signed in". Ending the session with a direct call takes that same
// way, without waiting out the shortest idle time (a minute). The edits went with the session: the
// next user, who may not even see that form, is never asked about them.
test('a session that ends on the host, as an idle timeout ends it, takes its unsaved edits along: the next user signing in is asked nothing about them', async ({ signedIn: page, host }) => {
  const olga = { email: 'olga@despaak.nl', password: 'bestellingen verwerken 123' };
  const created = await page.request.post(`${host.origin}/api/call/users.create`, {
    data: { values: { name: 'Olga', email: olga.email, role: 'ordersOnly', active: true }, password: olga.password },
  });
  expect((await created.json()).ok).toBe(true);
  await openSection(page, 'Algemene informatie');
  await page.getByLabel('Bedrijfsnaam', { exact: true }).fill('Nog niet opgeslagen bv');

  // The session ends just before the save reaches the host, so the save is the window's next call
  // (a sync poll, every 30 s, cannot come between and take the form away before the click).
  await page.route(
    '**/api/call/settings.write',
    async (route) => {
      const ended = await page.request.post(`${host.origin}/api/call/access.signOut`, { data: {} });
      expect((await ended.json()).ok).toBe(true);
      await route.continue();
    },
    { times: 1 },
  );
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();

  await page.getByLabel('E-mailadres', { exact: true }).fill(olga.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(olga.password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByText('U heeft geen toegang tot dit onderdeel.')).toBeVisible();
  await page.getByRole('tree').getByText('Bestellingen', { exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bestellingen');
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
});
