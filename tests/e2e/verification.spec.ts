/**
 * Chromium stopping the extension's MV3 service worker (which Firefox's MV2
 * background page never is): stopped again and again while a page is
 * scanned and stored, the entry is there once and the badge shows; after a
 * verification, the stored result survives; during one, it explains itself
 * and can be retried. Verification as
 * a reader uses it (the chain, the comparison, every failure, the cache,
 * restarts) is in the shared scenarios (tests/scenarios), run in both browsers.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { findServiceWorker, openOptions, tabIdFor, waitForSettledPopup } from './support/browser';
import { RUNNING_EXAMPLE, farmPage } from './support/pages';
import { waitForBadgePart } from './support/shadow';

const COPY_HOST = 'www.copyfarm-news.com';

async function openAndVerify(context: BrowserContext, extensionId: string, page: Page, url: string) {
  await page.goto(url);
  const tabId = await tabIdFor(context, url, extensionId);
  const popup = await waitForSettledPopup(context, extensionId, tabId);
  await expect(popup.locator('.card.is-copy').getByTestId('verdict')).toHaveCount(1);
  await popup.getByTestId('verify-button').click();
  return { popup, tabId };
}

test('stopped every 10–150 ms while a page is scanned and stored: the entry is there once, the badge shows', async ({
  context,
  extensionId,
  page,
}) => {
  const cdp = await context.newCDPSession(page);
  // Start stopping only once the worker is installed and activated. Stopped while Chromium is still
  // fetching or installing its script (the first second of a new profile), the registration fails for
  // good ("ServiceWorker failed to install") until the extension is reloaded. That is Chromium's
  // handling of a broken install, which nothing stops every few milliseconds outside a test.
  const activated = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`) && v.status === 'activated')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await activated;
  let stopping = true;
  let stops = 0;
  const stopper = (async () => {
    while (stopping) {
      await cdp.send('ServiceWorker.stopAllWorkers').catch(() => undefined);
      stops++;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 140));
    }
  })();
  await page.goto(RUNNING_EXAMPLE.syndicatedPage);
  await page.waitForTimeout(1_200);
  stopping = false;
  await stopper;
  await cdp.detach();
  console.log(`service worker stopped ${stops} times while the page was scanned and stored`);
  expect(stops).toBeGreaterThan(4);

  // The content script sent the digest again until the background answered (a stopped worker's
  // request can also resolve with no answer at all: lib/messages.ts send() counts that as a failure).
  await waitForBadgePart(page, 'provenance-badge', 20_000);
  const options = await openOptions(context, extensionId);
  const rows = options.locator('[data-testid="history-row"]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('U.S., Russia hold first talks');
  // And in the database itself: one entry for the URL.
  const stored = await options.evaluate(async (url) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open('provenance');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = db.transaction('pages').objectStore('pages');
    const all: Array<{ key: string }> = await new Promise((resolve) => {
      const request = store.getAll();
      request.onsuccess = () => resolve(request.result as Array<{ key: string }>);
    });
    db.close();
    return all.filter((entry) => entry.key === url || entry.key === url.replace(/\/$/, '')).length;
  }, RUNNING_EXAMPLE.syndicatedPage);
  expect(stored).toBe(1);
});

test('survives the service worker being stopped and restarted', async ({ context, extensionId, page }) => {
  const { popup, tabId } = await openAndVerify(context, extensionId, page, RUNNING_EXAMPLE.syndicatedPage);
  await expect(popup.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified', { timeout: 20_000 });
  await popup.close();

  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();

  // The next popup wakes the worker; the stored result is there, and a re-check runs again.
  const again = await waitForSettledPopup(context, extensionId, tabId);
  await expect(again.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified');
  await again.getByTestId('verify-button').click();
  await expect(again.getByTestId('verify-progress')).toHaveCount(0, { timeout: 20_000 });
  await expect(again.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified');
  await findServiceWorker(context, extensionId);
});

test('an interrupted verification explains itself and can be retried', async ({ context, extensionId, page, fixtureWeb }) => {
  test.setTimeout(60_000);
  // The original stalls the first time (the service worker is stopped meanwhile), then answers.
  let calls = 0;
  fixtureWeb.route({
    host: 'www.flaky-original.com',
    path: '/story/',
    behaviour: () =>
      ++calls === 1 ? { kind: 'stall' } : { kind: 'file', file: 'washingtonpost.com/world/2025/02/18/us-russia-talks-ukraine-nato-kyiv/index.html' },
  });
  fixtureWeb.route({
    host: COPY_HOST,
    path: '/story/flaky/',
    behaviour: { kind: 'body', contentType: 'text/html; charset=utf-8', body: farmPage('Talks, again', 'https://www.flaky-original.com/story/') },
  });
  const { popup } = await openAndVerify(context, extensionId, page, `https://${COPY_HOST}/story/flaky/`);
  await expect(popup.getByTestId('verify-progress')).toBeVisible();
  await expect.poll(() => calls, { timeout: 10_000 }).toBe(1);
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await expect(popup.getByTestId('verify-error')).toContainText(/interrupted/i, { timeout: 15_000 });
  await popup.getByTestId('verify-button').click();
  await expect(popup.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified', { timeout: 20_000 });
});
