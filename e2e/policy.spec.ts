import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, openSection, test } from './fixtures';

/** A policy file of the test's own, as IT would place it; removed when the worker ends. */
function policyFile(document: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-policy-')), 'policy.json');
  fs.writeFileSync(file, JSON.stringify(document));
  test.afterAll(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
  return file;
}

test.describe('a web host started with --policy', () => {
  const file = policyFile({
    settings: { 'company.business.vatId': 'NL004495445B01' },
    disabledFeatures: ['diagnosticsExport'],
    updateChannel: 'nightly',
    cloudUrl: 'https://cloud.winkel.nl',
  });
  test.use({ hostArgs: ['--policy', file] });

  test('shows a locked field locked and refuses a write to it', async ({ signedIn: page, host }) => {
    await openSection(page, 'Zakelijke informatie');
    const vatId = page.getByLabel('Btw-identificatienummer', { exact: true });
    await expect(vatId).toHaveValue('NL004495445B01');
    await expect(vatId).toBeDisabled();
    await expect(vatId).toHaveAccessibleDescription('Beheerd door uw organisatie');
    await expect(page.locator('[data-field="vatId"] [data-testid="policy-lock"]')).toBeVisible();
    await expect(page.getByLabel('IBAN', { exact: true })).toBeEnabled();
    await expect(page.getByTestId('last-changed')).toContainText('Beleid van uw organisatie');

    // The main process refuses it too, whatever the page does.
    const response = await page.request.post(`${host.origin}/api/call/settings.write`, { data: { group: 'company.business', changes: { vatId: 'NL002455799B11' } } });
    expect(await response.json()).toMatchObject({
      ok: false,
      error: { code: 'locked_by_policy', message: 'Btw-identificatienummer wordt beheerd door uw organisatie en kan hier niet worden gewijzigd.' },
    });
    await page.reload();
    await expect(page.getByLabel('Btw-identificatienummer', { exact: true })).toHaveValue('NL004495445B01');
  });

  test('lists the policy, its source and what was ignored in Systeeminformatie, without the switched-off export', async ({ signedIn: page }) => {
    await openSection(page, 'Systeeminformatie');
    const panel = page.getByTestId('policy-panel');
    await expect(panel.getByRole('heading', { name: 'Beleid van uw organisatie' })).toBeVisible();
    await expect(panel).toContainText(`${file} (gevonden)`);
    await expect(panel.getByRole('row', { name: /Zakelijke informatie › Btw-identificatienummer NL004495445B01 Beleidsbestand/ })).toBeVisible();
    await expect(panel.getByRole('row', { name: /Diagnose exporteren: uit/ })).toBeVisible();
    await expect(panel.getByRole('alert')).toContainText('Beleid updateChannel: Updatekanaal: kies een van de aangeboden mogelijkheden. Genegeerd.');
    await expect(page.getByRole('button', { name: /Diagnose exporteren/ })).toHaveCount(0);

    // Pairing offers only the cloud IT fixed.
    const cloudUrl = page.getByTestId('cloud-pairing').getByLabel('Cloudadres', { exact: true });
    await expect(cloudUrl).toHaveValue('https://cloud.winkel.nl');
    await expect(cloudUrl).toBeDisabled();
    await expect(cloudUrl).toHaveAccessibleDescription('Beheerd door uw organisatie');
  });
});

test.describe('a policy file changed while the host runs', () => {
  const file = policyFile({ settings: { 'company.business.vatId': 'NL004495445B01' } });
  test.use({ hostArgs: ['--policy', file] });

  test('applies without a restart', async ({ signedIn: page }) => {
    await openSection(page, 'Zakelijke informatie');
    await expect(page.getByLabel('Btw-identificatienummer', { exact: true })).toBeDisabled();
    await expect(page.getByLabel('KvK-nummer', { exact: true })).toBeEnabled();
    fs.writeFileSync(file, JSON.stringify({ settings: { 'company.business.kvkNumber': '12345678' } }));
    await expect(page.getByLabel('KvK-nummer', { exact: true })).toBeDisabled();
    await expect(page.getByLabel('KvK-nummer', { exact: true })).toHaveValue('12345678');
    await expect(page.getByLabel('Btw-identificatienummer', { exact: true })).toBeEnabled();
  });
});
