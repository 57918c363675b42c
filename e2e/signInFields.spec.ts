import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, owner, test } from './fixtures';

async function signedOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page.locator('body[data-screen="signIn"]')).toBeAttached();
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);

test('sign-in names each empty field under it, focuses the first, and empty tries never lock the account', async ({ signedIn: page }) => {
  await signedOut(page);
  const email = page.getByLabel('E-mailadres');
  const password = page.getByLabel('Wachtwoord');
  await expect(email).toHaveAttribute('required', '');
  await expect(email).toHaveAttribute('maxlength', '320');
  await expect(password).toHaveAttribute('required', '');
  await expect(password).toHaveAttribute('maxlength', '1024');

  // Both empty, Enter: each field says so, the e-mail address gets the focus, no lockout count in sight.
  await email.press('Enter');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('E-mailadres is verplicht.');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription('Wachtwoord is verplicht.');
  await expect(email).toBeFocused();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('mislukte poging');
  // A focused field wears a solid 2px ring, not a faint shadow.
  expect(await email.evaluate((input) => [getComputedStyle(input).outlineStyle, getComputedStyle(input).outlineWidth])).toEqual(['solid', '2px']);
  expect((await new AxeBuilder({ page }).include('form[name="signIn"]').analyze()).violations.map((violation) => violation.id)).toEqual([]);

  // Typing takes a field's message away; with the address filled, the empty password gets the focus.
  await email.fill(owner.email);
  await expect(email).not.toHaveAttribute('aria-invalid');
  await expect(page.getByText('E-mailadres is verplicht.')).toHaveCount(0);
  for (let press = 1; press <= 6; press += 1) {
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(password).toHaveAccessibleDescription('Wachtwoord is verplicht.');
    await expect(password).toBeFocused();
    await expect(email).not.toHaveAttribute('aria-invalid');
  }

  // Six empty tries later the first wrong password still has all its tries, and the right one signs in.
  await password.fill('een verkeerde zin');
  await password.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Onbekend e-mailadres of onjuist wachtwoord. Na 4 mislukte pogingen meer wordt het account 5 minuten geblokkeerd.');
  expect(await focusedId(page)).toBe('signIn_password');
  await expect(password).toHaveValue('');
  await password.fill(owner.password);
  await password.press('Enter');
  await expect(page.locator('body[data-screen="app"]')).toBeAttached();
});

test('an overlong e-mail address is refused under its field, naming the limit', async ({ signedIn: page }) => {
  await signedOut(page);
  const email = page.getByLabel('E-mailadres');
  // The field stops typing at 320 characters; a client without that limit (here: the attribute taken away) hears the main process's refusal.
  await email.fill(`${'a'.repeat(400)}@despaak.nl`);
  await expect(email).toHaveValue('a'.repeat(320));
  await email.evaluate((input) => input.removeAttribute('maxlength'));
  await email.fill(`${'a'.repeat(400)}@despaak.nl`);
  await page.getByLabel('Wachtwoord').fill('een verkeerde zin');
  await page.getByLabel('Wachtwoord').press('Enter');
  await expect(email).toHaveAccessibleDescription('E-mailadres mag hoogstens 320 tekens hebben.');
  await expect(email).toBeFocused();
  await expect(page.getByLabel('Wachtwoord')).not.toHaveAttribute('aria-invalid');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the setup screen failing to arrive on a first start says so in Dutch and loads on Opnieuw laden once it can', async ({ page, host }) => {
  await page.route('**/assets/SetupScreen-*.js', (route) => route.abort('internetdisconnected'));
  await page.goto(host.url);
  await expect(page.locator('body[data-screen="setup"]')).toBeAttached();
  const alert = page.getByRole('alertdialog');
  await expect(alert).toContainText('Backoffice kon een onderdeel niet laden.');
  const retry = alert.getByRole('button', { name: 'Opnieuw laden' });
  await expect(retry).toBeFocused();
  await expect(page.getByRole('status')).toHaveCount(0);

  await page.unroute('**/assets/SetupScreen-*.js');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Backoffice inrichten' })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});
