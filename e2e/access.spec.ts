import { expect, owner, test } from './fixtures';

test('a first start asks for setup, and nothing else answers before it is done', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Backoffice inrichten' })).toBeVisible();
  const before = await page.request.post(`${host.origin}/api/call/settings.snapshot`, { data: {} });
  expect((await before.json()).error.code).toBe('not_signed_in');

  await page.getByLabel('Naam backoffice', { exact: true }).fill(owner.backOfficeName);
  await page.getByLabel('Naam', { exact: true }).fill(owner.name);
  await page.getByLabel('E-mailadres').fill(owner.email);
  await page.getByLabel('Wachtwoord').fill('te kort');
  await page.getByRole('button', { name: 'Inrichten en aanmelden' }).click();
  await expect(page.getByText('Wachtwoord moet minstens 12 tekens hebben', { exact: false })).toBeVisible();

  await page.getByLabel('Wachtwoord').fill(owner.password);
  await page.getByRole('button', { name: 'Inrichten en aanmelden' }).click();
  await expect(page.locator('body[data-screen="app"]')).toBeAttached();
  await expect(page.getByTestId('back-office-name')).toHaveText(owner.backOfficeName);

  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
  await page.getByLabel('E-mailadres', { exact: true }).fill(owner.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(owner.password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.locator('body[data-screen="app"]')).toBeAttached();
});

test('the API answers 401 without the launch token', async ({ host, playwright }) => {
  const stranger = await playwright.request.newContext();
  const response = await stranger.post(`${host.origin}/api/call/app.info`, { data: {} });
  expect(response.status()).toBe(401);
  const wrong = await stranger.post(`${host.origin}/api/call/app.info`, { data: {}, headers: { Authorization: 'Bearer not-the-token' } });
  expect(wrong.status()).toBe(401);
  const right = await stranger.post(`${host.origin}/api/call/app.info`, { data: {}, headers: { Authorization: `Bearer ${host.token}` } });
  expect(right.status()).toBe(200);
  await stranger.dispose();
});

test('a user changes their own password from the top bar, only with the current one (issue 11, item 5)', async ({ signedIn: page }) => {
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Wachtwoord wijzigen' });
  await dialog.getByLabel('Huidig wachtwoord').fill('niet mijn wachtwoord');
  await dialog.getByLabel('Nieuw wachtwoord').fill('tandwielen smeren voor de winter');
  await dialog.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  // A wrong current password counts towards the sign-in lockout, so the dialog warns as the sign-in form does.
  await expect(dialog.getByRole('alert').filter({ hasText: 'geblokkeerd' })).toHaveText('Huidig wachtwoord: dit is niet uw huidige wachtwoord. Na 4 mislukte pogingen meer wordt het account 5 minuten geblokkeerd.');
  await dialog.getByLabel('Huidig wachtwoord').fill(owner.password);
  await dialog.getByLabel('Nieuw wachtwoord').fill('password1234');
  await dialog.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(dialog.getByText('veelgebruikte wachtwoorden', { exact: false }).first()).toBeVisible();
  await dialog.getByLabel('Nieuw wachtwoord').fill('tandwielen smeren voor de winter');
  await dialog.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByText('Uw wachtwoord is gewijzigd.', { exact: false })).toBeVisible();

  await page.getByRole('button', { name: 'Afmelden' }).click();
  await page.getByLabel('E-mailadres', { exact: true }).fill(owner.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill('tandwielen smeren voor de winter');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.locator('body[data-screen="app"]')).toBeAttached();
});

test('in English a wrong current password warns of the lockout too', async ({ signedIn: page }) => {
  await page.getByRole('radiogroup', { name: 'Taal' }).getByText('EN').click();
  await page.getByRole('button', { name: 'Change password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change password' });
  await dialog.getByLabel('Current password').fill('not my password');
  await dialog.getByLabel('New password').fill('oil the gears before winter');
  await dialog.getByRole('button', { name: 'Save password' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'locked' })).toHaveText('Current password: this is not your current password. After 4 more failed attempts the account is locked for 5 minutes.');
});
