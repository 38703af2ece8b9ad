/**
 * Pages written to abuse the extension. Script and markup in every field it
 * shows, dangerous URLs, look-alike domains, direction overrides, pages far
 * too big, floods of forged messages, frames: shown as text, never run,
 * bounded in time, and nothing of the page reaches the background unchecked.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { inServiceWorker, openOptions, tabIdFor, waitForSettledPopup } from './support/browser';
import { ORIGINALS, RUNNING_EXAMPLE } from './support/pages';
import { clickBadgePart, inShadow, waitForBadgePart } from './support/shadow';

/** The service worker's chrome.* as these tests use it. */
declare const chrome: { storage: { session: { get(keys: string | null): Promise<Record<string, unknown>>; remove(keys: string): Promise<void> } } };

const HOST = 'www.evil-news.example';
const PAYLOAD = '<img src=x onerror="window.__pwned=1">';
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function servePage(fixtureWeb: { route: (r: never) => unknown }, path: string, html: string) {
  fixtureWeb.route({ host: HOST, path, behaviour: { kind: 'body', contentType: 'text/html; charset=utf-8', body: html } } as never);
  return `https://${HOST}${path}`;
}

const farmBody = 'The meeting was the first of its kind, officials said, and more are expected in the coming weeks. '.repeat(15);

/** A content-farm page with the payload in every field the extension reads. */
function xssPage(): string {
  const p = escapeHtml(PAYLOAD);
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: `${PAYLOAD} headline`,
    author: { '@type': 'Person', name: '<svg onload="window.__pwned=1">' },
    publisher: { '@type': 'Organization', name: '<script>window.__pwned=1</script>' },
    copyrightHolder: { '@type': 'Organization', name: PAYLOAD },
  }).replace(/</g, '\\u003c');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${p} - Evil News</title>
<meta property="og:site_name" content="${p}"><meta property="og:type" content="article">
<script type="application/ld+json">${jsonLd}</script></head><body><article>
<h1>${p} Talks headline</h1>
<p>Source link : <a href="https://usa-news.biz/2025/02/22/x/">${p}</a></p><p>${farmBody}</p>
<p>The post ${p} first talks – ${escapeHtml('<svg onload="window.__pwned=1">')} first appeared on ${escapeHtml('<iframe src="javascript:window.__pwned=1">')}.</p>
<p>Author : ${escapeHtml('<script>window.__pwned=1</script>')}</p>
<p>Publish date : 2025-02-22 14:42:26</p>
<p>Copyright for syndicated content belongs to the linked Source. ${p}</p>
</article></body></html>`;
}

async function pwned(page: Page) {
  return page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);
}

async function visit(context: BrowserContext, extensionId: string, page: Page, url: string) {
  await page.goto(url);
  const tabId = await tabIdFor(context, url, extensionId);
  const popup = await waitForSettledPopup(context, extensionId, tabId);
  return { tabId, popup };
}

test('script and markup in every field are shown as text and never run', async ({ context, extensionId, page, fixtureWeb }) => {
  const url = servePage(fixtureWeb, '/xss/', xssPage());
  const { popup } = await visit(context, extensionId, page, url);
  await expect(popup.locator('.card.is-copy').getByTestId('verdict')).toHaveCount(1);
  // The payload is there, as text.
  await expect(popup.locator('body')).toContainText('<img src=x onerror=');
  expect(await popup.locator('img').count()).toBe(0);
  expect(await popup.locator('svg, iframe, script:not([src])').count()).toBe(0);
  expect(await pwned(popup)).toBeNull();

  // The badge on the page, collapsed and expanded (read through its closed shadow root: support/shadow.ts).
  await waitForBadgePart(page, 'provenance-badge');
  await clickBadgePart(page, 'provenance-badge');
  await waitForBadgePart(page, 'provenance-badge-card');
  expect(await inShadow(page, 'provenance-badge', (root) => root?.querySelectorAll('img, svg, iframe, script').length ?? -1)).toBe(0);
  expect(await pwned(page)).toBeNull();

  // The history, its detail view and the export.
  const options = await openOptions(context, extensionId);
  const row = options.getByTestId('history-row').first();
  await expect(row).toContainText('<img src=x onerror=');
  await row.getByTestId('history-details').click();
  await expect(options.getByTestId('history-detail')).toContainText('<img src=x onerror=');
  expect(await options.locator('img').count()).toBe(0);
  expect(await pwned(options)).toBeNull();
  const download = options.waitForEvent('download');
  await options.getByTestId('detail-close').click();
  await options.getByTestId('export-json').click();
  const file = await (await download).path();
  const exported = JSON.parse(await (await import('node:fs/promises')).readFile(file, 'utf8')) as {
    entries: { record: { page: { headline: string } } }[];
  };
  expect(exported.entries.some((entry) => entry.record.page.headline.includes('<img src=x onerror='))).toBe(true);
});

test('javascript:, data:, vbscript:, file: and extension URLs never become links', async ({ context, extensionId, page, fixtureWeb }) => {
  const bad = [
    'javascript:window.__pwned=1',
    'data:text/html,<script>window.__pwned=1</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    `chrome-extension://${extensionId}/options.html`,
  ];
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Bad links - Evil News</title>
<link rel="canonical" href="${escapeHtml(bad[1]!)}"><meta name="syndication-source" content="${escapeHtml(bad[2]!)}">
<meta name="original-source" content="${escapeHtml(bad[3]!)}"></head><body><article><h1>Bad links</h1>
${bad.map((href) => `<p>Source link : <a href="${escapeHtml(href)}">${escapeHtml(href)}</a></p>`).join('\n')}
<p>${farmBody}</p><p>Copyright for syndicated content belongs to the linked Source.</p></article></body></html>`;
  const url = servePage(fixtureWeb, '/bad-links/', html);
  const { popup } = await visit(context, extensionId, page, url);
  // Save report links the file the popup made itself (a blob: of its own origin); every link made from the page is http(s).
  const hrefs = await popup
    .locator('a[href]:not([data-testid="save-report"])')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).protocol));
  expect(hrefs.every((protocol) => protocol === 'https:' || protocol === 'http:')).toBe(true);
  expect(await popup.getByTestId('save-report').getAttribute('href')).toMatch(new RegExp(`^blob:chrome-extension://${extensionId}/`));
  const badgeHrefs = await inShadow(page, 'provenance-badge', (root) =>
    [...(root?.querySelectorAll('a[href]') ?? [])].map((a) => (a as HTMLAnchorElement).protocol),
  );
  expect(badgeHrefs.every((protocol) => protocol === 'https:' || protocol === 'http:')).toBe(true);
  expect(await pwned(page)).toBeNull();
  expect(await pwned(popup)).toBeNull();
});

test('look-alike domains are shown in the form that exposes them; direction overrides are removed', async ({
  context,
  extensionId,
  page,
  fixtureWeb,
}) => {
  // "wаshingtonpost.com" with a Cyrillic "а".
  const lookalike = 'https://www.w\u0430shingtonpost.com/world/2025/02/18/us-russia-talks/';
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Talks - Evil News</title>
<meta property="og:site_name" content="moc.\u202etsopnotgnihsaw"></head><body><article><h1>Talks \u202eevil</h1>
<p>Source link : <a href="${lookalike}">${lookalike}</a></p><p>${farmBody}</p>
<p>Copyright for syndicated content belongs to the linked Source.</p></article></body></html>`;
  const url = servePage(fixtureWeb, '/lookalike/', html);
  const { popup } = await visit(context, extensionId, page, url);
  const body = await popup.locator('body').innerText();
  expect(body).toContain('xn--');
  expect(body).not.toContain('\u202e');
  await expect(popup.getByTestId('chain')).toContainText('xn--');
});

function nested(depth: number): string {
  return `${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`;
}

const HUGE = [
  { name: 'a 10 MB page', body: () => `<article><h1>Huge</h1>${`<p>${'word '.repeat(200)}</p>`.repeat(10_000)}</article>` },
  { name: '100,000 links', body: () => `<article><h1>Links</h1>${'<a href="https://example.com/x">x</a> '.repeat(100_000)}</article>` },
  { name: 'a 10,000-deep DOM', body: () => `<article><h1>Deep</h1>${nested(10_000)}</article>` },
  {
    name: 'a 5 MB JSON-LD blob',
    head: () =>
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Blob', articleBody: 'x'.repeat(5_000_000) })}</script>`,
    body: () => '<article><h1>Blob</h1><p>Short.</p></article>',
  },
  {
    name: 'hundreds of candidate footers',
    body: () =>
      `<article><h1>Footers</h1>${'<p>Source link : <a href="https://usa-news.biz/a/">https://usa-news.biz/a/</a></p><p>The post X first appeared on Y.</p><p>Copyright for syndicated content belongs to the linked Source.</p>'.repeat(400)}</article>`,
  },
];

for (const huge of HUGE) {
  test(`stays responsive and bounded on ${huge.name}`, async ({ context, extensionId, page, fixtureWeb }) => {
    test.setTimeout(90_000);
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>${huge.name}</title>${huge.head?.() ?? ''}</head><body>${huge.body()}</body></html>`;
    const url = servePage(fixtureWeb, `/huge/${encodeURIComponent(huge.name)}/`, html);
    // The engine's time on the page (the content script's digest, timed by the content script and kept
    // with the tab's scan; the rules then run in the background, off the page's thread). A timing on a
    // shared two-core machine is noisy: the page is loaded up to five times; every run is printed against
    // the 50 ms budget of a long task, with the whole engine's time beside it. The test holds the fastest
    // run to a hard bound (no visible freeze, nothing unbounded); the budget itself is a reported figure,
    // as speed is everywhere here (docs/RELIABILITY.md), not a timing that fails on a slow machine.
    const runs: number[] = [];
    const whole: number[] = [];
    for (let load = 1; load <= 5; load++) {
      if (load === 1) await page.goto(url, { timeout: 60_000 });
      else {
        await inServiceWorker(
          context,
          extensionId,
          async (id: number) => chrome.storage.session.remove(`tab:${id}`),
          await tabIdFor(context, url, extensionId),
        );
        await page.reload({ timeout: 60_000 });
      }
      const tabId = await tabIdFor(context, url, extensionId);
      const scan = await expect
        .poll(
          async () =>
            inServiceWorker(
              context,
              extensionId,
              async (id: number) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { pageMs?: number } | undefined,
              tabId,
            ),
          { timeout: 30_000 },
        )
        .toBeTruthy()
        .then(() =>
          inServiceWorker(
            context,
            extensionId,
            async (id: number) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { pageMs: number; engineMs: number },
            tabId,
          ),
        );
      runs.push(scan.pageMs);
      whole.push(scan.engineMs);
      if (scan.pageMs < 50) break;
    }
    const fastest = Math.min(...runs);
    console.log(
      `${huge.name}: on the page ${runs.join(', ')} ms (whole engine ${whole.join(', ')} ms); fastest ${fastest} ms, ${fastest < 50 ? 'within' : 'OVER'} the 50 ms budget`,
    );
    expect(fastest).toBeLessThan(250);
    // Still answering: a hang (an unbounded loop of ours) would never answer. The wall time is printed, not
    // held to a figure: on a 10 MB page it is mostly Chromium's own layout and collection, and a busy machine's.
    const started = Date.now();
    expect(await page.evaluate(() => 1)).toBe(1);
    console.log(`${huge.name}: the page answered a script call in ${Date.now() - started} ms`);
  });
}

test('forged messages and postMessage floods change nothing', async ({ context, extensionId, page }) => {
  await page.goto(ORIGINALS.tech.url);
  const before = await inServiceWorker(context, extensionId, async () => (await chrome.storage.session.get(null)) as object, undefined);
  const result = await page.evaluate(async (id) => {
    // A well-formed digest of a page on another site that names an original: the protocol's shape exactly.
    const digest = {
      url: 'https://victim.example/',
      title: 'Forged',
      meta: [['original-source', 'https://victim.example/original']],
      links: [],
      jsonLd: [],
      quiet: false,
      rootIsBody: true,
      articleHeading: true,
      h1: 'Forged',
      bylines: [],
      time: null,
      pixel: null,
      portal: [],
      lines: [],
      ms: 0,
    };
    const forged = { type: 'page-scanned', digest };
    for (let i = 0; i < 10_000; i++) window.postMessage(forged, '*');
    window.postMessage({ type: 'verify', pageUrl: 'https://victim.example/', tabId: null, force: true }, '*');
    const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => unknown } } }).chrome?.runtime;
    try {
      await runtime?.sendMessage?.(id, forged);
      return runtime?.sendMessage ? 'sent' : 'no runtime';
    } catch (error) {
      return `refused: ${String(error)}`;
    }
  }, extensionId);
  expect(result).not.toBe('sent');
  await page.waitForTimeout(500);
  const options = await openOptions(context, extensionId);
  await expect(options.getByTestId('history-row').first()).toBeVisible();
  await expect(options.locator('body')).not.toContainText('victim.example');
  const after = await inServiceWorker(context, extensionId, async () => (await chrome.storage.session.get(null)) as object, undefined);
  expect(JSON.stringify(after)).not.toContain('victim.example');
  expect(Object.keys(after).length).toBeGreaterThanOrEqual(Object.keys(before).length);
});

test('a page that removes the badge is left alone, and frames are not the article', async ({ context, extensionId, page, fixtureWeb }) => {
  await page.goto(RUNNING_EXAMPLE.syndicatedPage);
  const host = page.locator('provenance-badge');
  await expect(host).toHaveCount(1);
  await page.evaluate(() => document.querySelector('provenance-badge')?.remove());
  await page.waitForTimeout(500);
  await expect(host).toHaveCount(0);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  // An original that embeds the running example in a frame: the tab describes the original.
  const url = servePage(
    fixtureWeb,
    '/framed/',
    `<!doctype html><html><head><meta charset="utf-8"><title>Frame host</title></head><body>
<article><h1>Our own story</h1><p>${'Our reporter writes this story. '.repeat(40)}</p></article>
<iframe src="${RUNNING_EXAMPLE.syndicatedPage}" width="800" height="600"></iframe></body></html>`,
  );
  await page.goto(url);
  const tabId = await tabIdFor(context, url, extensionId);
  const popup = await waitForSettledPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('verdict')).toContainText('Original article');
  const frame = page.frames().find((f) => f.url() === RUNNING_EXAMPLE.syndicatedPage)!;
  await frame.waitForLoadState();
  expect(await frame.locator('provenance-badge').count()).toBe(0);
  expect(errors).toEqual([]);
});
