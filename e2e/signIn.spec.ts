import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, owner, test } from './fixtures';

/** axe's findings on the whole page, as "rule: how many elements". */
async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.length}`);
}

// The sign-in screen is plain markup drawn from the first script (no antd), so it carries its own
// labels, messages and focus handling; these are what a user and a screen reader rely on.
test('the sign-in screen passes axe, says in Dutch why a sign-in failed, and starts the next try in the emptied password field', async ({ signedIn: page }) => {
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
  await expect(page.getByLabel('E-mailadres', { exact: true })).toBeFocused();
  expect(await axeFindings(page)).toEqual([]);

  await page.getByLabel('E-mailadres', { exact: true }).fill(owner.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill('niet het wachtwoord');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('alert')).toHaveText('Onbekend e-mailadres of onjuist wachtwoord. Na 4 mislukte pogingen meer wordt het account 5 minuten geblokkeerd.');
  await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Wachtwoord', { exact: true })).toBeFocused();
  await expect(page.getByLabel('E-mailadres', { exact: true })).toHaveValue(owner.email);
  expect(await axeFindings(page)).toEqual([]);

  // Enter in the password field signs in, as in any form.
  await page.getByLabel('Wachtwoord', { exact: true }).fill(owner.password);
  await page.keyboard.press('Enter');
  await expect(page.locator('body[data-screen="app"]')).toBeAttached();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a malformed e-mail address is refused with the main process’s Dutch message, not the browser’s own check', async ({ signedIn: page }) => {
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await page.getByLabel('E-mailadres', { exact: true }).fill('geen e-mailadres');
  // A password too: an empty one is refused under its own field before any account is looked at (signInFields.spec.ts).
  await page.getByLabel('Wachtwoord', { exact: true }).fill('niet het wachtwoord');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('alert')).toContainText('Onbekend e-mailadres of onjuist wachtwoord.');
});
