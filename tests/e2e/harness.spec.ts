/**
 * The harness itself: the fixture web answers as the real web would, and the
 * built extension loads in headless Chromium. These need no extension feature,
 * so they pass as soon as `npx wxt build` does.
 */
import https from 'node:https';
import { chromium, type Browser } from '@playwright/test';
import { test, expect } from './fixtures';
import { CHROMIUM_PATH, chromiumArgs, tabIdFor, openPopupFor, openOptions } from './support/browser';
import { RUNNING_EXAMPLE, ORIGINALS, NOT_AN_ARTICLE } from './support/pages';
import type { FixtureWeb } from './support/fixture-web';

/** A request straight from Node, as Chromium would make it after the resolver rule. */
function fetchFromNode(web: FixtureWeb, url: string): Promise<{ status: number; headers: Record<string, unknown>; bytes: number }> {
  const { hostname, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: web.port,
        path: pathname + search,
        servername: hostname,
        headers: { host: hostname },
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

test.describe('fixture web, seen by Chromium without the extension', () => {
  let browser: Browser;

  /**
   * A navigation that must fail, in a page of its own: Chromium commits its error
   * page after goto() has already rejected, and that late commit would interrupt
   * the next navigation in the same page.
   */
  async function expectNavigationError(url: string, error: RegExp, timeout?: number): Promise<void> {
    const page = await browser.newPage();
    await expect(page.goto(url, { timeout })).rejects.toThrow(error);
    await page.close();
  }

  test.beforeEach(async ({ fixtureWeb }) => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: chromiumArgs(fixtureWeb.port) });
  });
  test.afterEach(async () => {
    await browser.close();
  });

  test('serves each fixture page over HTTPS by host name and path', async ({ fixtureWeb }) => {
    const page = await browser.newPage();
    const expectations: Array<[string, string | RegExp]> = [
      [RUNNING_EXAMPLE.syndicatedPage, `${RUNNING_EXAMPLE.originalHeadline} – The Washington Post - ${RUNNING_EXAMPLE.siteName}`],
      [RUNNING_EXAMPLE.sourceLink, /USA NEWS$/],
      [RUNNING_EXAMPLE.original, `${RUNNING_EXAMPLE.originalHeadline} - The Washington Post`],
      [ORIGINALS.regional.url, /^Council approves \$4\.2 million plan/],
      [ORIGINALS.tech.url, ORIGINALS.tech.headline],
      [NOT_AN_ARTICLE.url, /^Harlow Valley Courier \|/],
    ];
    for (const [url, title] of expectations) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      expect(page.url()).toBe(url);
      await expect(page).toHaveTitle(title);
      expect(await page.evaluate(() => location.protocol)).toBe('https:');
    }
    // The running example carries every line of the seed's footer.
    await page.goto(RUNNING_EXAMPLE.syndicatedPage);
    const content = page.locator('.entry-content');
    await expect(content.getByRole('link', { name: RUNNING_EXAMPLE.sourceLink })).toHaveAttribute('href', RUNNING_EXAMPLE.sourceLink);
    await expect(content).toContainText('first appeared on USA NEWS.');
    await expect(content).toContainText(`Author : ${RUNNING_EXAMPLE.author}`);
    await expect(content).toContainText(`Publish date : ${RUNNING_EXAMPLE.publishedAsWritten}`);
    await expect(content).toContainText(RUNNING_EXAMPLE.copyright);
    // Stylesheets and images come from the fixture web too, not from nowhere.
    const missing = fixtureWeb.requests.filter((r) => !r.path.startsWith('/favicon.ico') && ![200, 301, 304].includes(r.status ?? 0));
    expect(missing.map((r) => `${r.url} → ${r.status}`)).toEqual([]);
  });

  test('answers the special routes: statuses, redirects, resets, stalls', async ({ fixtureWeb }) => {
    const page = await browser.newPage();
    for (const status of [404, 410, 403, 500]) {
      const response = await page.goto(`https://edge.test/status/${status}`);
      expect(response?.status()).toBe(status);
    }
    const unknownHost = await page.goto('https://no-such-fixture.example/');
    expect(unknownHost?.status()).toBe(404);
    await expect(page.locator('body')).toContainText('no folder for the host "no-such-fixture.example"');

    fixtureWeb.clearRequests();
    await page.goto('https://edge.test/redirect/chain/3');
    expect(page.url()).toBe('https://edge.test/redirect/chain/0');
    expect(fixtureWeb.requestsTo('edge.test').map((r) => r.status)).toEqual([302, 302, 302, 200]);

    // A WordPress permalink without its trailing slash is redirected, as WordPress does.
    await page.goto(RUNNING_EXAMPLE.original.replace(/\/$/, ''));
    expect(page.url()).toBe(RUNNING_EXAMPLE.original);

    await expectNavigationError('https://edge.test/redirect/loop/a', /ERR_TOO_MANY_REDIRECTS/);
    await expectNavigationError('https://edge.test/reset', /ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE/);
    await expectNavigationError('https://edge.test/stall', /Timeout/, 1_500);

    // What the extension's fetch() of an "original" would see (page.request would bypass Chromium's resolver).
    await page.goto('https://edge.test/status/404');
    const contentType = await page.evaluate(async () => (await fetch('/content/pdf')).headers.get('content-type'));
    expect(contentType).toBe('application/pdf');

    // Plain http on the same port.
    const plain = await page.goto(ORIGINALS.tech.url.replace('https:', 'http:'));
    expect(plain?.status()).toBe(200);
  });

  test('stops and starts again on the same port', async ({ fixtureWeb }) => {
    const page = await browser.newPage();
    const port = fixtureWeb.port;
    await page.goto(ORIGINALS.tech.url);
    await fixtureWeb.stop();
    await expectNavigationError(ORIGINALS.regional.url, /ERR_CONNECTION_REFUSED/);
    await fixtureWeb.start();
    expect(fixtureWeb.port).toBe(port);
    const response = await page.goto(ORIGINALS.regional.url);
    expect(response?.status()).toBe(200);
  });
});

test('fixture web: content types, sizes and validators, seen from Node', async ({ fixtureWeb }) => {
  const json = await fetchFromNode(fixtureWeb, 'https://edge.test/content/json');
  expect(json.headers['content-type']).toBe('application/json');
  const oversize = await fetchFromNode(fixtureWeb, 'https://edge.test/oversize?mb=2');
  expect(oversize.bytes).toBe(2 * 1024 * 1024);
  const page = await fetchFromNode(fixtureWeb, RUNNING_EXAMPLE.original);
  expect(page.headers['etag']).toBeTruthy();
  expect(page.headers['last-modified']).toBeTruthy();
  const remove = fixtureWeb.route({
    host: 'www.washingtonpost.com',
    path: new URL(RUNNING_EXAMPLE.original).pathname,
    behaviour: { kind: 'status', status: 410 },
  });
  expect((await fetchFromNode(fixtureWeb, RUNNING_EXAMPLE.original)).status).toBe(410);
  remove();
  expect((await fetchFromNode(fixtureWeb, RUNNING_EXAMPLE.original)).status).toBe(200);
});

test('the built extension loads in headless Chromium and its pages open', async ({ context, extensionId, page }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  expect(worker, 'the MV3 service worker is running').toBeTruthy();
  const manifest = await worker!.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { getManifest(): { name: string; manifest_version: number } } } }).chrome.runtime.getManifest(),
  );
  expect(manifest.manifest_version).toBe(3);

  await page.goto(ORIGINALS.tech.url);
  const tabId = await tabIdFor(context, ORIGINALS.tech.url, extensionId);
  expect(tabId).toBeGreaterThan(0);

  const popup = await openPopupFor(context, extensionId, tabId);
  expect(popup.url()).toBe(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.locator('body')).not.toBeEmpty();
  const options = await openOptions(context, extensionId);
  await expect(options.locator('body')).not.toBeEmpty();
});
