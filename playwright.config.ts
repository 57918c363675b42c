import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium against the web host; Playwright's own browser download
 * is not used. Each test starts its own host on a free port with a fresh data folder.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/playwright.json' }]] : [['list']],
  use: {
    browserName: 'chromium',
    // test/with-display.sh provides an Xvfb display; headed windows there always draw frames.
    headless: process.env.E2E_HEADED !== '1',
    locale: 'nl-NL',
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Two browsers share two cores: never let Chromium decide a page is in the background
        // and throttle the animation frames Playwright's waiting relies on.
        '--disable-renderer-backgrounding',
        '--disable-background-timer-throttling',
        '--disable-backgrounding-occluded-windows',
      ],
    },
  },
});
