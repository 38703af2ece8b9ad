/**
 * Shared scenarios (both browsers) for issue 17's part: card. Listed in tests/scenarios/scenarios.ts.
 *
 * The badge's card: its first words (the kind of copy), its link labelled with what it leads to, its close
 * button and click-outside, where it opens (never over the byline or the lead image), its check with the
 * outcome in a sentence, its evidence shown on the page; the check page (check.html) opened from the card
 * and from the link menu; the popup's evidence shown on the page.
 */
import type { Driver, Scenario, Tab } from './driver';
import { NOT_AN_ARTICLE, RUNNING_EXAMPLE } from '../e2e/support/pages';
import { IN_CARD, PILL, check, eventually, settledPopup, squash, tabIdOf, waitForBadge, waitForText, waitForAttribute } from './steps';

type Box = { top: number; left: number; bottom: number; right: number };

/** The open card's layout on the running example: its box, the byline's and the lead image's, and its buttons'. */
function cardLayout(page: Tab) {
  return page.inShadow('provenance-badge', (root) => {
    const box = (el: Element | null | undefined) => {
      const r = el?.getBoundingClientRect();
      return r && r.width > 0 ? { top: r.top, left: r.left, bottom: r.bottom, right: r.right } : null;
    };
    const part = (testid: string) => root?.querySelector(`[data-testid="${testid}"]`);
    const buttons = [...(root?.querySelectorAll<HTMLElement>('.buttons .action') ?? [])].map((b) => ({
      testid: b.dataset.testid ?? '',
      text: b.textContent ?? '',
      box: box(b)!,
    }));
    return {
      card: box(part('provenance-badge-card')),
      title: root?.querySelector('.title')?.textContent ?? '',
      link: (part('provenance-badge-link')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      byline: box(document.querySelector('.entry-meta .byline')),
      image: box(document.querySelector('.post-thumbnail img')),
      headline: box(document.querySelector('h1')),
      buttons,
      // Every element of the card that shows text of its own, shown smaller than 13 px.
      small: [...(root?.querySelectorAll<HTMLElement>('*') ?? [])]
        .filter(
          (el) =>
            [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '') && el.getClientRects().length > 0,
        )
        .map((el) => ({ text: el.textContent!.trim().slice(0, 40), size: parseFloat(getComputedStyle(el).fontSize) }))
        .filter((el) => el.size < 13),
    };
  });
}

/** Whether two boxes overlap by more than rounding (Firefox lays out in fractions of a pixel: touching is not covering). */
const intersects = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/** What the card's status line says (drawn by CSS from data-t: components/badge.ts). */
const statusOf = (page: Tab) =>
  page.inShadow('provenance-badge', (root) => root?.querySelector<HTMLElement>('[data-testid="provenance-badge-status"]')?.dataset.t ?? null);

/** The quote the page shows highlighted (CSS Custom Highlight API) or selected (the fallback), and where it is. */
function highlighted(page: Tab) {
  return page.evaluate(() => {
    const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Iterable<Range>> } }).CSS?.highlights;
    const highlight = registry?.get('provenance-evidence');
    const range = highlight ? [...highlight][0] : getSelection()?.rangeCount ? getSelection()!.getRangeAt(0) : null;
    if (!range || range.collapsed) return null;
    const r = range.getBoundingClientRect();
    return {
      how: highlight ? 'highlight' : 'selection',
      text: range.toString().replace(/\s+/g, ' ').trim(),
      top: r.top,
      bottom: r.bottom,
      viewport: innerHeight,
      scrollY,
    };
  });
}

/** Opens the running example and its card. */
async function openCard(driver: Driver): Promise<Tab> {
  const page = await driver.open(RUNNING_EXAMPLE.syndicatedPage);
  await waitForBadge(page, (b) => b.pillVisible, 'the badge');
  await page.click(PILL);
  await waitForBadge(page, (b) => b.cardVisible, 'the card open');
  return page;
}

/** A partner's article that names its original in a <meta> only: its evidence is in the markup, not the text. */
const MARKUP_ONLY = 'https://www.baygazette-news.com/2025/03/02/storm-closes-the-harbour/';
function serveMarkupOnly(driver: Driver): void {
  driver.web.route({
    host: 'www.baygazette-news.com',
    path: '/2025/03/02/storm-closes-the-harbour/',
    behaviour: {
      kind: 'body',
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Storm closes the harbour for a week - Bay Gazette</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Bay Gazette">
<meta name="syndication-source" content="${RUNNING_EXAMPLE.original}"></head>
<body><article><h1>Storm closes the harbour for a week</h1>
<p>${'The harbour will stay closed for a week after the storm damaged two piers, the port authority said on Monday. '.repeat(4)}</p>
<p>Repairs start on Wednesday and are expected to take five days, officials said.</p></article></body></html>`,
    },
  });
}

export const CARD_SCENARIOS: Scenario[] = [
  {
    name: '[card] the card opens with the kind of copy, labels its link, and keeps clear of the byline and the lead image',
    async run(driver) {
      const page = await openCard(driver);
      const layout = await cardLayout(page);
      check(layout.title === 'Copy of a Washington Post story', `the card's first words are the kind of copy: ${JSON.stringify(layout.title)}`);
      check(layout.link === 'Credited page: USA NEWS (itself a copy) usa-news.biz', `the link says what it leads to: ${JSON.stringify(layout.link)}`);
      const state = await waitForBadge(page, (b) => b.cardVisible, 'the card');
      check(state.link === RUNNING_EXAMPLE.sourceLink, `the link leads to the credited page: ${state.link}`);
      check(!/Open the source/.test(state.card), `no "Open the source": ${state.card}`);
      check(
        layout.card && layout.byline && layout.image && layout.headline,
        `the card, the byline, the image and the headline are all there: ${JSON.stringify(layout)}`,
      );
      check(
        !intersects(layout.card!, layout.byline!),
        `the card (${JSON.stringify(layout.card)}) does not cover the byline (${JSON.stringify(layout.byline)})`,
      );
      check(
        !intersects(layout.card!, layout.image!),
        `the card (${JSON.stringify(layout.card)}) does not cover the lead image (${JSON.stringify(layout.image)})`,
      );
      check(!intersects(layout.card!, layout.headline!), `the card does not cover the headline (${JSON.stringify(layout.headline)})`);
      check(layout.small.length === 0, `no text in the card under 13 px: ${JSON.stringify(layout.small)}`);
      check(layout.card!.right - layout.card!.left <= layout.headline!.right - layout.headline!.left + 1, 'the card stays within the column');
      // "Never on this site" on one line, sharing its row with another button.
      const never = layout.buttons.find((b) => b.testid === 'provenance-badge-silence');
      check(never, `"Never on this site" is in the card: ${JSON.stringify(layout.buttons.map((b) => b.text))}`);
      const oneLine = Math.min(...layout.buttons.map((b) => b.box.bottom - b.box.top));
      check(
        never.box.bottom - never.box.top <= oneLine + 1,
        `"Never on this site" is one line high (${never.box.bottom - never.box.top}px against ${oneLine}px)`,
      );
      const rowMates = layout.buttons.filter((b) => b !== never && Math.abs(b.box.top - never.box.top) < 2);
      check(
        rowMates.length > 0,
        `"Never on this site" shares its row: ${JSON.stringify(layout.buttons.map((b) => [b.text, Math.round(b.box.top)]))}`,
      );
    },
  },

  {
    name: '[card] the card closes by its close button and by a click outside, not by a click inside',
    async run(driver) {
      const page = await openCard(driver);
      await page.click(IN_CARD('provenance-badge-close'));
      const closed = await waitForBadge(page, (b) => !b.cardVisible && b.expanded === 'false', 'the card closed by its close button');
      check(closed.focused === 'provenance-badge', `focus goes back to the pill (it is on ${closed.focused})`);
      await page.click(PILL);
      await waitForBadge(page, (b) => b.cardVisible, 'the card open again');
      await page.click('provenance-badge >>> .title');
      await waitForBadge(page, (b) => b.cardVisible, 'the card still open after a click inside it');
      await page.click('.entry-content > p:nth-of-type(3)');
      await waitForBadge(page, (b) => !b.cardVisible && b.expanded === 'false', 'the card closed by a click outside');
    },
  },

  {
    name: "[card] the card's check ends in a sentence a reader understands, never an engine code",
    timeout: 90_000,
    async run(driver) {
      const page = await openCard(driver);
      await page.click(IN_CARD('provenance-badge-verify'));
      let said: string | null = null;
      const sentence = await eventually(
        async () => {
          said = await statusOf(page);
          return said && said !== 'Checking…' ? said : undefined;
        },
        () => `the card's check to end; its status said ${JSON.stringify(said)}`,
        { timeout: 60_000 },
      );
      check(
        !/\b(verbatim|named-not-linked|nothing-to-verify|too-long|permission-refused)\b|^Checked: [\w-]+\.$/.test(sentence),
        `no engine code: ${sentence}`,
      );
      // Every site is allowed in the test build: the check runs in place and reaches the Post.
      check(/^Checked: .*The Washington Post/.test(sentence), `the outcome names the original: ${sentence}`);
    },
  },

  {
    name: "[card] the check page opened for a tab's page shows it as the popup does and runs the check there",
    timeout: 90_000,
    async run(driver) {
      const page = await driver.open(RUNNING_EXAMPLE.syndicatedPage);
      await waitForBadge(page, (b) => b.pillVisible, 'the badge');
      const tabId = await tabIdOf(driver, RUNNING_EXAMPLE.syndicatedPage);
      const checkPage = await driver.openExtensionPage(`check.html?url=${encodeURIComponent(RUNNING_EXAMPLE.syndicatedPage)}&tab=${tabId}`);
      await waitForText(checkPage, '[data-testid="check-title"]', 'Where does this article come from?');
      await waitForText(checkPage, '[data-testid="check-intro"]', 'with your permission');
      await waitForText(checkPage, '[data-testid="original-publisher"]', RUNNING_EXAMPLE.originalPublisher);
      await checkPage.click('[data-testid="verify-button"]');
      await waitForAttribute(checkPage, '[data-testid="verification-result"]', 'data-outcome', /^(verified|named-not-linked)$/, 60_000);
    },
  },

  {
    name: "[card] the link menu's check page reads the linked page with leave for its site and shows its provenance",
    timeout: 60_000,
    async run(driver) {
      const checkPage = await driver.openExtensionPage(`check.html?url=${encodeURIComponent(RUNNING_EXAMPLE.sourceLink)}`);
      await waitForText(checkPage, '[data-testid="check-title"]', 'Where does this article come from?');
      // The test build has every site allowed: nothing to ask, the page is read at once.
      await waitForText(checkPage, '[data-testid="original-publisher"]', RUNNING_EXAMPLE.originalPublisher, 20_000);
      check((await checkPage.evaluate(() => document.querySelector('[data-testid="check-ask"]'))) === null, 'nothing asked: usa-news.biz is allowed');
      await waitForText(checkPage, '[data-testid="check-address"]', 'usa-news.biz');

      const front = await driver.openExtensionPage(`check.html?url=${encodeURIComponent(NOT_AN_ARTICLE.url)}`);
      await waitForText(front, '[data-testid="check-no-article"]', 'No article found', 20_000);

      const privateAddress = await driver.openExtensionPage(`check.html?url=${encodeURIComponent('http://192.168.1.1/admin/')}`);
      await waitForText(privateAddress, '[data-testid="check-problem"]', /192\.168\.1\.1 points into a private network: not fetched/, 20_000);
      check(
        (await privateAddress.evaluate(() => document.querySelector('[data-testid="check-ask"]'))) === null,
        'no access asked for a private address',
      );

      const notWeb = await driver.openExtensionPage(`check.html?url=${encodeURIComponent('javascript:alert(1)')}`);
      await waitForText(notWeb, '[data-testid="check-problem"]', 'only web pages');
    },
  },

  {
    name: '[card] clicking a piece of evidence in the card scrolls the page to it and highlights it; one in the markup says so',
    async run(driver) {
      const page = await openCard(driver);
      const count = await page.inShadow(
        'provenance-badge',
        (root) => root?.querySelectorAll('[data-testid="provenance-badge-evidence"]').length ?? 0,
      );
      check(count >= 2, `the card lists the evidence: ${count}`);
      const seen: string[] = [];
      for (let n = 1; n <= count; n++) {
        await page.click(`provenance-badge >>> li:nth-child(${n}) [data-testid="provenance-badge-evidence"]`);
        const shown = await eventually(
          async () => {
            const h = await highlighted(page);
            return h && !seen.includes(h.text) ? h : undefined;
          },
          () => `evidence ${n} highlighted on the page`,
        );
        seen.push(shown.text);
        // Chromium and Firefox 140+ both have the CSS Custom Highlight API: the selection is only a fallback.
        check(shown.how === 'highlight', `evidence ${n} is marked with a highlight, not the selection (${shown.how})`);
        check(
          shown.top >= 0 && shown.bottom <= shown.viewport,
          `evidence ${n} is in view (${shown.top}–${shown.bottom} of ${shown.viewport}): ${shown.text}`,
        );
        check((await statusOf(page)) === 'Highlighted on the page.', `the card says it is shown: ${await statusOf(page)}`);
      }
      check(
        seen.some((text) => text.startsWith('Source link :')),
        `the source line was highlighted: ${JSON.stringify(seen)}`,
      );
      // The page's own nodes are untouched: no element was added around the quote.
      check((await page.evaluate(() => document.querySelectorAll('mark, .provenance-highlight').length)) === 0, 'no element wraps the quote');

      serveMarkupOnly(driver);
      const partner = await driver.open(MARKUP_ONLY);
      await waitForBadge(partner, (b) => b.pillVisible, 'the badge on a page naming its original in a <meta>');
      await partner.click(PILL);
      await partner.click(IN_CARD('provenance-badge-evidence'));
      const said = await eventually(
        async () => (await statusOf(partner)) ?? undefined,
        () => 'the card to say where the evidence is',
      );
      check(
        said.startsWith('This evidence is in the page\'s markup, not its text: <meta name="syndication-source"'),
        `the card says the evidence is in the markup: ${said}`,
      );
    },
  },

  {
    name: "[card] clicking a piece of evidence in the popup shows it on the tab's page",
    async run(driver) {
      const page = await driver.open(RUNNING_EXAMPLE.syndicatedPage);
      const { popup } = await settledPopup(driver, RUNNING_EXAMPLE.syndicatedPage);
      await popup.click('[data-testid="evidence-details"] summary');
      const items = await popup.evaluate(() => document.querySelectorAll('[data-testid="evidence-show"]').length);
      check(items >= 3, `every piece of evidence has "Show on the page": ${items}`);
      const quote = squash(await popup.evaluate(() => document.querySelector('[data-testid="evidence-item"] .quote')?.textContent ?? ''));
      await popup.click('[data-testid="evidence-show"]');
      await waitForText(popup, '[data-testid="evidence-show-status"]', 'Highlighted on the page.');
      const shown = await eventually(
        async () => (await highlighted(page)) ?? undefined,
        () => 'the quote highlighted on the page',
      );
      check(
        quote.replace(/…$/, '').replace(/\s+/g, '').startsWith(shown.text.replace(/\s+/g, '').slice(0, 20)),
        `the page shows the quote ${JSON.stringify(quote)}: ${JSON.stringify(shown.text)}`,
      );
    },
  },
];
