/**
 * Verification: follow a page's provenance claim back to the original, check
 * each hop with the same engine, and compare the page with the original.
 *
 * Pure orchestration: fetching, parsing and caching are handed in, so the
 * extension (browser fetch, DOMParser in an offscreen document) and the CLI
 * (Node fetch, linkedom) run exactly this code.
 */
import { compareArticles, textFingerprint, type ArticleComparison, type TextFingerprint } from './compare';
import { nextHopUrl, searchLink } from './next-hop';
import { domainForPublisher, impersonatedOutlet, publisherForDomain } from './outlets';
import type { Provenance } from './types';
import { displayHost, normalizeUrl, registrableDomain, sameSite, type PageKey } from './url';

/** Follow at most this many hops: a chain longer than that is reported, not chased. */
export const MAX_HOPS = 4;

export type FetchFailureCode =
  | 'not-found' // 404
  | 'gone' // 410
  | 'forbidden' // 401 / 403
  | 'login-wall' // 200, but a sign-in page instead of the article
  | 'empty-page' // 200 and HTML, but nothing like an article in it (garbage, an error template)
  | 'server-error' // 5xx
  | 'http-error' // any other non-2xx
  | 'timeout'
  | 'not-html'
  | 'too-large'
  | 'tls'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'network' // connection refused / reset, DNS failure
  | 'offline'
  | 'permission-refused'
  | 'unsafe-url'
  /** The address points into a private network (loopback, RFC 1918, link-local, a local-only name): never fetched. */
  | 'private-address';

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface FetchSuccess extends Validators {
  ok: true;
  /** The URL as finally answered, after redirects. */
  finalUrl: string;
  status: number;
  /** URLs passed through before `finalUrl`, in order. */
  redirects: string[];
  /** Null on 304 Not Modified: the cached copy is still right. */
  html: string | null;
}

export interface FetchFailure {
  ok: false;
  code: FetchFailureCode;
  /** A sentence a person can act on: "the original page answered 404 (not found)". */
  message: string;
  status?: number;
  /**
   * A redirect that was not followed: the address it led to (refused: private,
   * not permitted, not http(s)) and the page that redirected there.
   */
  refusedRedirect?: { to: string; from: string };
}

export type FetchPage = (url: string, validators?: Validators) => Promise<FetchSuccess | FetchFailure>;

/** The engine run on a fetched page: its record and its article text. */
export interface ParsedPage {
  record: Provenance;
  text: string;
}
export type ParsePage = (html: string, url: string) => Promise<ParsedPage>;

/** What is kept of a fetched page: enough to compare again, never the whole article. */
export interface CachedOriginal extends Validators {
  /** Normalised URL that was requested. */
  key: string;
  finalUrl: string;
  redirects: string[];
  fetchedAt: number;
  status: number;
  record: Provenance;
  fingerprint: TextFingerprint;
}

export interface OriginalCache {
  get(key: string): Promise<CachedOriginal | undefined>;
  put(entry: CachedOriginal): Promise<void>;
}

export interface VerifiedHop {
  /** The URL the previous page pointed to. */
  url: string;
  finalUrl: string;
  site: string | null;
  publisher: string | null;
  headline: string | null;
  publishedAt: string | null;
  /** The hop is itself a copy of something further back. */
  syndicated: boolean;
  /** The answer came through redirects to another site: shown as part of the chain. */
  redirectedAcrossSites: boolean;
  redirects: string[];
  fetchedAt: number;
  /** Served from the cache without asking the site again. */
  fromCache: boolean;
  /** A stale cached copy used because the site could not be reached now. */
  stale: boolean;
  /** The page calls itself this known outlet (its og:site_name…) on a site that is not the outlet's. */
  impersonates?: string;
}

export type VerificationOutcome =
  /** The chain ends at a page that is not a copy: compared with it. */
  | 'verified'
  /** The chain ends at a publisher that is named but not linked. */
  | 'named-not-linked'
  /** A hop could not be fetched or read. */
  | 'failed'
  /** A hop points back to a page already in the chain. */
  | 'loop'
  /** More than MAX_HOPS copies deep. */
  | 'too-long'
  /** The page names no source at all. */
  | 'nothing-to-verify';

export interface Verification {
  /** The page's key (its record's `url`). */
  pageUrl: PageKey;
  checkedAt: number;
  outcome: VerificationOutcome;
  hops: VerifiedHop[];
  /** The original as found, when the chain reached one. */
  original: { url: string; publisher: string | null; headline: string | null; publishedAt: string | null; authors: string[] } | null;
  /**
   * Why the chain stopped. `url` is the address that failed: the hop's, or for a
   * redirect that was not followed the address it led to, with `redirectedFrom`
   * the page that redirected there.
   */
  failure: { code: FetchFailureCode; message: string; url: string; status?: number; redirectedFrom?: string } | null;
  /** A search the user may click when the original is named but not linked (never run on their behalf). */
  search: { publisher: string; site: string | null; headline: string | null; url: string } | null;
  comparison: ArticleComparison | null;
}

export interface VerifyOptions {
  fetchPage: FetchPage;
  parsePage: ParsePage;
  cache: OriginalCache;
  /** Cached originals younger than this are used without a request. */
  ttlMs: number;
  /** Re-check every hop with the site (conditional requests where validators exist). */
  force?: boolean;
  now?: () => number;
  /** Called as each hop starts, for progress in the UI. */
  onProgress?: (step: { hop: number; url: string }) => void;
}

/** Codes where a stale cached copy is better than nothing: the site may be fine, the way to it is not. */
const TRANSIENT: ReadonlySet<FetchFailureCode> = new Set(['offline', 'network', 'timeout', 'server-error']);

export async function verifyProvenance(page: Provenance, pageText: string | TextFingerprint | null, options: VerifyOptions): Promise<Verification> {
  const now = options.now ?? Date.now;
  const result: Verification = {
    pageUrl: page.url,
    checkedAt: now(),
    outcome: 'nothing-to-verify',
    hops: [],
    original: null,
    failure: null,
    search: null,
    comparison: null,
  };
  const visited = new Set<string>([normalizeUrl(page.url)]);
  let current = page;
  let url = nextHopUrl(page);
  let originalText: ParsedPage['text'] | TextFingerprint | null = null;

  if (!url) return endNamedOrNothing(result, page);

  for (let hop = 0; ; hop++) {
    if (hop >= MAX_HOPS) {
      result.outcome = 'too-long';
      return result;
    }
    const key = normalizeUrl(url);
    if (visited.has(key)) {
      result.outcome = 'loop';
      result.failure = { code: 'redirect-loop', message: `the chain comes back to ${displayHost(url)}, a page already in it`, url };
      return result;
    }
    visited.add(key);
    options.onProgress?.({ hop, url });

    const loaded = await loadHop(url, key, options, now);
    if ('failure' in loaded) {
      result.outcome = 'failed';
      const { refusedRedirect, ...failure } = loaded.failure;
      result.failure = refusedRedirect ? { ...failure, url: refusedRedirect.to, redirectedFrom: refusedRedirect.from } : { ...failure, url };
      return result;
    }
    const { cached, text, fromCache, stale } = loaded;
    const finalKey = normalizeUrl(cached.finalUrl);
    if (finalKey !== key && visited.has(finalKey)) {
      result.outcome = 'loop';
      result.failure = { code: 'redirect-loop', message: `${displayHost(url)} redirects back to a page already in the chain`, url };
      return result;
    }
    visited.add(finalKey);
    const record = cached.record;
    // The outlets table first: a page's own og:site_name is what it says of itself, and a page on
    // washingtonpost-archive.com calling itself "The Washington Post" is not the Post.
    const impersonates = impersonatedOutlet(record.page.siteName, cached.finalUrl);
    result.hops.push({
      url,
      finalUrl: cached.finalUrl,
      site: registrableDomain(cached.finalUrl),
      publisher: publisherForDomain(cached.finalUrl) ?? (impersonates ? null : record.page.siteName) ?? registrableDomain(cached.finalUrl),
      ...(impersonates ? { impersonates } : {}),
      headline: record.page.headline,
      publishedAt: record.page.publishedAt,
      syndicated: record.syndicated,
      redirectedAcrossSites: !sameSite(url, cached.finalUrl),
      redirects: cached.redirects,
      fetchedAt: cached.fetchedAt,
      fromCache,
      stale,
    });
    current = record;
    originalText = text ?? cached.fingerprint;

    const next = record.syndicated ? nextHopUrl(record) : null;
    if (record.syndicated && !next) return endNamedOrNothing(result, record);
    if (!next) break;
    url = next;
  }

  const last = result.hops.at(-1)!;
  result.outcome = 'verified';
  result.original = {
    url: last.finalUrl,
    publisher: publisherForDomain(last.finalUrl) ?? last.publisher,
    headline: current.page.headline,
    publishedAt: current.page.publishedAt,
    authors: current.page.authors,
  };
  result.comparison = compareArticles(
    {
      headline: page.page.headline,
      ...textSide(pageText),
      publishedAt: page.page.publishedAt,
      authors: page.page.authors,
      publisher: page.page.siteName,
    },
    {
      headline: current.page.headline,
      ...textSide(originalText),
      publishedAt: current.page.publishedAt,
      authors: current.page.authors,
      publisher: result.original.publisher,
    },
  );
  return result;
}

function textSide(value: string | TextFingerprint | null): { text?: string; fingerprint?: TextFingerprint } {
  if (value === null) return {};
  return typeof value === 'string' ? { text: value } : { fingerprint: value };
}

function endNamedOrNothing(result: Verification, record: Provenance): Verification {
  const publisher = record.original?.publisher ?? record.chain.at(-1)?.publisher ?? null;
  if (!publisher) {
    result.outcome = result.hops.length > 0 ? 'named-not-linked' : 'nothing-to-verify';
    return result;
  }
  const headline = record.original?.headline ?? record.page.headline;
  const site = record.chain.at(-1)?.site ?? domainForPublisher(publisher);
  result.outcome = 'named-not-linked';
  result.search = { publisher, site, headline, url: searchLink(publisher, headline, site) };
  return result;
}

type LoadedHop =
  | { cached: CachedOriginal; text: string | null; fromCache: boolean; stale: boolean }
  | { failure: { code: FetchFailureCode; message: string; status?: number; refusedRedirect?: FetchFailure['refusedRedirect'] } };

async function loadHop(url: string, key: string, options: VerifyOptions, now: () => number): Promise<LoadedHop> {
  const previous = await options.cache.get(key);
  if (previous && !options.force && now() - previous.fetchedAt < options.ttlMs) {
    return { cached: previous, text: null, fromCache: true, stale: false };
  }
  const answer = await options.fetchPage(url, previous ? { etag: previous.etag, lastModified: previous.lastModified } : undefined);
  if (!answer.ok) {
    if (previous && TRANSIENT.has(answer.code)) return { cached: previous, text: null, fromCache: true, stale: true };
    return {
      failure: {
        code: answer.code,
        message: answer.message,
        ...(answer.status ? { status: answer.status } : {}),
        ...(answer.refusedRedirect ? { refusedRedirect: answer.refusedRedirect } : {}),
      },
    };
  }
  if (answer.html === null) {
    if (!previous) return { failure: { code: 'http-error', message: 'the site answered "not modified" to a page never fetched' } };
    const refreshed = {
      ...previous,
      fetchedAt: now(),
      etag: answer.etag ?? previous.etag,
      lastModified: answer.lastModified ?? previous.lastModified,
    };
    await options.cache.put(refreshed);
    return { cached: refreshed, text: null, fromCache: true, stale: false };
  }
  const parsed = await options.parsePage(answer.html, answer.finalUrl);
  if (looksLikeLoginWall(parsed)) {
    return { failure: { code: 'login-wall', message: `${displayHost(answer.finalUrl)} showed a sign-in page instead of the article` } };
  }
  // Every article page has a headline (title, h1, og:title or JSON-LD); a page with none is not one.
  if (!parsed.record.page.headline) {
    return { failure: { code: 'empty-page', message: `${displayHost(answer.finalUrl)} answered, but with no article in the page` } };
  }
  const entry: CachedOriginal = {
    key,
    finalUrl: answer.finalUrl,
    redirects: answer.redirects,
    fetchedAt: now(),
    status: answer.status,
    etag: answer.etag,
    lastModified: answer.lastModified,
    record: parsed.record,
    fingerprint: textFingerprint(parsed.text),
  };
  // Only a page that was fetched, read and is not a sign-in wall is cached as a success.
  await options.cache.put(entry);
  return { cached: entry, text: parsed.text, fromCache: false, stale: false };
}

/**
 * A paywall or sign-in page served with 200: short, no article, and a title
 * or headline about signing in. Conservative: a real article about logins has text.
 */
function looksLikeLoginWall(parsed: ParsedPage): boolean {
  const words = parsed.text.split(/\s+/).filter(Boolean).length;
  if (words > 150 || parsed.record.isArticle) return false;
  const title = `${parsed.record.page.headline ?? ''}`.toLowerCase();
  return /\b(sign|log)\s?in\b|\bsubscribe\b|\bregister\b|\bsubscription\b/.test(title);
}
