/**
 * Where a record points: the next page to check on the way to the original,
 * and a search for the original when there is no link to it. Small on
 * purpose: the popup, the badge's card and the options page link to these
 * without the engine.
 */
import { domainForPublisher } from './outlets';
import type { Provenance } from './types';
import { safeHttpUrl, sameSite } from './url';

/** Where a record says it came from: the link it credits, else the original's link. */
export function nextHopUrl(record: Provenance): string | null {
  const candidates = [record.sourceUrl, record.original?.url, ...record.chain.map((hop) => hop.url)];
  for (const candidate of candidates) {
    const safe = candidate ? safeHttpUrl(candidate, record.url) : null;
    if (safe && !sameSite(safe, record.url)) return safe;
  }
  return null;
}

/** A web search for the headline on the publisher's site, as a link for the user to click. */
export function searchLink(publisher: string, headline: string | null, site: string | null): string {
  const domain = site ?? domainForPublisher(publisher);
  const terms = [domain ? `site:${domain}` : publisher, headline ? `"${headline}"` : ''].filter(Boolean).join(' ');
  return `https://duckduckgo.com/?q=${encodeURIComponent(terms)}`;
}
