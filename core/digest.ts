/**
 * The DOM half of the engine: one bounded pass over the page that reads
 * everything the rules need into a plain, serialisable PageDigest. It holds
 * no rules (those are in core/scan.ts, core/signals/, core/metadata.ts and
 * core/detect.ts, which never touch the DOM): the content script runs only
 * this on the page and sends the digest to the background, which runs the
 * rules; detect(document, url) runs both in one call for the CLI, the tests
 * and the verification of originals.
 *
 * Built for a content script that runs on every page: no innerText (it forces
 * layout), no whole-document text, no recursion over DOM depth, caps on
 * everything examined, and whole-document selector queries bounded on huge pages.
 * Where the time goes on real pages (measured in Chromium on fresh copies of
 * each page; see docs/PERFORMANCE.md): walking the article's start and end for
 * text blocks, and reading them; each element touched and each whole-document
 * lookup has a cost. So a block becomes lines only when its text holds a word
 * some rule needs (LINE_LABEL, LINE_PHRASES), tag and class lookups use the
 * document's tag and class lists, and a lookup that cannot match is not run.
 */
import { cleanAuthor, hasStructuredAuthor } from './authors';
import { flattenJsonLd, hasArticleMetadata, type JsonLdNode } from './jsonld';
import { BYLINE_SELECTORS, DIGEST_LIMITS } from './digest-limits';
import { normalizeSpace } from './text';

/** A link inside a line: its href as written (resolved later against the page URL) and its text. */
export interface DigestLink {
  href: string | null;
  text: string;
}

export type LineRegion = 'article-start' | 'article-end' | 'page-end';

/** A short run of text from the page: one paragraph, or one <br>-separated line of it. */
export interface DigestLine {
  text: string;
  links: DigestLink[];
  /** Where the block sits: the top of the article, its end, or the page footer outside the article. */
  region: LineRegion;
  /** Inside a <footer> or an element whose class or id says footer (worked out for wire-copy lines only, see WIRE_WORDS). */
  footer?: boolean;
}

/** A byline candidate's text (its content attribute or text), '' when the selector matched nothing usable. */
export type BylineTexts = string[];

/** Provider markup on a portal's page (core/signals/portal.ts). */
export interface PortalMark {
  selector: string;
  tag: string;
  className: string;
  /** data-provider-name, an image's alt, or the element's text; as written. */
  name: string;
  /** href of the element or its enclosing link, as written. */
  href: string | null;
}

export interface PageDigest {
  /** The page URL as given. */
  url: string;
  title: string;
  /** meta name/property/itemprop (lower-case) → content, first one wins, in document order. */
  meta: [string, string][];
  /** <link rel> (lower-case) → href as written, first one wins. */
  links: [string, string][];
  /** The JSON-LD scripts' text, each parsable (comment and CDATA wrappers removed). */
  jsonLd: string[];
  /**
   * Nothing suggests an article, a credit line or a syndication marker: no
   * headline, no article metadata, none of the words every line-based signal
   * needs (CREDIT_LABEL, CREDIT_PHRASES), no canonical to another host, no syndication meta,
   * no pixel, no portal provider. The text lines and the byline and <time>
   * lookups are then skipped: most pages a person opens are not news.
   */
  quiet: boolean;
  /** No article container was found: the article is the whole body. */
  rootIsBody: boolean;
  /** An <h1> in the article, or a heading inside <article>. */
  articleHeading: boolean;
  /** The text of the article's first <h1> (else the page's). */
  h1: string;
  /**
   * Byline candidates: per scope (the article, then the page; one scope when the
   * article is the body), the text of each BYLINE_SELECTORS entry's first match in
   * order, up to the first name cleanAuthor accepts. Not read when JSON-LD or a
   * meta tag names the author (core/authors.ts): the rules stop there.
   */
  bylines: BylineTexts[];
  /** The article's first dated <time> (or [itemprop=datePublished]): its machine value and its text. */
  time: { value: string; text: string } | null;
  /** The first known republication pixel: its tag and src as written. */
  pixel: { tag: string; src: string } | null;
  portal: PortalMark[];
  lines: DigestLine[];
  /** Milliseconds the digest took. */
  ms: number;
}

/** Beyond this many elements a page is no ordinary article: whole-document queries are bounded. */
const HUGE_PAGE_ELEMENTS = 20_000;
/** Elements examined, from the top of the document, by a bounded query on a huge page. */
const BOUNDED_QUERY_ELEMENTS = 4_000;

// Limits. A page over them is still read, up to them. Plain constants so the bundler inlines them.
const META_TAGS = 400;
const LINK_TAGS = 300;
/** Elements looked at from the end of the article when collecting text blocks. */
const TAIL_ELEMENTS = 1500;
const TAIL_BLOCKS = 60;
const HEAD_ELEMENTS = 400;
const HEAD_BLOCKS = 10;
const PAGE_END_BLOCKS = 25;
/** Nodes walked inside one block, and characters kept from it. */
const BLOCK_NODES = 300;
const BLOCK_CHARS = 1500;
/** Text nodes and characters read to decide that a page is quiet; a bigger page gets the full scan. */
const QUIET_TEXT_NODES = 3000;
const QUIET_CHARS = 100_000;
const PIXEL_TAGS_EXAMINED = 2000;

/** Where the story's text lives, most specific first. */
const ANY_ROOT = '[itemprop="articleBody"], .entry-content, .post-content, .article-body, .article-content, .story-body, .td-post-content, article, [role="main"], main';
const ROOT_SELECTORS = ANY_ROOT.split(', ');

/** Republication pixels' hosts (core/signals/tracking-pixel.ts names them). */
const PIXEL_SRC = /counter\.theconversation\.com|pixel\.propublica\.org|apnewsregistry\.com|republication-pixel/;
/** Portals whose pages carry partners' stories (core/signals/portal.ts). */
const PORTAL_HOST = /(?:^|\.)(?:msn\.com|yahoo\.com|yahoo\.co\.jp|yahoo\.co\.uk|aol\.com|aol\.co\.uk|aol\.jp|newsbreak\.com|smartnews\.com)$/;
const PROVIDER_SELECTORS = ['.caas-attr-provider', '.provider-name', '.provider-link a', '.sourcename-txt a', '.sourcename-txt', '.partnerlogo-img img[alt]', '[data-provider-name]', '#ym_newsarticle p.source a', '.article-source-name'];
const SYNDICATION_KEYS = ['syndication-source', 'original-source'];
/** The JSON-LD script types METADATA names; HTML matches a type attribute in any case, so this does too. */
const JSON_LD_TYPE = /^application\/ld\+json(?:; charset=utf-8)?$/i;
const METADATA = 'meta[content], link[rel][href], script[type="application/ld+json"], script[type="application/ld+json; charset=utf-8"]';

/**
 * Words that every line-based signal needs: a label before a colon (content farms' "Source link:",
 * CREDIT_LABEL) or a phrase (feed footers, republication credits, wire datelines and lines,
 * CREDIT_PHRASES). A superset on purpose: a false hit only costs a full read. Keep in step with the
 * patterns in core/signals/. Labels are tested only just before each colon: one regex with every label and
 * phrase in it costs several times more on a page's text (V8 tries each alternative at every character).
 */
const CREDIT_LABELS = 'link|url|sources?|article|origine|origen|origem|original|quelle|fuente|fonte|sorgente|bron|źródła|źródło|kaynak|источник';
const CREDIT_LABEL = new RegExp(`(?:${CREDIT_LABELS})$`, 'i');
const CREDIT_PHRASES =
  /syndi|sindica|appeared[\s\u200b]+first|first[\s\u200b]+(?:appeared|published|posted|ran)|originally|republished|reprinted|reposted|permission|the[\s\u200b]+original|\((?:AP|Reuters|AFP|UPI|TNS|dpa|Bloomberg|CNN|AAP)\)|associated[\s\u200b]+press|tribune[\s\u200b]+content/i;
/**
 * What a line needs for any rule to read it: the credit words, a copyright notice (core/detect.ts, the wire
 * family, content farms' disclaimers) and content farms' labelled author and date lines
 * (core/signals/content-farm.ts). A text block whose text holds none is not read into lines: most are not.
 */
const LINE_LABEL = new RegExp(
  `(?:${CREDIT_LABELS}|author|auteur|autor|autore|autrice|yazar|автор|date|datum|publication|publicaci[oó]n|publica[cç][aã]o|pubblicazione|tarihi|публикации|publicado|ver[öo]ffentlicht|\\b(?:on|le|am|em|el|il))$`,
  'i',
);
const LINE_PHRASES = new RegExp(`${CREDIT_PHRASES.source}|©|\\(c\\)|copyright`, 'i');
/** Characters looked at before a colon (and the white space before it) for a label: the longest is shorter. */
const LABEL_CHARS = 24;
const SPACE = /[\s\u200b]/;

/** Does a label (a regex ending in $) stand just before one of the text's colons, white space allowed between? */
function labelBeforeColon(text: string, label: RegExp): boolean {
  for (const colon of [':', '：']) {
    for (let at = text.indexOf(colon); at >= 0; at = text.indexOf(colon, at + 1)) {
      let end = at;
      while (end > 0 && SPACE.test(text[end - 1]!)) end--;
      if (label.test(text.slice(Math.max(0, end - LABEL_CHARS), end))) return true;
    }
  }
  return false;
}

const mentionsCreditWords = (text: string) => labelBeforeColon(text, CREDIT_LABEL) || CREDIT_PHRASES.test(text);
/** At the article's start, also "By Jane Doe" (the byline the rules fall back on, core/metadata.ts). Case matters. */
const BY = /By\s/;
/** A block whose whole text is longer than this is read without the test (its text may hide past the part tested). */
const LINE_TEST_CHARS = 3000;
/** Lines the wire family checks against the site footer (core/signals/wire.ts): only these get `footer`. */
const WIRE_WORDS = /associated press|tribune content/i;

/**
 * Tag names in both cases: HTML documents give upper case, XHTML documents and
 * <svg> lower case; looking both up avoids a toUpperCase() per element walked.
 */
const bothCases = (names: string): Set<string> => new Set(names.split(' ').flatMap((name) => [name, name.toLowerCase()]));
const BLOCK_TAGS = bothCases('P DIV LI TD TH DD DT BLOCKQUOTE FIGCAPTION H1 H2 H3 H4 H5 H6 ADDRESS SECTION FOOTER HEADER ARTICLE ASIDE MAIN PRE CENTER UL OL TABLE TBODY TR FORM NAV FIGURE DL HR');
const SKIP_TAGS = bothCases('SCRIPT STYLE NOSCRIPT TEMPLATE SVG IFRAME BUTTON SELECT TEXTAREA OBJECT');
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const defaultNow = (): number => (typeof performance !== 'undefined' && typeof performance.now === 'function' ? performance.now() : Date.now());

/** Read the page. Never throws: a document that cannot be read gives an empty, quiet digest. */
export function digestPage(doc: Document, url: string, now: () => number = defaultNow): PageDigest {
  const started = now();
  let digest: PageDigest;
  try {
    digest = digestUnsafe(doc, typeof url === 'string' ? url : '');
  } catch {
    digest = emptyDigest(typeof url === 'string' ? url : '');
  }
  digest.ms = Math.max(0, Math.round((now() - started) * 1000) / 1000);
  return digest;
}

function emptyDigest(url: string): PageDigest {
  return { url, title: '', meta: [], links: [], jsonLd: [], quiet: true, rootIsBody: true, articleHeading: false, h1: '', bylines: [], time: null, pixel: null, portal: [], lines: [], ms: 0 };
}

function digestUnsafe(doc: Document, url: string): PageDigest {
  // Asking for element number HUGE_PAGE_ELEMENTS walks at most that many (counting them all would walk
  // every one): done once, and only when a whole-document query needs it.
  let hugePage: boolean | undefined;
  let first: Element[] | undefined;
  let itemprop: boolean | undefined;
  const facts: PageFacts = {
    huge: () => (hugePage ??= !!allElements(doc.documentElement)[HUGE_PAGE_ELEMENTS]),
    top: () => (first ??= [...boundedElements(doc, doc.documentElement)]),
    microdata: () => (itemprop ??= facts.huge() ? facts.top().some((el) => el.hasAttribute('itemprop')) : !!doc.querySelector('[itemprop]')),
  };
  // One traversal finds the three kinds of metadata markup (which may sit in the body too); on a huge
  // page, among its first elements (the head comes first).
  const metas: Element[] = [];
  const linkTags: Element[] = [];
  const scripts: Element[] = [];
  if (facts.huge()) {
    for (const el of facts.top()) {
      if (!el.matches(METADATA)) continue;
      const tag = el.tagName.toUpperCase();
      (tag === 'META' ? metas : tag === 'LINK' ? linkTags : scripts).push(el);
    }
  } else {
    // From the document's own tag lists: on a fresh page no dearer than one selector-list query (npm run bench:floor).
    keep(doc.getElementsByTagName('meta'), (el) => el.hasAttribute('content'), metas);
    keep(doc.getElementsByTagName('link'), (el) => el.hasAttribute('rel') && el.hasAttribute('href'), linkTags);
    keep(doc.getElementsByTagName('script'), (el) => JSON_LD_TYPE.test(el.getAttribute('type') ?? ''), scripts);
  }
  const body = doc.body;
  const digest = emptyDigest(url);
  digest.title = normalizeSpace(doc.getElementsByTagName('title')[0]?.textContent ?? '').slice(0, DIGEST_LIMITS.title);
  const meta = readMeta(metas);
  digest.meta = [...meta];
  digest.links = readLinks(linkTags);
  digest.jsonLd = readJsonLd(scripts);
  digest.pixel = findPixel(doc, facts);
  digest.portal = portalMarks(doc, url);
  // Parsed only when a check below needs it (JSON.parse of a big blob is no small part of a page's cost).
  let parsed: JsonLdNode[] | undefined;
  const jsonLd = () => (parsed ??= flattenJsonLd(digest.jsonLd));
  digest.quiet =
    !!body &&
    !doc.getElementsByTagName('h1')[0] &&
    !articleHolds(doc, facts, ['h2']) &&
    !digest.pixel &&
    !digest.portal.length &&
    !hasArticleMetadata(meta, jsonLd()) &&
    !syndicationMarkup(digest, url) &&
    !mentionsCredit(body);
  if (digest.quiet) return digest;

  const root = facts.huge() ? findRootBounded(doc, facts) : findRoot(doc, facts.microdata);
  const scope = (within: Document | Element) => (selector: string) => queryPage(doc, facts, selector, within);
  const inRoot = scope(root);
  const inPage = scope(doc);
  digest.rootIsBody = root === body;
  const rootH1 = inRoot('h1');
  const h1 = rootH1 ?? (root === body ? null : inPage('h1'));
  digest.h1 = h1 ? normalizeSpace(h1.textContent ?? '').slice(0, DIGEST_LIMITS.title) : '';
  digest.articleHeading = !!rootH1 || articleHolds(doc, facts, ['h1', 'h2']);
  if (!hasStructuredAuthor(meta, digest.jsonLd.some((text) => text.includes('"author"')) ? jsonLd : () => [])) {
    digest.bylines = readBylines(doc, facts, root);
  }
  const time = (facts.huge() ? inRoot('time[datetime], time[pubdate]') : firstDatedTime(root)) ?? inPage('[itemprop="datePublished"]');
  const timeValue = time?.getAttribute('datetime') ?? time?.getAttribute('content');
  if (time && timeValue) digest.time = { value: timeValue.slice(0, DIGEST_LIMITS.timeText), text: normalizeSpace(time.textContent ?? '').slice(0, DIGEST_LIMITS.timeText) };
  digest.lines = collectLines(doc, root);
  return digest;
}

/** A canonical or og:url on another host, or a syndication-source / original-source tag: worth a full read. */
function syndicationMarkup(digest: PageDigest, url: string): boolean {
  const has = (pairs: [string, string][], key: string) => pairs.some(([name]) => name === key);
  if (SYNDICATION_KEYS.some((key) => has(digest.meta, key) || has(digest.links, key))) return true;
  const canonical = digest.links.find(([rel]) => rel === 'canonical')?.[1];
  if (!canonical) return false;
  try {
    return new URL(canonical, url).hostname !== new URL(url).hostname;
  } catch {
    return false;
  }
}

/**
 * doc.querySelector(selector), bounded on a huge page: a selector like
 * [class*="byline"] tests every element, and a page of 100,000 links (a
 * sitemap, or a page built to slow the extension) would cost tens of
 * milliseconds per query. Bylines, pixels and <time> sit near the top of
 * real articles, so only the first elements are examined there.
 */
function queryPage(doc: Document, facts: PageFacts, selector: string, within: Document | Element = doc): Element | null {
  if (selector.startsWith('[itemprop') && !facts.microdata()) return null;
  if (!facts.huge()) return within.querySelector(selector);
  for (const el of within === doc ? facts.top() : boundedElements(doc, within)) if (el.matches(selector)) return el;
  return null;
}

/** The members of a tag list that pass a test, in document order (indexed, never .length: see firstDatedTime). */
function keep(list: HTMLCollectionOf<Element>, test: (el: Element) => boolean, into: Element[]): void {
  for (let i = 0, el = list[0]; el; el = list[++i]) if (test(el)) into.push(el);
}

/** Does an <article> hold one of these headings? ('article h1, article h2' without a selector-list query.) */
function articleHolds(doc: Document, facts: PageFacts, headings: string[]): boolean {
  if (facts.huge()) return !!queryPage(doc, facts, headings.map((tag) => `article ${tag}`).join(', '));
  const articles = doc.getElementsByTagName('article');
  for (let i = 0, article = articles[0]; article && i < 200; article = articles[++i]) {
    if (headings.some((tag) => article!.getElementsByTagName(tag)[0])) return true;
  }
  return false;
}

/** Facts about the page, each worked out once per digest, when first needed. */
interface PageFacts {
  /** More than HUGE_PAGE_ELEMENTS elements. */
  huge: () => boolean;
  /** Its first BOUNDED_QUERY_ELEMENTS elements. */
  top: () => Element[];
  /**
   * Some element carries itemprop (one query that stops at the first): most pages have none, and then
   * the [itemprop=…] lookups, each a walk over the whole page, are not run.
   */
  microdata: () => boolean;
}

/** The first BOUNDED_QUERY_ELEMENTS elements under `within`, in document order. */
function* boundedElements(doc: Document, within: Document | Element): Generator<Element> {
  const all = allElements(asElement(doc, within));
  for (let i = 0, el = all[0]; el && i < BOUNDED_QUERY_ELEMENTS; el = all[++i]) yield el;
}

const asElement = (doc: Document, within: Document | Element): Element | null => ((within as Node).nodeType === ELEMENT_NODE ? (within as Element) : doc.documentElement);

/**
 * Byline markup, read the way the rules read it (core/metadata.ts): per scope, the article's and then the
 * page's (one scope when the article is the body), the text of each BYLINE_SELECTORS entry's first match
 * ('' for none), in order, up to the first text that cleanAuthor accepts; the rules stop there, so the
 * digest does too. One query per selector, so the reading stops there (the list as one query would test
 * every element against every selector). The page's first match is the article's too when it lies inside it.
 */
function readBylines(doc: Document, facts: PageFacts, root: Element): BylineTexts[] {
  const inArticle = root !== doc.body;
  const article: BylineTexts = [];
  const page: BylineTexts = [];
  const seen = new Map<string, Element | null>();
  const onPageOf = (selector: string): Element | null => {
    if (!seen.has(selector)) {
      const needs = BYLINE_NEEDS[selector];
      seen.set(selector, needs && !onPageOf(needs) ? null : firstMatch(doc, facts, selector, doc));
    }
    return seen.get(selector)!;
  };
  for (const selector of BYLINE_SELECTORS) {
    const onPage = onPageOf(selector);
    if (inArticle) {
      const own = onPage && (onPage === root || !root.contains(onPage)) ? firstMatch(doc, facts, selector, root) : onPage;
      const text = bylineText(own);
      article.push(text);
      if (text && cleanAuthor(text)) return [article];
    }
    page.push(bylineText(onPage));
  }
  return inArticle ? [article, page] : [page];
}

/**
 * A selector that matches wherever a byline selector does: a simpler one, or one query standing for two.
 * When it matches nothing on the page, the slower ones (descendant matching, substring matches on every
 * class attribute) are not run.
 */
const BYLINE_NEEDS: Partial<Record<string, string>> = {
  '[itemprop="author"] [itemprop="name"]': '[itemprop="author"]',
  '[class*="byline"]': '[class*="yline"]',
  '[class*="Byline"]': '[class*="yline"]',
};

/** A selector's first match under `within`: a class from the document's class list, anything else by a query. */
function firstMatch(doc: Document, facts: PageFacts, selector: string, within: Document | Element): Element | null {
  if (!facts.huge() && /^\.[\w-]+$/.test(selector)) return within.getElementsByClassName(selector.slice(1))[0] ?? null;
  return queryPage(doc, facts, selector, within);
}

/** A byline element's content attribute or text; '' for none, or for a text too long to be a byline. */
function bylineText(el: Element | null): string {
  const text = el ? (el.getAttribute('content') ?? el.textContent ?? '') : '';
  return text.length < DIGEST_LIMITS.bylineText ? text : '';
}

/** The article's first <time datetime> (or <time pubdate>), from the list of its <time> elements. */
function firstDatedTime(root: Element): Element | null {
  const times = root.getElementsByTagName('time');
  // Indexed, never .length: a live list counts all its members to answer that.
  for (let i = 0, time = times[0]; time && i < 200; time = times[++i]) {
    if (time.hasAttribute('datetime') || time.hasAttribute('pubdate')) return time;
  }
  return null;
}

/** The first <img> (or AP's <script>) whose src is a known pixel: the tags' own lists, not a whole-document selector. */
function findPixel(doc: Document, facts: PageFacts): PageDigest['pixel'] {
  let first: Element | null = null;
  for (const tag of ['img', 'script']) {
    // On a huge page only the first elements are looked at, like a bounded query.
    const list = facts.huge() ? facts.top().filter((el) => el.tagName.toLowerCase() === tag) : doc.getElementsByTagName(tag);
    for (let i = 0, el = list[0]; el && i < PIXEL_TAGS_EXAMINED; el = list[++i]) {
      const src = el.getAttribute('src');
      if (src && PIXEL_SRC.test(src) && (tag === 'img' || src.includes('apnewsregistry.com'))) {
        // Whichever comes first in the document, as one selector for both would give.
        if (!first || first.compareDocumentPosition(el) & 2 /* PRECEDING */) first = el;
        break;
      }
    }
  }
  return first ? { tag: first.tagName.toLowerCase(), src: (first.getAttribute('src') ?? '').slice(0, DIGEST_LIMITS.href) } : null;
}

/** On a portal's page, the first element each provider selector finds. */
function portalMarks(doc: Document, url: string): PortalMark[] {
  // Most pages are on no portal: a look at the URL's text settles that without parsing it.
  if (!/msn|yahoo|aol|newsbreak|smartnews/i.test(url)) return [];
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    return [];
  }
  if (!PORTAL_HOST.test(host)) return [];
  const marks: PortalMark[] = [];
  for (const selector of PROVIDER_SELECTORS) {
    const el = doc.querySelector(selector);
    if (!el) continue;
    const tag = el.tagName.toLowerCase();
    const anchor = tag === 'a' ? el : el.closest('a');
    marks.push({
      selector,
      tag: tag.slice(0, DIGEST_LIMITS.tag),
      className: (el.getAttribute('class') ?? '').slice(0, DIGEST_LIMITS.className),
      name: normalizeSpace(el.getAttribute('data-provider-name') ?? (tag === 'img' ? el.getAttribute('alt') ?? '' : el.textContent ?? '')).slice(0, DIGEST_LIMITS.portalText),
      href: anchor?.getAttribute('href')?.slice(0, DIGEST_LIMITS.href) ?? null,
    });
  }
  return marks;
}

/** Does the body's text hold a credit word? Bounded: a body too big to read at once counts as yes. */
function mentionsCredit(body: HTMLElement): boolean {
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* SHOW_TEXT */);
  let text = '';
  for (let n = 0; n < QUIET_TEXT_NODES; n++) {
    const node = walker.nextNode();
    if (!node) return mentionsCreditWords(text);
    // Script and style text never becomes a line (and app pages are full of "url:" in their scripts).
    const parent = node.parentElement;
    if (!parent || !SKIP_TAGS.has(parent.tagName)) text += node.nodeValue;
    if (text.length > QUIET_CHARS) return true;
  }
  return true;
}

function readMeta(tags: Element[]): Map<string, string> {
  const meta = new Map<string, string>();
  const count = Math.min(tags.length, META_TAGS);
  for (let i = 0; i < count; i++) {
    const tag = tags[i];
    if (!tag) continue;
    const keys = (tag.getAttribute('property') ?? tag.getAttribute('name') ?? tag.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = normalizeSpace(tag.getAttribute('content') ?? '').slice(0, DIGEST_LIMITS.metaValue);
    if (!keys || !content) continue;
    // RDFa allows several properties on one tag: property="og:title twitter:title".
    for (const key of /\s/.test(keys) ? keys.split(/\s+/) : [keys]) if (!meta.has(key) && meta.size < DIGEST_LIMITS.metaKeys && key.length <= DIGEST_LIMITS.metaKey) meta.set(key, content);
  }
  return meta;
}

function readLinks(tags: Element[]): [string, string][] {
  const links = new Map<string, string>();
  const count = Math.min(tags.length, LINK_TAGS);
  for (let i = 0; i < count; i++) {
    const tag = tags[i];
    if (!tag) continue;
    const href = (tag.getAttribute('href') ?? '').trim().slice(0, DIGEST_LIMITS.href);
    for (const rel of (tag.getAttribute('rel') ?? '').toLowerCase().split(/\s+/)) {
      if (rel && href && !links.has(rel) && links.size < DIGEST_LIMITS.linkRels && rel.length <= DIGEST_LIMITS.metaKey) links.set(rel, href);
    }
  }
  return [...links];
}

/** The JSON-LD scripts' text, unwrapped; oversized ones are skipped (a 5 MB blob would blow the budget). */
function readJsonLd(scripts: Element[]): string[] {
  const texts: string[] = [];
  let total = 0;
  for (let i = 0; i < scripts.length && texts.length < DIGEST_LIMITS.jsonLdScripts; i++) {
    const text = scripts[i]?.textContent ?? '';
    if (!text || text.length > DIGEST_LIMITS.jsonLdChars || total + text.length > DIGEST_LIMITS.jsonLdTotal) continue;
    total += text.length;
    // Some CMSs wrap the JSON in HTML comments or CDATA.
    texts.push(text.replace(/^\s*(?:<!--|(?:\/\/\s*)?<!\[CDATA\[)|(?:-->|(?:\/\/\s*)?\]\]>)\s*$/g, ''));
  }
  return texts;
}

export function findRoot(doc: Document, microdata: () => boolean = () => true): Element {
  // Each selector's first match: a class or a tag from the document's own lists, the rest by a
  // one-selector query. ANY_ROOT as one query costs more than twice as much on fresh pages (npm run bench:floor).
  const first = (selector: string) =>
    selector[0] === '.' ? doc.getElementsByClassName(selector.slice(1))[0] : selector[0] !== '[' ? doc.getElementsByTagName(selector)[0] : selector.startsWith('[itemprop') && !microdata() ? null : doc.querySelector(selector);
  return pickRoot(doc, first, (el) => !!el.querySelector('p'));
}

/** The first selector of ROOT_SELECTORS whose first match holds a paragraph (a tiny "article" is a teaser card). */
function pickRoot(doc: Document, first: (selector: string) => Element | null | undefined, hasParagraph: (el: Element) => boolean): Element {
  for (const selector of ROOT_SELECTORS) {
    const found = first(selector);
    if (found && hasParagraph(found)) return found;
  }
  return doc.body ?? doc.documentElement;
}

/** findRoot on a huge page: only the first elements are candidates, and looked into. */
function findRootBounded(doc: Document, facts: PageFacts): Element {
  const candidates = facts.top().filter((el) => el.matches(ANY_ROOT));
  return pickRoot(doc, (selector) => candidates.find((el) => el.matches(selector)), (el) => !!queryPage(doc, facts, 'p', el));
}

/** Is the element a text block: block-level, holding text or inline content but no nested block. */
function isTextBlock(el: Element): boolean {
  if (!BLOCK_TAGS.has(el.tagName)) return false;
  // Its element children first (a nested block rules it out; an inline element is content), then, only
  // if none is content, its text nodes: the DOM's element links skip the text nodes between elements.
  let hasText = false;
  let n = 0;
  for (let child = el.firstElementChild; child && n < 40; child = child.nextElementSibling, n++) {
    const tag = child.tagName;
    if (BLOCK_TAGS.has(tag)) return false;
    if (!hasText && !SKIP_TAGS.has(tag) && tag !== 'BR' && tag !== 'IMG' && tag !== 'br' && tag !== 'img') hasText = true;
  }
  if (hasText) return true;
  n = 0;
  for (let child = el.firstChild; child && n < 40; child = child.nextSibling, n++) {
    if (child.nodeType === TEXT_NODE && /\S/.test(child.nodeValue ?? '')) return true;
  }
  return false;
}

/**
 * The text of one block split into lines at <br>, with its links.
 * Iterative walk, bounded in nodes and characters.
 */
function blockLines(block: Element, region: LineRegion, out: DigestLine[]): void {
  let text = '';
  let links: DigestLink[] = [];
  let footer: boolean | undefined;
  const flush = () => {
    const line = clippedSpace(text).slice(0, DIGEST_LIMITS.lineChars);
    if (line && out.length < DIGEST_LIMITS.lines) {
      const item: DigestLine = { text: line, links, region };
      if (WIRE_WORDS.test(line)) item.footer = footer ??= inSiteFooter(block);
      out.push(item);
    }
    text = '';
    links = [];
  };
  let node: Node | null = block.firstChild;
  let visited = 0;
  while (node && visited++ < BLOCK_NODES && text.length < BLOCK_CHARS) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      text += node.nodeValue ?? '';
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      const tag = el.tagName;
      if (tag === 'BR' || tag === 'br') flush();
      else if (!SKIP_TAGS.has(tag)) {
        if ((tag === 'A' || tag === 'a') && links.length < DIGEST_LIMITS.linksPerLine) links.push({ href: el.getAttribute('href')?.slice(0, DIGEST_LIMITS.href) ?? null, text: normalizeSpace(el.textContent ?? '').slice(0, DIGEST_LIMITS.linkText) });
        descend = true;
      }
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== block && !node.nextSibling) node = node.parentNode;
    if (!node || node === block) break;
    node = node.nextSibling;
  }
  flush();
}

/** Inside a <footer> or an element whose class or id says footer: site-wide, not this article. */
function inSiteFooter(el: Element): boolean {
  let node: Element | null = el;
  for (let i = 0; node && i < 15; i++, node = node.parentElement) {
    if (node.tagName.toUpperCase() === 'FOOTER' || /foot/i.test(`${node.getAttribute('class') ?? ''} ${node.id ?? ''}`)) return true;
  }
  return false;
}

/**
 * normalizeSpace for a block's text, which can be one huge text node: only its
 * start matters (signals skip lines over 500 characters and read the start of
 * longer ones), so a long text is cut before the regex runs over it.
 */
function clippedSpace(text: string): string {
  if (text.length <= 4000) return normalizeSpace(text);
  const line = normalizeSpace(text.slice(0, 4000));
  return line.length > 1000 ? line : normalizeSpace(text);
}

/**
 * All elements under a root in document order. Browsers give a lazy live
 * collection (cheap to index from the start; never ask its length, which
 * counts every member); linkedom returns an empty one for "*", so fall back
 * to a static querySelectorAll there.
 */
function allElements(root: Element | null): ArrayLike<Element> {
  if (!root) return [];
  const live = root.getElementsByTagName('*');
  return !live[0] && root.firstElementChild ? root.querySelectorAll('*') : live;
}

/** The last element under `root` in document order. */
function lastElementUnder(root: Element): Element | null {
  let el = root.lastElementChild;
  while (el?.lastElementChild) el = el.lastElementChild;
  return el;
}

/** The element before `el` in document order, stopping at `root` (not itself visited). */
function previousElement(el: Element, root: Element): Element | null {
  let previous = el.previousElementSibling;
  if (previous) {
    while (previous.lastElementChild) previous = previous.lastElementChild;
    return previous;
  }
  const parent = el.parentElement;
  return parent === root ? null : parent;
}

/** Might a rule read a line of this block (LINE_LABEL, LINE_PHRASES; at the article's start also BY)? Its text in one call. */
function mayMatter(block: Element, atStart: boolean): boolean {
  const text = block.textContent ?? '';
  return text.length > LINE_TEST_CHARS || labelBeforeColon(text, LINE_LABEL) || LINE_PHRASES.test(text) || (atStart && BY.test(text));
}

/** A browser's TreeWalker, which walks backwards natively (linkedom's has no previousNode, and no global). */
const NATIVE_WALKER = typeof TreeWalker !== 'undefined' && typeof TreeWalker.prototype.previousNode === 'function';

/**
 * The elements under `root` from the last one backwards, in reverse document order, `root` itself not
 * included: each call gives the next. A browser's TreeWalker takes each step in one native call; where
 * there is none with previousNode (linkedom), the elements' own links are followed.
 */
function backwards(doc: Document, root: Element): () => Element | null {
  let el: Element | null | undefined;
  if (NATIVE_WALKER) {
    const walker = doc.createTreeWalker(root, 1 /* SHOW_ELEMENT */);
    return () => {
      if (el === undefined) {
        el = lastElementUnder(root);
        if (el) walker.currentNode = el;
        return el;
      }
      if (!el) return null;
      // A TreeWalker ends its backward walk on its root; this walk never includes it.
      const previous = walker.previousNode() as Element | null;
      return (el = previous === root ? null : previous);
    };
  }
  return () => (el = el === undefined ? lastElementUnder(root) : el && previousElement(el, root));
}

function collectLines(doc: Document, root: Element): DigestLine[] {
  const lines: DigestLine[] = [];
  const all = allElements(root);

  // The start of the article: datelines ("MOSCOW (AP) —") and "Source link :" lines.
  let found = 0;
  let headLast: Element | null = null;
  for (let i = 0, el = all[0]; el && i < HEAD_ELEMENTS && found < HEAD_BLOCKS; el = all[++i]) {
    if (isTextBlock(el)) {
      if (mayMatter(el, true)) blockLines(el, 'article-start', lines);
      headLast = el;
      found++;
    }
  }

  // The end of the article, walked backwards down to the start's last block: credits, footers, copyright lines.
  // (Backwards by the elements' own links: nothing counts the article's elements first.)
  const tail: Element[] = [];
  const back = backwards(doc, root);
  for (let el = back(), seen = 0; el && el !== headLast && seen < TAIL_ELEMENTS && tail.length < TAIL_BLOCKS; el = back(), seen++) {
    if (isTextBlock(el)) tail.push(el);
  }
  for (let i = tail.length - 1; i >= 0; i--) if (mayMatter(tail[i]!, false)) blockLines(tail[i]!, 'article-end', lines);

  const body = doc.body;
  if (body && root !== body) {
    // Walking backwards, the article's last element is where the page's end stops: the article was read above.
    const articleEnd = lastElementUnder(root) ?? root;
    const pageEnd: Element[] = [];
    const backInPage = backwards(doc, body);
    for (let el = backInPage(), seen = 0; el && seen < TAIL_ELEMENTS && pageEnd.length < PAGE_END_BLOCKS; el = backInPage(), seen++) {
      if (el === articleEnd || el === root) break;
      if (isTextBlock(el)) pageEnd.push(el);
    }
    for (let i = pageEnd.length - 1; i >= 0; i--) if (mayMatter(pageEnd[i]!, false)) blockLines(pageEnd[i]!, 'page-end', lines);
  }
  return lines;
}
