import { expect, owner, test } from './fixtures';

// The page carries the first screen's answers as a JSON block (domain/firstAnswers.ts). A block
// that is not JSON (cut short, mangled on its way) must cost only the head start: the app asks
// the host itself and draws the same screen, instead of leaving a white window.
test('a page whose first answers are not JSON still starts, signed in, by asking the host', async ({ signedIn: page }) => {
  let mangled = 0;
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    const html = await response.text();
    const cut = html.replace(/(<script type="application\/json" id="first-answers">)[^<]*(<\/script>)/, '$1{"access.state": {"ok": tr$2');
    if (cut !== html) mangled += 1;
    await route.fulfill({ response, body: cut });
  });
  await page.reload();
  await expect(page.locator('body[data-screen="app"]')).toBeAttached();
  await expect(page.getByTitle(`Aangemeld als ${owner.name}`)).toBeVisible();
  expect(mangled).toBe(1);
});
