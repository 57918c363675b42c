import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Writes settings through the same api the forms use, and checks they were accepted. */
async function write(page: Page, origin: string, group: string, changes: Record<string, unknown>): Promise<void> {
  const response = await page.request.post(`${origin}/api/call/settings.write`, { data: { group, changes } });
  expect((await response.json()).ok, `${group} ${JSON.stringify(changes)}`).toBe(true);
}

async function completeCompany(page: Page, origin: string): Promise<void> {
  await write(page, origin, 'company.general', { companyName: 'Fietsenwinkel De Spaak bv' });
  await write(page, origin, 'company.contact', { email: 'info@despaak.nl', street: 'Oudegracht', houseNumber: '12', postcode: '3511AB', city: 'Utrecht' });
  await write(page, origin, 'company.billing', { invoiceNumberPrefix: 'F2026-', nextInvoiceNumber: 42 });
  await write(page, origin, 'company.business', { kvkNumber: '12345678', vatId: 'NL004495445B01', iban: 'NL91ABNA0417164300' });
}

const longDate = (date: Date) => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long' }).format(date);

test('the invoice meets the Belastingdienst list, item by item, and follows B2C/B2B (issue 11 item 19)', async ({ signedIn: page, host }) => {
  await completeCompany(page, host.origin);
  await write(page, host.origin, 'orders.terms', { invoiceTermsText: 'Op al onze leveringen zijn de algemene voorwaarden van De Spaak van toepassing.' });
  await page.goto(`${host.origin}/#/print:invoice`);
  await page.reload();
  const invoice = page.getByTestId('print-page');
  const lines = page.getByTestId('document-lines');
  const vat = page.getByTestId('vat-breakdown');
  const today = longDate(new Date());
  // The previews load on demand; the first load on a busy machine may take a while.
  await expect(invoice).toBeVisible({ timeout: 30_000 });

  await test.step('1. invoice date', () => expect(page.getByTestId('document-date')).toHaveText(today));
  await test.step('2. consecutive invoice number', () => expect(page.getByTestId('document-number')).toHaveText('F2026-0042'));
  await test.step('3. supplier name and address', async () => {
    await expect(page.getByTestId('supplier')).toContainText('Fietsenwinkel De Spaak bv');
    await expect(page.getByTestId('supplier')).toContainText('Oudegracht 12');
    await expect(page.getByTestId('supplier')).toContainText('3511 AB Utrecht');
  });
  await test.step('4. supplier BTW-id', () => expect(page.getByTestId('document-footer')).toContainText('Btw-id NL004495445B01'));
  await test.step('5. KvK-nummer', () => expect(page.getByTestId('document-footer')).toContainText('KvK 12345678'));
  await test.step('6. customer name and address', async () => {
    await expect(page.getByTestId('customer')).toContainText('Jan Jansen');
    await expect(page.getByTestId('customer')).toContainText('3512 PH Utrecht');
  });
  await test.step('7. quantity and description', () => expect(lines.getByRole('row', { name: /Binnenband 28 inch/ })).toContainText('2'));
  await test.step('8. delivery date', () => expect(page.getByTestId('delivery-date')).toHaveText(today));
  await test.step('9. unit price excl. VAT', async () => {
    await expect(lines.getByRole('columnheader', { name: 'Prijs per stuk excl. btw' })).toBeVisible();
    await expect(lines.getByRole('row', { name: /Binnenband 28 inch/ }).getByRole('cell').nth(2)).toHaveText(/€\s5,74/);
  });
  await test.step('10-12. amount excl. VAT per rate, the rates and the VAT amounts', async () => {
    await expect(vat.getByRole('row', { name: /21 % \(hoog\)/ })).toHaveText(/21 % \(hoog\)€\s40,41€\s8,49€\s48,90/);
    await expect(vat.getByRole('row', { name: /9 % \(laag\)/ })).toHaveText(/9 % \(laag\)€\s13,72€\s1,23€\s14,95/);
  });
  await test.step('Voorwaarden op facturen', () => expect(page.getByTestId('document-terms')).toContainText('algemene voorwaarden van De Spaak'));
  await test.step('B2C: the incl. VAT prices lead', async () => {
    await expect(lines.getByRole('columnheader', { name: 'Prijs per stuk incl. btw' })).toBeVisible();
    await expect(lines.getByRole('columnheader', { name: 'Totaal incl. btw' })).toBeVisible();
  });

  await write(page, host.origin, 'company.general', { priceMode: 'b2b' });
  await page.reload();
  await test.step('B2B: the excl. VAT prices lead', async () => {
    await expect(lines.getByRole('columnheader', { name: 'Totaal excl. btw' })).toBeVisible();
    await expect(lines.getByRole('columnheader', { name: 'Prijs per stuk incl. btw' })).toHaveCount(0);
    await expect(lines.getByRole('row', { name: /Binnenband 28 inch/ }).getByRole('cell').last()).toHaveText(/€\s11,48/);
  });
  await expect(invoice).not.toContainText('example');
});

test('a fresh shop prints no made-up details: the preview names each missing company field and links to it (issue 11 item 20)', async ({ signedIn: page, host }) => {
  await page.goto(`${host.origin}/#/print:invoice`);
  await page.reload();
  await expect(page.getByTestId('print-page')).toBeVisible({ timeout: 30_000 });
  const missing = page.getByTestId('missing-details');
  await expect(missing).toContainText('Nog niet af te drukken: vul eerst deze bedrijfsgegevens in');
  for (const name of ['Algemene informatie › Bedrijfsnaam', 'Contactinformatie › E-mailadres', 'Contactinformatie › Postcode', 'Zakelijke informatie › KvK-nummer', 'Zakelijke informatie › Btw-identificatienummer']) {
    await expect(missing.getByRole('link', { name })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Afdrukken of als PDF bewaren' })).toBeDisabled();
  await expect(page.getByTestId('print-page')).not.toContainText('example');

  await missing.getByRole('link', { name: 'Contactinformatie › E-mailadres' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Contactinformatie');
  await expect(page.getByLabel('E-mailadres', { exact: true })).toBeFocused();
  await expect(page.getByLabel('E-mailadres', { exact: true })).toHaveValue('');

  await completeCompany(page, host.origin);
  await page.goto(`${host.origin}/#/print:invoice`);
  await page.reload();
  await expect(page.getByTestId('document-number')).toHaveText('F2026-0042');
  await expect(page.getByTestId('missing-details')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Afdrukken of als PDF bewaren' })).toBeEnabled();
});
