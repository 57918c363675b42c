import { expect, openSection, test } from './fixtures';

const cases = [
  { path: ['Zakelijke informatie'], label: 'IBAN', value: 'NL00 ABNA 0123 4567 89', message: 'IBAN klopt niet: de controlecijfers passen niet bij het nummer.' },
  { path: ['Zakelijke informatie'], label: 'Btw-identificatienummer', value: 'NL123456789B90', message: 'Btw-identificatienummer klopt niet: het controlegetal is onjuist.' },
  { path: ['Zakelijke informatie'], label: 'KvK-nummer', value: '1234567', message: 'KvK-nummer bestaat uit precies 8 cijfers' },
  { path: ['Contactinformatie'], label: 'Postcode', value: '1234 SA', message: 'Postcode: de lettercombinaties SA, SD en SS worden nooit uitgegeven.' },
  { path: ['Contactinformatie'], label: 'E-mailadres', value: 'info@winkel', message: 'E-mailadres is geen geldig e-mailadres' },
];

for (const { path, label, value, message } of cases) {
  test(`a wrong ${label} shows the Dutch reason on the field and saves nothing`, async ({ signedIn: page }) => {
    await openSection(page, ...path);
    const field = page.getByLabel(label, { exact: true });
    await field.fill(value);
    const item = page.locator(`[data-field]`).filter({ has: field });
    await expect(item.getByText(message, { exact: false })).toBeVisible();
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Niet opgeslagen: controleer de gemarkeerde velden.');

    await page.reload();
    await expect(page.locator('body[data-screen="app"]')).toBeAttached();
    await expect(page.getByLabel(label, { exact: true })).not.toHaveValue(value);
    await expect(page.getByTestId('last-changed')).toHaveText('Nog niet gewijzigd: dit zijn de standaardwaarden.');
  });
}

test('a minimum stock above the maximum is refused on the field and saves nothing', async ({ signedIn: page }) => {
  await openSection(page, 'Productinstellingen');
  await page.getByLabel('Minimale voorraad', { exact: true }).fill('500');
  await page.getByLabel('Maximale voorraad', { exact: true }).fill('20');
  await expect(page.getByText('Minimale voorraad (500) mag niet hoger zijn dan maximale voorraad (20).')).toBeVisible();
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Niet opgeslagen');
  await page.reload();
  await expect(page.getByLabel('Minimale voorraad', { exact: true })).toHaveValue('0');
  await expect(page.getByLabel('Maximale voorraad', { exact: true })).toHaveValue('100');
});

test('what the user typed is saved in its canonical form', async ({ signedIn: page }) => {
  await openSection(page, 'Zakelijke informatie');
  await page.getByLabel('IBAN', { exact: true }).fill('nl91 abna 0417 1643 00');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByText('Zakelijke informatie is opgeslagen.')).toBeVisible();
  await expect(page.getByLabel('IBAN', { exact: true })).toHaveValue('NL91 ABNA 0417 1643 00');
  await expect(page.getByLabel('BIC', { exact: true })).toHaveValue('ABNANL2A');
});
