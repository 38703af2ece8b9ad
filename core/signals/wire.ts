/**
 * Wire copy: agency stories run by other outlets.
 *
 *   MOSCOW (AP) — An unmanned Russian cargo spaceship …      (AP dateline, Yahoo News copy)
 *   WASHINGTON, Feb 22 (Reuters) - …                         (Reuters dateline)
 *   PARIS (AFP) - …  /  CHICAGO (TNS) — …  /  (Bloomberg) --
 *   Copyright 2025 The Associated Press. All rights reserved. This material may
 *     not be published, broadcast, rewritten or redistributed.  (end of an AP story)
 *   Distributed by Tribune Content Agency, LLC.              (TCA syndication)
 *
 * Not wire copy: a site-wide footer "Associated Press articles: Copyright © 2015
 * The Associated Press…" (Salon prints it on every page), a photo caption ending
 * "(AP)", and the agencies' own sites (apnews.com, reuters.com, afp.com…).
 */
import type { PageScan } from '../scan';
import { finding, regionName, type Finding } from './finding';

/** Agency key (as in a dateline, lower-cased): its name, then its own sites, where its copy is not syndication. */
const AGENCIES: Record<string, { name: string; sites: string[] }> = {};
for (const entry of [
  'ap:The Associated Press:apnews.com ap.org',
  'reuters:Reuters:reuters.com thomsonreuters.com',
  'afp:AFP:afp.com',
  'upi:UPI:upi.com',
  'tns:Tribune News Service:tribpub.com chicagotribune.com latimes.com',
  'dpa:dpa:dpa.com dpa-international.com',
  'bloomberg:Bloomberg:bloomberg.com',
  'cnn:CNN:cnn.com',
  'aap:AAP:aap.com.au',
  'tca:Tribune Content Agency:tribpub.com tribuneinteractive.com',
]) {
  const [key = '', name = '', sites = ''] = entry.split(':');
  AGENCIES[key] = { name, sites: sites.split(' ') };
}

/** An upper-case place, optionally ", Month Day", then the agency in brackets and a dash. */
const DATELINE = /^(?:[\p{Lu}][\p{Lu}\p{M}'’. -]{1,40}(?:,\s*[\p{L}. ]{2,30}?)?(?:,?\s*[\p{L}]{3,9}\.?\s+\d{1,2})?\s*)?\((AP|Reuters|AFP|UPI|TNS|dpa|Bloomberg|CNN|AAP)\)\s*(?:[-—–]{1,2}|:)\s*\S/u;
const AP_COPYRIGHT = /^(?:copyright|©)\s*(?:©\s*)?(?:\d{4}\s*)?(?:by\s+)?the associated press\.?\s*all rights reserved/i;
const TCA = /distributed by tribune content agency/i;

export const wireCopy = (scan: PageScan): Finding[] => {
  const found: Finding[] = [];
  let sawDateline = false;
  for (const line of scan.lines) {
    // A dateline opens one of the article's first text blocks (the digest reads only those as 'article-start').
    if (line.region === 'article-start' && !sawDateline) {
      const dateline = DATELINE.exec(line.text);
      const agency = dateline?.[1] ? AGENCIES[dateline[1].toLowerCase()] : undefined;
      if (dateline && agency && !isAgencySite(scan, agency.sites)) {
        sawDateline = true;
        found.push(finding('wire', 0.85, `Wire dateline: a ${agency.name} story`, line.text.slice(0, 120), 'start of the article, dateline', { originalPublisher: agency.name }));
      }
    }
    if (line.region === 'page-end' || line.text.length > 400) continue;
    if (AP_COPYRIGHT.test(line.text) && !isAgencySite(scan, AGENCIES.ap!.sites) && !line.footer) {
      found.push(finding('wire', 0.8, 'AP copyright line at the end of the article', line.text, `${regionName(line.region)}, copyright line`, { originalPublisher: 'The Associated Press', copyright: line.text }));
    } else if (TCA.test(line.text) && !isAgencySite(scan, AGENCIES.tca!.sites) && !line.footer) {
      found.push(finding('wire', 0.85, 'Distributed by Tribune Content Agency', line.text, `${regionName(line.region)}, distribution line`, { originalPublisher: creditedBeforeTca(line.text) ?? 'Tribune Content Agency', copyright: line.text }));
    }
  }
  return dedupe(found);
};

function isAgencySite(scan: PageScan, sites: string[]): boolean {
  return !!scan.site && sites.includes(scan.site);
}

/** "©2025 The Seattle Times. Visit seattletimes.com. Distributed by Tribune Content Agency, LLC." → "The Seattle Times". */
function creditedBeforeTca(text: string): string | null {
  const match = /^(?:©|copyright)\s*(?:\d{4}\s*)?(?:,\s*)?(.{2,60}?)\.\s/i.exec(text);
  return match?.[1] ?? null;
}

function dedupe(found: Finding[]): Finding[] {
  const seen = new Set<string>();
  return found.filter((item) => {
    const key = `${item.signal.evidence.location}|${item.claims.originalPublisher}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
