/**
 * Verification as a reader uses it: click Verify in the popup, watch the
 * chain being fetched, read the comparison — and get an explanation, never a
 * false success, when the original cannot be had.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { FIXTURE_ROOT } from './support/fixture-web';
import { findServiceWorker, tabIdFor, waitForSettledPopup } from './support/browser';
import { RUNNING_EXAMPLE } from './support/pages';

const COPY_HOST = 'www.copyfarm-news.com';

/** A content-farm page (the running example's template) crediting `sourceUrl`. */
function farmPage(title: string, sourceUrl: string): string {
  const body = 'The talks were described by officials as a first step, and analysts said more meetings would follow in the coming weeks. '.repeat(12);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} - Copy Farm News</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Copy Farm News"></head>
<body><article><h1 class="entry-title">${title}</h1>
<p>Source link : <a href="${sourceUrl}">${sourceUrl}</a></p><p>${body}</p>
<p>Author : Staff</p><p>Publish date : 2025-03-01 09:00:00</p>
<p>Copyright for syndicated content belongs to the linked Source.</p></article></body></html>`;
}

async function openAndVerify(context: BrowserContext, extensionId: string, page: Page, url: string) {
  await page.goto(url);
  const tabId = await tabIdFor(context, url, extensionId);
  const popup = await waitForSettledPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('verdict')).toContainText('Syndicated');
  await popup.getByTestId('verify-button').click();
  return { popup, tabId };
}

test.describe('the running example, verified against its original', () => {
  test('follows page → USA NEWS → The Washington Post and compares', async ({ context, extensionId, page, fixtureWeb }) => {
    const { popup } = await openAndVerify(context, extensionId, page, RUNNING_EXAMPLE.syndicatedPage);
    const result = popup.getByTestId('verification-result');
    await expect(result).toHaveAttribute('data-outcome', 'verified', { timeout: 20_000 });
    const hops = popup.getByTestId('verified-hop');
    await expect(hops).toHaveCount(2);
    await expect(hops.nth(0)).toContainText('usa-news.biz');
    await expect(hops.nth(1)).toContainText('washingtonpost.com');
    // The farm's copy is a machine rewrite of the Post's story: similar headline, little wording reused.
    await expect(popup.getByTestId('headline-verdict')).toHaveAttribute('data-verdict', /same|lightly-edited/);
    await expect(popup.getByTestId('text-verdict')).toHaveAttribute('data-verdict', 'rewritten');
    await expect(popup.getByTestId('delay')).toContainText(/later/);
    await expect(popup.getByTestId('open-original')).toHaveAttribute('href', RUNNING_EXAMPLE.original);
    // Both hops were really fetched, without cookies.
    const fetched = fixtureWeb.requests.filter((r) => /usa-news\.biz|washingtonpost\.com/.test(r.url)).map((r) => new URL(r.url).hostname);
    expect(fetched).toEqual(expect.arrayContaining(['usa-news.biz', 'www.washingtonpost.com']));
  });

  test('answers from the cache at once, also with the site down, and says how old it is', async ({ context, extensionId, page, fixtureWeb }) => {
    const { popup, tabId } = await openAndVerify(context, extensionId, page, RUNNING_EXAMPLE.syndicatedPage);
    await expect(popup.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified', { timeout: 20_000 });
    await popup.close();

    await fixtureWeb.stop();
    const again = await waitForSettledPopup(context, extensionId, tabId);
    await expect(again.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified');
    await expect(again.getByTestId('verify-age')).toContainText(/checked/);

    // A re-check while the site is down keeps the earlier result and says why it could not refresh it.
    await again.getByTestId('verify-button').click();
    await expect(again.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified', { timeout: 20_000 });
    await expect(again.getByTestId('verify-progress')).toHaveCount(0, { timeout: 20_000 });
    await expect(again.getByTestId('text-verdict')).toHaveAttribute('data-verdict', 'rewritten');
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
});

test('a verbatim republication: text reuse near 100 %, same headline', async ({ context, extensionId, page, fixtureWeb }) => {
  // The Post's article republished word for word on another site, its canonical still pointing to the Post.
  const original = fs.readFileSync(path.join(FIXTURE_ROOT, 'washingtonpost.com/world/2025/02/18/us-russia-talks-ukraine-nato-kyiv/index.html'), 'utf8');
  const republished = original.replace(/<meta property="og:site_name"[^>]*>/, '<meta property="og:site_name" content="Valley Republic">');
  fixtureWeb.route({ host: 'www.valleyrepublic.com', path: '/world/us-russia-talks/', behaviour: { kind: 'body', contentType: 'text/html; charset=utf-8', body: republished } });
  const { popup } = await openAndVerify(context, extensionId, page, 'https://www.valleyrepublic.com/world/us-russia-talks/');
  await expect(popup.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified', { timeout: 20_000 });
  await expect(popup.getByTestId('text-verdict')).toHaveAttribute('data-verdict', 'verbatim');
  await expect(popup.getByTestId('text-reuse')).toContainText(/^(9\d|100) %/);
  await expect(popup.getByTestId('headline-verdict')).toHaveAttribute('data-verdict', 'same');
});

test('a redirect to another site is shown as part of the chain', async ({ context, extensionId, page, fixtureWeb }) => {
  // A link shortener in front of the Post's article.
  const source = `https://edge.test/redirect/to?url=${encodeURIComponent(RUNNING_EXAMPLE.original)}`;
  fixtureWeb.route({ host: COPY_HOST, path: '/story/shortened/', behaviour: { kind: 'body', contentType: 'text/html; charset=utf-8', body: farmPage('Talks without allies', source) } });
  const { popup } = await openAndVerify(context, extensionId, page, `https://${COPY_HOST}/story/shortened/`);
  await expect(popup.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified', { timeout: 20_000 });
  const hop = popup.getByTestId('verified-hop');
  await expect(hop).toHaveCount(1);
  await expect(hop).toContainText('washingtonpost.com');
  await expect(hop).toContainText(/redirect from .*edge\.test/);
});

const FAILURES = [
  { name: 'an original that answers 404', source: 'https://edge.test/status/404', code: 'not-found', words: /404/ },
  { name: 'an original that answers 410', source: 'https://edge.test/status/410', code: 'gone', words: /410/ },
  { name: 'a server error', source: 'https://edge.test/status/503', code: 'server-error', words: /503/ },
  { name: 'a redirect loop', source: 'https://edge.test/redirect/loop/a', code: 'redirect-loop', words: /loop/ },
  { name: 'more than 5 redirects', source: 'https://edge.test/redirect/chain/7', code: 'too-many-redirects', words: /more than 5/ },
  { name: 'a non-HTML answer', source: 'https://edge.test/content/pdf', code: 'not-html', words: /not HTML/ },
  { name: 'an original that stalls past the timeout', source: 'https://edge.test/stall', code: 'timeout', words: /10 seconds/ },
  { name: 'a connection reset', source: 'https://edge.test/reset', code: 'network', words: /could not be reached/ },
  { name: 'an endless body', source: 'https://edge.test/endless', code: 'too-large', words: /more than 5 MB/ },
  { name: 'garbage served as HTML', source: 'https://edge.test/garbage', code: 'empty-page', words: /no article/ },
];

for (const failure of FAILURES) {
  test(`explains ${failure.name} and caches nothing as a success`, async ({ context, extensionId, page, fixtureWeb }) => {
    test.setTimeout(60_000);
    // Bytes that are no web page, served as one.
    fixtureWeb.route({ host: 'edge.test', path: '/garbage', behaviour: { kind: 'body', contentType: 'text/html', body: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)) } });
    const pathName = `/story/${failure.code}/`;
    fixtureWeb.route({ host: COPY_HOST, path: pathName, behaviour: { kind: 'body', contentType: 'text/html; charset=utf-8', body: farmPage(`Story for ${failure.code}`, failure.source) } });
    const url = `https://${COPY_HOST}${pathName}`;
    const { popup, tabId } = await openAndVerify(context, extensionId, page, url);
    const problem = popup.getByTestId('verify-failure');
    await expect(problem).toHaveAttribute('data-code', failure.code, { timeout: 30_000 });
    await expect(problem).toContainText(failure.words);
    await expect(popup.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'failed');
    // Nothing of the failed page went into the cache of originals.
    const cached = await context.serviceWorkers()[0]!.evaluate(async () => {
      const request = indexedDB.open('provenance');
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const count: number = await new Promise((resolve) => {
        const r = db.transaction('originals').objectStore('originals').count();
        r.onsuccess = () => resolve(r.result);
      });
      db.close();
      return count;
    });
    expect(cached).toBe(0);
    await popup.close();
    // Shown again, from storage, when the popup reopens.
    const again = await waitForSettledPopup(context, extensionId, tabId);
    await expect(again.getByTestId('verify-failure')).toHaveAttribute('data-code', failure.code);
  });
}

test('an interrupted verification explains itself and can be retried', async ({ context, extensionId, page, fixtureWeb }) => {
  test.setTimeout(60_000);
  // The original stalls the first time (the service worker is stopped meanwhile), then answers.
  let calls = 0;
  fixtureWeb.route({
    host: 'www.flaky-original.com',
    path: '/story/',
    behaviour: () => (++calls === 1 ? { kind: 'stall' } : { kind: 'file', file: 'washingtonpost.com/world/2025/02/18/us-russia-talks-ukraine-nato-kyiv/index.html' }),
  });
  fixtureWeb.route({ host: COPY_HOST, path: '/story/flaky/', behaviour: { kind: 'body', contentType: 'text/html; charset=utf-8', body: farmPage('Talks, again', 'https://www.flaky-original.com/story/') } });
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

test('history, settings and the verification cache survive closing and reopening the browser', async ({ launchExtension, userDataDir }) => {
  const first = await launchExtension({ userDataDir });
  const page = await first.context.newPage();
  const { popup } = await openAndVerify(first.context, first.extensionId, page, RUNNING_EXAMPLE.syndicatedPage);
  await expect(popup.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified', { timeout: 20_000 });
  const options = await first.context.newPage();
  await options.goto(`chrome-extension://${first.extensionId}/options.html#settings`);
  await options.getByTestId('setting-cache-days').fill('12');
  await options.getByTestId('setting-cache-days').blur();
  await expect(options.getByTestId('settings-status')).toContainText(/Saved/);
  await first.context.close();

  const second = await launchExtension({ userDataDir });
  const again = await second.context.newPage();
  await again.goto(RUNNING_EXAMPLE.syndicatedPage);
  const tabId = await tabIdFor(second.context, RUNNING_EXAMPLE.syndicatedPage, second.extensionId);
  const reopened = await waitForSettledPopup(second.context, second.extensionId, tabId);
  await expect(reopened.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified');
  const settingsPage = await second.context.newPage();
  await settingsPage.goto(`chrome-extension://${second.extensionId}/options.html#settings`);
  await expect(settingsPage.getByTestId('setting-cache-days')).toHaveValue('12');
  await settingsPage.goto(`chrome-extension://${second.extensionId}/options.html`);
  await expect(settingsPage.getByTestId('history-row')).toHaveCount(1);
});
