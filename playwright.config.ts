import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the built extension in Debian's Chromium (CHROMIUM_PATH
 * overrides /usr/bin/chromium) against the HTTPS fixture web in
 * tests/fixtures/web. See tests/e2e/README.md.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  // Each test starts its own Chromium; the CI machines have two cores.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    // Only used by tests that start a browser without the extension.
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
  },
});
