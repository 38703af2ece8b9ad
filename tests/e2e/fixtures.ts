/**
 * Playwright fixtures for the end-to-end tests:
 *
 * - `fixtureWeb` (one per worker): the HTTPS fixture web. Each test gets it
 *   running, with the built-in routes only and an empty request log.
 * - `context`: Debian's Chromium with the built extension, on a fresh profile,
 *   pointed at the fixture web. Playwright's own `page` fixture opens in it.
 * - `extensionId`, `userDataDir`.
 * - `launchExtension({ userDataDir })`: another browser, e.g. the same profile
 *   after closing `context` (persistence). Closed at the end of the test.
 *
 * On failure every open page is screenshotted and the browser console is
 * attached to the report.
 */
import fs from 'node:fs';
import { test as base, expect, type BrowserContext } from '@playwright/test';
import { FixtureWeb } from './support/fixture-web';
import { launchWithExtension, makeUserDataDir, type ExtensionBrowser, type LaunchOptions } from './support/browser';

interface WorkerFixtures {
  fixtureWeb: FixtureWeb;
}

interface TestFixtures {
  userDataDir: string;
  extension: ExtensionBrowser;
  context: BrowserContext;
  extensionId: string;
  launchExtension: (options?: Omit<LaunchOptions, 'fixturePort'>) => Promise<ExtensionBrowser>;
  fixtureWebPerTest: void;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  fixtureWeb: [
    async ({}, use) => {
      const web = await new FixtureWeb().start();
      await use(web);
      await web.stop();
    },
    { scope: 'worker' },
  ],

  fixtureWebPerTest: [
    async ({ fixtureWeb }, use) => {
      if (!fixtureWeb.running) await fixtureWeb.start();
      fixtureWeb.resetRoutes();
      fixtureWeb.clearRequests();
      await use();
      // A test may have stopped it to simulate an outage; the next one expects it up.
      if (!fixtureWeb.running) await fixtureWeb.start();
      fixtureWeb.resetRoutes();
    },
    { auto: true },
  ],

  userDataDir: async ({}, use) => {
    const dir = makeUserDataDir();
    await use(dir);
    // Chromium may still be flushing the profile for a moment after close.
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  },

  // Depends on userDataDir so that its browsers are closed before the profile is removed.
  launchExtension: async ({ fixtureWeb, userDataDir: _profile }, use, testInfo) => {
    const launched: ExtensionBrowser[] = [];
    const consoleLines: string[] = [];
    await use(async (options = {}) => {
      const browser = await launchWithExtension({ ...options, fixturePort: fixtureWeb.port });
      launched.push(browser);
      browser.context.on('console', (msg) => consoleLines.push(`[${msg.type()}] ${msg.location().url} ${msg.text()}`));
      browser.context.on('weberror', (err) => consoleLines.push(`[pageerror] ${err.error().message}`));
      return browser;
    });
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const { context } of launched) {
        for (const [i, page] of context.pages().entries()) {
          const shot = await page.screenshot({ timeout: 5_000 }).catch(() => null);
          if (shot) await testInfo.attach(`page-${i}-${page.url().slice(0, 80)}`, { body: shot, contentType: 'image/png' });
        }
      }
      if (consoleLines.length) await testInfo.attach('browser-console.txt', { body: consoleLines.join('\n'), contentType: 'text/plain' });
      if (fixtureWeb.requests.length) {
        await testInfo.attach('fixture-web-requests.txt', {
          body: fixtureWeb.requests.map((r) => `${r.method} ${r.url} → ${r.status ?? 'no answer'} (${r.servedBy})`).join('\n'),
          contentType: 'text/plain',
        });
      }
    }
    for (const { context } of launched) await context.close().catch(() => {});
  },

  extension: async ({ launchExtension, userDataDir }, use) => {
    await use(await launchExtension({ userDataDir }));
  },

  context: async ({ extension }, use) => {
    await use(extension.context);
  },

  extensionId: async ({ extension }, use) => {
    await use(extension.extensionId);
  },
});

export { expect };
