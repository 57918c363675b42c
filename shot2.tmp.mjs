import { chromium } from '@playwright/test';
const url = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
page.on('console', (m) => { if (m.type() === 'error') console.log('console:', m.text()); });
await page.goto(url);
await page.waitForSelector('body[data-screen="setup"]');
await page.request.post(new URL(url).origin + '/api/call/access.setup', { data: { name: 'Anna de Vries', email: 'anna@despaak.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'Fietsenwinkel De Spaak' } });
await page.reload();
await page.waitForSelector('body[data-screen="app"]');
for (const [section, file] of [['salesChannels','3'],['users','4'],['emailTemplates','5'],['webhooks','6'],['shippingMethods','7'],['paymentMethods','8']]) {
  await page.goto(new URL(url).origin + '/#/' + section);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shots/${file}.png` });
}
await browser.close();
