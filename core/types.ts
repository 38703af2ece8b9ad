/**
 * The Provenance record: the one data model every part of the product shares.
 * The engine produces it from a page, the content script sends it, the
 * background stores it, the popup / badge / options show it, the CLI prints it.
 * Plain JSON only (no Dates, no DOM nodes) so it crosses message boundaries
 * and IndexedDB unchanged.
 */
import type { PageKey } from './url';

export type SignalKind =
  | 'content-farm-footer' // "Source link :", "Publish date :", "Copyright for syndicated content…"
  | 'wordpress-feed-footer' // "The post X appeared first on Y."
  | 'canonical' // <link rel=canonical> to another site
  | 'syndication-meta' // <meta name=syndication-source|original-source>
  | 'json-ld' // isBasedOn, sourceOrganization, provider, copyrightHolder
  | 'republication-credit' // The Conversation, ProPublica, INN, "originally published by"
  | 'wire' // AP / Reuters / AFP datelines, copyright lines, TCA
  | 'tracking-pixel' // counter.theconversation.com, pixel.propublica.org, …
  | 'portal-partner' // MSN / Yahoo / AOL partner pages
  | 'copyright' // a copyright notice naming someone else
  | 'source-credit' // "Courtesy of X", "Quelle: <link>", "来源：X", "X via JTA —", "By Jane Doe, The Washington Post"
  | 'headline-credit' // a content farm's headline suffix "– The Washington Post" where its own credits name only itself
  | 'archived-copy' // informational (weight 0): a web archive's snapshot of the page, not a republication
  | 'conflict' // informational (weight 0): the credits name different originals, or a credit names a known outlet but links to another site
  | 'self-reference'; // a source claim that points back at the page's own site (not syndication)

/** Where a piece of evidence was found, in words a person can follow. */
interface Evidence {
  /** The quoted text or markup, trimmed to a readable length. */
  text: string;
  /** e.g. "footer paragraph", "<meta name=\"syndication-source\">", "JSON-LD isBasedOn". */
  location: string;
}

export interface Signal {
  kind: SignalKind;
  /** One sentence a person understands: "Source link points to usa-news.biz". In English; `say` words it in the reader's language. */
  detail: string;
  /** Which sentence `detail` is (core/signal-text.ts) and the names in it, for the extension to show it translated. */
  say?: { id: string; args: string[] };
  evidence: Evidence;
  /** How much this signal alone says the page is a copy, 0..1. 0 for informational signals. */
  weight: number;
}

export interface PageInfo {
  /** The page's headline with the site-name suffix removed. */
  headline: string | null;
  /** Credited author(s) joined for display ("A and B"); `authors` has them one by one. */
  author: string | null;
  authors: string[];
  /**
   * ISO-8601. A date written without a time zone stays a local date-time
   * without an offset ("2025-02-22T14:42:26"); never an invented zone.
   */
  publishedAt: string | null;
  /** The date exactly as the page wrote it, for display ("2025-02-22 14:42:26"). */
  publishedAtText: string | null;
  siteName: string | null;
}

export interface OriginalInfo {
  /** Only http(s), tracking parameters dropped. Null when the publisher is named but not linked. */
  url: string | null;
  publisher: string | null;
  headline: string | null;
  publishedAt: string | null;
}

export interface ChainHop {
  url: string | null;
  publisher: string | null;
  /**
   * Registrable domain of `url` (e.g. "usa-news.biz"; an internationalised one in its ASCII form,
   * "xn--pple-43d.com"): data for links and searches. Shown through core/url.ts displayHost, which exposes
   * look-alikes ("xn--pple-43d.com (аpple.com)"), only where it is rendered.
   */
  site: string | null;
}

/**
 * What kind of copy a page is (core/kind.ts decides it from the signals):
 * - 'scraped': a content farm's or feed site's copy (a "Source link :" footer, "The post … appeared first on …",
 *   a headline suffix naming another outlet), no licence shown;
 * - 'wire': a news agency's story (AP, Reuters, AFP…) carried by a member or client;
 * - 'partner': a licensed partner's article on a portal or a partner site (MSN, Yahoo; a canonical or
 *   syndication-source to the partner);
 * - 'republication': republished under a licence (Creative Commons, a nonprofit's republishing terms, its pixel);
 * - 'cross-post': the author's own post carried over from their blog, Medium, Substack…;
 * - 'archive': a web archive's snapshot (Wayback Machine, archive.today) — nobody republished it;
 * - 'unknown': a copy whose signals do not say which of the above.
 */
export type CopyKind = 'scraped' | 'wire' | 'partner' | 'republication' | 'cross-post' | 'archive' | 'unknown';

/** A web archive's snapshot: which service, the page it holds and when it was captured. */
export interface ArchiveInfo {
  /** "Wayback Machine", "archive.today", "Google cache". */
  service: string;
  /** The archived page's own URL, when known. */
  url: string | null;
  /** ISO-8601 UTC capture time, when the archive's address says it (Wayback: /web/20250222144226/…). */
  capturedAt: string | null;
}

export interface Provenance {
  /**
   * The page's key (core/url.ts PageKey: its URL with fragment and tracking parameters dropped), made once
   * by the engine's analyse. The history's `key` and a tab's scan hold this same value.
   */
  url: PageKey;
  /**
   * Whether the page is a news/blog article at all (og:type article, JSON-LD
   * Article types, an <article> with a headline, or any syndication signal).
   * A home page or a search page is not: the popup then says "No article found".
   */
  isArticle: boolean;
  /**
   * Republished by someone else: a scraper, a partner, a wire client, a licensee, the author on another site.
   * An archived snapshot is not (nobody republished it): `syndicated` false, `kind` 'archive'.
   */
  syndicated: boolean;
  /**
   * What kind of copy: non-null exactly when `syndicated` is true or the page is an archived snapshot
   * ('archive' then wins, whatever the archived page itself was). Null for a page that is not a copy.
   * Records stored before the field existed get it on read (lib/db.ts).
   */
  kind: CopyKind | null;
  /** Present when `kind` is 'archive'. */
  archive?: ArchiveInfo;
  /** 0..1, how sure the engine is that `syndicated` is right for a copy. */
  confidence: number;
  page: PageInfo;
  original: OriginalInfo | null;
  /**
   * The hops back from this page to the original, the page itself excluded:
   * first the site the page credits, last the original. The running example:
   * [USA NEWS (usa-news.biz), The Washington Post].
   */
  chain: ChainHop[];
  /** The page's own source link as written (may be an intermediate, not the original). */
  sourceUrl: string | null;
  /** A copyright notice quoted from the page. */
  copyright: string | null;
  signals: Signal[];
  /** Time the engine took, in milliseconds. */
  engineMs: number;
}
