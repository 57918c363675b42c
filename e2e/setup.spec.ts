import { expect, owner, test } from './fixtures';

test('the setup screen names fields by their labels and clears a refusal once the field is fixed (issue 11 item 25)', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Backoffice inrichten' })).toBeVisible();
  await page.getByRole('button', { name: 'Inrichten en aanmelden' }).click();

  const form = page.locator('form[id="setup"]');
  await expect(page.getByRole('alert')).toContainText('Niet opgeslagen: controleer de gemarkeerde velden.');
  await expect(form.getByText('Naam backoffice is verplicht.')).toBeVisible();
  await expect(form.getByText('Naam is verplicht.')).toBeVisible();
  await expect(form.getByText('E-mailadres (inlognaam) is verplicht.')).toBeVisible();
  await expect(form.getByText(/^Wachtwoord (moet minstens 12 tekens|mag niet leeg)/)).toBeVisible();
  // No internal key anywhere on the screen.
  await expect(page.locator('body')).not.toContainText(/backOfficeName|\bname\b|\bemail\b|\bpassword\b|moet tekst zijn/);

  await page.getByLabel('Naam backoffice', { exact: true }).fill(owner.backOfficeName);
  await expect(form.getByText('Naam backoffice is verplicht.')).toHaveCount(0);
  await expect(form.getByText('Naam is verplicht.')).toBeVisible();
  await page.getByLabel('Naam', { exact: true }).fill(owner.name);
  await expect(form.getByText('Naam is verplicht.')).toHaveCount(0);
  await expect(form.getByText('E-mailadres (inlognaam) is verplicht.')).toBeVisible();

  await page.getByLabel('E-mailadres (inlognaam)', { exact: true }).fill(owner.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(owner.password);
  await page.getByRole('button', { name: 'Inrichten en aanmelden' }).click();
  await expect(page.locator('body[data-screen="app"]')).toBeAttached();
});
