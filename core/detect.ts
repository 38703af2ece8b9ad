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
import { archiveInfo, copyKind } from './kind';
import { extractPage } from './metadata';
import { scanFromDigest, type PageScan } from './scan';
import { SIGNAL_FAMILIES } from './signals';
import type { Claims, Finding } from './signals/finding';
import { isPublisherName } from './names';
import { agencyNamed } from './signals/agencies';
import { say, sentence } from './signal-text';
import { clip, foldToKey, sameName } from './text';
import { namePublishers } from './publishers';
import { cleanStrings } from './sanitize';
import type { ChainHop, OriginalInfo, Provenance, Signal, SignalKind } from './types';
import { pageKey, registrableDomain, sameOutlet, type PageKey } from './url';

interface DetectOptions {
  /** Clock in milliseconds, for engineMs; defaults to performance.now() or Date.now(). */
  now?: () => number;
}

/** A combined weight at or above this says "syndicated". One strong signal (≥ 0.6) is enough. */
const SYNDICATED_THRESHOLD = 0.6;

const defaultNow = (): number => (typeof performance !== 'undefined' && typeof performance.now === 'function' ? performance.now() : Date.now());

export function detect(doc: Document, url: string, options: DetectOptions = {}): Provenance {
  const now = options.now ?? defaultNow;
  return analyse(digestPage(doc, url, now), options);
}

/**
 * The one way to a finished record, for the extension (a digest from the content script), the CLI, the
 * verification and the tests alike: the rules on a page's digest, then the outlets' names
 * (core/publishers.ts), then the page's text cleaned of direction controls (core/sanitize.ts), each once
 * and in place. engineMs counts the digest's time and the analysis's.
 */
export function analyse(digest: PageDigest, options: DetectOptions = {}): Provenance {
  const now = options.now ?? defaultNow;
  const started = now();
  // The page's key, made once here: the record, the history and the tab's state all use it as it is.
  const url = pageKey(digest.url);
  let record: Provenance;
  try {
    record = analyseUnsafe(digest, url);
    namePublishers(record);
  } catch (error) {
    record = emptyRecord(url);
    record.signals.push({
      kind: 'self-reference',
      ...sentence(say('notAnalysed')),
      weight: 0,
      evidence: { text: clip(String(error instanceof Error ? error.message : error), 200), location: 'engine' },
    });
  }
  cleanStrings(record);
  const digestMs = Number.isFinite(digest.ms) && digest.ms > 0 ? digest.ms : 0;
  record.engineMs = Math.max(0, Math.round((digestMs + now() - started) * 1000) / 1000);
  return record;
}

function emptyRecord(url: PageKey): Provenance {
  return {
    url,
    isArticle: false,
    syndicated: false,
    kind: null,
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

function analyseUnsafe(digest: PageDigest, url: PageKey): Provenance {
  const scan = scanFromDigest({ ...digest, url });
  const findings = runFamilies(scan);
  const labelled = firstClaims(findings);
  const page = extractPage(scan, { author: labelled.author, publishedAtText: labelled.publishedAtText });

  const score = 1 - findings.reduce((keep, item) => keep * (1 - Math.min(Math.max(item.signal.weight, 0), 0.99)), 1);
  const syndicated = score >= SYNDICATED_THRESHOLD;
  const signals: Signal[] = findings.map((item) => item.signal);
  const record: Provenance = {
    url,
    isArticle: syndicated || findings.some((item) => item.signal.weight > 0) || looksLikeArticle(scan),
    syndicated,
    kind: null,
    confidence: round(syndicated ? score : Math.min(0.95, 1 - score)),
    page,
    original: null,
    chain: [],
    sourceUrl: null,
    copyright: labelled.copyright ?? copyrightNotice(scan),
    signals,
    engineMs: 0,
  };
  if (syndicated) {
    buildOriginal(record, findings, scan);
    const conflict = disagreement(findings);
    if (conflict) {
      record.signals.push(conflict);
      record.confidence = round(record.confidence * 0.8);
    }
  }
  record.kind = copyKind(record, findings, scan, (name) => !!agencyNamed(name, { anyCase: true }));
  const archive = record.kind === 'archive' ? archiveInfo(scan) : null;
  if (archive) record.archive = archive;
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
  if (scan.structured.articleMetadata) return true;
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
  const credit = active.find((item) => TEXT_CREDITS.has(item.signal.kind) && item.claims.originalPublisher && !item.claims.originalUrl)?.claims
    .originalPublisher;
  // Otherwise a publisher named by the finding that also links the original beats a name-only claim.
  const linked = active.find(
    (item) => item.claims.originalUrl && !(credit && item.signal.kind === 'canonical' && !nameFitsHost(credit, item.claims.originalUrl)),
  );
  const originalUrl = linked?.claims.originalUrl ?? null;
  // A linked original is named by its own finding, or by another finding's name that fits its URL (a sister
  // paper's canonical …/boston-business-journal/… and "Copyright Boston Business Journal"), or not at all
  // here: another name (a portal's credit, a wire dateline) may belong to another outlet. core/publishers.ts
  // names it from its domain.
  // A portal's provider names the original that the portal links ("기사원문", "元記事を読む") on its site.
  const portal = originalUrl
    ? active.find(
        (item) =>
          item.signal.kind === 'portal-partner' &&
          item.claims.originalPublisher &&
          (!item.claims.originalSite || item.claims.originalSite === registrableDomain(originalUrl)),
      )
    : undefined;
  const fitting = originalUrl
    ? (portal?.claims.originalPublisher ??
      findings.map((item) => item.claims.originalPublisher).find((name) => !!name && isPublisherName(name) && nameFitsUrl(name, originalUrl)))
    : null;
  const named = (linked ? (linked.claims.originalPublisher ?? fitting) : claims.originalPublisher) ?? null;
  // A publisher is a name: a date, a time or a dateline read by mistake is dropped here, where it is set.
  const originalPublisher = isPublisherName(named) ? named : null;

  const sourceUrl = claims.sourceUrl ?? null;
  const sourceSite = sourceUrl ? registrableDomain(sourceUrl) : null;
  const sourceName = isPublisherName(claims.sourceName) ? (claims.sourceName ?? null) : null;
  record.sourceUrl = sourceUrl;

  const originalSite = originalUrl ? registrableDomain(originalUrl) : (claims.originalSite ?? null);
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
      (!originalUrl &&
        (!originalPublisher || (sourceName && sameName(sourceName, originalPublisher)) || (originalSite && originalSite === sourceSite))));
  if (sourceUrl && !sourceIsOriginal) {
    chain.push({ url: sourceUrl, publisher: sourceName, site: sourceSite });
  } else if (sourceUrl && sourceIsOriginal && !original.url) {
    original.url = sourceUrl;
    original.publisher = original.publisher ?? sourceName;
  }
  const site = original.url ? registrableDomain(original.url) : (claims.originalSite ?? null);
  // A hop with only a site (a pixel reporting to it) gets its outlet's name from core/publishers.ts,
  // and every hop's site its display form (look-alikes exposed) there too.
  if (original.url || original.publisher || site) {
    chain.push({ url: original.url, publisher: original.publisher, site });
  }
  record.original = original.url || original.publisher || original.headline ? original : null;
  record.chain = chain;
}

/**
 * Credits in the article's text that can name the original without linking it: a canonical to a site
 * they do not name is another copy (an aggregator's SEO plugin, a partner's page of an agency story).
 */
const TEXT_CREDITS = new Set<SignalKind>(['wordpress-feed-footer', 'republication-credit', 'wire', 'source-credit', 'headline-credit']);

/**
 * Does an outlet's name match a label of the URL's host ("The Washington Post", www.washingtonpost.com;
 * "TBS NEWS DIG", newsdig.tbs.co.jp; "Süddeutsche Zeitung", sueddeutsche.de)? A label matches the whole
 * name, or a run of its words.
 */
function nameFitsHost(name: string, url: string): boolean {
  const labels = new URL(url).hostname.split('.').filter((label) => label.length >= 3 && label !== 'www');
  if (labels.some((label) => sameName(name, label))) return true;
  const words = name
    .split(/[\s-]+/)
    .map(asciiKey)
    .filter(Boolean);
  for (const label of labels.map(asciiKey)) {
    for (let i = 0; i < words.length; i++) {
      let run = '';
      for (let j = i; j < words.length && run.length < label.length; j++) run += words[j];
      if (run === label) return true;
    }
  }
  return false;
}

/** Letters and digits, umlauts and accents spelled the way hosts spell them ("süddeutsche" → "sueddeutsche"). */
function asciiKey(text: string): string {
  return foldToKey(text.replace(/ä/gi, 'ae').replace(/ö/gi, 'oe').replace(/ü/gi, 'ue').replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, ''));
}

/** The host, or a segment of the path ("…/boston-business-journal/…"), names the outlet. */
function nameFitsUrl(name: string, url: string): boolean {
  if (nameFitsHost(name, url)) return true;
  const key = foldToKey(name);
  return key.length > 3 && new URL(url).pathname.split('/').some((segment) => foldToKey(segment) === key);
}

/** What a finding says the original is: a name and a site, or an agency. */
interface OriginalClaim {
  name: string | null;
  url: string | null;
  site: string | null;
  agency: string | null;
  where: string;
}

/**
 * When the findings name different originals (a dateline says AP and the byline Reuters; a canonical to
 * one outlet and a credit naming another), the record says so: an informational signal naming both.
 * An agency's story on a partner's page is one story (the agency and the partner's URL do not disagree).
 */
function disagreement(findings: Finding[]): Signal | null {
  const claims: OriginalClaim[] = [];
  for (const item of findings) {
    const { originalPublisher: name, originalUrl: url, originalSite } = item.claims;
    if (item.signal.weight < 0.5 || (!name && !url && !originalSite)) continue;
    const agency = name ? (agencyNamed(name, { anyCase: true })?.name ?? null) : null;
    claims.push({
      name: name ?? null,
      url: url ?? null,
      site: url ? registrableDomain(url) : (originalSite ?? null),
      agency,
      where: item.signal.evidence.location,
    });
  }
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      const a = claims[i]!;
      const b = claims[j]!;
      if (agree(a, b)) continue;
      const label = (claim: OriginalClaim) => claim.name ?? claim.site ?? claim.url ?? '?';
      return {
        kind: 'conflict',
        ...sentence(say('conflict', label(a), label(b))),
        weight: 0,
        evidence: { text: clip(`${label(a)} (${a.where}) / ${label(b)} (${b.where})`), location: `${a.where}; ${b.where}` },
      };
    }
  }
  return null;
}

function agree(a: OriginalClaim, b: OriginalClaim): boolean {
  if (a.agency && b.agency) return a.agency === b.agency;
  // An agency's copy is relayed: a URL elsewhere (a partner's page) is not a second original.
  if ((a.agency && !b.name) || (b.agency && !a.name)) return true;
  if (a.name && b.name && sameName(a.name, b.name)) return true;
  if (a.site && b.site && (a.site === b.site || sameOutlet(`https://${a.site}/`, `https://${b.site}/`))) return true;
  if (a.name && b.url && nameFitsUrl(a.name, b.url)) return true;
  if (b.name && a.url && nameFitsUrl(b.name, a.url)) return true;
  if (a.name && b.site && !b.url && nameFitsHost(a.name, `https://${b.site}/`)) return true;
  if (b.name && a.site && !a.url && nameFitsHost(b.name, `https://${a.site}/`)) return true;
  return false;
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
