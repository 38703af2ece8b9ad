/**
 * A content farm's own page of a scraped story: its "Source link :" points back to its own site and its
 * feed footer names only itself ("The post … first appeared on USA NEWS." on usa-news.biz), so neither
 * names the original; the headline it kept does: "U.S., Russia hold first talks … – The Washington Post".
 * A self-referential source link or feed footer, together with a headline whose suffix names another
 * outlet, gives that outlet as the original publisher, with the headline as the evidence.
 *
 * Not a credit: a suffix naming the site itself ("… – USA NEWS"), a headline without a suffix, and any
 * headline on a page without those self-referential credits (a "Review – Part 2" title on a blog).
 */
import { stripSiteName } from '../metadata';
import { isPublisherName } from '../names';
import type { PageScan } from '../scan';
import { normalizeSpace, splitPublisherSuffix } from '../text';
import { registrableDomain } from '../url';
import { STRONG_SOURCE_LABEL } from './content-farm';
import { finding, type Finding } from './finding';
import { isOwnName } from './source-credit';
import { FEED_FOOTER } from './wordpress-feed';
import { say } from '../signal-text';
import type { Family } from './keep';

const headlineCredit = (scan: PageScan): Finding[] => {
  let ownCredit: string | null = null;
  let feedTitle: string | null = null;
  for (const line of scan.lines) {
    if (line.text.length > 500) continue;
    if (STRONG_SOURCE_LABEL.test(line.text)) {
      const site =
        line.links.map((link) => (link.href ? registrableDomain(link.href) : null)).find(Boolean) ??
        registrableDomain(/https?:\/\/\S+/.exec(line.text)?.[0] ?? '');
      if (site && site === scan.site) ownCredit ??= 'source link';
    }
    const feed = FEED_FOOTER.exec(line.text);
    if (feed?.[1] && feed[2]) {
      const linked = line.links.map((link) => (link.href ? registrableDomain(link.href) : null)).filter(Boolean);
      if (isOwnName(scan, feed[2].trim()) || (linked.length && linked.every((site) => site === scan.site))) {
        ownCredit ??= 'feed footer';
        feedTitle ??= feed[1].trim();
      }
    }
  }
  if (!ownCredit) return [];
  const siteName = scan.structured.meta.get('og:site_name') ?? scan.structured.article?.publisher ?? null;
  const candidates: [string, string][] = [
    ['<h1>', scan.h1],
    ['og:title', scan.structured.meta.get('og:title') ?? ''],
    ['<title>', scan.title],
    ['feed footer', feedTitle ?? ''],
  ];
  for (const [where, raw] of candidates) {
    const headline = stripSiteName(normalizeSpace(raw), siteName, scan.site);
    const split = headline ? splitPublisherSuffix(headline, undefined, 1.5) : null;
    if (!split || !isPublisherName(split.publisher) || isOwnName(scan, split.publisher)) continue;
    return [
      finding(
        'headline-credit',
        0.6,
        say(ownCredit === 'feed footer' ? 'headlineCreditFeedFooter' : 'headlineCreditSourceLink', split.publisher),
        headline,
        `${where}, headline suffix`,
        {
          originalPublisher: split.publisher,
          originalHeadline: split.headline,
        },
      ),
    ];
  }
  return [];
};

/** Its entry in the registry (core/signals/index.ts). What the digest keeps for it: the self-referential credits it reads: a "Source link :" line and a feed footer. */
export const family: Family = {
  name: 'headline-credit',
  rule: headlineCredit,
  keep: { creditLabels: /link|url/i, creditPhrases: /appeared[\s\u200b]+first|first[\s\u200b]+appeared/i },
};
