import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, openSection, test } from './fixtures';

/** How far an element sticks out past the right edge of the window, in CSS pixels (0 when it fits). */
async function overflowRight(page: Page, locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  return box ? Math.max(0, Math.round(box.x + box.width - width)) : 0;
}

test.describe('at 1024 px wide (issue 11 item 26)', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('the top bar keeps every control on screen, in Dutch and in English', async ({ signedIn: page }) => {
    const bar = page.locator('.ant-layout-header');
    for (const language of ['NL', 'EN']) {
      await page.getByRole('radiogroup', { name: /^(Taal|Language)$/ }).getByText(language, { exact: true }).click();
      const signOut = page.getByRole('button', { name: language === 'NL' ? 'Afmelden' : 'Sign out' });
      await expect(signOut).toBeVisible();
      expect(await bar.evaluate((element) => element.scrollWidth - element.clientWidth), `top bar ${language}`).toBeLessThanOrEqual(0);
      for (const control of [signOut, page.getByTestId('sync-state'), bar.getByRole('button', { name: language === 'NL' ? 'Afdrukken' : 'Print' })]) {
        expect(await overflowRight(page, control), `${language}: ${String(control)}`).toBe(0);
      }
      // Nothing wraps onto a second line (at 1024 px "Backoffice" and the names used to break over three).
      const heights = await bar.locator(':scope > div > *').evaluateAll((items) => items.map((item) => `${item.textContent ?? ''}: ${Math.round(item.getBoundingClientRect().height)}`));
      expect(heights.filter((entry) => Number(entry.split(': ').at(-1)) > 32), language).toEqual([]);
    }
  });

  test('the role table fits beside the settings tree, and Systeemgebruikers passes axe', async ({ signedIn: page }) => {
    await openSection(page, 'Systeemgebruikers');
    const matrix = page.locator('section[aria-labelledby="matrix-title"]');
    await expect(matrix.getByRole('columnheader', { name: /Junior kassamedewerker/ })).toBeVisible();
    expect(await overflowRight(page, matrix.locator('table'))).toBe(0);
    expect(await page.locator('main, .ant-layout-content').first().evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.length}`)).toEqual([]);
  });
});

test('English mode translates the print pages, their document tabs and the documents (issue 11 item 26)', async ({ signedIn: page, host }) => {
  await page.getByRole('radiogroup', { name: 'Taal' }).getByText('EN').click();
  await page.goto(`${host.origin}/#/print:invoice`);
  await page.reload();
  await expect(page.locator('#section-title')).toHaveText('Preview: Invoice', { timeout: 30_000 });
  const tabs = page.getByRole('radiogroup', { name: 'Document' });
  for (const tab of ['Shelf labels', 'Receipt', 'Repair delivery note', 'Repair receipt', 'Invoice', 'Quote']) await expect(tabs.getByText(tab, { exact: true })).toBeVisible();
  await expect(page.getByTestId('document-lines')).toContainText('Unit price excl. VAT');
  await expect(page.getByTestId('missing-details')).toContainText('Cannot be printed yet');
  await tabs.getByText('Repair receipt', { exact: true }).click();
  await expect(page.getByTestId('receipt-text')).toContainText('REPAIR RECEIPT');
  await expect(page.getByTestId('receipt-text')).toContainText('TOTAL');
  await expect(page.locator('.bo-print-area, .bo-no-print').first()).not.toContainText(/Voorbeeld|Kwitantie|Factuur|TOTAAL/);
});

test('a deep link keeps its field part, and a pasted field link highlights the field (issue 11 item 26)', async ({ signedIn: page, host }) => {
  await page.goto(`${host.origin}/#/company.business/iban`);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Zakelijke informatie', { timeout: 30_000 });
  await expect(page.getByLabel('IBAN', { exact: true })).toBeFocused();
  await expect(page.locator('[data-field="iban"]')).toHaveClass(/bo-highlight/);
  expect(new URL(page.url()).hash).toBe('#/company.business/iban');

  await page.getByRole('combobox', { name: 'Zoek een instelling' }).fill('BIC');
  await page.getByRole('listbox', { name: 'Zoek een instelling' }).getByRole('option').filter({ hasText: 'BIC' }).first().click();
  await expect(page.getByLabel('BIC', { exact: true })).toBeFocused();
  expect(new URL(page.url()).hash).toBe('#/company.business/bic');

  // Pasted into the address bar while that section is open: the field is still found.
  await page.evaluate(() => (window.location.hash = '#/company.business/kvkNumber'));
  await expect(page.getByLabel('KvK-nummer', { exact: true })).toBeFocused();
  await expect(page.locator('[data-field="kvkNumber"]')).toHaveClass(/bo-highlight/);
});

test('Escape from a drawer returns focus to the button that opened it (issue 11 item 26)', async ({ signedIn: page }) => {
  await openSection(page, 'Verzendmethoden');
  const add = page.getByRole('button', { name: /toevoegen/ });
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-drawer')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-drawer-open')).toHaveCount(0);
  await expect(add).toBeFocused();
});

test('a webhook status is shown but cannot be chosen by hand (issue 11 item 27)', async ({ signedIn: page, host }) => {
  const channel = await page.request.post(`${host.origin}/api/call/lists.create`, { data: { collection: 'salesChannels', values: { name: 'Webshop', type: 'webshop', orderNumberPrefix: 'W1', url: 'https://despaak.nl' } } });
  const channelId = (await channel.json()).value.id as string;
  const hook = await page.request.post(`${host.origin}/api/call/lists.create`, { data: { collection: 'webhooks', values: { salesChannelId: channelId, webhookUrl: 'https://despaak.nl/hook' } } });
  expect((await hook.json()).ok).toBe(true);
  await openSection(page, 'Webhooks');
  await expect(page.getByTestId('keychain-problem')).toHaveCount(0);
  await page.getByRole('button', { name: /bewerken/ }).first().click();
  await expect(page.locator('.ant-drawer').getByLabel('Status', { exact: true })).toBeDisabled();
});
