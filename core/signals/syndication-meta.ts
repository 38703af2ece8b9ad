/**
 * <meta name="syndication-source"> / <meta name="original-source"> (Google
 * News' old tags) and their <link rel> forms. Yahoo's copy of an ABC News story:
 *   <link rel="syndication-source" href="http://abcnews.go.com/US/photographer-…/story?id=29557727" />
 * ProPublica's republish block carries the meta form. Templates often fill in
 * the page's own URL; those count as self-reference, not syndication.
 */
import type { PageScan } from '../scan';
import { registrableDomain, safeHttpUrl } from '../url';
import { finding, type Finding } from './finding';
import { say } from '../signal-text';
import type { Family } from './keep';

const NAMES = ['syndication-source', 'original-source'];

const syndicationMeta = (scan: PageScan): Finding[] => {
  for (const name of NAMES) {
    const fromMeta = scan.structured.meta.get(name);
    const raw = fromMeta ?? scan.links.get(name);
    if (!raw) continue;
    const location = fromMeta ? `<meta name="${name}">` : `<link rel="${name}">`;
    const url = safeHttpUrl(raw, scan.url);
    const site = url ? registrableDomain(url) : null;
    if (!url || !site) continue;
    if (site === scan.site) return [finding('self-reference', 0, say('metaSelf', location), url, location)];
    return [
      finding(
        'syndication-meta',
        0.9,
        say('metaOriginal', location, site),
        `${location.slice(0, -1)} ${fromMeta ? 'content' : 'href'}="${url}">`,
        location,
        { originalUrl: url },
      ),
    ];
  }
  return [];
};

/** Its entry in the registry (core/signals/index.ts). What the digest keeps for it: the tags' names: a page that carries one is read in full. */
export const family: Family = { name: 'syndication-meta', rule: syndicationMeta, keep: { markupKeys: NAMES } };
