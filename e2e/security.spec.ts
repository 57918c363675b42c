import fs from 'node:fs';
import path from 'node:path';
import { choose, expect, test } from './fixtures';

test('the page has no Node or Electron powers', async ({ signedIn: page }) => {
  const globals = await page.evaluate(() => ({
    process: typeof (globalThis as Record<string, unknown>).process,
    require: typeof (globalThis as Record<string, unknown>).require,
    module: typeof (globalThis as Record<string, unknown>).module,
    bridgeKeys: Object.keys((window as unknown as { backoffice?: object }).backoffice ?? {}).sort(),
  }));
  expect(globals).toEqual({ process: 'undefined', require: 'undefined', module: 'undefined', bridgeKeys: ['call', 'onEvent'] });
});

test('the content security policy blocks an injected inline script', async ({ signedIn: page }) => {
  const outcome = await page.evaluate(
    () =>
      new Promise<{ ran: boolean; violated: string }>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve({ ran: (window as unknown as { injected?: boolean }).injected === true, violated: event.violatedDirective }));
        const script = document.createElement('script');
        script.textContent = 'window.injected = true;';
        document.body.append(script);
      }),
  );
  expect(outcome).toEqual({ ran: false, violated: 'script-src-elem' });
});

test('a page from another host name cannot use the API (DNS rebinding)', async ({ host, playwright }) => {
  const stranger = await playwright.request.newContext();
  const response = await stranger.post(`${host.origin}/api/call/app.info`, { data: {}, headers: { Authorization: `Bearer ${host.token}`, Host: 'evil.example' } });
  expect(response.status()).toBe(421);
  const crossSite = await stranger.post(`${host.origin}/api/call/app.info`, { data: {}, headers: { Authorization: `Bearer ${host.token}`, Origin: 'http://evil.example' } });
  expect(crossSite.status()).toBe(403);
  await stranger.dispose();
});

test('a secret set in the form goes to the keychain and never back to the page', async ({ signedIn: page }) => {
  const secret = 'Smtp-Wachtwoord-Dat-Niemand-Mag-Zien-2026';
  const seen: string[] = [];
  page.on('response', async (response) => {
    if (response.url().includes('/api/')) seen.push(await response.text().catch(() => ''));
  });
  await page.getByRole('tree').getByText('E-mailinstellingen', { exact: true }).click();
  await expect(page.getByTestId('secret-status-smtpPassword')).toHaveText('Niet ingesteld');
  await page.getByRole('button', { name: 'SMTP-wachtwoord' }).click();
  await page.getByLabel('Nieuwe waarde voor SMTP-wachtwoord').fill(secret);
  await page.getByRole('button', { name: 'Opslaan in sleutelhanger' }).click();
  await expect(page.getByTestId('secret-status-smtpPassword')).toHaveText(/^Ingesteld op \d{1,2} \w+ \d{4} om \d{2}:\d{2}$/);
  await page.reload();
  await expect(page.getByTestId('secret-status-smtpPassword')).toHaveText(/^Ingesteld op \d{1,2} \w+ \d{4} om \d{2}:\d{2}$/);
  expect(await page.content()).not.toContain(secret);
  expect(seen.join('\n')).not.toContain(secret);
  expect(seen.join('\n')).not.toContain(secret.slice(-9));
});

test('the diagnostics export holds the system information and no secret', async ({ signedIn: page }) => {
  const secret = 'Api-Sleutel-Van-MyParcel-0042';
  await page.getByRole('tree').getByText('Zendingen', { exact: true }).click();
  await choose(page, 'Standaard verzendprovider', 'MyParcel');
  await page.getByRole('button', { name: 'API-sleutel verzendprovider' }).click();
  await page.getByLabel('Nieuwe waarde voor API-sleutel verzendprovider').fill(secret);
  await page.getByRole('button', { name: 'Opslaan in sleutelhanger' }).click();
  await expect(page.getByTestId('secret-status-providerApiKey')).toHaveText(/^Ingesteld op /);
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByText('Zendingen is opgeslagen.')).toBeVisible();

  await page.getByRole('tree').getByText('Systeeminformatie', { exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Diagnose exporteren (zonder geheimen)' }).click();
  const file = await (await download).path();
  const text = fs.readFileSync(file, 'utf8');
  const journal = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  expect(JSON.parse(text).system.database.schemaVersion).toBe(journal.entries.length);
  expect(text).toContain('secrets.set');
  expect(text).not.toContain(secret);
});
