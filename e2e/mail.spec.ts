import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeCertificates, startSmtpServer, type TestSmtpServer } from '../test/smtpServer';
import type { Page } from '@playwright/test';
import { expect, openSection, owner, save, test } from './fixtures';

/**
 * The shop's mail server is a real SMTP server in this test process (STARTTLS, AUTH). The web
 * host trusts its test CA the way an IT department adds a company CA: NODE_EXTRA_CA_CERTS, which
 * the host process inherits when the fixture starts it.
 */
const certificates = makeCertificates();
const caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-e2e-ca-')), 'ca.pem');
fs.writeFileSync(caFile, certificates.ca);
process.env.NODE_EXTRA_CA_CERTS = caFile;

let smtp: TestSmtpServer;
test.beforeEach(async () => {
  smtp = await startSmtpServer({ certificates });
});
test.afterEach(async () => smtp.stop());

async function fillMailSettings(page: Page, password: string) {
  await openSection(page, 'E-mailinstellingen');
  await page.getByLabel('Naam afzender', { exact: true }).fill('Fietsenwinkel De Spaak');
  await page.getByLabel('E-mailadres afzender', { exact: true }).fill('winkel@despaak.nl');
  await page.getByLabel('SMTP-server', { exact: true }).fill('localhost');
  await page.getByLabel('SMTP-poort', { exact: true }).fill(String(smtp.port));
  await page.getByLabel('SMTP-gebruikersnaam', { exact: true }).fill('winkel');
  await save(page, 'E-mailinstellingen');
  await page.getByRole('button', { name: 'SMTP-wachtwoord' }).click();
  await page.getByLabel('Nieuwe waarde voor SMTP-wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Opslaan in sleutelhanger' }).click();
  await expect(page.getByTestId('secret-status-smtpPassword')).toContainText('Ingesteld');
}

test('Test-e-mail versturen reaches the shop mail server and Verzonden e-mail shows it', async ({ signedIn: page }) => {
  await fillMailSettings(page, 'geheim-wachtwoord');
  const recipient = page.getByLabel('Ontvanger', { exact: true });
  await expect(recipient).toHaveValue(owner.email);
  await page.getByRole('button', { name: 'Test-e-mail versturen' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Verstuurd.' })).toHaveText('Verstuurd. Antwoord van de server: 250 2.0.0 Ok: queued as TEST1');
  const [arrived] = await smtp.waitFor(1);
  expect(arrived?.secure).toBe(true);
  expect(arrived?.envelope.to).toEqual([owner.email]);
  expect(arrived?.parsed.subject).toBe('Test-e-mail van Fietsenwinkel De Spaak');
  expect(arrived?.parsed.text).toContain('verstuurd door Anna de Vries');

  const sent = page.getByTestId('sent-mail');
  await expect(sent.locator('.ant-table-row')).toHaveCount(1);
  await expect(sent.locator('.ant-table-row').first()).toContainText('Test-e-mail van Fietsenwinkel De Spaak');
  await expect(sent.locator('.ant-table-row').first()).toContainText('Verzonden');
  await expect(sent.locator('.ant-table-row').first()).toContainText('250 2.0.0 Ok: queued as TEST1');
});

test('a wrong password is explained, the mail is kept as failed, and sending it again after the fix delivers it', async ({ signedIn: page }) => {
  await fillMailSettings(page, 'verkeerd-wachtwoord');
  await page.getByLabel('Ontvanger', { exact: true }).fill('kassa@despaak.nl');
  await page.getByRole('button', { name: 'Test-e-mail versturen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'weigert' })).toHaveText(
    'De server localhost weigert gebruiker of wachtwoord. Controleer de SMTP-gebruikersnaam en het SMTP-wachtwoord. (Antwoord: 535 5.7.8 Authentication credentials invalid)',
  );
  const first = page.getByTestId('sent-mail').locator('.ant-table-row').first();
  await expect(first).toContainText('Mislukt');
  await expect(first).toContainText('weigert gebruiker of wachtwoord');
  expect(smtp.received).toHaveLength(0);
  const axe = await new AxeBuilder({ page }).include('[data-testid="sent-mail"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await page.getByRole('button', { name: 'SMTP-wachtwoord' }).click();
  await page.getByLabel('Nieuwe waarde voor SMTP-wachtwoord').fill('geheim-wachtwoord');
  await page.getByRole('button', { name: 'Opslaan in sleutelhanger' }).click();
  await first.getByRole('button', { name: 'Opnieuw versturen' }).click();
  await expect(first).toContainText('Verzonden');
  const [arrived] = await smtp.waitFor(1);
  expect(arrived?.envelope.to).toEqual(['kassa@despaak.nl']);
});

test('a template being edited is mailed as a sample with the sample data; Enter in the address sends it and does not save the template', async ({ signedIn: page }) => {
  await fillMailSettings(page, 'geheim-wachtwoord');
  await openSection(page, 'E-mailsjablonen');
  await page.getByRole('button', { name: 'Orderbevestiging bewerken' }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByLabel('Onderwerp (Nederlands)', { exact: true }).fill('Uw bestelling {{ order.number }} is onderweg');
  const address = drawer.getByLabel('Voorbeeld versturen naar', { exact: true });
  await expect(address).toHaveValue(owner.email);
  await address.fill('kassa@despaak.nl');
  await address.press('Enter');

  await expect(drawer.getByRole('status').filter({ hasText: 'Het voorbeeld is verstuurd.' })).toBeVisible();
  const [arrived] = await smtp.waitFor(1);
  expect(arrived?.envelope.to).toEqual(['kassa@despaak.nl']);
  // The unsaved subject, filled with the sample order.
  expect(arrived?.parsed.subject).toContain('Uw bestelling S4-10023 is onderweg');
  // Enter sent the sample; the drawer is still open with the edit unsaved.
  await expect(drawer.getByLabel('Onderwerp (Nederlands)', { exact: true })).toHaveValue('Uw bestelling {{ order.number }} is onderweg');
  await drawer.getByRole('button', { name: 'Annuleren' }).click();
  await page.getByRole('button', { name: 'Orderbevestiging bewerken' }).click();
  await expect(drawer.getByLabel('Onderwerp (Nederlands)', { exact: true })).not.toHaveValue('Uw bestelling {{ order.number }} is onderweg');
});
