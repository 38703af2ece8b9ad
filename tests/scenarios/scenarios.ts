/**
 * The end-to-end scenarios both browsers run: what a reader does and sees,
 * written once. tests/e2e/shared.spec.ts runs them in Chromium,
 * scripts/firefox-e2e.ts in Firefox. Browser-specific tests (Chromium's
 * service worker being stopped, axe-core, downloads) stay in tests/e2e/*.spec.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver, Scenario, Tab } from './driver';
import { KIND_SCENARIOS } from './kind.scenarios';
import { POPUP_SCENARIOS } from './popup.scenarios';
import { CARD_SCENARIOS } from './card.scenarios';
import { CONTROL_SCENARIOS } from './control.scenarios';
import { OPTIONS_SCENARIOS } from './options.scenarios';
import { LOCALE_SCENARIOS } from './locale.scenarios';
import { PROTOCOL_SCENARIOS } from './protocol.scenarios';
import { FIXTURE_ROOT } from '../e2e/support/fixture-web';
import { NOT_AN_ARTICLE, ORIGINALS, RUNNING_EXAMPLE, farmPage } from '../e2e/support/pages';
import {
  IN_CARD,
  PILL,
  attributeOf,
  check,
  countOf,
  eventually,
  inExtension,
  expectNoBadge,
  historyRows,
  openHistoryWith,
  settledPopup,
  sleep,
  textOf,
  toolbarBadgeText,
  waitForAttribute,
  waitForBadge,
  waitForCount,
  waitForText,
  type HistoryRow,
} from './steps';

const COPY_HOST = 'www.copyfarm-news.com';

function serveFarmPage(driver: Driver, slug: string, sourceUrl: string): string {
  const path = `/story/${slug}/`;
  driver.web.route({
    host: COPY_HOST,
    path,
    behaviour: { kind: 'body', contentType: 'text/html; charset=utf-8', body: farmPage(`Story ${slug}`, sourceUrl) },
  });
  return `https://${COPY_HOST}${path}`;
}

/** Ways to fail to get an original (the fixture web's edge.test routes), and what the reader is told. */
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
  {
    name: 'a source link into a private network',
    source: 'http://192.168.1.1/admin/',
    code: 'private-address',
    words: /192\.168\.1\.1 points into a private network: not fetched/,
  },
];

/** How many pages the extension's cache of originals holds (its IndexedDB, read from an extension page). */
function cachedOriginals(driver: Driver): Promise<number> {
  return inExtension(
    driver,
    async () => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const request = indexedDB.open('provenance');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const count: number = await new Promise((resolve, reject) => {
        const request = db.transaction('originals').objectStore('originals').count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
      return count;
    },
    null,
  );
}

/** Opens `url`, its popup, checks it calls the page a copy and clicks "Find and compare the original". */
async function openAndVerify(driver: Driver, url: string): Promise<{ page: Tab; popup: Tab; tabId: number }> {
  const page = await driver.open(url);
  const { popup, tabId } = await settledPopup(driver, url);
  await waitForCount(popup, '.card.is-copy [data-testid="verdict"]', 1);
  await waitForText(popup, '[data-testid="verify-button"]', /Find and compare the original|Compare again/);
  await popup.click('[data-testid="verify-button"]');
  return { page, popup, tabId };
}

function expectHistory(rows: HistoryRow[], startedAt: number): void {
  const copy = rows.findIndex((r) => r.links.includes(RUNNING_EXAMPLE.syndicatedPage));
  const original = rows.findIndex((r) => r.links.includes(ORIGINALS.regional.url));
  check(copy >= 0, 'the syndicated page is in the history, linked');
  check(original >= 0, 'the original is in the history, linked');
  check(original < copy, `newest first: the original, visited last, comes first (rows: ${JSON.stringify(rows.map((r) => r.text.slice(0, 60)))})`);
  const copyRow = rows[copy]!;
  check(
    copyRow.text.includes('U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv'),
    `the copy's row shows its headline: ${copyRow.text}`,
  );
  check(/News Harbor Daily|newsharbordaily\.com/.test(copyRow.text), `the copy's row shows its site: ${copyRow.text}`);
  check(copyRow.text.includes(RUNNING_EXAMPLE.originalPublisher), `the copy's row names the original publisher: ${copyRow.text}`);
  const originalRow = rows[original]!;
  check(originalRow.text.includes(ORIGINALS.regional.headline), `the original's row shows its headline: ${originalRow.text}`);
  // The date seen is the visit, not the article's publish date.
  for (const row of [copyRow, originalRow]) {
    const seen = Date.parse(row.seen[0] ?? '');
    check(seen >= startedAt - 60_000 && seen <= Date.now() + 60_000, `the row's <time> is the visit (${row.seen[0]}): ${row.text}`);
  }
}

const CORE_SCENARIOS: Scenario[] = [
  {
    name: 'the running example: a badge near the headline names the original publisher and opens by click and keyboard',
    async run(driver) {
      const page = await driver.open(RUNNING_EXAMPLE.syndicatedPage);
      const badge = await waitForBadge(
        page,
        // The kind of copy first, naming the original's publisher (core/kind-text.ts).
        (b) => b.pillVisible && b.pill.includes('Copy of a Washington Post story'),
        'a visible badge saying "Copy of a Washington Post story"',
      );
      check(
        badge.headlineTop !== null && Math.abs(badge.pillTop - badge.headlineTop) < badge.headlineHeight + 150,
        `the badge is near the headline (badge at ${badge.pillTop}, <h1> at ${badge.headlineTop})`,
      );
      check(!badge.cardVisible && badge.expanded === 'false', 'the card is closed at first');

      await page.click(PILL);
      const open = await waitForBadge(page, (b) => b.cardVisible, 'the card open after a click');
      // The card's link says what it leads to: the intermediate site, itself a copy (lib/card-words.ts).
      check(open.card.includes('Credited page: USA NEWS (itself a copy)'), `the card names the intermediate site: ${open.card}`);
      check(open.card.startsWith('Copy of a Washington Post story'), `the card names the original publisher first: ${open.card}`);
      check(open.link === RUNNING_EXAMPLE.sourceLink, `the card links to the source: ${open.link}`);

      await page.press('Escape');
      const closed = await waitForBadge(page, (b) => !b.cardVisible, 'the card closed by Escape');
      check(closed.focused === 'provenance-badge', `focus goes back to the pill (it is on ${closed.focused})`);
      await page.press('Enter');
      await waitForBadge(page, (b) => b.cardVisible && b.expanded === 'true', 'the card open again by Enter');
      await page.press('Tab');
      await waitForBadge(page, (b) => b.focused === 'provenance-badge-link', 'Tab moving to the link in the card');
    },
  },

  {
    name: 'the popup tells the whole story of the running example, with evidence',
    async run(driver) {
      await driver.open(RUNNING_EXAMPLE.syndicatedPage);
      const { popup } = await settledPopup(driver, RUNNING_EXAMPLE.syndicatedPage);
      const field = (id: string) => `[data-testid="${id}"]`;
      await waitForText(popup, field('verdict'), 'Copy of a Washington Post story');
      await waitForText(popup, field('original-publisher'), RUNNING_EXAMPLE.originalPublisher);
      check((await popup.evaluate(() => document.querySelector('[data-testid="source-link"]')?.tagName)) === 'A', 'the source is a link');
      check((await attributeOf(popup, field('source-link'), 'href')) === RUNNING_EXAMPLE.sourceLink, 'the source link points to USA NEWS');
      const chain = (await textOf(popup, field('chain'))) ?? '';
      const via = chain.indexOf(RUNNING_EXAMPLE.intermediateName);
      const origin = chain.indexOf(RUNNING_EXAMPLE.originalPublisher);
      check(via >= 0 && origin > via, `the chain goes page → ${RUNNING_EXAMPLE.intermediateName} → ${RUNNING_EXAMPLE.originalPublisher}: ${chain}`);
      await waitForText(popup, field('page-headline'), 'U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv');
      await waitForText(popup, field('original-headline'), RUNNING_EXAMPLE.originalHeadline);
      // Written without a time zone, shown as written.
      await waitForText(popup, field('published'), RUNNING_EXAMPLE.publishedAsWritten);
      await waitForText(popup, field('author'), RUNNING_EXAMPLE.author);
      await waitForText(popup, field('copyright'), RUNNING_EXAMPLE.copyright);
      const evidence = await countOf(popup, '[data-testid="evidence"] [data-testid="evidence-item"]');
      check(evidence >= 3, `at least 3 evidence items, found ${evidence}`);
    },
  },

  {
    name: 'the toolbar icon marks the copy and not an original',
    async run(driver) {
      await driver.open(RUNNING_EXAMPLE.syndicatedPage);
      const copy = await settledPopup(driver, RUNNING_EXAMPLE.syndicatedPage);
      const copyText = await toolbarBadgeText(driver, copy.tabId);
      check(copyText !== '', "the copy's tab has a toolbar badge");
      await driver.open(ORIGINALS.regional.url);
      const original = await settledPopup(driver, ORIGINALS.regional.url);
      await sleep(500);
      const originalText = await toolbarBadgeText(driver, original.tabId);
      check(originalText === '', `the original's tab has no toolbar badge, found ${JSON.stringify(originalText)}`);
    },
  },

  {
    name: 'ordinary originals are not flagged and a front page is not an article',
    async run(driver) {
      for (const original of Object.values(ORIGINALS)) {
        const page = await driver.open(original.url);
        const { popup, tabId } = await settledPopup(driver, original.url);
        await waitForText(popup, '[data-testid="verdict"]', 'Original article');
        await expectNoBadge(page, original.siteName, 1_000);
        const toolbar = await toolbarBadgeText(driver, tabId);
        check(toolbar === '', `${original.siteName}: no toolbar badge, found ${JSON.stringify(toolbar)}`);
        await popup.close();
        await page.close();
      }
      const front = await driver.open(NOT_AN_ARTICLE.url);
      const { popup } = await settledPopup(driver, NOT_AN_ARTICLE.url);
      await waitForCount(popup, '[data-testid="no-article"]', 1);
      check((await countOf(popup, '[data-testid="verdict"]')) === 0, 'the front page gets no verdict');
      await expectNoBadge(front, 'a front page', 500);
    },
  },

  {
    name: 'the history lists visited articles newest first, and search narrows it',
    async run(driver) {
      const startedAt = Date.now();
      await driver.open(RUNNING_EXAMPLE.syndicatedPage);
      await (await openHistoryWith(driver, [RUNNING_EXAMPLE.syndicatedPage])).close();
      await driver.open(ORIGINALS.regional.url);
      const options = await openHistoryWith(driver, [RUNNING_EXAMPLE.syndicatedPage, ORIGINALS.regional.url]);
      expectHistory(await historyRows(options), startedAt);

      await options.type('[data-testid="history-search"]', 'bri'); // "bridge", in the Courier's headline
      await waitForCount(options, '[data-testid="history-row"]', 1);
      await waitForText(options, '[data-testid="history-row"]', ORIGINALS.regional.headline);
      await waitForText(options, '[data-testid="history-count"]', '1 of 2 articles');
    },
  },

  {
    name: "the history detail shows the popup's card; an entry can be deleted, and all cleared after confirming",
    async run(driver) {
      await driver.open(ORIGINALS.regional.url);
      await (await openHistoryWith(driver, [ORIGINALS.regional.url])).close();
      await driver.open(RUNNING_EXAMPLE.syndicatedPage);
      const options = await openHistoryWith(driver, [ORIGINALS.regional.url, RUNNING_EXAMPLE.syndicatedPage]);
      // Newest first: the copy's row is the first one.
      await options.click('[data-testid="history-row"] [data-testid="history-details"]');
      const dialog = '[data-testid="history-detail"]';
      await waitForText(options, `${dialog} [data-testid="verdict"]`, 'Copy of a Washington Post story');
      check(
        (await attributeOf(options, `${dialog} [data-testid="source-link"]`, 'href')) === RUNNING_EXAMPLE.sourceLink,
        'the detail links the source',
      );
      await waitForText(options, `${dialog} [data-testid="author"]`, RUNNING_EXAMPLE.author);
      check((await countOf(options, `${dialog} [data-testid="evidence-item"]`)) >= 3, 'the detail lists the evidence');
      await options.click('[data-testid="detail-close"]');
      await waitForCount(options, dialog, 0);

      await options.click('[data-testid="history-row"] [data-testid="history-delete"]');
      await waitForCount(options, '[data-testid="history-row"]', 1);
      await waitForText(options, '[data-testid="history-notice"]', 'Entry deleted.');
      await options.reload();
      await waitForCount(options, '[data-testid="history-row"]', 1);
      await waitForText(options, '[data-testid="history-row"]', ORIGINALS.regional.headline);

      // Clear all asks first; Escape cancels.
      await options.click('[data-testid="clear-history"]');
      await waitForCount(options, '[data-testid="confirm-clear"]', 1);
      await options.press('Escape');
      await waitForCount(options, '[data-testid="confirm-clear"]', 0);
      await waitForCount(options, '[data-testid="history-row"]', 1);
      await options.click('[data-testid="clear-history"]');
      await options.click('[data-testid="confirm-clear-yes"]');
      await waitForCount(options, '[data-testid="history-empty"]', 1);
      await options.reload();
      await waitForCount(options, '[data-testid="history-empty"]', 1);
      await waitForCount(options, '[data-testid="history-row"]', 0);
    },
  },

  {
    name: 'with badges off in the settings, a copy opened later gets no badge and is still recognised',
    async run(driver) {
      const first = await driver.open(RUNNING_EXAMPLE.syndicatedPage);
      await waitForBadge(first, (b) => b.pillVisible, 'the badge (on by default)');
      const settings = await driver.openExtensionPage('options.html#settings');
      await waitForAttribute(settings, '[data-testid="setting-badges"]', 'data-testid', 'setting-badges');
      check(
        await settings.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="setting-badges"]')!.checked),
        'badges are on by default',
      );
      await settings.click('[data-testid="setting-badges"]');
      await waitForText(settings, '[data-testid="settings-status"]', 'Saved.');
      await settings.reload();
      await eventually(
        async () =>
          (await settings.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="setting-badges"]')?.checked)) === false
            ? true
            : undefined,
        () => 'the badges setting stays off after a reload',
      );
      await first.close();
      const later = await driver.open(RUNNING_EXAMPLE.syndicatedPage);
      const { popup } = await settledPopup(driver, RUNNING_EXAMPLE.syndicatedPage);
      await waitForText(popup, '[data-testid="verdict"]', 'Copy of a Washington Post story');
      await expectNoBadge(later, 'badges are off', 1_000);
    },
  },

  {
    name: 'the badge can be hidden for the page and silenced for the site, which the settings list',
    async run(driver) {
      const page = await driver.open(RUNNING_EXAMPLE.syndicatedPage);
      await waitForBadge(page, (b) => b.pillVisible, 'the badge');
      await page.click(PILL);
      await page.click(IN_CARD('provenance-badge-dismiss'));
      await waitForBadge(page, (b) => !b.present, 'the badge gone after "hide"');
      // Only for this visit.
      await page.reload();
      await waitForBadge(page, (b) => b.pillVisible, 'the badge back after a reload');

      await page.click(PILL);
      await page.click(IN_CARD('provenance-badge-silence'));
      await waitForBadge(page, (b) => !b.present, 'the badge gone after "silence this site"');
      await page.reload();
      await expectNoBadge(page, 'a silenced site');
      const options = await driver.openExtensionPage('options.html#settings');
      await waitForText(options, '[data-testid="silent-sites"]', 'newsharbordaily.com');

      // A blog on a shared host (blogspot.com is on the Public Suffix List's private section) is one site:
      // silencing it leaves the other blogs there, and the settings list the blog, not blogspot.com.
      const blog = (host: string) => {
        driver.web.route({
          host,
          path: '/2025/03/story.html',
          behaviour: { kind: 'body', contentType: 'text/html; charset=utf-8', body: farmPage(`A story on ${host}`, RUNNING_EXAMPLE.sourceLink) },
        });
        return `https://${host}/2025/03/story.html`;
      };
      const silenced = await driver.open(blog('harbourwatch.blogspot.com'));
      await waitForBadge(silenced, (b) => b.pillVisible, 'the badge on a blogspot.com blog');
      await silenced.click(PILL);
      await silenced.click(IN_CARD('provenance-badge-silence'));
      await waitForBadge(silenced, (b) => !b.present, 'the badge gone after "silence this site" on the blog');
      await silenced.reload();
      await expectNoBadge(silenced, 'a silenced blog');
      const other = await driver.open(blog('tidewatch.blogspot.com'));
      await waitForBadge(other, (b) => b.pillVisible, 'the badge still on another blogspot.com blog');
      const settingsNow = await driver.openExtensionPage('options.html#settings');
      await waitForText(settingsNow, '[data-testid="silent-sites"]', 'harbourwatch.blogspot.com');
      const listed = await textOf(settingsNow, '[data-testid="silent-sites"]');
      check(!/(^|[^.\w])blogspot\.com/.test(listed ?? ''), `the settings list the blog, not all of blogspot.com: ${listed}`);
    },
  },

  {
    name: 'the badge follows client-side navigation in a single-page site',
    async run(driver) {
      // A news app that swaps articles with history.pushState, as React/Next sites do.
      const app = `<!doctype html><html><head><meta charset="utf-8"><title>Spa News</title></head><body>
<div id="root"><article><h1>Local library extends opening hours</h1><p>${'The library will stay open later on weekdays from next month, the council said. '.repeat(10)}</p></article></div>
<button id="next">Next story</button><button id="back">Back</button>
<script>
  const root = document.getElementById('root');
  const original = root.innerHTML;
  document.getElementById('next').onclick = () => {
    history.pushState({}, '', '/story/syndicated/');
    root.innerHTML = '<article><h1 class="entry-title">Talks without allies</h1><p>Source link : <a href="${RUNNING_EXAMPLE.sourceLink}">${RUNNING_EXAMPLE.sourceLink}</a></p><p>' +
      'Officials met for the first time. '.repeat(20) + '</p><p>The post U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv – The Washington Post first appeared on USA NEWS.</p>' +
      '<p>Copyright for syndicated content belongs to the linked Source.</p></article>';
  };
  document.getElementById('back').onclick = () => { history.pushState({}, '', '/story/local/'); root.innerHTML = original; };
</script></body></html>`;
      driver.web.route({
        host: 'www.spa-news.com',
        path: /^\/story\//,
        behaviour: { kind: 'body', contentType: 'text/html; charset=utf-8', body: app },
      });
      const page = await driver.open('https://www.spa-news.com/story/local/');
      await expectNoBadge(page, 'a local story', 1_000);
      await page.click('#next');
      // The pill's words are the kind of copy, naming the original's publisher (core/kind-text.ts).
      await waitForBadge(
        page,
        (b) => b.pillVisible && b.pill.includes('Copy of a Washington Post story'),
        'the badge for the syndicated story',
        5_000,
      );
      await page.click('#back');
      await waitForBadge(page, (b) => !b.present, 'no badge back on the local story', 5_000);
    },
  },

  {
    name: "the badge takes no room in the article and keeps the page's CSS out and its own in",
    async run(driver) {
      const page = await driver.open(RUNNING_EXAMPLE.syndicatedPage);
      await waitForBadge(page, (b) => b.pillVisible, 'the badge');
      // The text after the badge is where it would be without it.
      const shift = await page.evaluate(() => {
        const host = document.querySelector('provenance-badge')!;
        const next = host.nextElementSibling!;
        const withBadge = next.getBoundingClientRect().top;
        const placeholder = document.createComment('badge');
        host.replaceWith(placeholder);
        const without = next.getBoundingClientRect().top;
        placeholder.replaceWith(host);
        return withBadge - without;
      });
      check(shift === 0, `the article text moved by ${shift}px when the badge appeared`);

      const pillStyle = () =>
        page.inShadow('provenance-badge', (root) => {
          const pill = root!.querySelector('[data-testid="provenance-badge"]')!;
          const style = getComputedStyle(pill);
          return { color: style.color, fontSize: style.fontSize };
        });
      const before = await pillStyle();
      // A hostile page stylesheet: everything red and huge, buttons and our host hidden.
      await page.evaluate(() => {
        const style = document.createElement('style');
        style.textContent =
          '* { color: rgb(255, 0, 0) !important; font-size: 40px !important; } button { display: none !important; } provenance-badge { display: none !important; }';
        document.head.append(style);
      });
      await waitForBadge(page, (b) => b.pillVisible, "the badge still visible under the page's hostile CSS");
      const after = await pillStyle();
      check(
        after.color === before.color && after.fontSize === '13px',
        `the pill kept its style: ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
      );
      const leaked = await page.evaluate(() =>
        [...document.styleSheets].some((sheet) => {
          try {
            return [...sheet.cssRules].some((rule) => rule.cssText.includes('.pill'));
          } catch {
            return false; // a cross-origin sheet: not ours
          }
        }),
      );
      check(!leaked, "the badge's own rules stay in its shadow root");
    },
  },

  {
    name: 'Verify follows page → USA NEWS → The Washington Post and compares headline, text and dates',
    timeout: 90_000,
    async run(driver) {
      const { popup } = await openAndVerify(driver, RUNNING_EXAMPLE.syndicatedPage);
      await waitForAttribute(popup, '[data-testid="verification-result"]', 'data-outcome', 'verified', 30_000);
      const hops = await popup.evaluate(() => [...document.querySelectorAll('[data-testid="verified-hop"]')].map((h) => h.textContent ?? ''));
      check(
        hops.length === 2 && hops[0]!.includes('usa-news.biz') && hops[1]!.includes('washingtonpost.com'),
        `two hops, USA NEWS then the Post: ${JSON.stringify(hops)}`,
      );
      // The farm's copy is a machine rewrite of the Post's story: similar headline, little wording reused.
      await waitForAttribute(popup, '[data-testid="headline-verdict"]', 'data-verdict', /same|lightly-edited/);
      await waitForAttribute(popup, '[data-testid="text-verdict"]', 'data-verdict', 'rewritten');
      await waitForText(popup, '[data-testid="delay"]', /later/);
      check(
        (await attributeOf(popup, '[data-testid="open-original"]', 'href')) === RUNNING_EXAMPLE.original,
        '"Open the original" points to the Post',
      );
      const fetched = new Set(driver.web.requests.filter((r) => /usa-news\.biz|washingtonpost\.com/.test(r.url)).map((r) => new URL(r.url).hostname));
      check(fetched.has('usa-news.biz') && fetched.has('www.washingtonpost.com'), `both hops were fetched: ${[...fetched].join(', ')}`);
    },
  },

  {
    name: 'with automatic verification on, a copy is verified without a click',
    timeout: 90_000,
    async run(driver) {
      const settings = await driver.openExtensionPage('options.html#settings');
      await waitForAttribute(settings, '[data-testid="setting-auto-verify"]', 'data-testid', 'setting-auto-verify');
      check(
        !(await settings.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="setting-auto-verify"]')!.checked)),
        'automatic verification is off by default',
      );
      await settings.click('[data-testid="setting-auto-verify"]');
      await waitForText(settings, '[data-testid="settings-status"]', 'Saved.');
      await driver.open(RUNNING_EXAMPLE.syndicatedPage);
      const { popup } = await settledPopup(driver, RUNNING_EXAMPLE.syndicatedPage);
      // Nobody clicks Verify: the background checked the chain when the page was scanned.
      let outcome: string | null = null;
      let loadedAt = Date.now();
      await eventually(
        async () => {
          outcome = await attributeOf(popup, '[data-testid="verification-result"]', 'data-outcome');
          if (outcome === 'verified') return true;
          if (Date.now() - loadedAt > 2_000) {
            loadedAt = Date.now();
            await popup.reload();
          }
          return undefined;
        },
        () => `Expected the popup to show a verification nobody asked for; its outcome is ${JSON.stringify(outcome)}`,
        { timeout: 30_000, interval: 300 },
      );
      const fetched = driver.web.requests.some((r) => r.url.startsWith(RUNNING_EXAMPLE.original));
      check(fetched, 'the original was fetched by the automatic verification');
    },
  },

  {
    name: 'a verified result is shown at once from storage, with its age, and a re-check with the site down keeps it',
    timeout: 90_000,
    async run(driver) {
      const { popup, tabId } = await openAndVerify(driver, RUNNING_EXAMPLE.syndicatedPage);
      await waitForAttribute(popup, '[data-testid="verification-result"]', 'data-outcome', 'verified', 30_000);
      await popup.close();
      await driver.web.stop();
      const again = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
      await waitForAttribute(again, '[data-testid="verification-result"]', 'data-outcome', 'verified');
      await waitForText(again, '[data-testid="verify-age"]', /checked/);
      // A re-check while the site is down keeps the earlier result and says why it could not refresh it.
      await again.click('[data-testid="verify-button"]');
      await waitForCount(again, '[data-testid="verify-progress"]', 0, 30_000);
      await waitForAttribute(again, '[data-testid="verification-result"]', 'data-outcome', 'verified');
      await waitForAttribute(again, '[data-testid="text-verdict"]', 'data-verdict', 'rewritten');
    },
  },

  {
    name: 'a verbatim republication: text reuse near 100 %, same headline',
    timeout: 90_000,
    async run(driver) {
      // The Post's article republished word for word on another site, its canonical still pointing to the Post.
      const original = fs.readFileSync(
        path.join(FIXTURE_ROOT, 'washingtonpost.com/world/2025/02/18/us-russia-talks-ukraine-nato-kyiv/index.html'),
        'utf8',
      );
      const republished = original.replace(/<meta property="og:site_name"[^>]*>/, '<meta property="og:site_name" content="Valley Republic">');
      driver.web.route({
        host: 'www.valleyrepublic.com',
        path: '/world/us-russia-talks/',
        behaviour: { kind: 'body', contentType: 'text/html; charset=utf-8', body: republished },
      });
      const { popup } = await openAndVerify(driver, 'https://www.valleyrepublic.com/world/us-russia-talks/');
      await waitForAttribute(popup, '[data-testid="verification-result"]', 'data-outcome', 'verified', 30_000);
      await waitForAttribute(popup, '[data-testid="text-verdict"]', 'data-verdict', 'verbatim');
      await waitForText(popup, '[data-testid="text-reuse"]', /^(9\d|100) %/);
      await waitForAttribute(popup, '[data-testid="headline-verdict"]', 'data-verdict', 'same');
    },
  },

  {
    name: 'a redirect to another site is shown as part of the chain',
    timeout: 90_000,
    async run(driver) {
      // A link shortener in front of the Post's article.
      const url = serveFarmPage(driver, 'shortened', `https://edge.test/redirect/to?url=${encodeURIComponent(RUNNING_EXAMPLE.original)}`);
      const { popup } = await openAndVerify(driver, url);
      await waitForAttribute(popup, '[data-testid="verification-result"]', 'data-outcome', 'verified', 30_000);
      await waitForCount(popup, '[data-testid="verified-hop"]', 1);
      await waitForText(popup, '[data-testid="verified-hop"]', 'washingtonpost.com');
      await waitForText(popup, '[data-testid="verified-hop"]', /redirect from .*edge\.test/);
    },
  },

  {
    name: 'a redirect into a private network is not followed, and the popup says where it led',
    timeout: 90_000,
    async run(driver) {
      // The extension follows redirects itself, one checked hop at a time (lib/fetch-page.ts): the browser never sends the next request.
      const target = `http://127.0.0.1:${driver.web.port}/admin/`;
      const url = serveFarmPage(driver, 'to-router', `https://edge.test/redirect/to?url=${encodeURIComponent(target)}`);
      const { popup } = await openAndVerify(driver, url);
      await waitForAttribute(popup, '[data-testid="verify-failure"]', 'data-code', 'private-address', 30_000);
      await waitForText(
        popup,
        '[data-testid="verify-failure"]',
        /127\.0\.0\.1\S* points into a private network: not fetched\. edge\.test redirects there; the redirect was not followed\./,
      );
      const sent = driver.web.requests.filter((r) => r.host === '127.0.0.1' || r.host === 'localhost').map((r) => r.url);
      check(sent.length === 0, `nothing was sent into the private network: ${JSON.stringify(sent)}`);
      check(driver.web.requestsTo('edge.test').length === 1, 'the redirect itself was fetched once');
    },
  },

  {
    name: 'every way an original can fail is explained, kept, and nothing is cached as a success',
    timeout: 240_000,
    async run(driver) {
      // Bytes that are no web page, served as one.
      driver.web.route({
        host: 'edge.test',
        path: '/garbage',
        behaviour: { kind: 'body', contentType: 'text/html', body: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)) },
      });
      for (const failure of FAILURES) {
        const url = serveFarmPage(driver, failure.code, failure.source);
        const { popup, page } = await openAndVerify(driver, url);
        const problem = '[data-testid="verify-failure"]';
        try {
          await waitForAttribute(popup, problem, 'data-code', failure.code, 30_000);
          await waitForText(popup, problem, failure.words);
          await waitForAttribute(popup, '[data-testid="verification-result"]', 'data-outcome', 'failed');
        } catch (error) {
          throw new Error(`${failure.name} (${failure.source}): ${(error as Error).message}`);
        }
        await popup.close();
        // From storage when the popup opens again.
        const again = await settledPopup(driver, url);
        await waitForAttribute(again.popup, problem, 'data-code', failure.code);
        await again.popup.close();
        await page.close();
      }
      const cached = await cachedOriginals(driver);
      check(cached === 0, `nothing of a failed fetch is in the cache of originals, found ${cached} page(s)`);
    },
  },

  {
    name: 'history, settings and a verified result survive closing and reopening the browser',
    timeout: 120_000,
    async run(driver) {
      const startedAt = Date.now();
      const { popup } = await openAndVerify(driver, RUNNING_EXAMPLE.syndicatedPage);
      await waitForAttribute(popup, '[data-testid="verification-result"]', 'data-outcome', 'verified', 30_000);
      await driver.open(ORIGINALS.regional.url);
      await (await openHistoryWith(driver, [RUNNING_EXAMPLE.syndicatedPage, ORIGINALS.regional.url])).close();
      const settings = await driver.openExtensionPage('options.html#settings');
      // As a person does it: into the field, delete what is there, type the new number.
      await settings.click('[data-testid="setting-cache-days"]');
      await settings.press('End');
      for (let i = 0; i < 4; i++) await settings.press('Backspace');
      await settings.type('[data-testid="setting-cache-days"]', '12');
      await settings.press('Tab');
      await waitForText(settings, '[data-testid="settings-status"]', /Saved/);

      await driver.restart();

      const options = await driver.openExtensionPage('options.html');
      await waitForCount(options, '[data-testid="history-row"]', 2, 15_000);
      expectHistory(await historyRows(options), startedAt);
      const settingsAgain = await driver.openExtensionPage('options.html#settings');
      let cacheDays: string | undefined;
      await eventually(
        async () => {
          cacheDays = await settingsAgain.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="setting-cache-days"]')?.value);
          return cacheDays === '12' ? true : undefined;
        },
        () => `Expected the cache setting kept as 12 days, the settings show ${JSON.stringify(cacheDays)}`,
      );
      // The verified result comes from storage: nothing of the chain is fetched again.
      driver.web.clearRequests();
      await driver.open(RUNNING_EXAMPLE.syndicatedPage);
      const reopened = await settledPopup(driver, RUNNING_EXAMPLE.syndicatedPage);
      await waitForAttribute(reopened.popup, '[data-testid="verification-result"]', 'data-outcome', 'verified');
      const refetched = driver.web.requests.filter((r) => /usa-news\.biz|washingtonpost\.com/.test(r.url)).map((r) => r.url);
      check(refetched.length === 0, `the stored verification was shown without fetching again, but these were fetched: ${refetched.join(', ')}`);
    },
  },

  {
    name: 'script and markup in the page are shown as text in the badge, the popup and the history, and never run',
    async run(driver) {
      const payload = '<img src=x onerror="window.__pwned=1">';
      const escaped = payload.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      const body = 'The meeting was the first of its kind, officials said, and more are expected in the coming weeks. '.repeat(15);
      const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escaped} - Evil News</title>
<meta property="og:site_name" content="${escaped}"><meta property="og:type" content="article"></head><body><article>
<h1>${escaped} Talks headline</h1>
<p>Source link : <a href="https://usa-news.biz/2025/02/22/x/">${escaped}</a></p><p>${body}</p>
<p>Author : ${escaped}</p><p>Publish date : 2025-02-22 14:42:26</p>
<p>Copyright for syndicated content belongs to the linked Source. ${escaped}</p></article></body></html>`;
      driver.web.route({
        host: 'www.evil-news.example',
        path: '/xss/',
        behaviour: { kind: 'body', contentType: 'text/html; charset=utf-8', body: html },
      });
      const url = 'https://www.evil-news.example/xss/';
      const pwned = (tab: Tab) => tab.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);

      const page = await driver.open(url);
      await waitForBadge(page, (b) => b.pillVisible, 'the badge');
      await page.click(PILL);
      await waitForBadge(page, (b) => b.cardVisible, 'the card');
      check((await page.inShadow('provenance-badge', (root) => root?.querySelectorAll('img').length ?? 0)) === 0, 'no <img> in the badge');
      const { popup } = await settledPopup(driver, url);
      await waitForText(popup, 'body', '<img src=x onerror=');
      check((await countOf(popup, 'img, svg, iframe')) === 0, 'no element made from the payload in the popup');
      const options = await openHistoryWith(driver, [url]);
      await waitForText(options, '[data-testid="history-row"]', '<img src=x onerror=');
      check((await countOf(options, 'img')) === 0, 'no <img> in the history');
      await sleep(300);
      for (const tab of [page, popup, options]) check((await pwned(tab)) === null, `the payload never ran in ${tab.url}`);
    },
  },

  {
    name: 'a page whose elements are named "browser", "runtime", "chrome" or "documentElement" (DOM clobbering) is still scanned and gets its badge',
    timeout: 90_000,
    async run(driver) {
      // Named elements show up as window.browser or window.chrome, with the shape the page gives them: two
      // forms with the id "browser" make an HTMLCollection whose .runtime (the form named "runtime") has a
      // truthy .id; a frame named "chrome" or "browser" is a whole window.
      const variants: Record<string, [markup: string, global: 'browser' | 'chrome' | 'document']> = {
        forms: ['<form id="browser"></form><form id="browser" name="runtime"></form>', 'browser'],
        links: ['<a id="browser" href="#a">a</a><a id="browser" name="runtime" href="#b">b</a>', 'browser'],
        embeds: ['<embed name="browser" type="text/plain"><embed name="browser" id="runtime" type="text/plain">', 'browser'],
        images: ['<img name="browser" alt=""><img name="runtime" alt=""><img name="chrome" alt="">', 'browser'],
        'frame-browser': ['<iframe name="browser" srcdoc="<p id=runtime>frame</p>"></iframe>', 'browser'],
        'frame-chrome': ['<iframe name="chrome" srcdoc="<p id=runtime>frame</p>"></iframe>', 'chrome'],
        // The document's own properties: named images and forms stand for document.documentElement, .body and
        // .getElementsByTagName (Document's named properties override its built-ins), which serialise the page.
        document: ['<img name="documentElement" alt=""><img name="getElementsByTagName" alt=""><form name="body"></form>', 'document'],
      };
      for (const [name, [markup, global]] of Object.entries(variants)) {
        const path = `/clobbered/${name}/`;
        const html = farmPage(`Clobbered by ${name}`, RUNNING_EXAMPLE.sourceLink).replace('<body>', `<body>${markup}`);
        driver.web.route({ host: COPY_HOST, path, behaviour: { kind: 'body', contentType: 'text/html; charset=utf-8', body: html } });
        const page = await driver.open(`https://${COPY_HOST}${path}`);
        // (Chromium's pages have a window.chrome of their own, which hides a frame named so from the page, not from a content script's world.)
        if (global === 'document') {
          const clobbered = await page.evaluate(() => Object.prototype.toString.call(document.documentElement));
          check(clobbered === '[object HTMLImageElement]', `the page's document.documentElement is its image (${clobbered})`);
        } else {
          const clobbered = await page.evaluate((key) => Object.prototype.toString.call((window as unknown as Record<string, unknown>)[key]), global);
          check(global === 'chrome' || /HTMLCollection|Element|Window/.test(clobbered), `the page's ${name} are its window.${global} (${clobbered})`);
        }
        await waitForBadge(page, (b) => b.pillVisible && b.pill.includes('Copy of'), `the badge on the page clobbered by ${name}`);
        await page.close();
      }
    },
  },
];

/** Every shared scenario: the core ones above, then one file per area. */
export const SCENARIOS: Scenario[] = [
  ...CORE_SCENARIOS,
  ...KIND_SCENARIOS,
  ...POPUP_SCENARIOS,
  ...CARD_SCENARIOS,
  ...CONTROL_SCENARIOS,
  ...OPTIONS_SCENARIOS,
  ...LOCALE_SCENARIOS,
  ...PROTOCOL_SCENARIOS,
];
