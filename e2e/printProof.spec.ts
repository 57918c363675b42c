import fs from 'node:fs';
import type { Page } from '@playwright/test';
import templatesJson from '../resources/label-templates.json' with { type: 'json' };
import { labelTemplate, type LabelTemplate } from '../domain/print/labelTemplates';
import { unitPriceFor, type ContentUnit } from '../domain/print/unitPrice';
import { formatEuro, parseEuro } from '../domain/money';
import { expect, test } from './fixtures';
import { proveLabels, proofTable, type ProofRow } from './printProof/labelProof';
import { proofCsv, proofProducts } from './printProof/proofProducts';

// page.pdf() exists only in headless Chromium.
test.use({ headless: true });

const templates: LabelTemplate[] = labelTemplate.array().parse(templatesJson);
const startAt = 4;
const expected = proofProducts.map((p) => {
  const cents = parseEuro(p.price) ?? 0;
  const unitPrice = p.content ? unitPriceFor(cents, p.content, p.unit as ContentUnit)?.text : undefined;
  return { price: formatEuro(cents), ...(unitPrice ? { unitPrice } : {}) };
});

async function showTemplate(page: Page, origin: string, template: LabelTemplate): Promise<void> {
  const changes = {
    medium: template.kind,
    ...(template.kind === 'sheet' ? { sheetTemplate: template.id, startAtLabel: startAt } : { rollTemplate: template.id }),
    showUnitPrice: true,
    showBarcode: true,
    showSku: true,
    showBrand: true,
  };
  const response = await page.request.post(`${origin}/api/call/settings.write`, { data: { group: 'media.shelfLabels', changes } });
  expect((await response.json()).ok).toBe(true);
  await page.goto(`${origin}/#/print:shelfLabels`);
  await page.reload();
  await page.getByLabel('Productlijst (CSV)').setInputFiles({ name: 'producten.csv', mimeType: 'text/csv', buffer: Buffer.from(proofCsv) });
  await expect(page.getByTestId('label-count')).toHaveText(`${proofProducts.length} etiketten op ${template.name}`);
}

/**
 * The print proof: every shipped template printed to PDF through the real preview, rasterised at
 * 300 dpi, every barcode read back with zbarimg (zbar-tools), every price and name found with
 * pdftotext (poppler-utils), every element measured inside its label.
 */
test('every shipped label template prints names, prices and scannable codes inside each label', async ({ signedIn: page, host }, testInfo) => {
  test.setTimeout(8 * 60_000);
  const dir = testInfo.outputPath('proof');
  fs.mkdirSync(dir, { recursive: true });
  const rows: ProofRow[] = [];
  for (const template of templates) {
    await showTemplate(page, host.origin, template);
    rows.push(await proveLabels(page, template, proofProducts, expected, startAt, dir));
  }
  const table = proofTable(rows);
  console.log(`\nPrint proof, ${proofProducts.length} products a template, sheets from label ${startAt}, 300 dpi:\n${table}\n`);
  for (const row of rows) if (row.problems.length) console.log(`${row.template}:\n  ${row.problems.join('\n  ')}`);
  await testInfo.attach('print-proof.md', { body: table, contentType: 'text/markdown' });
  for (const row of rows) {
    expect.soft(row.namesComplete + row.namesEllipsized, `${row.template}: names`).toBe(row.labels);
    expect.soft(row.pricesComplete, `${row.template}: prices`).toBe(row.labels);
    expect.soft(row.unitPricesComplete, `${row.template}: unit prices`).toBe(row.unitPricesWanted);
    expect.soft(row.codesDecoded, `${row.template}: barcodes`).toBe(row.labels);
    expect.soft(row.moduleMm ?? 0, `${row.template}: module width`).toBeGreaterThanOrEqual(0.264);
    expect.soft(row.moduleMm ?? 1, `${row.template}: module width`).toBeLessThanOrEqual(0.66);
    expect.soft(row.insideLabel, `${row.template}: inside the label`).toBe(row.labels);
  }
});

test('a label too narrow for a scannable code says so and offers to leave it out; squeezed labels say what gave way', async ({ signedIn: page, host }) => {
  const narrow = { medium: 'sheet', sheetTemplate: 'custom', customLabelWidthMm: 30, customLabelHeightMm: 20, customColumns: 6, customRows: 14, showBarcode: true, showBrand: true, showSku: true };
  const response = await page.request.post(`${host.origin}/api/call/settings.write`, { data: { group: 'media.shelfLabels', changes: narrow } });
  expect((await response.json()).ok).toBe(true);
  await page.goto(`${host.origin}/#/print:shelfLabels`);
  await page.reload();
  await page.getByLabel('Productlijst (CSV)').setInputFiles({ name: 'producten.csv', mimeType: 'text/csv', buffer: Buffer.from(proofCsv) });
  const warnings = page.getByTestId('label-warnings');
  await expect(warnings).toContainText('Op een etiket van 30 × 20 mm past geen streepjescode die een scanner kan lezen');
  await expect(warnings).toContainText('minstens 33,5 mm breed');
  await expect(warnings).toContainText('het merk weggelaten');
  await expect(page.locator('.bo-shelf-label-barcode')).toHaveCount(0);
  await expect(page.locator('.bo-shelf-label-price').first()).toHaveText(expected[0]?.price ?? '');
  await warnings.getByRole('button', { name: 'Streepjescode weglaten' }).click();
  await expect(warnings).toContainText('De streepjescode is weggelaten.');
  await expect(warnings).not.toContainText('past geen streepjescode');
  await warnings.getByRole('button', { name: 'Streepjescode weer tonen' }).click();
  await expect(warnings).toContainText('past geen streepjescode');
});
