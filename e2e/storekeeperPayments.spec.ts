import fs from 'node:fs';
import { startSkPaymentsPeer, type SkPaymentsPeer } from '../test/skPaymentsPeer';
import { expect, openSection, test } from './fixtures';
import { cloudCommand, pairWith, shopName, startShopCloud } from './providerWorld';

/** StoreKeeper Payments is a stand-in on 127.0.0.1 (test/skPaymentsPeer.ts); the cloud process reads BACKOFFICE_SKPAYMENTS_URL. */
const apiKey = 'skp_live_0123456789abcdef';
let peer: SkPaymentsPeer;
test.beforeAll(async () => {
  peer = await startSkPaymentsPeer(apiKey);
  process.env.BACKOFFICE_SKPAYMENTS_URL = peer.url;
});
test.afterAll(async () => peer.stop());

test('StoreKeeper Payments: never fetched, then the account in words after Vernieuwen, and still there with its age once the cloud is gone', async ({ signedIn: page }, testInfo) => {
  test.setTimeout(180_000);
  const cloud = await startShopCloud((dataDir) => cloudCommand(dataDir, ['storekeeper-payments', shopName, '--merchant', 'M-1234-5678'], { SKPAYMENTS_API_KEY: apiKey }));
  try {
    await openSection(page, 'StoreKeeper Payments');
    await expect(page.getByTestId('sk-age')).toHaveText('Nog nooit opgehaald');
    await expect(page.getByTestId('sk-not-paired')).toContainText('niet aan een cloudaccount gekoppeld');
    await expect(page.getByRole('button', { name: 'Vernieuwen' })).toBeDisabled();

    await pairWith(page, cloud.url, cloud.code);
    await openSection(page, 'StoreKeeper Payments');
    await page.getByRole('button', { name: 'Vernieuwen' }).click();
    const merchant = page.getByTestId('sk-merchant');
    await expect(merchant).toContainText('Fietsenwinkel De Spaak (M-1234-5678)');
    await expect(merchant).toContainText('Onboarding loopt');
    await expect(merchant).toContainText('Uitbetalingen staan stil (tot de onboarding is afgerond)');
    await expect(merchant).toContainText('€ 1.234,56');
    await expect(merchant).toContainText('NL91 ABNA 0417 1643 00 (De Spaak B.V.)');
    await expect(merchant).not.toContainText('ONBOARDING');
    const documents = page.getByTestId('sk-documents');
    await expect(documents).toContainText('UBO-formulier');
    await expect(documents).toContainText('Aangeleverd, wordt beoordeeld');
    await expect(documents).toContainText('Afgekeurd, opnieuw aanleveren');
    await expect(documents).not.toContainText('UBO_FORM');
    const methods = page.getByTestId('sk-methods');
    await expect(methods).toContainText('SL-1234-5678');
    await expect(methods).toContainText('Webshop De Spaak');
    await expect(methods).toContainText('Niet geactiveerd');
    await expect(page.getByTestId('sk-age')).toContainText(/^Bijgewerkt (nu|\d+ minuten? geleden)/);
    const file = testInfo.outputPath('storekeeper-payments.png');
    await page.screenshot({ path: file });
    await testInfo.attach('storekeeper-payments', { path: file, contentType: 'image/png' });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);

    await cloud.kill();
    await page.reload();
    await openSection(page, 'StoreKeeper Payments');
    await expect(page.getByTestId('sk-merchant')).toContainText('NL91 ABNA 0417 1643 00');
    await expect(page.getByTestId('sk-age')).toContainText('Bijgewerkt');
    await page.getByRole('button', { name: 'Vernieuwen' }).click();
    await expect(page.getByTestId('sk-problem')).toContainText('Geen verbinding met de cloud');
    await expect(page.getByTestId('sk-problem')).toContainText('Het overzicht hieronder is het laatst opgehaalde.');
    await expect(page.getByTestId('sk-merchant')).toContainText('Onboarding loopt');

    await page.getByRole('radiogroup', { name: 'Taal' }).getByText('EN').click();
    await expect(page.getByTestId('sk-merchant')).toContainText('Onboarding in progress');
    await expect(page.getByTestId('sk-documents')).toContainText('Provided, under review');
  } finally {
    await cloud.remove();
  }
});
