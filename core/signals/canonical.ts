/**
 * <link rel="canonical"> to another site: the page tells search engines that
 * the real copy lives elsewhere. Portals do this for partner content — MSN's
 * copy of a Business Insider story carries
 *   <link rel="canonical" href="http://www.businessinsider.com/super-mario-run-december-15-2016-11" />
 * Sites are compared by registrable domain, so www./amp./m. hosts and
 * "bbc.com" vs "bbc.co.uk" (one outlet on two domains, see SAME_OUTLET) are the same site.
 * The outlet's display name is filled in later (core/publishers.ts).
 *
 * Not another site: the same name under another suffix (a blog's unexpecteduser.blogspot.de and its
 * .blogspot.com), and the page's own address behind a wrapper — a feed's or Google News' redirect, an
 * AMP cache, a translation proxy, a web archive's snapshot (core/scan.ts compares with `scan.address`).
 */
import type { PageScan } from '../scan';
import { registrableDomain, safeHttpUrl, sameOutlet } from '../url';
import { finding, type Finding } from './finding';
import { say } from '../signal-text';
import type { Family } from './keep';

const crossSiteCanonical = (scan: PageScan): Finding[] => {
  const href = scan.links.get('canonical');
  if (!href) return [];
  const url = safeHttpUrl(href, scan.url);
  const site = url ? registrableDomain(url) : null;
  if (!url || !site || !scan.site || site === scan.site) return [];
  // A canonical to a home or section page ("//us.yahoo.com/news/") is a template default, not an original.
  const path = new URL(url).pathname.replace(/\/+$/, '');
  if (!path || (/^\/[a-z_]{1,20}$/i.test(path) && !new URL(url).search)) return [];
  if (sameOutlet(url, scan.address)) return [];
  return [finding('canonical', 0.8, say('canonical', site), `<link rel="canonical" href="${url}">`, '<link rel="canonical">', { originalUrl: url })];
};

/** Its entry in the registry (core/signals/index.ts). What the digest keeps for it: nothing beyond what every digest holds (its <link rel> tags; a canonical to another host makes the page worth reading in full). */
export const family: Family = { name: 'canonical', rule: crossSiteCanonical, keep: {} };
