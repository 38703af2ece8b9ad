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
 *   Naver News: <a href="https://newstapa.org" class="media_end_head_top_logo"><img class="media_end_head_top_logo_img" alt="뉴스타파">
 *           (and a "기사원문" link to the original, core/signals/republication.ts)
 *   au Web: <p class="article__service-name">TBS NEWS DIG</p> (and "元記事を読む", read the original article)
 * The portal's own stories name the portal itself ("Yahoo News", "MSN"): not copies.
 */
import type { PageScan } from '../scan';
import { looksLikeName, normalizeSpace } from '../text';
import { registrableDomain, safeHttpUrl } from '../url';
import { finding, type Finding } from './finding';
import { say } from '../signal-text';
import type { Family } from './keep';

/** The portals' hosts (and their subdomains): the digest reads provider markup on their pages only. */
const PORTAL_HOSTS = [
  'msn.com',
  'yahoo.com',
  'yahoo.co.jp',
  'yahoo.co.uk',
  'aol.com',
  'aol.co.uk',
  'aol.jp',
  'newsbreak.com',
  'smartnews.com',
  'news.naver.com',
  'auone.jp',
];
/** The provider markup, most specific first: the digest reads the first element of each, in this order. */
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
  '.media_end_head_top_logo_img',
  '.article__service-name',
];
const PORTALS = new Set(PORTAL_HOSTS.map(registrableDomain));
const PORTAL_NAMES = /^(?:yahoo|msn|aol|microsoft|newsbreak|smartnews|naver|네이버|au\b|mediba)/i;

const portalPartner = (scan: PageScan): Finding[] => {
  if (!scan.site || !PORTALS.has(scan.site)) return [];
  // The provider markup the digest found (PROVIDER_SELECTORS), in that order.
  for (const { selector, tag, className, name: written, href: rawHref } of scan.portal) {
    const name = normalizeSpace(written);
    if (!name || !looksLikeName(name, 8) || PORTAL_NAMES.test(name)) continue;
    const href = rawHref ? safeHttpUrl(rawHref, scan.url) : null;
    const site = href ? registrableDomain(href) : null;
    const outside = site && site !== scan.site ? site : null;
    return [
      finding('portal-partner', 0.85, say('portalProvider', name), `<${tag} class="${className}">${name}`, `provider markup (${selector})`, {
        originalPublisher: name,
        originalSite: outside,
      }),
    ];
  }
  // Yahoo!ニュース titles end "（Provider） - Yahoo!ニュース".
  const japanese = /[（(]([^（）()]{2,40})[）)]\s*[-–]\s*Yahoo!ニュース$/.exec(scan.title);
  if (japanese?.[1]) {
    return [finding('portal-partner', 0.85, say('portalProvider', japanese[1]), scan.title, '<title>', { originalPublisher: japanese[1].trim() })];
  }
  return [];
};

/** Its entry in the registry (core/signals/index.ts). What the digest keeps for it: the provider markup on the portals' pages. */
export const family: Family = { name: 'portal', rule: portalPartner, keep: { portals: { hosts: PORTAL_HOSTS, selectors: PROVIDER_SELECTORS } } };
