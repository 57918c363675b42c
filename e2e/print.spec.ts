import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';

// page.pdf() exists only in headless Chromium; these tests print, so they run headless.
test.use({ headless: true });

const mm = (points: number) => Math.round((points / 72) * 25.4);

/** Prints the page to PDF at the CSS page size, keeps the PDF and its pages as PNG, returns size and count. */
async function printToPdf(page: Page, testInfo: TestInfo, name: string): Promise<{ pages: number; widthMm: number; heightMm: number }> {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const file = testInfo.outputPath(`${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, testInfo.outputPath(name)]);
  await testInfo.attach(name, { path: file, contentType: 'application/pdf' });
  const text = pdf.toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  return { pages, widthMm: mm(Number(box?.[1])), heightMm: mm(Number(box?.[2])) };
}

function csvOf(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => `S-${i};;Product ${i + 1};${(i % 20) + 1},95;;;`);
  return ['sku;ean;name;price;content;unit;brand', ...rows].join('\n');
}

async function useSheet(page: Page, origin: string, sheetTemplate: string): Promise<void> {
  const response = await page.request.post(`${origin}/api/call/settings.write`, { data: { group: 'media.shelfLabels', changes: { sheetTemplate } } });
  expect((await response.json()).ok).toBe(true);
}

async function labelsFromCsv(page: Page, csv: string): Promise<void> {
  await page.getByLabel('Productlijst (CSV)').setInputFiles({ name: 'producten.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
}

test('65 labels fill one Avery L7651 sheet, 66 need two, 10 starting at label 60 need two', async ({ signedIn: page, host }, testInfo) => {
  await useSheet(page, host.origin, 'avery-l7651');
  await page.goto(`${host.origin}/#/print:shelfLabels`);
  await page.reload();
  for (const [count, startAt, pages] of [[65, 1, 1], [66, 1, 2], [10, 60, 2]] as const) {
    await labelsFromCsv(page, csvOf(count));
    await page.getByLabel('Beginnen bij etiket').fill(String(startAt));
    await expect(page.getByTestId('label-count')).toHaveText(`${count} etiketten op Avery L7651`);
    await expect(page.getByTestId('print-page')).toHaveCount(pages);
    const pdf = await printToPdf(page, testInfo, `avery-l7651-${count}-from-${startAt}`);
    expect(pdf).toEqual({ pages, widthMm: 210, heightMm: 297 });
  }
});

test('a sheet of shelf labels for 30 products from a CSV file, bad lines named and skipped', async ({ signedIn: page, host }, testInfo) => {
  await useSheet(page, host.origin, 'avery-l7160');
  await page.goto(`${host.origin}/#/print:shelfLabels`);
  await page.reload();
  const good = Array.from({ length: 30 }, (_, i) => `K-${i};;Koffie ${i + 1};${i + 3},49;250;g;Dappere Boon`);
  await labelsFromCsv(page, ['sku;ean;name;price;content;unit;brand', ...good, 'X-1;8712345678907;Kapotte code;1,00;;;', 'X-2;;Zonder prijs;;;;'].join('\n'));
  await expect(page.getByTestId('label-count')).toHaveText('30 etiketten op Avery L7160');
  await expect(page.getByText('Regel 32: EAN 8712345678907 klopt niet')).toBeVisible();
  await expect(page.getByText('Regel 33: De prijs ontbreekt of is geen bedrag.')).toBeVisible();
  await expect(page.locator('.bo-shelf-label').first()).toContainText('€ 13,96 per kg');
  expect(await printToPdf(page, testInfo, 'avery-l7160-30')).toEqual({ pages: 2, widthMm: 210, heightMm: 297 });
});

test('the repair receipt shows the KvK-nummer, BTW-id and the repair footnote, at 80 mm', async ({ signedIn: page, host }, testInfo) => {
  for (const [group, changes] of [
    ['company.business', { kvkNumber: '12345678', vatId: 'NL004495445B01' }],
    ['company.repair', { receiptFootnote: 'Garantie: 3 maanden op onderdelen.' }],
  ] as const) {
    const response = await page.request.post(`${host.origin}/api/call/settings.write`, { data: { group, changes } });
    expect((await response.json()).ok).toBe(true);
  }
  await page.getByRole('tree').getByText('Reparatie-informatie', { exact: true }).click();
  await page.getByRole('button', { name: 'Voorbeeld kwitantie' }).click();
  const text = page.getByTestId('receipt-text');
  await expect(text).toContainText('KvK 12345678');
  await expect(text).toContainText('Btw NL004495445B01');
  await expect(text).toContainText('Garantie: 3 maanden op onderdelen.');
  expect((await printToPdf(page, testInfo, 'kwitantie-80mm')).widthMm).toBe(80);
  await page.getByRole('radiogroup', { name: 'Papierbreedte' }).getByText('58 mm').click();
  expect((await printToPdf(page, testInfo, 'kwitantie-58mm')).widthMm).toBe(58);
});

test('the invoice preview is A4 with its number, VAT breakdown and the legal details', async ({ signedIn: page, host }, testInfo) => {
  await page.request.post(`${host.origin}/api/call/settings.write`, { data: { group: 'company.billing', changes: { invoiceNumberPrefix: 'F2026-', nextInvoiceNumber: 42 } } });
  await page.request.post(`${host.origin}/api/call/settings.write`, { data: { group: 'company.business', changes: { kvkNumber: '12345678', vatId: 'NL004495445B01', iban: 'NL91ABNA0417164300' } } });
  await page.getByRole('button', { name: 'Afdrukken' }).first().hover();
  await page.getByRole('menuitem', { name: 'Voorbeeld factuur' }).click();
  await expect(page.getByTestId('document-number')).toHaveText('F2026-0042');
  await expect(page.getByTestId('vat-breakdown')).toContainText('21 % (hoog)');
  await expect(page.getByTestId('vat-breakdown')).toContainText('9 % (laag)');
  await expect(page.getByTestId('document-footer')).toContainText('KvK 12345678 · Btw-id NL004495445B01 · IBAN NL91 ABNA 0417 1643 00');
  expect(await printToPdf(page, testInfo, 'factuur')).toEqual({ pages: 1, widthMm: 210, heightMm: 297 });
});
