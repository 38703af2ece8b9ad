/** Shared scenarios (both browsers) for issue 17's part: popup. Listed in tests/scenarios/scenarios.ts. */
import type { Driver, Scenario, Tab } from './driver';
import { RUNNING_EXAMPLE, farmPage } from '../e2e/support/pages';
import { attributeOf, check, countOf, settledPopup, textOf, waitForAttribute, waitForCount, waitForText } from './steps';

const field = (id: string) => `[data-testid="${id}"]`;

/** Chrome cuts a popup at 600 px: what a reader needs to decide must end above that. */
const POPUP_MAX_HEIGHT = 600;

/** The page-relative bottom of each element (null when absent). */
function bottoms(popup: Tab, ids: string[]): Promise<Record<string, number | null>> {
  return popup.evaluate((list) => {
    const out: Record<string, number | null> = {};
    for (const id of list) {
      const el = document.querySelector(`[data-testid="${id}"]`);
      out[id] = el ? Math.round(el.getBoundingClientRect().bottom + scrollY) : null;
    }
    return out;
  }, ids);
}

/** The popup's layout as measured: margins, the smallest text, the rows of the actions. */
function layout(popup: Tab) {
  return popup.evaluate(() => {
    const main = document.querySelector<HTMLElement>('main.popup')!;
    const box = main.getBoundingClientRect();
    const style = getComputedStyle(main);
    const viewport = document.documentElement.clientWidth;
    // The content's distance from the window's edges, padding included: what the eye sees as margins.
    const left = box.left + parseFloat(style.paddingLeft);
    const right = viewport - box.right + parseFloat(style.paddingRight);
    // Every element that shows text of its own, with its size.
    const small: string[] = [];
    for (const el of main.querySelectorAll<HTMLElement>('*')) {
      const ownText = [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
      if (!ownText || el.closest('.visually-hidden') || !el.getClientRects().length) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 13) small.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent!.trim().slice(0, 40)}" ${size}px`);
    }
    const actions = [...document.querySelectorAll<HTMLElement>('[data-testid="actions"] > a, [data-testid="actions"] > button')].map((el) => ({
      id: el.dataset.testid ?? '',
      top: Math.round(el.getBoundingClientRect().top),
    }));
    return { left, right, small, actions };
  });
}

/** The saved report, read back from the link's file as the browser would save it, parsed (never rendered). */
function savedReport(popup: Tab) {
  return popup.evaluate(async () => {
    const link = document.querySelector<HTMLAnchorElement>('[data-testid="save-report"]')!;
    const html = await (await fetch(link.href)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return {
      download: link.getAttribute('download'),
      scheme: new URL(link.href).protocol,
      html,
      text: (doc.body.textContent ?? '').replace(/\s+/g, ' '),
      title: doc.querySelector('h1')?.textContent ?? null,
      links: [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      active: doc.querySelectorAll('script, img, svg, iframe, object, embed, link, [src], [style]').length,
      handlers: [...doc.querySelectorAll('*')].filter((el) => [...el.attributes].some((attr) => /^on/i.test(attr.name))).length,
      policy: doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
    };
  });
}

function manifestVersion(popup: Tab): Promise<string> {
  return popup.evaluateExpression<string>('(globalThis.browser ?? globalThis.chrome).runtime.getManifest().version');
}

const COPY_HOST = 'www.copyfarm-news.com';

function serve(driver: Driver, path: string, html: string): string {
  driver.web.route({ host: COPY_HOST, path, behaviour: { kind: 'body', contentType: 'text/html; charset=utf-8', body: html } });
  return `https://${COPY_HOST}${path}`;
}

export const POPUP_SCENARIOS: Scenario[] = [
  {
    name: '[popup] the popup opens on the site, the verdict and its kind, then "Find and compare the original"; after the check what decides fits in 600 px',
    timeout: 90_000,
    async run(driver) {
      await driver.open(RUNNING_EXAMPLE.syndicatedPage);
      const { popup } = await settledPopup(driver, RUNNING_EXAMPLE.syndicatedPage);
      await waitForText(popup, field('verdict'), /Washington Post/);
      await waitForText(popup, field('site-on'), `${RUNNING_EXAMPLE.siteName} (newsharbordaily.com)`);
      check(((await textOf(popup, field('verdict-detail'))) ?? '') !== '', 'the verdict says what kind of copy it is');
      await waitForText(popup, field('verify-button'), 'Find and compare the original');
      // The headline ends with " – The Washington Post": that publisher is offered, with the search.
      await waitForText(popup, field('finding-headline-credit'), `The headline ends with the name of ${RUNNING_EXAMPLE.originalPublisher}`);
      const search = (await attributeOf(popup, field('headline-credit-search'), 'href')) ?? '';
      check(
        /^https:\/\/duckduckgo\.com\/\?q=/.test(search) && decodeURIComponent(search).includes('site:washingtonpost.com'),
        `the search is on the Post's site: ${search}`,
      );
      // The chain says why its last step has no link.
      await waitForText(popup, field('chain'), `${RUNNING_EXAMPLE.originalPublisher} (washingtonpost.com) — named but not linked`);

      // The order: verdict, then the main action, then the facts.
      const order = await popup.evaluate(() => {
        const top = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().top;
        return { verdict: top('[data-testid="verdict"]'), action: top('[data-testid="verify-button"]'), facts: top('.facts') };
      });
      check(order.verdict < order.action && order.action < order.facts, `verdict, then the main action, then the facts: ${JSON.stringify(order)}`);

      await popup.click(field('verify-button'));
      await waitForAttribute(popup, field('verification-result'), 'data-outcome', 'verified', 30_000);
      await waitForAttribute(popup, field('text-verdict'), 'data-verdict', /./);
      await waitForText(popup, field('verify-button'), 'Compare again');
      // What decides: the verdict and its kind, the original found and how the page compares with it. (The report and the facts follow below.)
      const needed = [
        'verdict',
        'verdict-detail',
        'site-on',
        'open-original',
        'verify-button',
        'verify-outcome',
        'verified-chain',
        'headline-verdict',
        'text-verdict',
      ];
      const seen = await bottoms(popup, needed);
      for (const id of needed) {
        const bottom = seen[id];
        check(bottom !== null && bottom !== undefined, `${id} is in the popup`);
        check(bottom <= POPUP_MAX_HEIGHT, `${id} ends at ${bottom} px, below the ${POPUP_MAX_HEIGHT} px a popup shows: ${JSON.stringify(seen)}`);
      }
      check(((await textOf(popup, field('open-original'))) ?? '').includes('www.washingtonpost.com'), 'the original is linked once found');
      // Found: the search for it is no longer offered.
      await waitForCount(popup, field('headline-credit-search'), 0);

      const measured = await layout(popup);
      check(Math.abs(measured.left - measured.right) <= 1, `equal margins left and right: ${measured.left} px and ${measured.right} px`);
      check(measured.small.length === 0, `no text under 13 px: ${measured.small.join('; ')}`);
      // The actions are one group: the citation shares its row with the report actions.
      const ids = measured.actions.map((a) => a.id);
      for (const id of ['copy-citation', 'copy-report', 'save-report', 'archive-copy'])
        check(ids.includes(id), `${id} is in the group of actions: ${ids.join(', ')}`);
      const citation = measured.actions.find((a) => a.id === 'copy-citation')!;
      check(
        measured.actions.filter((a) => a.top === citation.top).length >= 2,
        `"Copy citation" is not alone on its row: ${JSON.stringify(measured.actions)}`,
      );
    },
  },

  {
    name: '[popup] a source link back to its own site is a finding under the verdict, not evidence; with no link to follow, the search is the main action',
    async run(driver) {
      const url = serve(
        driver,
        '/story/self-credit/',
        farmPage('Talks resume in Geneva after a week of delays – The Washington Post', `https://${COPY_HOST}/story/self-credit/`),
      );
      await driver.open(url);
      const { popup } = await settledPopup(driver, url);
      await waitForText(popup, field('finding-self-reference'), 'The source link points back to this site, a content-farm pattern');
      // The quote it rests on is shown with it.
      await waitForText(popup, `${field('finding-self-reference')} blockquote`, `Source link : https://${COPY_HOST}/story/self-credit/`);
      const evidence = await popup.evaluate(() => [...document.querySelectorAll('[data-testid="evidence-item"]')].map((li) => li.textContent ?? ''));
      check(
        !evidence.some((text) => /points back to this site/.test(text)),
        `the self-reference is not folded into the evidence: ${JSON.stringify(evidence)}`,
      );
      await waitForText(popup, field('site-on'), 'Copy Farm News (copyfarm-news.com)');
      // Nothing to fetch: no "Find and compare"; the main action searches the publisher the headline names.
      check((await countOf(popup, field('verify-button'))) === 0, 'no fetch is offered when the page links nowhere else');
      await waitForText(popup, field('search-original-action'), `Search ${RUNNING_EXAMPLE.originalPublisher} for the headline`);
      check((await attributeOf(popup, field('search-original-action'), 'class'))!.includes('main-action'), 'the search is the main action');
      const href = (await attributeOf(popup, field('search-original-action'), 'href')) ?? '';
      check(decodeURIComponent(href).includes('"Talks resume in Geneva after a week of delays"'), `the search is for the headline: ${href}`);
      await waitForText(popup, field('finding-headline-credit'), `The headline ends with the name of ${RUNNING_EXAMPLE.originalPublisher}`);
      check((await countOf(popup, field('headline-credit-search'))) === 0, 'the same search is not offered twice');
      await waitForText(popup, field('chain'), 'named but not linked');
    },
  },

  {
    name: '[popup] Save report is one self-contained HTML file with the verdict, chain, evidence and check; Copy report copies; Archive this copy opens the Wayback Machine',
    timeout: 90_000,
    async run(driver) {
      await driver.open(RUNNING_EXAMPLE.syndicatedPage);
      const { popup } = await settledPopup(driver, RUNNING_EXAMPLE.syndicatedPage);
      await popup.click(field('verify-button'));
      await waitForAttribute(popup, field('verification-result'), 'data-outcome', 'verified', 30_000);
      const version = await manifestVersion(popup);
      let report = await savedReport(popup);
      // The link is remade from the stored check; wait until it includes it.
      for (let i = 0; i < 20 && !report.text.includes('Original found and compared'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        report = await savedReport(popup);
      }
      check(report.scheme === 'blob:', `the file is made in the popup, nothing fetched: ${report.scheme}`);
      check(report.download === `provenance-report-newsharbordaily.com-${new Date().toISOString().slice(0, 10)}.html`, `saved as ${report.download}`);
      check(
        report.active === 0 && report.handlers === 0,
        `no script, image, frame, external resource or handler in the file (${report.active}, ${report.handlers})`,
      );
      check((report.policy ?? '').includes("default-src 'none'"), `the file forbids itself any request: ${report.policy}`);
      check(report.title?.startsWith('Provenance report: U.S., Russia hold first talks') === true, `its title: ${report.title}`);
      const verdict = (await textOf(popup, field('verdict')))!;
      for (const words of [
        verdict,
        'Original found and compared',
        'Headline compared with the original',
        'Text reused',
        RUNNING_EXAMPLE.publishedAsWritten,
        'Source link : ',
        `Made with Provenance ${version} on `,
      ]) {
        check(report.text.includes(words), `the report says "${words}": ${report.text.slice(0, 400)}`);
      }
      for (const url of [RUNNING_EXAMPLE.syndicatedPage, RUNNING_EXAMPLE.sourceLink, RUNNING_EXAMPLE.original])
        check(report.links.includes(url), `the report links ${url}: ${JSON.stringify(report.links)}`);
      check(
        report.links.every((href) => /^https?:\/\//.test(href ?? '')),
        'every link in the file is a web address',
      );

      await popup.click(field('copy-report'));
      await waitForText(popup, field('report-status'), 'Report copied (Markdown)');

      const archive = await popup.evaluate(() => {
        const a = document.querySelector<HTMLAnchorElement>('[data-testid="archive-copy"]')!;
        return { href: a.href, target: a.target, rel: a.rel, text: a.textContent };
      });
      check(
        archive.href === `https://web.archive.org/save/${RUNNING_EXAMPLE.syndicatedPage}`,
        `Archive this copy opens the Wayback Machine's save page: ${archive.href}`,
      );
      check(
        archive.target === '_blank' && archive.rel.includes('noopener') && archive.text === 'Archive this copy',
        `a link the reader clicks, in a new tab: ${JSON.stringify(archive)}`,
      );
      check(!driver.web.requests.some((r) => r.host === 'web.archive.org'), 'nothing is sent to the archive without a click');
    },
  },

  {
    name: '[popup] a hostile headline stays text in the popup and in the saved report',
    async run(driver) {
      const payload = '<img src=x onerror="window.__pwned=1">';
      const escaped = payload.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      const url = serve(driver, '/story/hostile-report/', farmPage(`${escaped} Talks resume in Geneva after a week`, RUNNING_EXAMPLE.sourceLink));
      await driver.open(url);
      const { popup } = await settledPopup(driver, url);
      await waitForText(popup, field('page-headline'), payload);
      const report = await savedReport(popup);
      check(
        report.active === 0 && report.handlers === 0,
        `nothing in the saved file is made from the payload (${report.active}, ${report.handlers})`,
      );
      check(
        report.title === `Provenance report: ${payload} Talks resume in Geneva after a week`,
        `the headline is text in the file: ${report.title}`,
      );
      check(!report.html.includes('<img'), 'the payload is escaped in the file');
      check((await countOf(popup, 'img, svg, iframe')) === 0, 'nothing made from the payload in the popup');
      check((await popup.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)) === null, 'the payload never ran');
    },
  },
];
