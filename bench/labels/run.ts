/**
 * Shelf label throughput, in one run:
 * - barcodes: bwip-js EAN-13 as SVG (what the previews use) next to PNG (its raster peer);
 * - labels to PDF: 100 and 1,000 labels through the real preview page in Debian's Chromium,
 *   printed with page.pdf at the sheet's CSS page size.
 *
 *   npm run bench:labels
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import bwipjs from 'bwip-js';
import { ean13CheckDigit } from '../../domain/print/ean13';
import { createBackoffice } from '../../electron/services/backoffice';
import { createMemoryLogger } from '../../electron/services/logger';
import { confBacking } from '../../electron/services/preferences/confBacking';
import { startWebHost } from '../../electron/web/server';

const root = path.resolve(import.meta.dirname, '../..');
const eans = Array.from({ length: 500 }, (_, i) => {
  const first12 = `871${String(100_000_000 + i).slice(0, 9)}`;
  return `${first12}${ean13CheckDigit(first12)}`;
});

function perSecond(run: (ean: string) => unknown): number {
  const started = performance.now();
  for (const ean of eans) run(ean);
  return (eans.length / (performance.now() - started)) * 1000;
}

const svg = perSecond((text) => bwipjs.toSVG({ bcid: 'ean13', text, includetext: true, height: 8, scale: 1 }));
const png = perSecond((text) => bwipjs.toBuffer({ bcid: 'ean13', text, includetext: true, height: 8, scale: 2 }));
console.log(`barcodes per second: SVG ${svg.toFixed(0)}, PNG ${png.toFixed(0)}, SVG / PNG ${(svg / png).toFixed(2)}`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-bench-labels-'));
const backoffice = createBackoffice({
  dataDir,
  keychain: null,
  preferences: confBacking(dataDir),
  versions: { app: 'bench', electron: null, chromium: null, node: process.versions.node },
  host: 'web',
  resourcesDir: path.join(root, 'resources'),
  migrationsFolder: path.join(root, 'db', 'migrations'),
  logger: createMemoryLogger(),
});
const host = await startWebHost({ backoffice, rendererDir: path.join(root, 'dist', 'renderer'), port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const page = await browser.newPage();
  await page.goto(host.url);
  const origin = new URL(host.url).origin;
  await page.request.post(`${origin}/api/call/access.setup`, { data: { name: 'Bench', email: 'bench@despaak.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'Bench' } });
  await page.request.post(`${origin}/api/call/settings.write`, { data: { group: 'media.shelfLabels', changes: { sheetTemplate: 'avery-l7651' } } });
  await page.goto(`${origin}/#/print:shelfLabels`);
  await page.reload();
  const timings: Record<number, number> = {};
  for (const count of [100, 1000]) {
    const csv = ['sku;ean;name;price;content;unit;brand', ...Array.from({ length: count }, (_, i) => `S-${i};${eans[i % eans.length]};Product ${i};${(i % 20) + 1},95;500;g;Merk`)].join('\n');
    const started = performance.now();
    await page.getByLabel('Productlijst (CSV)').setInputFiles({ name: 'p.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText(`${count} etiketten op`).waitFor();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    timings[count] = performance.now() - started;
    console.log(`${count} labels to PDF: ${timings[count].toFixed(0)} ms (${(timings[count] / count).toFixed(2)} ms a label, ${(pdf.length / 1024).toFixed(0)} kB)`);
  }
  console.log(`1000 / 100 labels time ratio: ${((timings[1000] ?? 0) / (timings[100] ?? 1)).toFixed(2)} (10 would be linear)`);
} finally {
  await browser.close();
  await host.close();
  await backoffice.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
