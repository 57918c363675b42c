import { expect, owner, test } from './fixtures';

/**
 * A window hears about changes made elsewhere over the web host's event stream, which a new
 * session must open anew. A change made while that stream is not yet open was never sent; the
 * window must still show it, without the user reloading.
 */
test('a change made elsewhere while this window signs in again still reaches it, without a reload', async ({ signedIn: page, host }) => {
  await expect(page.getByTestId('back-office-name')).toHaveText(owner.backOfficeName);
  // Hold this window's next event streams until the change below is made: the window is then
  // signed in and showing the settings, with no stream yet to hear the change on.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/events', async (route) => {
    await held;
    // A stream the window gave up on while it was held has nothing left to continue.
    await route.continue().catch(() => undefined);
  });
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await page.getByLabel('E-mailadres', { exact: true }).fill(owner.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(owner.password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByTestId('back-office-name')).toHaveText(owner.backOfficeName);

  const response = await page.request.post(`${host.origin}/api/call/settings.write`, { data: { group: 'company.general', changes: { backOfficeName: 'De Spaak Centrum' } } });
  expect((await response.json()).ok).toBe(true);
  release();
  await expect(page.getByTestId('back-office-name')).toHaveText('De Spaak Centrum');
});
