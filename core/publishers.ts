/**
 * Outlets' display names on a record, from the table in core/outlets.ts: the
 * last step of analyse() (core/detect.ts), which names what the rules found
 * by its domain only: the page's site name, the source and original hops, a
 * credit that names a bare domain. The content script never imports it (it
 * carries only core/digest.ts). Sites stay registrable domains here: their
 * display form (look-alikes exposed, core/url.ts displayHost) is made where
 * they are shown.
 */
import { stripSiteName } from './metadata';
import { looksLikeName, sameName } from './text';
import { domainForPublisher, impersonatedOutlet, publisherForDomain } from './outlets';
import { say, sentence } from './signal-text';
import type { ChainHop, Provenance } from './types';
import { displayHost, registrableDomain } from './url';

const DOMAIN_LIKE = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;

/** Fills in the outlets' names where the rules only knew a domain. Changes the record in place. */
export function namePublishers(record: Provenance): void {
  const site = registrableDomain(record.url);

  // The page's own site name, last resort after its metadata; the headline then loses a "– Site" suffix too.
  const ownName = site && !record.page.siteName ? publisherForDomain(record.url) : null;
  if (ownName && looksLikeName(ownName, 8)) {
    record.page.siteName = ownName;
    if (record.page.headline) {
      const stripped = stripSiteName(record.page.headline, ownName, site);
      if (stripped.length >= 3) record.page.headline = stripped;
    }
  }

  const original = record.original;
  const chain = record.chain;
  const [source, last] = chain.length === 2 ? chain : [null, chain[0]];

  // A source link to the original outlet's own site, once the names show it: one hop, not two.
  if (source && last && original && !original.url && original.publisher && source.url && source.url === record.sourceUrl && !last.url) {
    const sourceName = source.publisher ?? publisherForDomain(source.url);
    const sourceSite = registrableDomain(source.url);
    if (
      (!source.publisher && sourceName && sameName(sourceName, original.publisher)) ||
      (!last.site && sourceSite && domainForPublisher(original.publisher) === sourceSite)
    ) {
      original.url = source.url;
      record.chain = [{ url: source.url, publisher: original.publisher, site: source.site }];
    }
  }
  fillNames(record);
}

function fillNames(out: Provenance): void {
  const chain = out.chain;
  for (const hop of chain) {
    if (!hop.publisher) hop.publisher = hopName(hop);
  }
  const last = chain.at(-1);
  if (last && (last.url === (out.original?.url ?? null) || !out.original)) {
    // The original's hop: the same name on both, and a site from the name when nothing else gave one.
    const original = out.original;
    if (original && !original.publisher) original.publisher = last.publisher;
    if (!last.url && !last.publisher) chain.pop();
    else if (!original && last.publisher && !last.url) out.original = { url: null, publisher: last.publisher, headline: null, publishedAt: null };
    if (!last.site && last.publisher) last.site = domainForPublisher(last.publisher);
  }
  // An original linked on a site the table does not know: its domain stands for its name ("brandeins.de").
  const linkedOriginal = out.original;
  const end = chain.at(-1);
  if (linkedOriginal?.url && !linkedOriginal.publisher && end && end.url === linkedOriginal.url) {
    const domain = registrableDomain(linkedOriginal.url);
    if (domain) linkedOriginal.publisher = end.publisher = domain;
  }
  // A credit naming a bare domain ("Originally published at www.example.com"): the outlet's name when known.
  const original = out.original;
  if (original?.publisher && DOMAIN_LIKE.test(original.publisher)) {
    const name = publisherForDomain(original.publisher);
    if (name) {
      for (const hop of chain) if (hop.publisher === original.publisher) hop.publisher = name;
      original.publisher = name;
    }
  }
  flagImpersonation(out);
}

/**
 * A credit that names a known outlet but links to another site ("appeared first on <a
 * href=https://www.washingtonpost-archive.com/>The Washington Post</a>"): the link's site stands for its
 * publisher, not the outlet, and the record says why, with lower confidence. The name alone proves
 * nothing: anyone can write it.
 */
function flagImpersonation(out: Provenance): void {
  const original = out.original;
  const named = [...(original?.url && original.publisher ? [{ url: original.url, publisher: original.publisher }] : []), ...out.chain];
  const flagged = new Set<string>();
  for (const { url, publisher } of named) {
    const outlet = url && publisher ? impersonatedOutlet(publisher, url) : null;
    if (!url || !publisher || !outlet) continue;
    // The site's registrable domain (an internationalised one in its ASCII form) stands for the publisher.
    const site = registrableDomain(url) ?? new URL(url).hostname;
    for (const hop of out.chain) if (hop.url === url && hop.publisher === publisher) hop.publisher = site;
    if (original?.url === url && original.publisher === publisher) original.publisher = site;
    if (flagged.has(`${publisher}\n${site}`)) continue;
    flagged.add(`${publisher}\n${site}`);
    const credit = out.signals.find((signal) => signal.weight > 0 && (signal.detail.includes(publisher) || signal.evidence.text.includes(publisher)));
    // The sentence is text for the reader: the site in the form that exposes look-alikes.
    const shown = displayHost(site);
    out.signals.push({
      kind: 'conflict',
      ...sentence(say('creditLinkMismatch', publisher, shown, outlet)),
      weight: 0,
      evidence: { text: `${publisher} → ${shown}`, location: credit?.evidence.location ?? 'credit link' },
    });
    out.confidence = Math.round(out.confidence * 0.8 * 1000) / 1000;
  }
}

function hopName(hop: ChainHop): string | null {
  if (hop.url) return publisherForDomain(hop.url);
  return hop.site && DOMAIN_LIKE.test(hop.site) ? publisherForDomain(hop.site) : null;
}
