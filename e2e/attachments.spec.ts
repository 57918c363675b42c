import { createHash } from 'node:crypto';
import { pngFile } from '../test/pngFile';
import { expect, openSection, save, test } from './fixtures';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test('a logo uploaded in Algemene informatie is on the receipt preview after a reload, and the save carries only its reference', async ({ signedIn: page, host }) => {
  const logo = pngFile(120, 40, [20, 120, 60]);
  await openSection(page, 'Algemene informatie');

  // A PDF chosen as the logo is refused by its content, naming the field, and nothing changes.
  await page.getByLabel('Logo', { exact: true }).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await expect(page.getByTestId('upload-refused')).toHaveText('Logo moet een PNG-, JPEG- of SVG-afbeelding zijn.');

  await page.getByLabel('Logo', { exact: true }).setInputFiles({ name: 'logo-de-spaak.png', mimeType: 'image/png', buffer: logo });
  const preview = page.getByRole('img', { name: 'Voorbeeld van Logo' });
  await expect(preview).toHaveAttribute('data-hash', sha256(logo));
  await expect(page.getByTestId('upload-refused')).toHaveCount(0);

  const write = page.waitForRequest((request) => request.url().endsWith('/api/call/settings.write'));
  await save(page, 'Algemene informatie');
  const body = (await write).postData() ?? '';
  expect(body).toContain(sha256(logo));
  expect(body.length).toBeLessThan(400);

  await page.reload();
  await page.goto(`${host.origin}/#/print:receipt`);
  const printed = page.getByTestId('receipt-logo').getByRole('img');
  await expect(printed).toHaveAttribute('data-hash', sha256(logo));
  // Drawn, not a broken image: the browser decoded the bytes to the logo's own size.
  await expect.poll(() => printed.evaluate((img: HTMLImageElement) => [img.complete, img.naturalWidth, img.naturalHeight])).toEqual([true, 120, 40]);
  const shown = await printed.evaluate((img: HTMLImageElement) => img.src);
  expect(Buffer.from(shown.split(',')[1]!, 'base64').equals(logo)).toBe(true);
});
