/**
 * The digest's bounds and byline selectors, apart from core/digest.ts so that
 * the message checks (lib/messages.ts) can hold a digest to them without
 * bringing the DOM reading into every page that sends a message.
 */

/**
 * What a digest holds at most: the digest keeps to these, and the background
 * rejects a digest message over them (lib/messages.ts, a page too big to send
 * as HTML), so no page can send more.
 */
export const DIGEST_LIMITS = {
  url: 16_384,
  tag: 40,
  className: 200,
  title: 400,
  metaKeys: 1000,
  metaKey: 300,
  metaValue: 1000,
  linkRels: 600,
  href: 2000,
  jsonLdScripts: 12,
  /** Characters of one JSON-LD script; a bigger blob is skipped, never parsed. */
  jsonLdChars: 300_000,
  /** Characters of JSON-LD kept from one page. */
  jsonLdTotal: 600_000,
  lines: 400,
  lineChars: 4000,
  linksPerLine: 300,
  linkText: 300,
  bylineText: 300,
  timeText: 200,
  /** Date candidates (core/digest.ts readDates), the characters kept of each one's text, value and hint, and of the page's language. */
  dates: 48,
  dateText: 200,
  dateHint: 160,
  lang: 40,
  portalMarks: 9,
  portalText: 300,
  /**
   * Characters of the whole digest as JSON, which every field shares: the fields' own limits alone would let
   * a page built for it send hundreds of megabytes (400 lines of 300 links each). Real pages' digests stay
   * under 100,000 (the largest in both corpora: 87,534); core/digest.ts drops a bigger digest's last JSON-LD
   * scripts (then lines, meta and link tags, dates) to fit, and lib/messages.ts refuses a digest over it.
   */
  total: 1_000_000,
} as const;

/**
 * Characters of a page's HTML its content script sends for the background to read (lib/messages.ts
 * 'page-html'). Real articles' serialised DOMs are a few hundred thousand; a bigger page, or one of more than
 * PAGE_HTML_ELEMENTS elements, is read by the content script itself with the digest's bounded walks
 * (core/digest.ts), and only its digest is sent.
 */
export const PAGE_HTML_CHARS = 5_000_000;
/** Elements of a page whose HTML is sent whole; a bigger one (a sitemap, a page built to slow the extension) is read in place. */
export const PAGE_HTML_ELEMENTS = 20_000;

/** Byline markup, most specific first: the digest reads the first match of each, in this order. */
export const BYLINE_SELECTORS: readonly string[] = [
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  '[rel="author"]',
  '.byline__name',
  '.author-name',
  '.byline-name',
  '.byline',
  '[class*="byline"]',
  '[class*="Byline"]',
  '.author',
  '.post-author',
  '.entry-author',
  '.writer',
];

/** Meta tags that name an article's author (core/authors.ts reads them; the digest checks them before reading bylines). */
export const AUTHOR_META =
  'dc:creator dc.creator dcterm:creator dcterms.creator author article:author og:article:author parsely-author sailthru.author byl twitter:creator:name citation_author'.split(
    ' ',
  );
