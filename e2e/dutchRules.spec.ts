import { expect, fillDrawer, openSection, row, saveDrawer, test } from './fixtures';

test('amounts are read the Dutch way and free shipping from € 0 is refused, in the drawer as the user types (issue 11 items 18, 23)', async ({ signedIn: page }) => {
  await openSection(page, 'Verzendmethoden');
  await page.getByRole('button', { name: 'Verzendmethode toevoegen' }).click();
  const drawer = page.locator('.ant-drawer');
  await fillDrawer(page, 'Naam', 'PostNL pakket');
  await fillDrawer(page, 'Prijs inclusief btw', '0.500');
  await expect(drawer.getByText('Prijs inclusief btw: „0.500” kan € 0,50 of € 500,00 betekenen.', { exact: false })).toBeVisible();
  await fillDrawer(page, 'Prijs inclusief btw', '6,-');
  await expect(drawer.getByText('kan € 0,50 of € 500,00 betekenen', { exact: false })).toHaveCount(0);
  await drawer.getByLabel('Gratis vanaf een bedrag', { exact: true }).click();
  await fillDrawer(page, 'Gratis vanaf (inclusief btw)', '0');
  await expect(drawer.getByText('Gratis vanaf (inclusief btw) moet hoger zijn dan € 0', { exact: false })).toBeVisible();
  await fillDrawer(page, 'Gratis vanaf (inclusief btw)', '50,-');
  await saveDrawer(page, 'PostNL pakket');
  await expect(row(page, 'PostNL pakket')).toContainText('€ 6,00');
});

test('the BIC follows a changed IBAN, and Productinstellingen no longer has its own VAT rate (issue 11 items 21, 22)', async ({ signedIn: page }) => {
  await openSection(page, 'Zakelijke informatie');
  await page.getByLabel('IBAN', { exact: true }).fill('NL91 ABNA 0417 1643 00');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByLabel('BIC', { exact: true })).toHaveValue('ABNANL2A');
  await page.getByLabel('IBAN', { exact: true }).fill('NL69 INGB 0123 4567 89');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByLabel('IBAN', { exact: true })).toHaveValue('NL69 INGB 0123 4567 89');
  await expect(page.getByLabel('BIC', { exact: true })).toHaveValue('INGBNL2A');

  await openSection(page, 'Productinstellingen');
  await expect(page.getByText('Het standaard btw-tarief staat bij Bedrijfsinformatie › BTW-informatie.')).toBeVisible();
  await expect(page.getByLabel('Standaard btw-tarief', { exact: true })).toHaveCount(0);
});
