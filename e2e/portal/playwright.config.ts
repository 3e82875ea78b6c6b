import { defineConfig, devices } from '@playwright/test';

/**
 * The portal in real Chromium (Debian's /usr/bin/chromium; no browser download), against the real
 * services behind the one-origin edge, one shared stack per run (support/stack.ts).
 *   npx playwright test -c e2e/portal/playwright.config.ts
 */
const base = Number(process.env.PORTAL_E2E_BASE_PORT ?? 42000);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.pw.ts',
  globalSetup: './support/stack.ts',
  outputDir: '../../.data/playwright/results',
  reporter: [['list'], ['json', { outputFile: '../../.data/playwright/results.json' }]],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${base}`,
    // A phone: applicants register on phones.
    viewport: { width: 360, height: 800 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
