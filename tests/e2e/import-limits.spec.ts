/**
 * The options page with hostile history files and the history's size limit,
 * in Chromium: an import is refused with the entry and the field named, its
 * text is cleaned before it is shown, and an import beyond the size limit set
 * in Settings keeps the most recently seen entries and says how many went.
 * The checks themselves are unit-tested (tests/unit/import-strict.test.ts);
 * this is the path a reader takes, file input to the words on screen.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openOptions } from './support/browser';

function record(url: string, headline = 'Council approves Mill Street bridge plan') {
  return {
    url,
    isArticle: true,
    syndicated: false,
    confidence: 0.1,
    page: { headline, author: null, authors: [], publishedAt: null, publishedAtText: null, siteName: 'Harlow Valley Courier' },
    original: null,
    chain: [],
    sourceUrl: null,
    copyright: null,
    signals: [],
    engineMs: 1,
  };
}

function exportFile(records: object[], firstSeen = Date.now() - 60_000): string {
  return JSON.stringify({
    format: 'provenance-history',
    version: 1,
    exportedAt: new Date().toISOString(),
    entries: records.map((r, i) => ({ firstSeen: firstSeen + i, lastSeen: firstSeen + i, visits: 1, record: r })),
  });
}

async function importText(options: Page, name: string, text: string) {
  await options.getByTestId('import-json').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('a hostile import is refused naming the entry and the field, and changes nothing', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  await expect(options.getByTestId('history-empty')).toBeVisible();
  const error = options.getByTestId('history-error');

  // "http://" made the import fail with a bare "Invalid URL" before.
  await importText(options, 'bad-url.json', exportFile([record('https://www.harlowvalleycourier.com/a/'), record('http://')]));
  await expect(error).toHaveText('Nothing was imported: entry 2 is not the record of a web page: record.url "http://" is not an http(s) link.');

  const scripted = {
    ...record('https://www.harlowvalleycourier.com/b/'),
    original: { url: 'javascript:alert(1)', publisher: 'X', headline: null, publishedAt: null },
  };
  await importText(options, 'script-link.json', exportFile([scripted]));
  await expect(error).toHaveText(
    'Nothing was imported: entry 1 is not a valid provenance record: record.original.url "javascript:alert(1)" is not an http(s) link.',
  );

  const long = record('https://www.harlowvalleycourier.com/c/', 'x'.repeat(5_000));
  await importText(options, 'long.json', exportFile([long]));
  await expect(error).toHaveText(
    'Nothing was imported: entry 1 is not a valid provenance record: record.page.headline has 5,000 characters; at most 4,000 are allowed.',
  );

  await options.reload();
  await expect(options.getByTestId('history-empty')).toBeVisible();
});

test('bidirectional and control characters in an import are not shown', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  await importText(
    options,
    'bidi.json',
    exportFile([record('https://www.harlowvalleycourier.com/d/', 'Bridge \u202eworks\u202c begin\u0007 in May')]),
  );
  await expect(options.getByTestId('history-notice')).toHaveText('Imported: 1 new, 0 updated, 0 already there.');
  const headline = options.locator('[data-testid="history-row"] [data-testid="history-headline"]');
  await expect(headline).toHaveText('Bridge works begin in May');
});

test('the history size limit: in Settings with what it does, and an import beyond it keeps the newest', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  await options.getByTestId('settings-tab').click();
  const limit = options.getByTestId('setting-history-max');
  await expect(limit).toHaveValue('50000');
  await expect(options.locator('.setting', { has: limit })).toContainText('the ones you saw longest ago are deleted first');
  await limit.fill('99');
  await limit.press('Enter');
  await expect(options.getByTestId('settings-status')).toHaveText(/Enter a whole number of articles from 100 to 100[,.\u202f ]?000\./);
  await limit.fill('100');
  await limit.press('Enter');
  await expect(options.getByTestId('settings-status')).not.toContainText('Enter');

  await options.getByRole('link', { name: 'History' }).click();
  const records = Array.from({ length: 120 }, (_, i) => record(`https://www.harlowvalleycourier.com/story-${i}/`, `Story number ${i}`));
  await importText(options, 'many.json', exportFile(records));
  await expect(options.getByTestId('history-notice')).toHaveText(
    'Imported: 120 new, 0 updated, 0 already there. The history is limited to 100 articles (see Settings): the 20 seen longest ago were deleted.',
  );
  await expect(options.getByTestId('history-count')).toHaveText('100 of 100 articles');
  // The newest is kept, the oldest went.
  await options.getByTestId('history-search').fill('119');
  await expect(options.getByTestId('history-count')).toHaveText('1 of 100 articles');
  await options.getByTestId('history-search').fill('19');
  await expect(options.getByTestId('history-count')).toHaveText('0 of 100 articles');
});
