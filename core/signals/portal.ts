/**
 * Partner pages of portals (MSN, Yahoo, AOL): the portal hosts a partner's
 * story and names the provider in its own markup. Real markup:
 *   MSN:    <div class="sourcename-txt"><a href="http://www.techinsider.io">Tech Insider</a></div>,
 *           <span class="partnerlogo-img" itemprop="publisher">…<img alt="Tech Insider">, "© Provided by Business Insider Inc"
 *   Yahoo:  <span class="provider-name">Good Morning America</span> (inside <a href="http://abcnews.go.com/GMA/">),
 *           <span class="provider-link"><a href="http://www.ap.org/">Associated Press</a></span>,
 *           <span class="caas-attr-provider">Reuters</span> (newer layout)
 *   Yahoo!ニュース: <p class="source"><a …>CNET Japan</a> 3/9(木) 18:45配信</p> and titles
 *           "…（CNET Japan） - Yahoo!ニュース"
 * The portal's own stories name the portal itself ("Yahoo News", "MSN"): not copies.
 */
import type { PageScan } from '../scan';
import { looksLikeName, normalizeSpace } from '../text';
import { registrableDomain, safeHttpUrl } from '../url';
import { finding, type Finding } from './finding';

const PORTALS = new Set(['msn.com', 'yahoo.com', 'yahoo.co.jp', 'yahoo.co.uk', 'aol.com', 'aol.co.uk', 'aol.jp', 'newsbreak.com', 'smartnews.com']);
const PROVIDER_SELECTORS = [
  '.caas-attr-provider',
  '.provider-name',
  '.provider-link a',
  '.sourcename-txt a',
  '.sourcename-txt',
  '.partnerlogo-img img[alt]',
  '[data-provider-name]',
  '#ym_newsarticle p.source a',
  '.article-source-name',
];
const PORTAL_NAMES = /^(?:yahoo|msn|aol|microsoft|newsbreak|smartnews)\b/i;

export const portalPartner = (scan: PageScan): Finding[] => {
  if (!scan.site || !PORTALS.has(scan.site)) return [];
  for (const selector of PROVIDER_SELECTORS) {
    const el = scan.doc.querySelector(selector);
    if (!el) continue;
    const name = normalizeSpace(el.getAttribute('data-provider-name') ?? (el.tagName.toUpperCase() === 'IMG' ? el.getAttribute('alt') ?? '' : el.textContent ?? ''));
    if (!name || !looksLikeName(name, 8) || PORTAL_NAMES.test(name)) continue;
    const anchor = el.tagName.toUpperCase() === 'A' ? el : el.closest('a');
    const href = anchor ? safeHttpUrl(anchor.getAttribute('href') ?? '', scan.url) : null;
    const site = href ? registrableDomain(href) : null;
    const outside = site && site !== scan.site ? site : null;
    return [
      finding('portal-partner', 0.85, `The portal credits ${name} as the provider`, `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">${name}`, `provider markup (${selector})`, {
        originalPublisher: name,
        originalSite: outside,
      }),
    ];
  }
  // Yahoo!ニュース titles end "（Provider） - Yahoo!ニュース".
  const japanese = /[（(]([^（）()]{2,40})[）)]\s*[-–]\s*Yahoo!ニュース$/.exec(scan.title);
  if (japanese?.[1]) {
    return [finding('portal-partner', 0.85, `The portal credits ${japanese[1]} as the provider`, scan.title, '<title>', { originalPublisher: japanese[1].trim() })];
  }
  return [];
};
