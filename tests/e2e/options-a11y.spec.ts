/**
 * The options page's Sites view and the history's new states (Checked and
 * Original columns, grouped by original, filtered by kind, details from a row
 * click): axe finds nothing in light and dark mode, and the layout the
 * screenshots faulted is measured, not eyeballed: rows one line and 36–44 px
 * tall, every column headed (the actions too), "Copies only" on its
 * checkbox's line, no blank space or second border under the last row, no
 * value under 13 px. A screenshot of each view is written to .tmp/ (not the
 * repository) to be looked at.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openOptions } from './support/browser';
import { expectNoViolations } from './support/axe';

const SHOTS = path.resolve('.tmp');

/**
 * A history written straight into the extension's database (its IndexedDB, from its own page), as the
 * background stores it: a content farm copying the Post and Reuters, a wire client, a paper's own articles.
 */
async function seed(options: Page) {
  // The options page's own database connection has created the stores (an empty history is shown); a raw
  // open before that would create an empty version 1 and block the extension's upgrade.
  await options.getByTestId('history-empty').waitFor();
  await options.evaluate(async () => {
    const now = Date.now();
    const rows: unknown[] = [];
    const signal = {
      kind: 'content-farm-footer',
      detail: 'Source link points to usa-news.biz',
      evidence: { text: 'Source link : https://usa-news.biz/x/', location: 'article paragraph' },
      weight: 0.9,
    };
    const add = (
      n: number,
      site: string,
      siteName: string,
      headline: string,
      copy: null | { kind: string; publisher: string; url: string | null },
    ) => {
      const at = now - n * 3_600_000;
      const url = `https://www.${site}/2025/${n}/${headline.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/`;
      const record = {
        url,
        isArticle: true,
        syndicated: copy !== null,
        kind: copy?.kind ?? null,
        confidence: copy ? 0.9 : 0,
        page: { headline, author: null, authors: [], publishedAt: null, publishedAtText: null, siteName },
        original: copy ? { url: copy.url, publisher: copy.publisher, headline, publishedAt: null } : null,
        chain: copy ? [{ url: copy.url, publisher: copy.publisher, site: copy.url ? new URL(copy.url).hostname.replace(/^www\./, '') : null }] : [],
        sourceUrl: copy?.url ?? null,
        copyright: null,
        signals: copy ? [signal] : [],
        engineMs: 1,
      };
      rows.push({
        id: at * 1000 + n,
        key: url,
        firstSeen: at - 86_400_000,
        lastSeen: at,
        visits: 1,
        syndicated: copy ? 1 : 0,
        site,
        publisherKey: (copy?.publisher ?? '').toLowerCase(),
        kind: copy?.kind ?? '',
        words: headline
          .toLowerCase()
          .split(/\W+/)
          .filter((w) => w.length > 1),
        record,
      });
    };
    const post = 'https://www.washingtonpost.com/world/2025/02/18/us-russia-talks-ukraine-nato-kyiv/';
    add(1, 'copyfarm-news.com', 'Copy Farm News', 'U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv', {
      kind: 'scraped',
      publisher: 'The Washington Post',
      url: post,
    });
    add(2, 'worldnewsera.com', 'World News Era', 'U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv', {
      kind: 'scraped',
      publisher: 'The Washington Post',
      url: post,
    });
    add(3, 'copyfarm-news.com', 'Copy Farm News', 'Markets slide as central banks signal a longer pause', {
      kind: 'scraped',
      publisher: 'Reuters',
      url: 'https://www.reuters.com/markets/slide/',
    });
    add(4, 'harlowvalleycourier.com', 'Harlow Valley Courier', 'Council approves $4.2 million plan to replace Mill Street bridge', null);
    add(5, 'copyfarm-news.com', 'Copy Farm News', 'Storm leaves thousands without power along the coast', {
      kind: 'scraped',
      publisher: 'The Washington Post',
      url: null,
    });
    add(6, 'harlowvalleycourier.com', 'Harlow Valley Courier', 'High school robotics team heads to the state final', null);
    add(7, 'membertimes.com', 'Member Times', 'Senate passes the spending bill after a late-night vote', {
      kind: 'wire',
      publisher: 'AP',
      url: null,
    });
    add(8, 'copyfarm-news.com', 'Copy Farm News', 'New e-reader promises margins that finally work', {
      kind: 'scraped',
      publisher: 'Circuit Ledger',
      url: 'https://circuitledger.net/reviews/folio-note-2-e-reader-review/',
    });
    add(9, 'harlowvalleycourier.com', 'Harlow Valley Courier', 'Library extends its weekend opening hours', null);
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open('provenance');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['pages', 'verifications'], 'readwrite');
      for (const row of rows) tx.objectStore('pages').put(row);
      const checked = (rows[0] as { key: string; lastSeen: number }) ?? null;
      tx.objectStore('verifications').put({
        pageKey: checked.key,
        originalKey: post,
        checkedAt: checked.lastSeen + 1000,
        verification: {
          pageUrl: checked.key,
          checkedAt: checked.lastSeen + 1000,
          outcome: 'verified',
          hops: [],
          original: { url: post, publisher: 'The Washington Post' },
          failure: null,
          search: null,
          comparison: { text: { verdict: 'verbatim' } },
        },
        lastFailure: null,
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
  await options.reload();
  await expect(options.getByTestId('history-row')).toHaveCount(9);
}

/** What the screenshots faulted, measured: one-line rows 36–44 px, headed columns, the checkbox label on its line, nothing under the last row, values ≥ 13 px. */
async function measureHistory(options: Page) {
  return options.evaluate(() => {
    const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="history-row"]')];
    const list = document.querySelector<HTMLElement>('.virtual-list')!;
    const last = [...document.querySelectorAll<HTMLElement>('.virtual-row')].sort(
      (a, b) => b.getBoundingClientRect().bottom - a.getBoundingClientRect().bottom,
    )[0]!;
    const box = (el: Element) => el.getBoundingClientRect();
    const checkbox = document.querySelector<HTMLElement>('[data-testid="filter-syndicated"]')!;
    const words = checkbox.nextElementSibling as HTMLElement;
    const sizes = [...document.querySelectorAll<HTMLElement>('[data-testid="history-row"] [role="cell"], [role="columnheader"]')].map((el) =>
      parseFloat(getComputedStyle(el).fontSize),
    );
    return {
      heights: rows.map((row) => Math.round(box(row).height)),
      headers: [...document.querySelectorAll<HTMLElement>('[role="columnheader"]')].map((el) => el.innerText.trim()),
      cellsPerRow: rows.map((row) => row.querySelectorAll('[role="cell"]').length),
      checkboxMiddle: box(checkbox).top + box(checkbox).height / 2,
      words: { top: box(words).top, bottom: box(words).bottom },
      blankUnderLast: Math.round(box(list).bottom - box(last).bottom),
      debug: [...list.querySelectorAll<HTMLElement>('[role="table"], [role="rowgroup"], .virtual-head-row')]
        .map((el) => `${el.className || el.getAttribute('role')}: ${JSON.stringify(box(el))}`)
        .concat(`list ${JSON.stringify(box(list))} last ${JSON.stringify(box(last))}`),
      lastBorder: getComputedStyle(last).borderBottomWidth,
      smallest: Math.min(...sizes),
    };
  });
}

test.describe('options: the Sites view and the history table', () => {
  test.use({ colorScheme: 'light' });

  test('the history: measured layout, axe in each new state, details from a row click', async ({ context, extensionId }) => {
    const options = await openOptions(context, extensionId);
    await options.setViewportSize({ width: 1280, height: 900 });
    await seed(options);

    const measured = await measureHistory(options);
    for (const height of measured.heights) expect(height, 'a history row is one line, 36–44 px').toBeGreaterThanOrEqual(36);
    for (const height of measured.heights) expect(height).toBeLessThanOrEqual(44);
    expect(measured.headers).toEqual(['Headline', 'Site', 'Original publisher', 'Checked', 'Seen', 'Actions']);
    expect(new Set(measured.cellsPerRow)).toEqual(new Set([6]));
    expect(measured.checkboxMiddle, '"Copies only" is on its checkbox\'s line').toBeGreaterThan(measured.words.top);
    expect(measured.checkboxMiddle).toBeLessThan(measured.words.bottom);
    expect(measured.blankUnderLast, `the list ends with its last row: ${measured.debug.join('\n')}`).toBeLessThanOrEqual(2);
    expect(measured.lastBorder, 'no second border under the last row').toBe('0px');
    expect(measured.smallest, 'no value or header under 13 px').toBeGreaterThanOrEqual(13);
    // The Checked column in words, the Original column linked.
    const checkedRow = options.getByTestId('history-row').first();
    await expect(checkedRow.getByTestId('history-checked')).toHaveText('Copied word for word');
    await expect(options.getByTestId('history-row').nth(1).getByTestId('history-checked')).toHaveText('Not checked');
    await expect(checkedRow.getByTestId('history-original-link')).toHaveAttribute(
      'href',
      'https://www.washingtonpost.com/world/2025/02/18/us-russia-talks-ukraine-nato-kyiv/',
    );
    await options.screenshot({ path: path.join(SHOTS, 'options-history.png') });
    await expectNoViolations(options, 'the history with its Checked and Original columns');

    // Grouped by original.
    await options.getByTestId('history-group').check();
    await expect(options.getByTestId('history-group-row')).toHaveCount(1);
    await expect(options.getByTestId('history-group-row')).toContainText('Original: The Washington Post');
    await expect(options.getByTestId('history-group-row')).toContainText('Copied 2 times');
    const groupHeight = await options.getByTestId('history-group-row').evaluate((el) => el.getBoundingClientRect().height);
    expect(groupHeight).toBeLessThanOrEqual(44);
    await options.screenshot({ path: path.join(SHOTS, 'options-history-grouped.png') });
    await expectNoViolations(options, 'the history grouped by original');
    await options.getByTestId('history-group').uncheck();

    // Filtered by kind.
    await options.getByTestId('filter-kind').selectOption('wire');
    await expect(options.getByTestId('history-row')).toHaveCount(1);
    await expect(options.getByTestId('history-row')).toContainText('Senate passes');
    await expectNoViolations(options, 'the history filtered by kind');
    await options.getByTestId('filter-kind').selectOption('');
    await expect(options.getByTestId('history-row')).toHaveCount(9);

    // A click on the row opens its details.
    // (The second row: the first one's check is seeded in part only, for its column, not for the details' panel.)
    await options.getByTestId('history-row').nth(1).getByTestId('history-seen').click();
    await expect(options.getByTestId('history-detail')).toBeVisible();
    await expectNoViolations(options, 'the details opened from a row');
    await options.getByTestId('detail-close').click();
    await expect(options.getByTestId('history-detail')).toHaveCount(0);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the Sites view (${scheme}): figures per site, the scraping site marked, axe clean`, async ({ context, extensionId }) => {
      const options = await openOptions(context, extensionId);
      await options.emulateMedia({ colorScheme: scheme });
      await options.setViewportSize({ width: 1280, height: 800 });
      await options.getByTestId('sites-tab').click();
      await expect(options.getByTestId('sites-empty')).toBeVisible();
      await expectNoViolations(options, `the empty Sites view (${scheme})`);
      await options.locator('a[href="#history"]').click();
      await seed(options);
      await options.getByTestId('sites-tab').click();
      const farm = options.locator('[data-testid="site-row"][data-site="copyfarm-news.com"]');
      await expect(farm.getByTestId('site-pages')).toHaveText('4');
      await expect(farm.getByTestId('site-copies')).toHaveText('100% (4 of 4)');
      await expect(farm.getByTestId('site-outlets')).toHaveText('The Washington Post: 2, Circuit Ledger: 1, Reuters: 1');
      await expect(farm.getByTestId('site-scraped')).toHaveText('Mostly scraped copies');
      const paper = options.locator('[data-testid="site-row"][data-site="harlowvalleycourier.com"]');
      await expect(paper.getByTestId('site-copies')).toHaveText('0% (0 of 3)');
      await expect(paper.getByTestId('site-scraped')).toHaveCount(0);
      await expect(options.getByTestId('sites-status')).toHaveText('4 sites, from 9 pages read');
      const smallest = await options.evaluate(() =>
        Math.min(
          ...[...document.querySelectorAll('.sites-table th, .sites-table td, .scraped-mark')].map((el) => parseFloat(getComputedStyle(el).fontSize)),
        ),
      );
      expect(smallest, 'no value under 13 px').toBeGreaterThanOrEqual(13);
      await options.screenshot({ path: path.join(SHOTS, `options-sites-${scheme}.png`) });
      await expectNoViolations(options, `the Sites view (${scheme})`);
      // Filtered to sites whose pages were mostly copies; then a search that finds none.
      await options.getByTestId('sites-mostly-copies').check();
      await expect(options.getByTestId('site-row')).toHaveCount(1);
      await options.getByTestId('sites-search').fill('nothing-here');
      await expect(options.getByTestId('sites-no-match')).toBeVisible();
      await expectNoViolations(options, `the Sites view with no match (${scheme})`);
    });
  }
});
