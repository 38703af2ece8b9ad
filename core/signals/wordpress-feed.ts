/**
 * WordPress feed footers. Yoast SEO appends to every RSS item
 *   "The post <a href=post>X</a> appeared first on <a href=site>Y</a>."
 * and other plugins write "The post X first appeared on Y." Aggregators copy
 * the footer with the item, so on another site it names the site the item came
 * from, and X keeps the headline as syndicated — often with the original
 * outlet in its suffix ("… – The Washington Post first appeared on USA NEWS.").
 * On the blog's own pages (or a feed reader showing them) the footer names the
 * page's own site: that is not syndication. ("This article first appeared on
 * Y" is handled with the other republication credits.)
 */
import type { PageScan } from '../scan';
import { sameName, splitPublisherSuffix } from '../text';
import { registrableDomain } from '../url';
import { finding, regionName, type Finding } from './finding';
import { isOwnSiteName } from './own-site';
import { say } from '../signal-text';
import type { Family } from './keep';

export const FEED_FOOTER = /^The post (.{3,300}?) (?:appeared first|first appeared) on (.{2,120}?)\.?$/i;

const wordpressFeedFooter = (scan: PageScan): Finding[] => {
  for (const line of scan.lines) {
    if (line.text.length > 500) continue;
    const match = FEED_FOOTER.exec(line.text);
    if (!match?.[1] || !match[2]) continue;
    const postTitle = match[1].trim();
    const siteName = match[2].trim();
    const where = `${regionName(line.region)}, WordPress feed footer`;
    const postLink = line.links.find((link) => link.href && link.text && sameName(link.text, postTitle))?.href ?? null;
    const siteLink = line.links.find((link) => link.href && link.text && sameName(link.text, siteName))?.href ?? null;
    const linkedSite = registrableDomain(siteLink ?? postLink ?? '');
    if ((linkedSite && linkedSite === scan.site) || isOwnSiteName(scan, siteName)) {
      return [finding('self-reference', 0, say('feedSelf', siteName), line.text, where)];
    }
    const split = splitPublisherSuffix(postTitle, undefined, 0.5);
    const viaPublisher = split && !sameName(split.publisher, siteName) ? split.publisher : null;
    return [
      finding(
        'wordpress-feed-footer',
        0.85,
        viaPublisher ? say('feedFirstVia', siteName, viaPublisher) : say('feedFirst', siteName),
        line.text,
        where,
        {
          sourceName: siteName,
          sourceUrl: postLink,
          originalPublisher: viaPublisher ?? siteName,
          originalHeadline: split ? split.headline : postTitle,
        },
      ),
    ];
  }
  return [];
};

/** Its entry in the registry (core/signals/index.ts). What the digest keeps for it: the footer's words ("appeared first on", "first appeared on"). */
export const family: Family = {
  name: 'wordpress-feed',
  rule: wordpressFeedFooter,
  keep: { creditPhrases: /appeared[\s\u200b]+first|first[\s\u200b]+appeared/i },
};
