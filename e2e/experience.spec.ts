import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import { expect, openSection, test } from './fixtures';

test('the tree and a form have no serious accessibility violations', async ({ signedIn: page }) => {
  for (const path of [['Zakelijke informatie'], ['Zendingen'], ['BackOffice-instellingen'], ['E-mailinstellingen']]) {
    await openSection(page, ...path);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), path.join(' › ')).toEqual([]);
  }
});

test('every input is named by its visible label', async ({ signedIn: page }) => {
  await openSection(page, 'Factuurinformatie');
  await page.getByLabel('Factuuradres gelijk aan contactadres', { exact: true }).click();
  for (const label of ['Factuuradres gelijk aan contactadres', 'Straat', 'Postcode', 'Land', 'Betalingstermijn', 'Voorvoegsel factuurnummer', 'Voettekst factuur']) {
    await expect(page.getByLabel(label, { exact: true })).toHaveCount(1);
  }
});

test('the settings can be edited with the keyboard alone', async ({ signedIn: page }) => {
  await page.getByRole('tree').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('BackOffice-instellingen');
  await page.getByLabel('Automatisch afmelden na', { exact: true }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('30');
  await page.keyboard.press('Enter');
  await expect(page.getByText('BackOffice-instellingen is opgeslagen.')).toBeVisible();
});

test('leaving a form with unsaved changes asks first', async ({ signedIn: page }) => {
  await openSection(page, 'Algemene informatie');
  await page.getByLabel('Bedrijfsnaam', { exact: true }).fill('Nog niet opgeslagen bv');
  await page.getByRole('tree').getByText('Support', { exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('Niet-opgeslagen wijzigingen');
  await page.getByRole('button', { name: 'Terug naar het formulier' }).click();
  await expect(page.getByLabel('Bedrijfsnaam', { exact: true })).toHaveValue('Nog niet opgeslagen bv');
  await page.getByRole('tree').getByText('Support', { exact: true }).click();
  await page.getByRole('button', { name: 'Verdergaan zonder opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bedrijfsinformatie › Support');
});

test('moving to another field of the same form keeps its edits unsaved, so leaving it still asks', async ({ signedIn: page }) => {
  await openSection(page, 'Algemene informatie');
  await page.getByLabel('Bedrijfsnaam', { exact: true }).fill('Nog niet opgeslagen bv');
  await page.getByRole('combobox', { name: 'Zoek een instelling' }).fill('Naam backoffice');
  await page.getByRole('listbox', { name: 'Zoek een instelling' }).getByRole('option').filter({ hasText: 'Naam backoffice' }).first().click();
  await expect(page.getByLabel('Naam backoffice', { exact: true })).toBeFocused();
  await page.getByRole('tree').getByText('Algemene informatie', { exact: true }).click();
  await page.getByRole('tree').getByText('Support', { exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('Niet-opgeslagen wijzigingen');
  await page.getByRole('button', { name: 'Terug naar het formulier' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bedrijfsinformatie › Algemene informatie');
  await expect(page.getByLabel('Bedrijfsnaam', { exact: true })).toHaveValue('Nog niet opgeslagen bv');
});

test('English can be chosen, and the choice is remembered', async ({ signedIn: page }) => {
  await openSection(page, 'Zakelijke informatie');
  await page.getByRole('radiogroup', { name: 'Taal' }).getByText('EN').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Company information › Business information');
  await page.reload();
  await expect(page.getByLabel('Chamber of Commerce number', { exact: true })).toBeVisible();
  await page.getByLabel('Chamber of Commerce number', { exact: true }).fill('123');
  await expect(page.getByText('Chamber of Commerce number consists of exactly 8 digits')).toBeVisible();
});

test('screenshot: Bedrijfsinformatie in Dutch', async ({ signedIn: page }, testInfo) => {
  await openSection(page, 'Zakelijke informatie');
  await page.getByLabel('KvK-nummer', { exact: true }).fill('12345678');
  await page.getByLabel('IBAN', { exact: true }).fill('NL91 ABNA 0417 1643 00');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByText('Zakelijke informatie is opgeslagen.')).toBeVisible();
  await expect(page.getByText('Zakelijke informatie is opgeslagen.')).toBeHidden();
  const file = testInfo.outputPath('bedrijfsinformatie.png');
  await page.screenshot({ path: file });
  await testInfo.attach('bedrijfsinformatie', { path: file, contentType: 'image/png' });
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
});
