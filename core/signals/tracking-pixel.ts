/**
 * Tracking pixels that republication programmes ask partners to embed; on a
 * page of another site they fingerprint a copy:
 *   <img src="https://counter.theconversation.com/content/12345/count.gif?distributor=republish-lightbox-basic">
 *   <img src="https://pixel.propublica.org/pixel.gif?…">   (ProPublica's republish block)
 *   <img src="https://analytics.apnewsregistry.com/analytics/V2/Image.svc/AP/RWS/…">  (AP member sites)
 *   <img src="https://example.org/?republication-pixel=true&post=123">  (INN's Republication Tracker plugin)
 */
import type { PageScan } from '../scan';
import { registrableDomain, safeHttpUrl } from '../url';
import { finding, type Finding } from './finding';
import { say } from '../signal-text';
import type { Family } from './keep';

const PIXELS: { host: string; publisher: string; site: string; weight: number }[] = [
  { host: 'counter.theconversation.com', publisher: 'The Conversation', site: 'theconversation.com', weight: 0.9 },
  { host: 'pixel.propublica.org', publisher: 'ProPublica', site: 'propublica.org', weight: 0.9 },
  // Any host of AP's registry (analytics.apnewsregistry.com and the others): the digest keeps its <script> too.
  { host: 'apnewsregistry.com', publisher: 'The Associated Press', site: 'apnews.com', weight: 0.7 },
];

const trackingPixel = (scan: PageScan): Finding[] => {
  // The first image (or AP's script) whose src core/digest.ts recognised as a pixel.
  const pixel = scan.pixel;
  const src = pixel ? safeHttpUrl(pixel.src, scan.url) : null;
  if (!src) return [];
  const host = new URL(src).hostname;
  const known = PIXELS.find((entry) => host === entry.host || host.endsWith(`.${entry.host}`));
  const tag = `<${pixel?.tag} src="${src}">`;
  if (known) {
    if (scan.site === known.site || scan.site === registrableDomain(known.host)) return [];
    return [
      finding('tracking-pixel', known.weight, say('pixelKnown', known.publisher), tag, 'tracking pixel', {
        originalPublisher: known.publisher,
        originalSite: known.site,
      }),
    ];
  }
  // INN's tracker reports back to the original publisher's own site.
  const site = registrableDomain(src);
  if (!site || site === scan.site) return [];
  return [finding('tracking-pixel', 0.8, say('pixel', site), tag, 'tracking pixel', { originalSite: site })];
};

/**
 * Its entry in the registry (core/signals/index.ts). What the digest keeps for it: the first <img> whose src
 * holds a known pixel's host or INN's marker (any site's tracker), or an AP registry <script>.
 */
export const family: Family = {
  name: 'tracking-pixel',
  rule: trackingPixel,
  keep: { pixels: { hosts: PIXELS.map((entry) => entry.host), markers: ['republication-pixel'], scriptHosts: ['apnewsregistry.com'] } },
};
