import { startCarrierPeer, type CarrierPeer } from '../test/carrierPeer';
import type { Page } from '@playwright/test';
import { choose, expect, save, test } from './fixtures';

/**
 * MyParcel is a stand-in on 127.0.0.1 (test/carrierPeer.ts) that accepts only this key, sent the
 * way MyParcel's documentation shows. The web host inherits BACKOFFICE_MYPARCEL_URL when the
 * fixture starts it, so the peer is up before any host.
 */
const shopKey = 'mp-live-0f1e2d3c4b5a69788796a5b4';
let myParcel: CarrierPeer;
test.beforeAll(async () => {
  myParcel = await startCarrierPeer('myparcel', shopKey);
  process.env.BACKOFFICE_MYPARCEL_URL = myParcel.url;
});
test.afterAll(async () => myParcel.stop());

async function storeKey(page: Page, key: string) {
  await page.getByRole('button', { name: 'API-sleutel verzendprovider' }).click();
  await page.getByLabel('Nieuwe waarde voor API-sleutel verzendprovider').fill(key);
  await page.getByRole('button', { name: 'Opslaan in sleutelhanger' }).click();
  await expect(page.getByTestId('secret-status-providerApiKey')).toHaveText(/^Ingesteld op /);
}

test('Verbinding testen tells a refused key from an accepted one, and the key never reaches the page', async ({ signedIn: page }) => {
  await page.getByRole('tree').getByText('Zendingen', { exact: true }).click();
  await expect(page.getByRole('button', { name: 'Verbinding testen' })).toHaveCount(0);
  await choose(page, 'Standaard verzendprovider', 'MyParcel');
  await save(page, 'Zendingen');

  await storeKey(page, 'een-oude-sleutel');
  await page.getByRole('button', { name: 'Verbinding testen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'MyParcel' })).toHaveText(
    'MyParcel weigert de API-sleutel (HTTP 401). Kopieer de sleutel opnieuw uit uw account bij MyParcel en sla hem op.',
  );

  await storeKey(page, shopKey);
  await page.getByRole('button', { name: 'Verbinding testen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Verbinding gelukt' })).toHaveText('Verbinding gelukt: MyParcel heeft de API-sleutel geaccepteerd.');
  expect(myParcel.requests.at(-1)?.authorization).toBe(`basic ${Buffer.from(shopKey).toString('base64')}`);
  expect(await page.content()).not.toContain(shopKey);
});

test('a mailbox package with a signature is refused on the field, naming it', async ({ signedIn: page }) => {
  await page.getByRole('tree').getByText('Zendingen', { exact: true }).click();
  await choose(page, 'Standaard verzendprovider', 'MyParcel');
  await choose(page, 'Soort zending', 'Brievenbuspakje');
  await page.getByLabel('Handtekening bij ontvangst', { exact: true }).click();
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.locator('[data-field="signature"]')).toContainText(
    'Handtekening bij ontvangst kan alleen bij Soort zending „Pakket”: MyParcel biedt bij een brievenbuspakje, brief of digitale postzegel geen extra opties.',
  );
  await expect(page.getByText('Zendingen is opgeslagen.')).toHaveCount(0);
});
