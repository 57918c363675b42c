import type { Page } from '@playwright/test';
import { settingsTree } from '../domain/settings/tree';
import { choose, expect, openSection, save, test } from './fixtures';

test('every section and sub-section of the tree opens its page', async ({ signedIn: page }) => {
  for (const section of settingsTree) {
    if (section.children) {
      for (const child of section.children) {
        await openSection(page, child.label.nl);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${section.label.nl} › ${child.label.nl}`);
      }
    } else {
      await openSection(page, section.label.nl);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.label.nl);
    }
    await expect(page.locator('.ant-alert-error')).toHaveCount(0);
  }
});

type Edit = (page: Page) => Promise<void>;
const fill = (label: string, value: string): Edit => (page) => page.getByLabel(label, { exact: true }).fill(value);
const select = (label: string, option: string): Edit => (page) => choose(page, label, option);
const flip = (label: string): Edit => (page) => page.getByLabel(label, { exact: true }).click();

/** One edit per settings group, made through the form, and how to see it again after a reload. */
const edits: { path: string[]; edit: Edit; check: (page: Page) => Promise<void> }[] = [
  { path: ['BackOffice-instellingen'], edit: fill('Automatisch afmelden na', '20'), check: (p) => expect(p.getByLabel('Automatisch afmelden na', { exact: true })).toHaveValue('20') },
  { path: ['Algemene informatie'], edit: fill('Bedrijfsnaam', 'De Spaak bv'), check: (p) => expect(p.getByLabel('Bedrijfsnaam', { exact: true })).toHaveValue('De Spaak bv') },
  { path: ['Contactinformatie'], edit: fill('Plaats', 'Utrecht'), check: (p) => expect(p.getByLabel('Plaats', { exact: true })).toHaveValue('Utrecht') },
  { path: ['Factuurinformatie'], edit: fill('Betalingstermijn', '30'), check: (p) => expect(p.getByLabel('Betalingstermijn', { exact: true })).toHaveValue('30') },
  { path: ['Zakelijke informatie'], edit: fill('KvK-nummer', '12345678/0000'), check: (p) => expect(p.getByLabel('KvK-nummer', { exact: true })).toHaveValue('12345678') },
  { path: ['Support'], edit: fill('Contactpersoon', 'Piet Jansen'), check: (p) => expect(p.getByLabel('Contactpersoon', { exact: true })).toHaveValue('Piet Jansen') },
  { path: ['BTW-informatie'], edit: select('Btw-tarief verzendkosten', '9 % (laag)'), check: (p) => expect(p.locator('[data-field="shippingVatRate"]')).toContainText('9 % (laag)') },
  { path: ['Reparatie-informatie'], edit: fill('Voetnoot kwitantie', 'Garantie: 3 maanden op onderdelen'), check: (p) => expect(p.getByLabel('Voetnoot kwitantie', { exact: true })).toHaveValue('Garantie: 3 maanden op onderdelen') },
  { path: ['Offerte-informatie'], edit: fill('Standaardopmerking op offertes', 'Deze offerte is 30 dagen geldig.'), check: (p) => expect(p.getByLabel('Standaardopmerking op offertes', { exact: true })).toHaveValue('Deze offerte is 30 dagen geldig.') },
  { path: ['Bestellingen'], edit: flip('Orderbevestiging versturen'), check: (p) => expect(p.getByLabel('Orderbevestiging versturen', { exact: true })).toHaveAttribute('aria-checked', 'false') },
  { path: ['Zendingen'], edit: select('Standaard verzendprovider', 'MyParcel'), check: (p) => expect(p.getByLabel('Standaard vervoerder', { exact: true })).toBeVisible() },
  { path: ['Voorwaarden'], edit: fill('Voorwaarden in e-mails', 'Op al onze leveringen zijn onze voorwaarden van toepassing.'), check: (p) => expect(p.getByLabel('Voorwaarden in e-mails', { exact: true })).toHaveValue('Op al onze leveringen zijn onze voorwaarden van toepassing.') },
  { path: ['E-mailinstellingen'], edit: fill('Naam afzender', 'Fietsenwinkel De Spaak'), check: (p) => expect(p.getByLabel('Naam afzender', { exact: true })).toHaveValue('Fietsenwinkel De Spaak') },
  { path: ['Afbeeldingen'], edit: fill('Miniatuur, breedte', '400'), check: (p) => expect(p.getByLabel('Miniatuur, breedte', { exact: true })).toHaveValue('400') },
  { path: ['Schapkaartjes'], edit: fill('Lettergrootte prijs', '28'), check: (p) => expect(p.getByLabel('Lettergrootte prijs', { exact: true })).toHaveValue('28') },
  { path: ['Productinstellingen'], edit: fill('Maximale voorraad', '250'), check: (p) => expect(p.getByLabel('Maximale voorraad', { exact: true })).toHaveValue('250') },
];

test('an edit saved in each settings group is there again after a reload', async ({ signedIn: page }) => {
  // Eighteen groups edited, saved, reloaded and checked: a long flow gets its own time.
  test.setTimeout(240_000);
  for (const { path, edit } of edits) {
    await openSection(page, ...path);
    await edit(page);
    await save(page, path[path.length - 1] ?? '');
  }
  await page.reload();
  await expect(page.locator('body[data-screen="app"]')).toBeAttached();
  for (const { path, check } of edits) {
    await openSection(page, ...path);
    await check(page);
    await expect(page.getByTestId('last-changed')).toContainText('Laatst gewijzigd door Anna de Vries');
  }
});
