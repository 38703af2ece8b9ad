/**
 * The quiet check: is the page one where nothing suggests an article, a credit line or a syndication marker?
 * One function, run in two places:
 *   - the digest (core/digest.ts) sets `quiet` with it, and then skips the text lines, bylines and <time>
 *     lookups: most pages a person opens are not news;
 *   - the content script runs it first, on the live page, and for a quiet page sends only its URL
 *     (`page-quiet`, lib/messages.ts) instead of serialising the page: the background then analyses a quiet
 *     digest of the URL alone (core/digest.ts quietDigest), which gives the same verdict (no article, no
 *     copy, no badge). tests/unit/quiet.test.ts checks that on every corpus page and fixture.
 *
 * Native lookups (the tag lists of h1, article, meta and link; a selector for pixels and JSON-LD; the body's text in one call, its scripts cut out),
 * and tests on strings; no rule code: it is part of content.js (tests/unit/cost-bundle.test.ts). Each test
 * is as wide as the rules' or wider (a page it lets through is read in full, never missed). On a live page
 * in a new script world, each kind of element the code touches costs the setting up of its script objects:
 * the check touches as few as it can (docs/PERFORMANCE.md).
 */
import { CREDIT_LABELS, CREDIT_PHRASES, MARKUP_KEYS, PIXEL_SCRIPT_SRC, PIXEL_SRC, PORTAL_URL } from './digest-keep.generated';

/** Characters of the body's text read to decide that a page is quiet; a page with more is not quiet (it gets the full read). */
const QUIET_CHARS = 100_000;

/** Characters looked at before a colon (and the white space before it) for a label: the longest is shorter. */
const LABEL_CHARS = 24;
const SPACE = /[\s\u200b]/;

/** Does a label (a regex ending in $) stand just before one of the text's colons, white space allowed between? */
export function labelBeforeColon(text: string, label: RegExp): boolean {
  for (const colon of [':', '：']) {
    for (let at = text.indexOf(colon); at >= 0; at = text.indexOf(colon, at + 1)) {
      let end = at;
      while (end > 0 && SPACE.test(text[end - 1]!)) end--;
      if (label.test(text.slice(Math.max(0, end - LABEL_CHARS), end))) return true;
    }
  }
  return false;
}

export const CREDIT_LABEL = new RegExp(`(?:${CREDIT_LABELS})$`, 'i');

/** A credit's label before a colon ("Source link :") or a credit's words ("first appeared on", "(AP)"). */
const mentionsCreditWords = (text: string) => labelBeforeColon(text, CREDIT_LABEL) || CREDIT_PHRASES.test(text);

/**
 * Article metadata, as the rules' looksLikeArticle reads it (core/structured.ts articleMetadata) and wider:
 * an article og:type, a publish-date meta tag, or in JSON-LD's text an article type, a headline, publish date
 * or author anywhere (no JSON.parse of a big blob on a page with no article).
 */
const ARTICLE_META = new Set(['article:published_time', 'parsely-pub-date', 'sailthru.date']);
const JSON_LD_ARTICLE = /(?:Article|BlogPosting|Report|Posting|Story)"|"(?:headline|datePublished|author)"/;
/**
 * Hosts whose pages stand for another page (core/url.ts pageWrapper: web archives, caches, AMP caches,
 * translation proxies, feed redirects, Google News), and portals (PORTAL_URL): such a page is always read in
 * full, since the rules read its address and its canonical. Wider than both (tests/unit/quiet.test.ts).
 */
const WRAPPER_HOST = /archive|ampproject|goog|feed/i;

/** Is the page quiet? Never throws: a document it cannot read is not quiet (read in full). */
export function quietPage(doc: Document, url: string): boolean {
  try {
    return quietUnsafe(doc, url);
  } catch {
    return false;
  }
}

function quietUnsafe(doc: Document, url: string): boolean {
  const body = doc.body;
  if (!body || PORTAL_URL.test(url)) return false;
  const page = parsed(url);
  if (page && WRAPPER_HOST.test(page.hostname)) return false;
  if (doc.getElementsByTagName('h1')[0]) return false;
  const articles = doc.getElementsByTagName('article');
  for (let i = 0, article = articles[0]; article; article = articles[++i]) if (article.getElementsByTagName('h2')[0]) return false;

  // The meta and link tags' own lists, tested in script: one selector for all of it costs more (dozens of
  // selectors matched against every element of the page), and so does a walk over the page's nodes.
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0, meta = metas[0]; meta; meta = metas[++i]) {
    const content = (meta.getAttribute('content') ?? '').trim().toLowerCase();
    if (!content) continue;
    for (const attribute of KEY_ATTRIBUTES) {
      for (const key of (meta.getAttribute(attribute) ?? '').toLowerCase().split(/\s+/)) {
        if (ARTICLE_META.has(key) || MARKUP_KEYS.includes(key)) return false;
        if (key === 'og:type' && (content.startsWith('article') || content === 'news')) return false;
      }
    }
  }
  const links = doc.getElementsByTagName('link');
  for (let i = 0, link = links[0]; link; link = links[++i]) {
    for (const rel of (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/)) {
      if (MARKUP_KEYS.includes(rel) || (rel === 'canonical' && otherHost((link.getAttribute('href') ?? '').trim(), page))) return false;
    }
  }
  if (doc.querySelector(PIXELS)) return false;
  const jsonLd = doc.querySelectorAll('script[type*="ld+json" i]');
  for (let i = 0; i < jsonLd.length; i++) if (JSON_LD_ARTICLE.test(jsonLd[i]!.textContent ?? '')) return false;

  const text = bodyText(body);
  return text.length <= QUIET_CHARS && !mentionsCreditWords(text);
}

/**
 * The body's text without its scripts' and styles' (app pages are full of "url:" in their scripts, which
 * never becomes a line): one native call for the text, and the code cut out of it in order. The digest's
 * lines leave out the text of a few more elements (buttons, <select>s…): this text is wider.
 */
function bodyText(body: HTMLElement): string {
  const all = body.textContent ?? '';
  const code = body.querySelectorAll('script, style');
  if (!code.length) return all;
  let text = '';
  let at = 0;
  for (let i = 0; i < code.length; i++) {
    const part = code[i]!.textContent ?? '';
    const found = part ? all.indexOf(part, at) : -1;
    if (found < 0) continue;
    text += all.slice(at, found);
    at = found + part.length;
  }
  return text + all.slice(at);
}

/** A meta tag's keys: the first of these it has is the digest's (core/digest.ts readMeta); all are looked at here. */
const KEY_ATTRIBUTES = ['property', 'name', 'itemprop'];
/** The plain host names of a generated alternation (PIXEL_SRC, PIXEL_SCRIPT_SRC: tests/unit/quiet.test.ts). */
export const literalAlternatives = (pattern: RegExp): string[] => pattern.source.split('|').map((part) => part.replace(/\\(.)/g, '$1'));
/**
 * A republication pixel, as the digest's findPixel finds it (an <img>, or AP's <script>): one selector, which
 * gives the page's images no script objects.
 */
const PIXELS = [
  ...literalAlternatives(PIXEL_SRC).map((host) => `img[src*="${host}"]`),
  ...literalAlternatives(PIXEL_SCRIPT_SRC).map((host) => `script[src*="${host}"]`),
].join(', ');

function parsed(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A canonical on another host than the page's (as the rules' canonical family and more: any host, not site). */
function otherHost(href: string, page: URL | null): boolean {
  if (!page || !href) return false;
  try {
    return new URL(href, page).hostname !== page.hostname;
  } catch {
    return false;
  }
}
