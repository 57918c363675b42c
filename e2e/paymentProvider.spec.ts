import fs from 'node:fs';
import { startPayNlPeer, type PayNlPeer } from '../test/payNlPeer';
import { expect, openSection, row, test } from './fixtures';
import { cloudCommand, makeChannels, pairWith, startShopCloud } from './providerWorld';

/** Pay.nl is a stand-in on 127.0.0.1 (test/payNlPeer.ts); the cloud process reads BACKOFFICE_PAYNL_URL when it starts. */
const tokenCode = 'AT-1234-5678';
const apiToken = '0123456789abcdef0123456789abcdef01234567';
let payNl: PayNlPeer;
test.beforeAll(async () => {
  payNl = await startPayNlPeer(tokenCode, apiToken);
  process.env.BACKOFFICE_PAYNL_URL = payNl.url;
});
test.afterAll(async () => payNl.stop());

test('Sync betalingsprovider adds the new options switched off, marks what Pay.nl dropped, changes nothing the second time, and says so offline', async ({ signedIn: page, host }, testInfo) => {
  test.setTimeout(180_000);
  payNl.services.set('SL-1111-2222', { name: 'Webshop De Spaak', methods: [{ id: 10, name: 'iDEAL' }, { id: 138, name: 'PayPal' }] });
  payNl.services.set('SL-3333-4444', { name: 'Winkel Utrecht', methods: [{ id: 1927, name: 'Pinnen' }] });
  const cloud = await startShopCloud((dataDir) =>
    cloudCommand(dataDir, ['payment-provider', 'Fietsenwinkel De Spaak', '--token-code', tokenCode, '--service', 'SL-1111-2222=W1', '--service', 'SL-3333-4444=S4'], { PAYNL_API_TOKEN: apiToken }),
  );
  try {
    await makeChannels(page, host);
    await pairWith(page, cloud.url, cloud.code);
    await openSection(page, 'Betalingsprovider');
    await expect(page.getByTestId('provider-last-sync')).toHaveText('Nog nooit gesynchroniseerd met de provider.');

    const sync = page.getByRole('button', { name: 'Sync betalingsprovider' });
    const answer = page.getByTestId('provider-sync').getByRole('status');
    await sync.click();
    await expect(answer).toContainText('Nieuw bij de provider (staat uit tot u het aanzet): iDEAL, PayPal, Pinnen');
    await expect(row(page, 'PayPal')).toContainText('Webshop');
    await expect(row(page, 'PayPal')).toContainText('Beschikbaar');
    await expect(row(page, 'PayPal').getByRole('switch')).not.toBeChecked();
    await expect(row(page, 'Pinnen')).toContainText('Kassa');
    await expect(row(page, 'Pinnen')).toContainText('Winkel Utrecht');
    await expect(page.getByTestId('provider-last-sync')).toContainText('Laatst gesynchroniseerd met de provider:');
    await expect(page.getByTestId('provider-last-sync')).toContainText('Webshop De Spaak (SL-1111-2222 → W1)');

    payNl.services.set('SL-1111-2222', { name: 'Webshop De Spaak', methods: [{ id: 10, name: 'iDEAL' }] });
    await sync.click();
    await expect(answer).toContainText('Niet meer beschikbaar bij de provider: PayPal');
    await expect(row(page, 'PayPal')).toContainText('Niet meer beschikbaar bij de provider');
    const file = testInfo.outputPath('betalingsprovider.png');
    await page.screenshot({ path: file });
    await testInfo.attach('betalingsprovider', { path: file, contentType: 'image/png' });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);

    await sync.click();
    await expect(answer).toContainText('Alles was al bijgewerkt; er is niets veranderd.');

    await cloud.kill();
    await sync.click();
    await expect(page.getByTestId('provider-sync').getByRole('alert')).toContainText('Geen verbinding met de cloud');
    await expect(page.getByTestId('provider-sync').getByRole('alert')).toContainText('Er is niets veranderd aan de betaalmethoden.');
    await expect(row(page, 'PayPal')).toContainText('Niet meer beschikbaar bij de provider');
    await expect(page.locator('.ant-table-row')).toHaveCount(3);
  } finally {
    await cloud.remove();
  }
});
