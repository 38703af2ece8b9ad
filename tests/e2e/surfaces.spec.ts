/**
 * The extension's own pages as a reader uses them, in Chromium: the options
 * page's search, filters, export and import (downloads and file inputs are
 * Playwright's), silent sites, and the popup's actions. The detail view,
 * delete, clear all and the badges setting are shared scenarios
 * (tests/scenarios), run in Chromium and Firefox.
 */
import fs from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openOptions, tabIdFor, waitForSettledPopup } from './support/browser';
import { NOT_AN_ARTICLE, ORIGINALS, RUNNING_EXAMPLE } from './support/pages';

/** Articles visited to fill the history: two copies (the running example and its source) and three originals. */
const SEED = [RUNNING_EXAMPLE.syndicatedPage, RUNNING_EXAMPLE.sourceLink, ORIGINALS.regional.url, ORIGINALS.tech.url, ORIGINALS.washingtonPost.url];
const COPIES = [RUNNING_EXAMPLE.syndicatedPage, RUNNING_EXAMPLE.sourceLink];

const rows = (options: Page) => options.getByTestId('history-row');
const rowLinks = (options: Page) =>
  options
    .locator('[data-testid="history-row"] [data-testid="history-headline"] a')
    .evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).href));

/** Opens the options page and reloads it until every URL has a row (the background stores a scan shortly after load). */
async function historyWith(options: Page, urls: string[]) {
  await expect
    .poll(
      async () => {
        const links = await rowLinks(options);
        if (urls.every((u) => links.includes(u))) return true;
        await options.reload();
        return false;
      },
      { timeout: 20_000, intervals: [500] },
    )
    .toBe(true);
}

async function seedHistory(context: BrowserContext, extensionId: string, urls: readonly string[] = SEED) {
  const visited: Page[] = [];
  for (const url of urls) {
    const page = await context.newPage();
    await page.goto(url);
    visited.push(page);
  }
  const options = await openOptions(context, extensionId);
  await historyWith(options, [...urls]);
  await expect(rows(options)).toHaveCount(urls.length);
  for (const page of visited) await page.close();
  return options;
}

async function openSettledPopup(context: BrowserContext, extensionId: string, page: Page, url: string) {
  await page.goto(url);
  const tabId = await tabIdFor(context, url, extensionId);
  return waitForSettledPopup(context, extensionId, tabId);
}

/** A history export as the options page writes it. */
interface ExportFile {
  format: string;
  version: number;
  entries: Array<{
    firstSeen: number;
    lastSeen: number;
    visits: number;
    record: { url: string; syndicated: boolean; page: { headline: string | null } };
  }>;
}

async function download(options: Page, testid: string) {
  const [file] = await Promise.all([options.waitForEvent('download'), options.getByTestId(testid).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: fs.readFileSync(path, 'utf8') };
}

async function importText(options: Page, name: string, text: string) {
  await options.getByTestId('import-json').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function clearAll(options: Page) {
  await options.getByTestId('clear-history').click();
  await options.getByTestId('confirm-clear-yes').click();
  await expect(options.getByTestId('history-empty')).toBeVisible();
}

test.describe('the options page history', () => {
  test('search narrows the list as the reader types a word of a headline', async ({ context, extensionId }) => {
    const options = await seedHistory(context, extensionId);
    const count = options.getByTestId('history-count');
    await expect(count).toHaveText(`${SEED.length} of ${SEED.length} articles`);

    const search = options.getByTestId('history-search');
    await search.pressSequentially('bri'); // "bridge", in the Harlow Valley Courier's headline
    await expect(rows(options)).toHaveCount(1);
    await expect(rows(options).first()).toContainText(ORIGINALS.regional.headline);
    await expect(count).toHaveText(`1 of ${SEED.length} articles`);

    // Words of the site and of the original publisher are searched too.
    await search.fill('circuit');
    await expect(rows(options)).toHaveCount(1);
    await expect(rows(options).first()).toContainText(ORIGINALS.tech.headline);

    // Every word must match: "ukraine" matches the three versions of the story, "ukraine talks" still does, "ukraine bridge" none.
    await search.fill('ukraine');
    await expect(rows(options)).toHaveCount(3);
    await search.fill('ukraine bridge');
    await expect(rows(options)).toHaveCount(0);
    await expect(options.getByTestId('history-no-match')).toBeVisible();

    await search.fill('');
    await expect(rows(options)).toHaveCount(SEED.length);
  });

  test('"Copies only" and the publisher filter', async ({ context, extensionId }) => {
    const options = await seedHistory(context, extensionId);

    await options.getByTestId('filter-syndicated').check();
    await expect(rows(options)).toHaveCount(COPIES.length);
    expect((await rowLinks(options)).sort()).toEqual([...COPIES].sort());
    await options.getByTestId('filter-syndicated').uncheck();
    await expect(rows(options)).toHaveCount(SEED.length);

    // The publisher list names the original publishers seen, with how many copies of each.
    const publisher = options.getByTestId('filter-publisher');
    const choices = await publisher.locator('option').allTextContents();
    expect(choices).toContain(`the washington post (${COPIES.length})`);
    await publisher.selectOption('the washington post');
    await expect(rows(options)).toHaveCount(COPIES.length);
    for (const row of await rows(options).all()) await expect(row.getByTestId('history-original')).toContainText(RUNNING_EXAMPLE.originalPublisher);
    await publisher.selectOption('');
    await expect(rows(options)).toHaveCount(SEED.length);
  });

  test('the date range filter, on entries seen on different days', async ({ context, extensionId }) => {
    const options = await seedHistory(context, extensionId, [RUNNING_EXAMPLE.syndicatedPage, ORIGINALS.regional.url, ORIGINALS.tech.url]);
    // Give the entries other days through an export edited and imported back: one in June 2024, one in January 2025, one today.
    const exported = JSON.parse((await download(options, 'export-json')).text) as ExportFile;
    const day = (iso: string) => Date.parse(`${iso}T12:00:00`);
    for (const entry of exported.entries) {
      if (entry.record.url === ORIGINALS.regional.url) entry.firstSeen = entry.lastSeen = day('2024-06-15');
      if (entry.record.url === ORIGINALS.tech.url) entry.firstSeen = entry.lastSeen = day('2025-01-10');
    }
    await clearAll(options);
    await importText(options, 'dated.json', JSON.stringify(exported));
    await expect(rows(options)).toHaveCount(3);

    const from = options.getByTestId('filter-from');
    const to = options.getByTestId('filter-to');
    await from.fill('2024-06-01');
    await to.fill('2024-06-30');
    await expect(rows(options)).toHaveCount(1);
    await expect(rows(options).first()).toContainText(ORIGINALS.regional.headline);

    // Both ends are inclusive, whole days.
    await from.fill('2024-06-15');
    await to.fill('2025-01-10');
    await expect(rows(options)).toHaveCount(2);
    expect(await rowLinks(options)).toEqual([ORIGINALS.tech.url, ORIGINALS.regional.url]); // newest first

    await to.fill('');
    await from.fill('2025-01-11');
    await expect(rows(options)).toHaveCount(1);
    await expect(rows(options).first()).toContainText('U.S., Russia hold first talks');

    await from.fill('');
    await expect(rows(options)).toHaveCount(3);
  });

  test('export JSON and CSV, then import the JSON into an emptied history', async ({ context, extensionId }) => {
    const options = await seedHistory(context, extensionId);

    const json = await download(options, 'export-json');
    expect(json.name).toMatch(/^provenance-history-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(json.text) as ExportFile;
    expect(data.format).toBe('provenance-history');
    expect(data.entries.map((e) => e.record.url).sort()).toEqual([...SEED].sort());
    const copy = data.entries.find((e) => e.record.url === RUNNING_EXAMPLE.syndicatedPage)!;
    expect(copy.record.syndicated).toBe(true);
    expect(copy.visits).toBeGreaterThanOrEqual(1);

    const csv = await download(options, 'export-csv');
    expect(csv.name).toMatch(/\.csv$/);
    const lines = csv.text.trim().split(/\r\n/);
    expect(lines[0]).toBe(
      'url,headline,site,syndicated,kind,kind_text,confidence,original_publisher,original_url,original_headline,published_at,author,copyright,first_seen,last_seen,visits,corrected',
    );
    expect(lines).toHaveLength(SEED.length + 1);
    expect(csv.text).toContain(RUNNING_EXAMPLE.syndicatedPage);
    // The kind of copy, in words, on the copy's line.
    expect(lines.find((line) => line.startsWith(RUNNING_EXAMPLE.syndicatedPage))).toContain(
      ',scraped,"Copy of a Washington Post story · scraped by a feed site, no licence shown",',
    );

    await clearAll(options);
    await importText(options, json.name, json.text);
    await expect(options.getByTestId('history-notice')).toHaveText(`Imported: ${SEED.length} new, 0 updated, 0 already there.`);
    await expect(rows(options)).toHaveCount(SEED.length);
    expect((await rowLinks(options)).sort()).toEqual([...SEED].sort());
    // The same file again adds nothing.
    await importText(options, json.name, json.text);
    await expect(options.getByTestId('history-notice')).toHaveText(`Imported: 0 new, 0 updated, ${SEED.length} already there.`);
    await expect(rows(options)).toHaveCount(SEED.length);
  });

  test('a corrupt import says what is wrong and changes nothing', async ({ context, extensionId }) => {
    const options = await seedHistory(context, extensionId, [RUNNING_EXAMPLE.syndicatedPage, ORIGINALS.regional.url]);
    const valid = JSON.parse((await download(options, 'export-json')).text) as ExportFile;
    const before = await rowLinks(options);
    const error = options.getByTestId('history-error');

    await importText(options, 'broken.json', '{"format": "provenance-history", "entries": [');
    await expect(error).toContainText('Nothing was imported: the file is not JSON');

    await importText(options, 'other.json', JSON.stringify({ hello: 'world' }));
    await expect(error).toContainText('Nothing was imported: the file is not a Provenance history export');

    // One bad entry among good ones: nothing of the file is written, not even the good new entry.
    const extra = structuredClone(valid.entries[0]!);
    extra.record.url = 'https://www.example-new-site.com/story/';
    const mixed = { ...valid, entries: [extra, ...valid.entries, { ...valid.entries[0]!, firstSeen: 5, lastSeen: 1 }] };
    await importText(options, 'mixed.json', JSON.stringify(mixed));
    await expect(error).toContainText(`Nothing was imported: entry ${mixed.entries.length} has impossible dates`);

    await expect(error).toHaveAttribute('role', 'alert');
    await options.reload();
    await expect(rows(options)).toHaveCount(before.length);
    expect(await rowLinks(options)).toEqual(before);
  });
});

test.describe('the options page settings', () => {
  test('a silent site: added by name, listed, and no badge there', async ({ context, extensionId, page }) => {
    const options = await openOptions(context, extensionId);
    await options.getByTestId('settings-tab').click();
    // Any URL or host of the site is reduced to its registrable domain.
    await options.getByTestId('silent-site-input').fill('https://www.NewsHarborDaily.com/some/page');
    await options.getByTestId('silent-site-add').click();
    const list = options.getByTestId('silent-sites');
    await expect(list.locator('li')).toHaveCount(1);
    await expect(list).toContainText('newsharbordaily.com');
    await expect(options.getByTestId('silent-site-input')).toHaveValue('');

    // Nonsense is refused with a message.
    await options.getByTestId('silent-site-input').fill('not a site');
    await options.getByTestId('silent-site-add').click();
    await expect(options.getByTestId('settings-status')).not.toHaveText('');
    await expect(list.locator('li')).toHaveCount(1);

    // A shared host is many sites: the reader is told to name one, and neither it nor its blogs are silenced.
    await options.getByTestId('silent-site-input').fill('blogspot.com');
    await options.getByTestId('silent-site-add').click();
    await expect(options.getByTestId('settings-status')).toHaveText(
      '“blogspot.com” is shared by many sites, each its own: enter the one to silence, like name.blogspot.com',
    );
    await expect(list.locator('li')).toHaveCount(1);
    await options.getByTestId('silent-site-input').fill('https://Harbourwatch.blogspot.com/2025/03/story.html');
    await options.getByTestId('silent-site-add').click();
    await expect(list.locator('li')).toHaveCount(2);
    await expect(list).toContainText('harbourwatch.blogspot.com');
    await list.getByRole('button', { name: /harbourwatch\.blogspot\.com/ }).click();
    await expect(list.locator('li')).toHaveCount(1);

    await options.reload();
    await expect(options.getByTestId('silent-sites')).toContainText('newsharbordaily.com');

    await page.goto(RUNNING_EXAMPLE.syndicatedPage);
    const tabId = await tabIdFor(context, RUNNING_EXAMPLE.syndicatedPage, extensionId);
    const popup = await waitForSettledPopup(context, extensionId, tabId);
    await expect(popup.getByTestId('verdict')).toContainText('Copy of a Washington Post story');
    await page.waitForTimeout(1_000);
    await expect(page.locator('provenance-badge')).toHaveCount(0);

    // Another copy elsewhere still gets its badge.
    const other = await context.newPage();
    await other.goto(RUNNING_EXAMPLE.sourceLink);
    await expect(other.locator('provenance-badge')).toHaveCount(1);
  });
});

test.describe('the popup actions', () => {
  test('Copy citation puts a citation of the original on the clipboard', async ({ context, extensionId, page }) => {
    // Chromium refuses to grant for a chrome-extension:// origin by name; granted for every origin it reaches the popup.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const popup = await openSettledPopup(context, extensionId, page, RUNNING_EXAMPLE.syndicatedPage);
    await popup.getByTestId('copy-citation').click();
    await expect(popup.getByTestId('copy-status')).toHaveText('Citation copied');
    const copied = await popup.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(RUNNING_EXAMPLE.originalPublisher);
    expect(copied).toContain(`“${RUNNING_EXAMPLE.originalHeadline}”`);
    expect(copied).toContain(RUNNING_EXAMPLE.syndicatedPage);
  });

  test('after Verify, "Open the original" points to the Washington Post and the evidence is listed', async ({ context, extensionId, page }) => {
    const popup = await openSettledPopup(context, extensionId, page, RUNNING_EXAMPLE.syndicatedPage);
    // Before: the original is named but not linked by the page itself.
    await expect(popup.getByTestId('evidence').getByTestId('evidence-item')).not.toHaveCount(0);
    const items = popup.getByTestId('evidence-item');
    expect(await items.count()).toBeGreaterThanOrEqual(3);
    // Folded by default, one click (or Enter) away.
    await expect(items.first()).toBeHidden();
    await popup.getByTestId('evidence-details').locator('summary').click();
    await expect(items.filter({ hasText: 'usa-news.biz' }).first()).toBeVisible();
    for (const item of await items.all()) await expect(item.locator('blockquote')).not.toBeEmpty();

    await popup.getByTestId('verify-button').click();
    await expect(popup.getByTestId('verification-result')).toHaveAttribute('data-outcome', 'verified', { timeout: 20_000 });
    const open = popup.getByTestId('open-original');
    await expect(open).toHaveAttribute('href', RUNNING_EXAMPLE.original);
    await expect(open).toHaveAttribute('target', '_blank');
    // The host it opens is always shown: a credit's name is only the page's word.
    await expect(open).toHaveText('Open the original (www.washingtonpost.com)');

    // It opens the original in a new tab.
    const [opened] = await Promise.all([context.waitForEvent('page'), open.click()]);
    await opened.waitForLoadState('domcontentloaded');
    expect(opened.url()).toBe(RUNNING_EXAMPLE.original);
  });

  test('a page that is not an article offers no actions', async ({ context, extensionId, page }) => {
    const popup = await openSettledPopup(context, extensionId, page, NOT_AN_ARTICLE.url);
    await expect(popup.getByTestId('no-article')).toBeVisible();
    await expect(popup.getByTestId('copy-citation')).toHaveCount(0);
    await expect(popup.getByTestId('verify-button')).toHaveCount(0);
  });
});
