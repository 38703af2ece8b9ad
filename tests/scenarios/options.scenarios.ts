/** Shared scenarios (both browsers) for issue 17's part: options (the Sites view, the history's columns, grouping and kind filter). Listed in tests/scenarios/scenarios.ts. */
import type { Driver, Scenario, Tab } from './driver';
import { RUNNING_EXAMPLE, farmPage } from '../e2e/support/pages';
import { check, eventually, expectNoBadge, openHistoryWith, settledPopup, waitForAttribute, waitForBadge, waitForCount, waitForText } from './steps';

/** A made-up feed site whose pages are scraped copies, and a made-up paper whose pages are its own. */
const FARM_HOST = 'www.mirrorwire-daily.com';
const PAPER_HOST = 'www.eastbrook-gazette.com';

function serveCopy(driver: Driver, slug: string, sourceUrl = RUNNING_EXAMPLE.original): string {
  const path = `/feed/${slug}/`;
  driver.web.route({
    host: FARM_HOST,
    path,
    behaviour: { kind: 'body', contentType: 'text/html; charset=utf-8', body: farmPage(`Story ${slug}`, sourceUrl) },
  });
  return `https://${FARM_HOST}${path}`;
}

function serveOwnArticle(driver: Driver, slug: string): string {
  const path = `/news/${slug}/`;
  const body = 'The council met on Tuesday evening and heard from residents about the plan for the river path. '.repeat(10);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local story ${slug} - Eastbrook Gazette</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Eastbrook Gazette"></head>
<body><article><h1>Local story ${slug}</h1><p class="byline">By Ana Ruiz, Eastbrook Gazette</p><p>${body}</p></article></body></html>`;
  driver.web.route({ host: PAPER_HOST, path, behaviour: { kind: 'body', contentType: 'text/html; charset=utf-8', body: html } });
  return `https://${PAPER_HOST}${path}`;
}

/** Visits each page (a tab each, left open: a tab closed at once may go before its scan is sent) and opens the options page once all are in the history. */
async function visit(driver: Driver, urls: string[]): Promise<Tab> {
  for (const url of urls) await driver.open(url);
  return openHistoryWith(driver, urls, 20_000);
}

/** A row of the Sites view, as shown. */
function siteRow(options: Tab, site: string) {
  return options.evaluate((name) => {
    const row = document.querySelector<HTMLElement>(`[data-testid="site-row"][data-site="${name}"]`);
    if (!row) return null;
    const cell = (id: string) => (row.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.innerText ?? '').replace(/\s+/g, ' ').trim();
    return {
      pages: cell('site-pages'),
      copies: cell('site-copies'),
      outlets: cell('site-outlets'),
      scraped: row.querySelector('[data-testid="site-scraped"]') !== null,
      last: cell('site-last'),
    };
  }, site);
}

/** Sets a <select> to a value as a person choosing it would end up (the change event the page listens to). */
function choose(tab: Tab, selector: string, value: string) {
  return tab.evaluate(
    ({ sel, val }) => {
      const select = document.querySelector<HTMLSelectElement>(sel)!;
      select.value = val;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { sel: selector, val: value },
  );
}

const rowTexts = (options: Tab) =>
  options.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="history-row"], [data-testid="history-group-row"]')].map(
      (row) => `${row.dataset.testid}: ${row.innerText.replace(/\s+/g, ' ').trim()}`,
    ),
  );

export const OPTIONS_SCENARIOS: Scenario[] = [
  {
    name: "[options] the Sites view counts each site's pages and copies, marks the scraping site, and its next page's badge says so",
    timeout: 120_000,
    async run(driver) {
      const copies = ['one', 'two', 'three'].map((slug) => serveCopy(driver, slug));
      const own = ['a', 'b', 'c'].map((slug) => serveOwnArticle(driver, slug));
      // A new site's first pages: too few to say anything about the site.
      const first = await driver.open(copies[0]!);
      await waitForBadge(first, (state) => state.present, 'a badge on the first copy');
      check(
        !(await first.inShadow('provenance-badge', (root) => root?.querySelector('[data-testid="provenance-badge-site"]') !== null)),
        'no line about the site after one page',
      );
      const options = await visit(driver, [...copies.slice(1), ...own]);

      await options.click('[data-testid="sites-tab"]');
      await waitForText(options, '[data-testid="sites-status"]', /\d+ sites, from \d+ pages read/, 15_000);
      const farm = await eventually(
        () => siteRow(options, 'mirrorwire-daily.com').then((row) => row ?? undefined),
        () => 'a row for mirrorwire-daily.com in the Sites view',
      );
      check(farm.pages === '3', `the farm: 3 pages read (${JSON.stringify(farm)})`);
      check(farm.copies.includes('100%') && farm.copies.includes('3 of 3'), `the farm: all 3 were copies (${JSON.stringify(farm)})`);
      check(farm.outlets.includes(`${RUNNING_EXAMPLE.originalPublisher}: 3`), `the farm copies the Post most (${JSON.stringify(farm)})`);
      check(farm.scraped, `the farm is marked mostly scraped (${JSON.stringify(farm)})`);
      check(farm.last.length > 0, 'the farm has a last-seen date');
      const paper = await siteRow(options, 'eastbrook-gazette.com');
      check(paper !== null, 'a row for eastbrook-gazette.com');
      check(
        paper.pages === '3' && paper.copies.includes('0%') && paper.copies.includes('0 of 3'),
        `the paper: 3 pages, none a copy (${JSON.stringify(paper)})`,
      );
      check(!paper.scraped && paper.outlets === 'None', `the paper is not marked and copies nobody (${JSON.stringify(paper)})`);
      // The "mostly copies" filter keeps the farm only.
      await options.click('[data-testid="sites-mostly-copies"]');
      await waitForCount(options, '[data-testid="site-row"][data-site="eastbrook-gazette.com"]', 0);
      await waitForCount(options, '[data-testid="site-row"][data-site="mirrorwire-daily.com"]', 1);

      // A new page of the farm: the card says what the reader's pages of this site were.
      const next = await driver.open(serveCopy(driver, 'four'));
      await waitForBadge(next, (state) => state.present, 'a badge on a new page of the farm');
      const line = await eventually(
        () =>
          next.inShadow(
            'provenance-badge',
            (root) => root?.querySelector<HTMLElement>('[data-testid="provenance-badge-site"]')?.dataset.t ?? undefined,
          ),
        () => "the card's line about the site",
      );
      check(line === "This site's pages you read were copies (3 of 3)", `the card's line: ${JSON.stringify(line)}`);
      // The paper's new page is no copy: no badge at all.
      await expectNoBadge(await driver.open(serveOwnArticle(driver, 'd')), 'a page of a site whose pages are its own');
    },
  },

  {
    name: '[options] history rows: Checked and Original columns, a row click opens its details, copies grouped under their original, filter by kind',
    timeout: 150_000,
    async run(driver) {
      const copies = ['alpha', 'beta'].map((slug) => serveCopy(driver, slug));
      const own = serveOwnArticle(driver, 'e');
      const options = await visit(driver, [...copies, own]);

      // Columns: every header has words, the actions column too.
      const headers = await options.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[role="columnheader"]')].map((el) => el.innerText.trim()),
      );
      check(
        JSON.stringify(headers) === JSON.stringify(['Headline', 'Site', 'Original publisher', 'Checked', 'Seen', 'Actions']),
        `the history's column headers: ${JSON.stringify(headers)}`,
      );
      const copyRow = `[data-testid="history-row"]:has(a[href="${copies[0]}"])`;
      await waitForText(options, `${copyRow} [data-testid="history-checked"]`, 'Not checked');
      const original = await options.evaluate(
        (sel) => document.querySelector<HTMLAnchorElement>(`${sel} [data-testid="history-original"] a`)?.href ?? null,
        copyRow,
      );
      check(original === RUNNING_EXAMPLE.original, `the Original column links the Post's article: ${original}`);
      await waitForText(options, `[data-testid="history-row"]:has(a[href="${own}"]) [data-testid="history-original"]`, /original/);

      // Checked: a copy verified from its popup shows the outcome in words.
      await driver.open(copies[0]!);
      const { popup } = await settledPopup(driver, copies[0]!);
      await popup.click('[data-testid="verify-button"]');
      await waitForAttribute(popup, '[data-testid="verification-result"]', 'data-outcome', 'verified', 30_000);
      await options.reload();
      const checked = await waitForText(
        options,
        `${copyRow} [data-testid="history-checked"]`,
        /Copied word for word|Partly copied|Rewritten from the original|Original found, text not compared/,
        15_000,
      );
      check(!/verified|verbatim|named-not-linked/.test(checked), `the outcome in words, not a code: ${checked}`);

      // A click on the row (not on a link) opens its details; Close returns.
      await options.click(`${copyRow} [data-testid="history-site"]`);
      await waitForCount(options, '[data-testid="history-detail"][open]', 1);
      await waitForText(options, '[data-testid="history-detail"]', 'Story alpha');
      await options.click('[data-testid="detail-close"]');
      await waitForCount(options, '[data-testid="history-detail"]', 0);

      // Grouped: the two copies of the Post's article under one line naming it.
      await options.click('[data-testid="history-group"]');
      await waitForCount(options, '[data-testid="history-group-row"]', 1, 15_000);
      const lines = await rowTexts(options);
      const group = lines.findIndex((line) => line.startsWith('history-group-row'));
      check(
        lines[group]!.includes(`Original: ${RUNNING_EXAMPLE.originalPublisher}`) && lines[group]!.includes('Copied 2 times'),
        `the group line: ${lines[group]}`,
      );
      check(
        lines.slice(group + 1, group + 3).every((line) => /Story (alpha|beta)/.test(line)),
        `both copies under it: ${JSON.stringify(lines)}`,
      );
      check(
        lines.some((line, i) => i !== group + 1 && i !== group + 2 && line.includes('Local story e')),
        `the paper's article stays outside the group: ${JSON.stringify(lines)}`,
      );
      await options.click('[data-testid="history-group"]');
      await waitForCount(options, '[data-testid="history-group-row"]', 0);

      // Filter by kind: scraped copies only, then wire stories (none here).
      await choose(options, '[data-testid="filter-kind"]', 'scraped');
      await waitForCount(options, '[data-testid="history-row"]', 2);
      check(
        (await rowTexts(options)).every((line) => /Story (alpha|beta)/.test(line)),
        'the scraped copies only',
      );
      await choose(options, '[data-testid="filter-kind"]', 'wire');
      await waitForCount(options, '[data-testid="history-row"]', 0);
      await waitForText(options, '[data-testid="history-no-match"]', /./);
      await choose(options, '[data-testid="filter-kind"]', '');
      await waitForCount(options, '[data-testid="history-row"]', 3);
      const kinds = await options.evaluate(() =>
        [...(document.querySelector<HTMLSelectElement>('[data-testid="filter-kind"]')?.options ?? [])].map((option) => option.text),
      );
      check(
        kinds.includes('Scraped copy') && kinds.includes('Wire story') && kinds.length === 8,
        `the kinds are named in words: ${JSON.stringify(kinds)}`,
      );
    },
  },
];
