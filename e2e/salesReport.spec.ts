import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openSection, test } from './fixtures';
import { cloudCommand, makeChannels, pairWith, startShopCloud } from './providerWorld';

/** Orders reach the cloud as a sales channel sends them: POST /v1/orders with the channel's key. */
async function postOrder(cloudUrl: string, key: string, orderId: string, placedAt: string, lines: { quantity: number; unitPriceInclVatCents: number; vatRate: string }[]) {
  const response = await fetch(`${cloudUrl}/v1/orders`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ orderId, placedAt, currency: 'EUR', lines }) });
  return response.status;
}

/** Types a day into a report date field and confirms it, as a keyboard user does. */
async function typeDay(page: Page, label: string, day: string) {
  const field = page.getByLabel(label, { exact: true });
  // Key by key, as a person types: the picker reads each keystroke and takes the day on Enter.
  await field.click();
  await field.press('ControlOrMeta+A');
  await field.pressSequentially(day);
  await field.press('Enter');
  await expect(field).toHaveValue(day);
}

test('Rapportage shows orders and revenue per channel and day, exports CSV with a decimal comma and a PDF, and stays readable offline with its age', async ({ signedIn: page, host }, testInfo) => {
  test.setTimeout(180_000);
  const keys: Record<string, string> = {};
  const cloud = await startShopCloud((dataDir) => {
    for (const channel of ['W1', 'S4']) keys[channel] = cloudCommand(dataDir, ['channel-key', 'Fietsenwinkel De Spaak', channel]).trim().split('\n').at(-1) ?? '';
  });
  try {
    expect(await postOrder(cloud.url, keys.W1!, 'W1-1', '2026-10-24T21:59:59Z', [{ quantity: 2, unitPriceInclVatCents: 1250, vatRate: '0.21' }])).toBe(201);
    expect(await postOrder(cloud.url, keys.W1!, 'W1-1', '2026-10-24T21:59:59Z', [{ quantity: 2, unitPriceInclVatCents: 1250, vatRate: '0.21' }])).toBe(200);
    expect(await postOrder(cloud.url, keys.W1!, 'W1-2', '2026-10-24T22:00:00Z', [{ quantity: 1, unitPriceInclVatCents: 999, vatRate: '0.09' }, { quantity: 1, unitPriceInclVatCents: 500, vatRate: '0.21' }])).toBe(201);
    expect(await postOrder(cloud.url, keys.S4!, 'S4-1', '2026-10-25T10:00:00+01:00', [{ quantity: 1, unitPriceInclVatCents: 2420, vatRate: '0.21' }])).toBe(201);

    await makeChannels(page, host);
    await pairWith(page, cloud.url, cloud.code);
    await openSection(page, 'Verkoopkanaal-instellingen', 'Rapportage');
    await expect(page.getByText('Nog geen rapport opgehaald.')).toBeVisible();

    // Typed the Dutch way, day first, whatever the browser's own locale.
    await typeDay(page, 'Van', '31-10-2026');
    await typeDay(page, 'Tot en met', '01-10-2026');
    await page.getByRole('button', { name: 'Rapport ophalen' }).click();
    await expect(page.getByText('Tot en met ligt vóór de begindatum van de periode.')).toBeVisible();

    await typeDay(page, 'Van', '01-10-2026');
    await typeDay(page, 'Tot en met', '31-10-2026');
    await page.getByRole('button', { name: 'Rapport ophalen' }).click();
    const report = page.getByTestId('sales-report');
    await expect(report.getByRole('row', { name: /Webshop za 24-10-2026 1 € 25,00 € 20,66 € 4,34/ })).toBeVisible();
    await expect(report.getByRole('row', { name: /Webshop zo 25-10-2026 1 € 14,99 € 13,30 € 1,69/ })).toBeVisible();
    await expect(report.getByRole('row', { name: /Webshop Totaal 2 € 39,99 € 33,96 € 6,03/ })).toBeVisible();
    await expect(report.getByRole('row', { name: /Winkel Utrecht zo 25-10-2026 1 € 24,20 € 20,00 € 4,20/ })).toBeVisible();
    await expect(page.getByTestId('sales-chart').locator('.recharts-bar-rectangle')).not.toHaveCount(0);
    // Days as a Dutch shop writes them, with the weekday; the CSV below keeps ISO days for spreadsheets.
    await expect(page.getByTestId('report-age')).toContainText('Periode do 01-10-2026 t/m za 31-10-2026');
    await expect(page.getByTestId('report-age')).toContainText('Bijgewerkt');

    const file = testInfo.outputPath('rapportage.png');
    await page.screenshot({ path: file });
    await testInfo.attach('rapportage', { path: file, contentType: 'image/png' });

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV exporteren' }).click();
    const csvFile = testInfo.outputPath('verkooprapport.csv');
    await (await downloading).saveAs(csvFile);
    const csv = fs.readFileSync(csvFile);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').slice(1).split('\r\n').slice(0, 2)).toEqual(['Verkoopkanaal;Voorvoegsel;Datum;Bestellingen;Omzet incl. btw;Omzet excl. btw;Btw', 'Winkel Utrecht;S4;2026-10-25;1;24,20;20,00;4,20']);

    // The print path prints the report without the controls around it.
    const pdfFile = testInfo.outputPath('verkooprapport.pdf');
    fs.writeFileSync(pdfFile, await page.pdf({ printBackground: true }));
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('Verkooprapport');
    expect(text).toMatch(/Webshop\s+Totaal\s+2\s+€ 39,99\s+€ 33,96\s+€ 6,03/);
    expect(text).not.toContain('Rapport ophalen');
    expect(text).not.toContain('CSV exporteren');

    await cloud.kill();
    await page.reload();
    await expect(page.locator('body[data-screen="app"]')).toBeAttached();
    await openSection(page, 'Verkoopkanaal-instellingen', 'Rapportage');
    await expect(report.getByRole('row', { name: /Webshop Totaal 2 € 39,99/ })).toBeVisible();
    await page.getByRole('button', { name: 'Rapport ophalen' }).click();
    await expect(page.getByRole('alert')).toContainText('Geen verbinding met de cloud');
    await expect(page.getByRole('alert')).toContainText('Dit is het laatst opgehaalde rapport');
    await expect(page.getByTestId('report-age')).toContainText(/Bijgewerkt (nu|\d+ (seconden|minuut|minuten) geleden)/);
    await expect(report.getByRole('row', { name: /Webshop Totaal 2 € 39,99/ })).toBeVisible();
  } finally {
    await cloud.remove();
  }
});
