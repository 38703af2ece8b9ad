/**
 * The engine's entry point: detect(document, url) → Provenance, in two halves.
 *
 *   digestPage(document, url) → PageDigest   (core/digest.ts: the only part that reads the DOM)
 *   analyse(digest)           → Provenance   (this file: the rules, on plain data)
 *
 * Pure: touches no browser API, so the same code runs in the content script
 * (which only digests the page; the background analyses the digest), in the
 * background's verification (a parsed document) and in Node (linkedom) for the
 * tests and the CLI. Never throws: any failure gives a valid, unsyndicated record.
 */
import { parseDate } from './dates';
import { digestPage, type PageDigest } from './digest';
import { hasArticleMetadata } from './jsonld';
import { extractPage } from './metadata';
import { scanFromDigest, type PageScan } from './scan';
import { SIGNAL_FAMILIES } from './signals';
import type { Claims, Finding } from './signals/finding';
import { clip, sameName } from './text';
import type { ChainHop, OriginalInfo, Provenance, Signal, SignalKind } from './types';
import { normalizeUrl, registrableDomain } from './url';

export interface DetectOptions {
  /** Clock in milliseconds, for engineMs; defaults to performance.now() or Date.now(). */
  now?: () => number;
}

/** A combined weight at or above this says "syndicated". One strong signal (≥ 0.6) is enough. */
export const SYNDICATED_THRESHOLD = 0.6;

const defaultNow = (): number => (typeof performance !== 'undefined' && typeof performance.now === 'function' ? performance.now() : Date.now());

export function detect(doc: Document, url: string, options: DetectOptions = {}): Provenance {
  const now = options.now ?? defaultNow;
  return analyse(digestPage(doc, url, now), options);
}

/** The rules on a page's digest. engineMs counts the digest's time and the analysis's. */
export function analyse(digest: PageDigest, options: DetectOptions = {}): Provenance {
  const now = options.now ?? defaultNow;
  const started = now();
  const url = digest.url;
  let record: Provenance;
  try {
    record = analyseUnsafe(digest);
  } catch (error) {
    record = emptyRecord(url);
    record.signals.push({
      kind: 'self-reference',
      detail: 'The page could not be analysed',
      weight: 0,
      evidence: { text: clip(String(error instanceof Error ? error.message : error), 200), location: 'engine' },
    });
  }
  const digestMs = Number.isFinite(digest.ms) && digest.ms > 0 ? digest.ms : 0;
  record.engineMs = Math.max(0, Math.round((digestMs + now() - started) * 1000) / 1000);
  return record;
}

function safeNormalize(url: string): string {
  try {
    return normalizeUrl(typeof url === 'string' ? url : '');
  } catch {
    return '';
  }
}

function emptyRecord(url: string): Provenance {
  return {
    url: safeNormalize(url),
    isArticle: false,
    syndicated: false,
    confidence: 0.5,
    page: { headline: null, author: null, authors: [], publishedAt: null, publishedAtText: null, siteName: null },
    original: null,
    chain: [],
    sourceUrl: null,
    copyright: null,
    signals: [],
    engineMs: 0,
  };
}

function analyseUnsafe(digest: PageDigest): Provenance {
  const scan = scanFromDigest({ ...digest, url: safeNormalize(digest.url) });
  const findings = runFamilies(scan);
  const labelled = firstClaims(findings);
  const page = extractPage(scan, { author: labelled.author, publishedAtText: labelled.publishedAtText });

  const score = 1 - findings.reduce((keep, item) => keep * (1 - Math.min(Math.max(item.signal.weight, 0), 0.99)), 1);
  const syndicated = score >= SYNDICATED_THRESHOLD;
  const signals: Signal[] = findings.map((item) => item.signal);
  const record: Provenance = {
    url: scan.url,
    isArticle: syndicated || findings.some((item) => item.signal.weight > 0) || looksLikeArticle(scan),
    syndicated,
    confidence: round(syndicated ? score : Math.min(0.95, 1 - score)),
    page,
    original: null,
    chain: [],
    sourceUrl: null,
    copyright: labelled.copyright ?? copyrightNotice(scan),
    signals,
    engineMs: 0,
  };
  if (syndicated) buildOriginal(record, findings, scan);
  return record;
}

function runFamilies(scan: PageScan): Finding[] {
  const findings: Finding[] = [];
  for (const family of SIGNAL_FAMILIES) {
    try {
      findings.push(...family(scan));
    } catch {
      // One family failing on odd markup must not cost the others.
    }
  }
  return findings;
}

/** og:type article, a JSON-LD Article type, or an <article>/<h1> story with a date or author markup. */
function looksLikeArticle(scan: PageScan): boolean {
  if (scan.quiet) return false; // checked for already: no headline, no article metadata
  if (hasArticleMetadata(scan.meta, scan.jsonLd)) return true;
  return scan.articleHeading && !scan.rootIsBody;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** The first value of each claim, strongest findings first. */
function firstClaims(findings: Finding[]): Claims {
  const ordered = [...findings].sort((a, b) => b.signal.weight - a.signal.weight);
  const claims: Claims = {};
  for (const { claims: item } of ordered) {
    for (const key of Object.keys(item) as (keyof Claims)[]) {
      if (claims[key] == null && item[key] != null) claims[key] = item[key];
    }
  }
  return claims;
}

function buildOriginal(record: Provenance, findings: Finding[], scan: PageScan): void {
  const active = findings.filter((item) => item.signal.weight > 0).sort((a, b) => b.signal.weight - a.signal.weight);
  const claims = firstClaims(active);
  // A credit in the text naming the original ("The post X appeared first on Y") outranks a canonical to a
  // site that is not Y: aggregators' SEO plugins point the canonical at whichever copy they took the item from.
  const credit = active.find((item) => TEXT_CREDITS.has(item.signal.kind) && item.claims.originalPublisher && !item.claims.originalUrl)?.claims.originalPublisher;
  // Otherwise a publisher named by the finding that also links the original beats a name-only claim.
  const linked = active.find((item) => item.claims.originalUrl && !(credit && item.signal.kind === 'canonical' && !nameFitsHost(credit, item.claims.originalUrl)));
  const originalUrl = linked?.claims.originalUrl ?? null;
  // A linked original is named by its own finding or not at all here: another finding's name (a portal's
  // credit, a wire dateline) may belong to another outlet. core/publishers.ts names it from its domain.
  const originalPublisher = (linked ? linked.claims.originalPublisher : claims.originalPublisher) ?? null;

  const sourceUrl = claims.sourceUrl ?? null;
  const sourceSite = sourceUrl ? registrableDomain(sourceUrl) : null;
  const sourceName = claims.sourceName ?? null;
  record.sourceUrl = sourceUrl;

  const originalSite = originalUrl ? registrableDomain(originalUrl) : claims.originalSite ?? null;
  const original: OriginalInfo = {
    url: originalUrl,
    publisher: originalPublisher,
    headline: claims.originalHeadline ?? null,
    publishedAt: claims.originalPublishedAt ? parseDate(claims.originalPublishedAt) : null,
  };

  const chain: ChainHop[] = [];
  const sourceIsOriginal =
    !!sourceUrl &&
    ((originalUrl && registrableDomain(originalUrl) === sourceSite) ||
      (!originalUrl && (!originalPublisher || (sourceName && sameName(sourceName, originalPublisher)) || (originalSite && originalSite === sourceSite))));
  if (sourceUrl && !sourceIsOriginal) {
    chain.push({ url: sourceUrl, publisher: sourceName, site: sourceSite });
  } else if (sourceUrl && sourceIsOriginal && !original.url) {
    original.url = sourceUrl;
    original.publisher = original.publisher ?? sourceName;
  }
  const site = original.url ? registrableDomain(original.url) : claims.originalSite ?? null;
  // A hop with only a site (a pixel reporting to it) gets its outlet's name from core/publishers.ts,
  // and every hop's site its display form (look-alikes exposed) there too.
  if (original.url || original.publisher || site) {
    chain.push({ url: original.url, publisher: original.publisher, site });
  }
  record.original = original.url || original.publisher || original.headline ? original : null;
  record.chain = chain;
}

/** Credits in the article's text that can name the original without linking it. */
const TEXT_CREDITS = new Set<SignalKind>(['wordpress-feed-footer', 'republication-credit']);

/** Does an outlet's name match a label of the URL's host ("The Washington Post", www.washingtonpost.com)? */
function nameFitsHost(name: string, url: string): boolean {
  return new URL(url).hostname.split('.').some((label) => sameName(name, label));
}

const COPYRIGHT_LINE = /^(?:©|\(c\)|copyright\b)|(?:^|\s)©\s*(?:\d{4}|[\p{Lu}])/iu;

/** The page's own copyright notice, from the end of the article or the page footer. */
function copyrightNotice(scan: PageScan): string | null {
  for (let i = scan.lines.length - 1; i >= 0; i--) {
    const line = scan.lines[i];
    if (line && line.text.length <= 300 && COPYRIGHT_LINE.test(line.text)) return clip(line.text, 300);
  }
  return null;
}
