/**
 * The foundation, as a reader meets it: the running example is flagged on the
 * page, in the popup and on the toolbar, and kept in the history; ordinary
 * originals and a front page are left alone.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { tabIdFor, toolbarBadgeText, waitForSettledPopup, openOptions } from './support/browser';
import { RUNNING_EXAMPLE, ORIGINALS, NOT_AN_ARTICLE } from './support/pages';

/** How long a page is given, after load, to show a badge it should not show. */
const SETTLE_MS = 1_500;

/** Opens `url` in `page` and waits until the background has the page's report (as the popup shows it). */
async function visitAndSettle(context: BrowserContext, extensionId: string, page: Page, url: string) {
  await page.goto(url);
  const loadedAt = Date.now();
  const tabId = await tabIdFor(context, url, extensionId);
  const popup = await waitForSettledPopup(context, extensionId, tabId);
  const waited = Date.now() - loadedAt;
  if (waited < SETTLE_MS) await page.waitForTimeout(SETTLE_MS - waited);
  return { tabId, popup };
}

test.describe('the running example (a copy of a copy of The Washington Post)', () => {
  test('shows an inline badge near the headline naming the original publisher', async ({ page }) => {
    await page.goto(RUNNING_EXAMPLE.syndicatedPage);
    const host = page.locator('provenance-badge');
    await expect(host).toHaveCount(1);
    // An open shadow root: Playwright's locators pierce it, and page styles cannot reach in.
    expect(await host.evaluate((el) => el.shadowRoot !== null)).toBe(true);
    const badge = host.locator('[data-testid="provenance-badge"]');
    await expect(badge).toBeVisible();
    await expect(badge).toContainText('Syndicated');
    await expect(badge).toContainText(RUNNING_EXAMPLE.originalPublisher);
    // The pill stays compact; the intermediate site is named in the card it opens.
    await badge.click();
    await expect(host.locator('[data-testid="provenance-badge-card"]')).toContainText(/via USA NEWS/i);

    // Near the headline: within a couple of lines of the <h1>, not at the foot of the page.
    const headline = await page.locator('h1.entry-title').boundingBox();
    const placed = await badge.boundingBox();
    expect(headline && placed).toBeTruthy();
    expect(Math.abs(placed!.y - headline!.y)).toBeLessThan(headline!.height + 150);
  });

  test('the popup tells the whole story, with evidence', async ({ context, extensionId, page }) => {
    const { popup } = await visitAndSettle(context, extensionId, page, RUNNING_EXAMPLE.syndicatedPage);
    const field = (id: string) => popup.locator(`[data-testid="${id}"]`);

    await expect(field('verdict')).toContainText('Syndicated');
    await expect(field('original-publisher')).toContainText(RUNNING_EXAMPLE.originalPublisher);

    const sourceLink = field('source-link');
    expect(await sourceLink.evaluate((el) => el.tagName)).toBe('A');
    await expect(sourceLink).toHaveAttribute('href', RUNNING_EXAMPLE.sourceLink);

    // The chain back to the original, in order: first the site this page credits, last the original.
    const chain = field('chain');
    await expect(chain).toContainText(RUNNING_EXAMPLE.intermediateName);
    await expect(chain).toContainText(RUNNING_EXAMPLE.originalPublisher);
    const chainText = await chain.innerText();
    expect(chainText.indexOf(RUNNING_EXAMPLE.intermediateName)).toBeLessThan(chainText.indexOf(RUNNING_EXAMPLE.originalPublisher));

    await expect(field('page-headline')).toContainText('U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv');
    await expect(field('original-headline')).toContainText(RUNNING_EXAMPLE.originalHeadline);
    // Written without a time zone, shown as written: no invented offset, no conversion.
    await expect(field('published')).toContainText(RUNNING_EXAMPLE.publishedAsWritten);
    await expect(field('author')).toContainText(RUNNING_EXAMPLE.author);
    await expect(field('copyright')).toContainText(RUNNING_EXAMPLE.copyright);

    const evidence = field('evidence').locator('[data-testid="evidence-item"]');
    await expect.poll(() => evidence.count()).toBeGreaterThanOrEqual(3);
  });

  test('marks the toolbar icon for the copy and not for an original', async ({ context, extensionId, page }) => {
    const copy = await visitAndSettle(context, extensionId, page, RUNNING_EXAMPLE.syndicatedPage);
    expect(await toolbarBadgeText(context, extensionId, copy.tabId)).not.toBe('');

    const originalPage = await context.newPage();
    const original = await visitAndSettle(context, extensionId, originalPage, ORIGINALS.regional.url);
    expect(await toolbarBadgeText(context, extensionId, original.tabId)).toBe('');
  });
});

test.describe('ordinary originals are not flagged', () => {
  for (const [name, original] of Object.entries(ORIGINALS)) {
    test(`${name}: ${original.siteName}`, async ({ context, extensionId, page }) => {
      const { tabId, popup } = await visitAndSettle(context, extensionId, page, original.url);
      await expect(popup.locator('[data-testid="verdict"]')).toContainText('Original article');
      await expect(page.locator('provenance-badge')).toHaveCount(0);
      expect(await toolbarBadgeText(context, extensionId, tabId)).toBe('');
    });
  }
});

test('a front page is not an article', async ({ context, extensionId, page }) => {
  const { popup } = await visitAndSettle(context, extensionId, page, NOT_AN_ARTICLE.url);
  await expect(popup.locator('[data-testid="no-article"]')).toBeVisible();
  await expect(popup.locator('[data-testid="verdict"]')).toHaveCount(0);
  await expect(page.locator('provenance-badge')).toHaveCount(0);
});

/** The history rows as the options page shows them, in page order. */
async function historyRows(options: Page) {
  const rows = options.locator('[data-testid="history-row"]');
  return rows.evaluateAll((els) =>
    els.map((row) => ({
      text: (row as HTMLElement).innerText,
      links: Array.from(row.querySelectorAll('a')).map((a) => a.href),
      seen: Array.from(row.querySelectorAll('time')).map((t) => t.dateTime),
    })),
  );
}

function expectHistory(rows: Awaited<ReturnType<typeof historyRows>>, startedAt: number) {
  const copy = rows.findIndex((r) => r.links.includes(RUNNING_EXAMPLE.syndicatedPage));
  const original = rows.findIndex((r) => r.links.includes(ORIGINALS.regional.url));
  expect(copy, 'the syndicated page is in the history, linked').toBeGreaterThanOrEqual(0);
  expect(original, 'the original is in the history, linked').toBeGreaterThanOrEqual(0);
  // Newest first: the original was visited last.
  expect(original).toBeLessThan(copy);

  const copyRow = rows[copy]!;
  expect(copyRow.text).toContain('U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv');
  expect(copyRow.text).toMatch(/News Harbor Daily|newsharbordaily\.com/);
  expect(copyRow.text).toContain(RUNNING_EXAMPLE.originalPublisher);

  const originalRow = rows[original]!;
  expect(originalRow.text).toContain(ORIGINALS.regional.headline);
  expect(originalRow.text).toMatch(/Harlow Valley Courier|harlowvalleycourier\.com/);

  // The date seen is today's visit, not the article's publish date.
  for (const row of [copyRow, originalRow]) {
    expect(row.seen.length, `a <time> with the date seen in: ${row.text}`).toBeGreaterThan(0);
    const seen = Date.parse(row.seen[0]!);
    expect(seen).toBeGreaterThanOrEqual(startedAt - 60_000);
    expect(seen).toBeLessThanOrEqual(Date.now() + 60_000);
  }
}

/**
 * Opens the options page and reloads it until every URL has a history row: the
 * background stores a scan shortly after the page loads, not at once.
 */
async function openHistoryWith(context: BrowserContext, extensionId: string, urls: string[]) {
  const options = await openOptions(context, extensionId);
  await expect
    .poll(
      async () => {
        const linked = (await historyRows(options)).flatMap((r) => r.links);
        if (urls.every((u) => linked.includes(u))) return true;
        await options.reload();
        return false;
      },
      { timeout: 15_000, intervals: [500] },
    )
    .toBe(true);
  return options;
}

test.describe('history in the options page', () => {
  test('lists visited articles, newest first', async ({ context, extensionId, page }) => {
    const startedAt = Date.now();
    await page.goto(RUNNING_EXAMPLE.syndicatedPage);
    await openHistoryWith(context, extensionId, [RUNNING_EXAMPLE.syndicatedPage]);
    await (await context.newPage()).goto(ORIGINALS.regional.url);

    const options = await openHistoryWith(context, extensionId, [RUNNING_EXAMPLE.syndicatedPage, ORIGINALS.regional.url]);
    expectHistory(await historyRows(options), startedAt);
  });

  test('survives a browser restart', async ({ context, extensionId, page, userDataDir, launchExtension }) => {
    const startedAt = Date.now();
    await page.goto(RUNNING_EXAMPLE.syndicatedPage);
    await openHistoryWith(context, extensionId, [RUNNING_EXAMPLE.syndicatedPage]);
    await (await context.newPage()).goto(ORIGINALS.regional.url);
    await openHistoryWith(context, extensionId, [RUNNING_EXAMPLE.syndicatedPage, ORIGINALS.regional.url]);
    await context.close();

    const again = await launchExtension({ userDataDir });
    // An unpacked extension's id comes from its path, so it is the same after a restart.
    expect(again.extensionId).toBe(extensionId);
    const options = await openOptions(again.context, again.extensionId);
    await expect(options.locator('[data-testid="history-row"]').first()).toBeVisible();
    expectHistory(await historyRows(options), startedAt);
  });
});
