/**
 * The DOM half of the engine: one bounded pass over the page that reads
 * everything the rules need into a plain, serialisable PageDigest. It holds
 * no rules (those are in core/scan.ts, core/signals/, core/metadata.ts and
 * core/detect.ts, which never touch the DOM). The background runs it on the
 * HTML a tab's content script sends (lib/parse-page.ts digestHtml), and the
 * content script's on-demand half on a page too big to send; detect(document,
 * url) runs it and the rules in one call for the CLI, the tests and the
 * verification of originals.
 *
 * Built to run on a live page too: no innerText (it forces
 * layout), no whole-document text, no recursion over DOM depth, caps on
 * everything examined, and whole-document selector queries bounded on huge pages.
 * Where the time goes on real pages (measured in Chromium on fresh copies of
 * each page; see docs/PERFORMANCE.md): walking the article's start and end for
 * text blocks, and reading them; each element touched and each whole-document
 * lookup has a cost. So a block becomes lines only when its text holds a word
 * some rule needs (LINE_LABEL, LINE_PHRASES), tag and class lookups use the
 * document's tag and class lists, and a lookup that cannot match is not run.
 */
import { AUTHOR_META, BYLINE_SELECTORS, DIGEST_LIMITS } from './digest-limits';
import {
  CREDIT_END,
  CREDIT_LABELS,
  CREDIT_PHRASES,
  CREDIT_START,
  EXCERPT_END,
  LINE_LABELS,
  LINE_PHRASES as LINE_WORDS,
  MARKUP_KEYS,
  PIXEL_SCRIPT_SRC,
  PIXEL_SRC,
  PLACED_WORDS,
  PORTAL_HOST,
  PORTAL_URL,
  PROVIDER_SELECTORS,
  SHORT_START,
} from './digest-keep.generated';
import { normalizeSpace } from './text';

/** A link inside a line: its href as written (resolved later against the page URL) and its text. */
interface DigestLink {
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
  /** Inside a <footer> or an element whose class or id says footer (worked out for short and credit lines only, see CREDIT_END). */
  footer?: boolean;
  /** Inside a figure, a caption, an image credit or a box of teasers (worked out for short and credit lines only, see CREDIT_END). */
  caption?: boolean;
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

/**
 * One date candidate from the page (readDates): a <time>, an element whose markup or attributes hold a
 * date, or a short run of text near the headline that holds digits. Read as written; core/metadata.ts decides.
 */
export interface DigestDate {
  /** 'time': a <time> element; 'mark': a date-bearing attribute (datetime, title, content, data-*) or microdata/microformat; 'text': a run of text. */
  kind: 'time' | 'mark' | 'text';
  /** The machine value (an attribute's), '' for a run of text. */
  value: string;
  /** The element's or the run's text, spaces normalised. */
  text: string;
  /** class, id, itemprop (and an attribute's name) of the element and a few ancestors, lower case: what the markup says it is. */
  hint: string;
  /** Just before the headline, just after it, elsewhere in the article, elsewhere on the page. */
  at: 'before' | 'after' | 'article' | 'page';
  /** Before or after the headline: how many blocks of text lie between it and the headline (0: the nearest). */
  n: number;
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
  /** The page's language as declared (<html lang>, else og:locale), as written; '' when none. */
  lang: string;
  /** Date candidates from the markup and the text around the headline (readDates); the rules weigh them. */
  dates: DigestDate[];
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
/** Elements and text blocks read just after the article's body. */
const AFTER_ELEMENTS = 60;
const AFTER_BLOCKS = 6;
/** Paragraphs weighed to find the story's element when the root did not hold it, and the blocks read at its start and end. */
const STORY_PARAGRAPHS = 600;
const STORY_HEAD_BLOCKS = 4;
const STORY_TAIL_BLOCKS = 12;
/** Elements and text blocks looked at between the headline and the article's body when the body does not hold the headline. */
const HEADER_ELEMENTS = 120;
const HEADER_BLOCKS = 8;
const PAGE_END_BLOCKS = 25;
/** Nodes walked inside one block, and characters kept from it. */
const BLOCK_NODES = 300;
const BLOCK_CHARS = 1500;
/** Text nodes and characters read to decide that a page is quiet; a bigger page gets the full scan. */
const QUIET_TEXT_NODES = 3000;
const QUIET_CHARS = 100_000;
const PIXEL_TAGS_EXAMINED = 2000;

/** Where the story's text lives, most specific first. */
const ANY_ROOT =
  '[itemprop="articleBody"], .entry-content, .post-content, .article-body, .article-content, .story-body, .td-post-content, article, [role="main"], main';
const ROOT_SELECTORS = ANY_ROOT.split(', ');

/** The JSON-LD script types METADATA names; HTML matches a type attribute in any case, so this does too. */
const JSON_LD_TYPE = /^application\/ld\+json(?:; charset=utf-8)?$/i;
const METADATA = 'meta[content], link[rel][href], script[type="application/ld+json"], script[type="application/ld+json; charset=utf-8"]';

/**
 * What the signal families need kept is theirs to say: each declares it beside its rule (core/signals/, its
 * `keep`), and core/digest-keep.generated.ts holds it merged, as data (scripts/gen-digest-keep.ts):
 *   CREDIT_LABELS, CREDIT_PHRASES  a credit's label before a colon ("Source link :") or its words ("first
 *                                  appeared on", "(AP)"): a page holding one is read in full (mentionsCredit);
 *   LINE_LABELS, LINE_PHRASES      the other words a rule reads in a line ("Author :", "©"): with those, a text
 *                                  block holding one becomes lines (mayMatter, LINE_LABEL, LINE_PHRASES); a
 *                                  superset: a false hit only costs reading the block;
 *   CREDIT_END, EXCERPT_END, CREDIT_START, SHORT_START  where a credit stands, by its shape (creditStands);
 *   PLACED_WORDS                  lines whose place (footer, caption) a rule weighs (blockLines);
 *   MARKUP_KEYS, PIXEL_SRC, PIXEL_SCRIPT_SRC, PORTAL_URL, PORTAL_HOST, PROVIDER_SELECTORS  markup and hosts.
 * Labels are tested only just before each colon: one regex with every label and phrase in it costs several
 * times more on a page's text (V8 tries each alternative at every character).
 */
/** A publish date's label in running text ("Dieser Artikel wurde am … veröffentlicht", "Posted on …"): core/publish-date.ts reads these lines. */
const DATE_PHRASES =
  'ver[öo]ffentlicht|erschienen\\s+am|erstellt\\s+am|wurde\\s+am|posted\\s+on|published\\s+on|publié\\s+le|publicado\\s+(?:el|em)|pubblicato|opublikowano|udgivet|gepubliceerd|geplaatst\\s+op';
const CREDIT_LABEL = new RegExp(`(?:${CREDIT_LABELS})$`, 'i');
const LINE_LABEL = new RegExp(`(?:${CREDIT_LABELS}|${LINE_LABELS})$`, 'i');
/** The families' words and the date labels of the page's own metadata (core/publish-date.ts, not a family). */
const LINE_PHRASES = new RegExp(`${CREDIT_PHRASES.source}|${LINE_WORDS}|${DATE_PHRASES}`, 'i');
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
/** Characters looked at for a credit at a block's end, and at the article's start at its beginning. */
const CREDIT_CHARS = 90;
/** At the article's start a block this short is read whole (a byline); anywhere, a line this short gets `footer` and `caption`. */
const SHORT_START_CHARS = 160;
const SHORT_BLOCK = 300;

/**
 * Tag names in both cases: HTML documents give upper case, XHTML documents and
 * <svg> lower case; looking both up avoids a toUpperCase() per element walked.
 */
const bothCases = (names: string): Set<string> => new Set(names.split(' ').flatMap((name) => [name, name.toLowerCase()]));
const BLOCK_TAGS = bothCases(
  'P DIV LI TD TH DD DT BLOCKQUOTE FIGCAPTION H1 H2 H3 H4 H5 H6 ADDRESS SECTION FOOTER HEADER ARTICLE ASIDE MAIN PRE CENTER UL OL TABLE TBODY TR FORM NAV FIGURE DL HR',
);
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
  fitTotal(digest);
  digest.ms = Math.max(0, Math.round((now() - started) * 1000) / 1000);
  return digest;
}

/**
 * Keeps the digest within DIGEST_LIMITS.total, dropping from the end: JSON-LD scripts first (the bulk of a
 * big one is the article's body), then lines (the site's footer before the article's start), meta and link
 * tags, dates. Counted with room for `ms` (set after) and a list's last comma.
 */
function fitTotal(digest: PageDigest): void {
  let size = JSON.stringify(digest).length + 32;
  for (const list of [digest.jsonLd, digest.lines, digest.meta, digest.links, digest.dates] as unknown[][]) {
    while (size > DIGEST_LIMITS.total && list.length) size -= JSON.stringify(list.pop()).length + 1;
  }
}

function emptyDigest(url: string): PageDigest {
  return {
    url,
    title: '',
    meta: [],
    links: [],
    jsonLd: [],
    quiet: true,
    rootIsBody: true,
    articleHeading: false,
    h1: '',
    bylines: [],
    time: null,
    lang: '',
    dates: [],
    pixel: null,
    portal: [],
    lines: [],
    ms: 0,
  };
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
  digest.lang = (doc.documentElement?.getAttribute('lang') || meta.get('og:locale') || '').trim().slice(0, DIGEST_LIMITS.lang);
  digest.quiet =
    !!body &&
    !doc.getElementsByTagName('h1')[0] &&
    !articleHolds(doc, facts, ['h2']) &&
    !digest.pixel &&
    !digest.portal.length &&
    !articleMetadata(meta, digest.jsonLd) &&
    !syndicationMarkup(digest, url) &&
    !mentionsCredit(body);
  if (digest.quiet) {
    // No article here, but a dated page all the same (a blog's front page, a forum post): the cheap date markup only.
    digest.dates = readDates(doc, facts, null, null);
    return digest;
  }

  const root = facts.huge() ? findRootBounded(doc, facts) : findRoot(doc, facts.microdata);
  const scope = (within: Document | Element) => (selector: string) => queryPage(doc, facts, selector, within);
  const inRoot = scope(root);
  const inPage = scope(doc);
  digest.rootIsBody = root === body;
  const rootH1 = inRoot('h1');
  const h1 = rootH1 ?? (root === body ? null : inPage('h1'));
  digest.h1 = h1 ? normalizeSpace(h1.textContent ?? '').slice(0, DIGEST_LIMITS.title) : '';
  digest.articleHeading = !!rootH1 || articleHolds(doc, facts, ['h1', 'h2']);
  if (!namesAPerson(meta, digest.jsonLd)) {
    digest.bylines = readBylines(doc, facts, root);
  }
  const time = (facts.huge() ? inRoot('time[datetime], time[pubdate]') : firstDatedTime(root)) ?? inPage('[itemprop="datePublished"]');
  const timeValue = time?.getAttribute('datetime') ?? time?.getAttribute('content');
  if (time && timeValue)
    digest.time = {
      value: timeValue.slice(0, DIGEST_LIMITS.timeText),
      text: normalizeSpace(time.textContent ?? '').slice(0, DIGEST_LIMITS.timeText),
    };
  digest.dates = readDates(doc, facts, root, h1 ?? (root === body ? null : inRoot('h2, h3')));
  digest.lines = collectLines(doc, root, h1);
  return digest;
}

/**
 * Article metadata, as the rules' looksLikeArticle reads it (core/structured.ts articleMetadata), tested on
 * the JSON-LD's text rather than parsed: an article type, or a headline, publish date or author anywhere.
 * Wider than the rules' test (a page it lets through is read in full, never missed), and no JSON.parse of a
 * big blob on a page with no article.
 */
function articleMetadata(meta: ReadonlyMap<string, string>, jsonLd: readonly string[]): boolean {
  const ogType = meta.get('og:type')?.toLowerCase() ?? '';
  return (
    ogType.startsWith('article') ||
    ogType === 'news' ||
    meta.has('article:published_time') ||
    meta.has('parsely-pub-date') ||
    meta.has('sailthru.date') ||
    jsonLd.some((text) => JSON_LD_ARTICLE.test(text))
  );
}
const JSON_LD_ARTICLE = /(?:Article|BlogPosting|Report|Posting|Story)"|"(?:headline|datePublished|author)"/;

/** A canonical or og:url on another host, or a syndication-source / original-source tag: worth a full read. */
function syndicationMarkup(digest: PageDigest, url: string): boolean {
  const has = (pairs: [string, string][], key: string) => pairs.some(([name]) => name === key);
  if (MARKUP_KEYS.some((key) => has(digest.meta, key) || has(digest.links, key))) return true;
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

const asElement = (doc: Document, within: Document | Element): Element | null =>
  (within as Node).nodeType === ELEMENT_NODE ? (within as Element) : doc.documentElement;

/**
 * Byline markup, read the way the rules read it (core/metadata.ts): per scope, the article's and then the
 * page's (one scope when the article is the body), the text of each BYLINE_SELECTORS entry's first match
 * ('' for none), in order, up to the first text that is plainly a name (plainName); the rules clean
 * every text they get (core/authors.ts) and take the first name left. One query per selector, so the reading stops there (the list as one query would test
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
      if (text && plainName(text)) return [article];
    }
    page.push(bylineText(onPage));
  }
  return inArticle ? [article, page] : [page];
}

/**
 * Does the page's structured data plainly name a person as its author: a meta author tag or a JSON-LD
 * Person whose name is two or more capitalised words, not the site's name? Then the rules will take it
 * (core/authors.ts) and byline markup is not read. A cheap test that errs towards reading the markup:
 * the rules' cleaning (core/authors.ts, far bigger) stays out of the content script.
 */
function namesAPerson(meta: ReadonlyMap<string, string>, jsonLd: readonly string[]): boolean {
  const site = (meta.get('og:site_name') ?? '').toLowerCase();
  for (const key of AUTHOR_META) {
    const value = meta.get(key);
    if (value && plainName(value) && value.toLowerCase() !== site) return true;
  }
  for (const text of jsonLd) {
    if (!text.includes('"Person"')) continue;
    for (const match of text.matchAll(/"@type"\s*:\s*"Person"[^{}]{0,400}?"name"\s*:\s*"([^"\\]{3,80})"/g))
      if (match[1] && plainName(match[1])) return true;
  }
  return false;
}

/** "Jane Doe", "By JANE DOE", "Von Anna-Lena Müller": up to six words, two of them capitalised, no digits, no link or button words. */
const NOT_A_NAME =
  /[\d@/|:]|\b(?:follow|view|posts?|updated?|more|read|share|comments?|redaktion|editor|staff|team|admin|news|press|gmbh|ag|inc|ltd|llc|corp|verlag|media|online|zeitung|times|daily|journal|magazine?)\b/i;
const plainName = (text: string): boolean =>
  text.length <= 60 && !NOT_A_NAME.test(text) && text.trim().split(/\s+/).length <= 6 && /\p{Lu}\S*\s+(?:\S+\s+)?\p{Lu}/u.test(text);

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

/** Nodes walked (elements and text) just before and just after the headline for date text, and the runs of text kept on each side. */
const NEAR_BEFORE_NODES = 200;
const NEAR_AFTER_NODES = 400;
const NEAR_BEFORE_RUNS = 8;
const NEAR_AFTER_RUNS = 24;
/** <time> elements read from the page beyond those near the headline. */
const PAGE_TIMES = 10;
/** Classes whose first element on the page may hold the date (hAtom's .published, WordPress's .entry-date, Blogger's .date-header…). */
const DATE_CLASSES = ['published', 'entry-date', 'post-date', 'date-header', 'publish-date', 'article-date', 'pubdate', 'dateline', 'date', 'datum'];
/** Attributes that may hold a machine date. */
const DATE_ATTR = /^(?:datetime|content|title|data-[\w-]*(?:date|time|publish|pub|created|timestamp)[\w-]*)$/;
/** Text or an attribute worth keeping: a year, a short d.m.yy date, or an epoch timestamp. */
const DATE_DIGITS = /(?:19|20)\d\d|\d{1,2}[./]\d{1,2}[./]\d\d/;
const EPOCH = /^\d{10}(?:\d{3})?$/;
const BLOCK_HOPS = 6;

/**
 * Date candidates: the text and the date-bearing attributes just around the headline (a bounded walk
 * back and forth from it, one run of text per block), then the page's <time> elements, the first element
 * of a few date classes and the microdata date elements. Each with the markup's words for it (hint).
 * Bounded in nodes walked and items kept; no layout, no whole-document text.
 */
function readDates(doc: Document, facts: PageFacts, root: Element | null, heading: Element | null): DigestDate[] {
  const dates: DigestDate[] = [];
  const seen = new Set<Element>();
  const add = (item: DigestDate) => {
    if (dates.length < DIGEST_LIMITS.dates) dates.push(item);
  };
  const fromElement = (el: Element, at: DigestDate['at'], n = 0) => {
    const tag = el.tagName.toUpperCase();
    if (tag === 'TIME') {
      seen.add(el);
      const hint = el.hasAttribute('pubdate') ? `pubdate ${hintOf(el, 4)}` : hintOf(el, 4);
      add({
        kind: 'time',
        value: (el.getAttribute('datetime') ?? '').trim().slice(0, DIGEST_LIMITS.dateText),
        text: dateText(el),
        hint: hint.slice(0, DIGEST_LIMITS.dateHint),
        at,
        n,
      });
      return;
    }
    for (let i = 0, attrs = el.attributes; i < attrs.length && i < 20; i++) {
      const attr = attrs[i]!;
      const name = attr.name.toLowerCase();
      const value = attr.value.trim();
      if (!DATE_ATTR.test(name) || value.length > DIGEST_LIMITS.dateText || !(DATE_DIGITS.test(value) || EPOCH.test(value))) continue;
      seen.add(el);
      add({
        kind: 'mark',
        value,
        text: name === 'title' || name === 'content' ? dateText(el) : '',
        hint: `${name} ${hintOf(el, 3)}`.slice(0, DIGEST_LIMITS.dateHint),
        at,
        n,
      });
    }
  };
  const anchor = heading ?? (root && root !== doc.body ? root : null);
  if (anchor) {
    const before = nearRuns(anchor, 'before', anchor === heading, fromElement);
    for (let i = before.length - 1; i >= 0; i--) add(before[i]!);
    for (const run of nearRuns(anchor, 'after', anchor === heading, fromElement)) add(run);
  }
  const atOf = (el: Element): DigestDate['at'] => (root?.contains(el) ? 'article' : 'page');
  const times = facts.huge() ? facts.top().filter((el) => el.tagName.toUpperCase() === 'TIME') : doc.getElementsByTagName('time');
  for (let i = 0, time = times[0]; time && i < PAGE_TIMES; time = times[++i]) if (!seen.has(time)) fromElement(time, atOf(time));
  const marked = (el: Element | null | undefined) => {
    if (!el || seen.has(el)) return;
    const attribute = ['datetime', 'content', 'title'].find((name) => el.hasAttribute(name));
    const value = attribute ? (el.getAttribute(attribute) ?? '') : '';
    seen.add(el);
    // The hint opens with the attribute the value came from ("text" for none), as for the marks near the headline.
    add({
      kind: 'mark',
      value: value.trim().slice(0, DIGEST_LIMITS.dateText),
      text: dateText(el),
      hint: `${attribute ?? 'text'} ${hintOf(el, 3)}`.slice(0, DIGEST_LIMITS.dateHint),
      at: atOf(el),
      n: 0,
    });
  };
  // On a huge page, one pass over its first elements finds every class's first element (a bounded query
  // per class would test each of them ten times).
  const firstOfClass = new Map<string, Element>();
  if (facts.huge()) {
    for (const el of facts.top()) {
      const names = el.getAttribute('class');
      if (names) for (const name of names.split(/\s+/)) if (DATE_CLASSES.includes(name) && !firstOfClass.has(name)) firstOfClass.set(name, el);
    }
  }
  for (const name of DATE_CLASSES) marked(facts.huge() ? firstOfClass.get(name) : doc.getElementsByClassName(name)[0]);
  for (const prop of ['datePublished', 'dateCreated']) {
    const el = queryPage(doc, facts, `[itemprop="${prop}"]`);
    if (el && el.tagName.toUpperCase() !== 'META') marked(el);
  }
  return dates;
}

/** An element's own text for a date: short, spaces normalised ('' when it is a long block). */
function dateText(el: Element): string {
  const text = el.textContent ?? '';
  return text.length > 2000 ? '' : normalizeSpace(text).slice(0, DIGEST_LIMITS.dateText);
}

/** class, id and itemprop of an element and its first ancestors, lower case, one level after another split by " | ". */
function hintOf(el: Element, levels: number): string {
  const parts: string[] = [];
  let node: Element | null = el;
  for (let i = 0; node && i <= levels; i++, node = node.parentElement) {
    const tag = node.tagName.toUpperCase();
    if (tag === 'BODY' || tag === 'HTML') break;
    let level = '';
    for (const name of ['class', 'id', 'itemprop']) {
      const value = node.getAttribute(name);
      if (value) level += ` ${value}`;
    }
    if (tag === 'ARTICLE' || tag === 'ASIDE' || tag === 'FOOTER' || tag === 'NAV' || tag === 'HEADER' || tag === 'TIME')
      level += ` ${tag.toLowerCase()}`;
    parts.push(normalizeSpace(level));
  }
  return parts.join(' | ').toLowerCase().slice(0, DIGEST_LIMITS.dateHint);
}

/** The nearest block-level element holding a node (its parent when none is near). */
function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  const parent = el;
  for (let i = 0; el && i < BLOCK_HOPS; i++, el = el.parentElement) if (BLOCK_TAGS.has(el.tagName)) return el;
  return parent;
}

/**
 * Runs of text (one per block) just before or just after an anchor, nearest first, kept when they hold
 * date digits; elements passed on the way go to `onElement` (their date attributes). After a heading the
 * walk starts past its own text; after the article's root (no heading) it starts inside it.
 */
function nearRuns(
  anchor: Element,
  side: 'before' | 'after',
  skipOwn: boolean,
  onElement: (el: Element, at: DigestDate['at'], n: number) => void,
): DigestDate[] {
  const runs: DigestDate[] = [];
  let block: Element | null | undefined;
  let text = '';
  let hint = '';
  let count = 0;
  const flush = () => {
    const line = normalizeSpace(text);
    if (line.length >= 4 && DATE_DIGITS.test(line.slice(0, DIGEST_LIMITS.dateText)))
      runs.push({ kind: 'text', value: '', text: line.slice(0, DIGEST_LIMITS.dateText), hint, at: side, n: count });
    text = '';
    count++;
  };
  const limit = side === 'before' ? NEAR_BEFORE_NODES : NEAR_AFTER_NODES;
  const maxRuns = side === 'before' ? NEAR_BEFORE_RUNS : NEAR_AFTER_RUNS;
  let node: Node | null = side === 'before' ? previousInOrder(anchor) : skipOwn ? nextInOrder(anchor, true) : anchor.firstChild;
  for (let n = 0; node && n < limit && count < maxRuns; n++, node = side === 'before' ? previousInOrder(node) : nextInOrder(node, false)) {
    if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      // Walking back, an element is met after its content; an ancestor of the anchor holds the anchor: not a date.
      if (side === 'before' && el.contains(anchor)) continue;
      if (!SKIP_TAGS.has(el.tagName)) onElement(el, side, count);
      continue;
    }
    if (node.nodeType !== TEXT_NODE) continue;
    const value = node.nodeValue ?? '';
    if (!/\S/.test(value)) continue;
    const parent = node.parentElement;
    if (parent && SKIP_TAGS.has(parent.tagName)) continue;
    const own = blockOf(node);
    if (own !== block) {
      if (block !== undefined) flush();
      block = own;
      hint = own ? hintOf(own, 2) : '';
      if (parent && parent !== own) hint = `${hintOf(parent, 0)} | ${hint}`.slice(0, DIGEST_LIMITS.dateHint);
    }
    if (text.length < 1000) text = side === 'before' ? `${value} ${text}` : `${text} ${value}`;
  }
  if (text) flush();
  return runs.slice(0, maxRuns);
}

/** The node after `node` in document order (past its content when `skipChildren`); script and style content not entered. */
function nextInOrder(node: Node, skipChildren: boolean): Node | null {
  if (!skipChildren && node.firstChild && !(node.nodeType === ELEMENT_NODE && SKIP_TAGS.has((node as Element).tagName))) return node.firstChild;
  let current: Node | null = node;
  while (current && !current.nextSibling) current = current.parentNode;
  return current?.nextSibling ?? null;
}

/** The node before `node` in document order: a previous sibling's last descendant, else the parent. */
function previousInOrder(node: Node): Node | null {
  let previous = node.previousSibling;
  if (!previous) return node.parentNode && node.parentNode.nodeType === ELEMENT_NODE ? node.parentNode : null;
  while (previous.lastChild && !(previous.nodeType === ELEMENT_NODE && SKIP_TAGS.has((previous as Element).tagName))) previous = previous.lastChild;
  return previous;
}

/** The first <img> (or AP's <script>) whose src is a known pixel: the tags' own lists, not a whole-document selector. */
function findPixel(doc: Document, facts: PageFacts): PageDigest['pixel'] {
  let first: Element | null = null;
  for (const tag of ['img', 'script']) {
    // On a huge page only the first elements are looked at, like a bounded query.
    const list = facts.huge() ? facts.top().filter((el) => el.tagName.toLowerCase() === tag) : doc.getElementsByTagName(tag);
    for (let i = 0, el = list[0]; el && i < PIXEL_TAGS_EXAMINED; el = list[++i]) {
      const src = el.getAttribute('src');
      if (src && PIXEL_SRC.test(src) && (tag === 'img' || PIXEL_SCRIPT_SRC.test(src))) {
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
  if (!PORTAL_URL.test(url)) return [];
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
      name: normalizeSpace(el.getAttribute('data-provider-name') ?? (tag === 'img' ? (el.getAttribute('alt') ?? '') : (el.textContent ?? ''))).slice(
        0,
        DIGEST_LIMITS.portalText,
      ),
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
    for (const key of /\s/.test(keys) ? keys.split(/\s+/) : [keys])
      if (!meta.has(key) && meta.size < DIGEST_LIMITS.metaKeys && key.length <= DIGEST_LIMITS.metaKey) meta.set(key, content);
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
    selector[0] === '.'
      ? doc.getElementsByClassName(selector.slice(1))[0]
      : selector[0] !== '['
        ? doc.getElementsByTagName(selector)[0]
        : selector.startsWith('[itemprop') && !microdata()
          ? null
          : doc.querySelector(selector);
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
  return pickRoot(
    doc,
    (selector) => candidates.find((el) => el.matches(selector)),
    (el) => !!queryPage(doc, facts, 'p', el),
  );
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
  let caption: boolean | undefined;
  const flush = () => {
    const line = clippedSpace(text).slice(0, DIGEST_LIMITS.lineChars);
    if (line && out.length < DIGEST_LIMITS.lines) {
      const item: DigestLine = { text: line, links, region };
      // Where a credit line stands (a short one, or one naming an agency): in the site's footer, in a caption.
      if (line.length <= SHORT_BLOCK || PLACED_WORDS.test(line) || CREDIT_END.test(line.slice(-CREDIT_CHARS))) {
        item.footer = footer ??= inSiteFooter(block);
        item.caption = caption ??= inCaption(block);
      }
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
        if ((tag === 'A' || tag === 'a') && links.length < DIGEST_LIMITS.linksPerLine)
          links.push({
            href: el.getAttribute('href')?.slice(0, DIGEST_LIMITS.href) ?? null,
            text: normalizeSpace(el.textContent ?? '').slice(0, DIGEST_LIMITS.linkText),
          });
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
    // An <article>'s own footer (its credits, "(dpa)" in .article-footer) is the article's, not the site's.
    if (node.tagName.toUpperCase() === 'ARTICLE') return false;
    if (node.tagName.toUpperCase() === 'FOOTER' || /foot/i.test(`${node.getAttribute('class') ?? ''} ${node.id ?? ''}`))
      return !node.closest('article');
  }
  return false;
}

/** Inside a figure or caption, or an element whose class or id says image, caption or teaser: a photo's or another story's credit. */
function inCaption(el: Element): boolean {
  // A short block holding an image is the image and its credit.
  if (el.getElementsByTagName('img')[0] && (el.textContent ?? '').length < 200) return true;
  let node: Element | null = el;
  for (let i = 0; node && i < 6; i++, node = node.parentElement) {
    const tag = node.tagName.toUpperCase();
    if (tag === 'FIGURE' || tag === 'FIGCAPTION' || tag === 'ARTICLE' || tag === 'MAIN' || tag === 'BODY')
      return tag === 'FIGURE' || tag === 'FIGCAPTION';
    if (CAPTION_WORD.test(`${node.getAttribute('class') ?? ''} ${node.id ?? ''}`)) return true;
  }
  return false;
}
/**
 * A class or id that names a caption, an image's wrapper or a photo credit ("wp-caption", "image",
 * "photo-credit", "bildunterschrift"), or a box of teasers to other stories ("teaser", "related"): the
 * agencies named there credit a picture or another story.
 */
const CAPTION_WORD =
  /caption|legend|bildunterschrift|(?:^|[\s_-])(?:teaser|related|recommend(?:ed|ations?)?|read-?more|more-?stories)s?(?=[\s_-]|$)|(?:^|[\s_-])(?:photo|image|img|foto|bild|picture|gallery|slide)s?(?=[\s_-]|$)|(?:^|\s)(?:photo|image|img|foto|bild|picture)s?(?:credit|copyright|source|quelle|wrap(?:per)?|container|box|holder|info|text|meta|block)(?=\s|$)|(?:credit|copyright)[-_]?(?:photo|image|img|foto|bild)/i;

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
  return (
    text.length > LINE_TEST_CHARS ||
    labelBeforeColon(text, LINE_LABEL) ||
    LINE_PHRASES.test(text) ||
    (atStart && BY.test(text)) ||
    creditStands(text, atStart)
  );
}

/** An agency credit where one stands (a short block, a block's end, the article's first words), an opener or an excerpt's source site. */
function creditStands(text: string, atStart: boolean): boolean {
  const trimmed = text.trim();
  if (atStart && ((trimmed.length <= SHORT_START_CHARS && SHORT_START.test(trimmed)) || CREDIT_START.test(trimmed.slice(0, CREDIT_CHARS * 2))))
    return true;
  const end = trimmed.slice(-CREDIT_CHARS);
  return CREDIT_END.test(end) || EXCERPT_END.test(end);
}

/** The first element after `el` and everything inside it, in document order. */
function nextOutside(el: Element): Element | null {
  for (let node: Element | null = el; node; node = node.parentElement) if (node.nextElementSibling) return node.nextElementSibling;
  return null;
}

/** The next element in document order. */
function nextInOrderEl(el: Element): Element | null {
  return el.firstElementChild ?? nextOutside(el);
}

/** The element whose own paragraphs hold the most text (at least a few hundred characters), or null. */
function storyElement(doc: Document): Element | null {
  const paragraphs = doc.getElementsByTagName('p');
  const weight = new Map<Element, number>();
  let best: Element | null = null;
  let bestWeight = 0;
  for (let i = 0, p = paragraphs[0]; p && i < STORY_PARAGRAPHS; p = paragraphs[++i]) {
    const parent = p.parentElement;
    const length = parent ? (p.textContent ?? '').length : 0;
    if (!parent || length < 40) continue;
    const total = (weight.get(parent) ?? 0) + length;
    weight.set(parent, total);
    if (total > bestWeight) {
      best = parent;
      bestWeight = total;
    }
  }
  return bestWeight >= 400 ? best : null;
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

/**
 * The text blocks met walking with `next` (each call gives the next element, null at the end): up to
 * `elements` elements looked at and `blocks` blocks kept, stopping at the first element `stop` accepts;
 * `skip` leaves blocks out (already read).
 */
function textBlocks(
  next: () => Element | null,
  elements: number,
  blocks: number,
  stop?: (el: Element) => boolean,
  skip?: (el: Element) => boolean,
): Element[] {
  const found: Element[] = [];
  for (let el = next(), seen = 0; el && seen < elements && found.length < blocks; el = next(), seen++) {
    if (stop?.(el)) break;
    if (isTextBlock(el) && !skip?.(el)) found.push(el);
  }
  return found;
}

/** A walk over a list of elements, in order. */
const inOrder = (list: ArrayLike<Element>): (() => Element | null) => {
  let i = 0;
  return () => list[i++] ?? null;
};

function collectLines(doc: Document, root: Element, heading: Element | null = null): DigestLine[] {
  const lines: DigestLine[] = [];
  const read = (blocks: Element[], region: LineRegion) => {
    for (const block of blocks) if (mayMatter(block, region === 'article-start')) blockLines(block, region, lines);
  };
  const body = doc.body;

  // The article's header when it stands outside the article's body, between the headline and the body:
  // bylines, credits and editors' notes ("This post originally appeared on Grist."), read as its start.
  // Walking back from the body, the headline must be met (else it is not before the body, or too far).
  if (heading && body && !root.contains(heading)) {
    let met = false;
    let el: Element | null = root;
    const header = textBlocks(
      () => (el = el && previousElement(el, body)),
      HEADER_ELEMENTS,
      HEADER_BLOCKS + 1,
      (at) => (met = at === heading || at.contains(heading)),
    );
    if (met) read(header.reverse(), 'article-start');
  }

  // The start of the article: datelines ("MOSCOW (AP) —") and "Source link :" lines.
  const head = textBlocks(inOrder(allElements(root)), HEAD_ELEMENTS, HEAD_BLOCKS);
  read(head, 'article-start');
  const headLast = head.at(-1);
  const seenBlocks = new Set<Element>(head);

  // The end of the article, walked backwards down to the start's last block: credits, footers, copyright lines.
  // (Backwards by the elements' own links: nothing counts the article's elements first.)
  const tail = textBlocks(backwards(doc, root), TAIL_ELEMENTS, TAIL_BLOCKS, (el) => el === headLast);
  read([...tail].reverse(), 'article-end');
  for (const el of tail) seenBlocks.add(el);

  // When the root did not hold the story (it is the whole body, or a teaser with under three paragraphs),
  // the walks above never reach the middle of the page, where the story is: its first and last blocks
  // (datelines, closing credits "… (dpa)", "Quelle: kathpress") are read from the element whose
  // paragraphs hold the most text.
  if (root === body || !root.getElementsByTagName('p')[2]) {
    const story = storyElement(doc);
    if (story && story !== root) {
      const start = textBlocks(inOrder(allElements(story)), HEAD_ELEMENTS, STORY_HEAD_BLOCKS);
      const end = textBlocks(backwards(doc, story), TAIL_ELEMENTS, STORY_TAIL_BLOCKS, undefined, (el) => start.includes(el));
      const unread = (el: Element) => !seenBlocks.has(el);
      read(start.filter(unread), 'article-start');
      read(end.filter(unread).reverse(), 'article-end');
    }
  }

  if (body && root !== body) {
    // Just after the article's body: a credit box ("Copyright Boston Business Journal", "This article
    // originally appeared on …", "Lire l'article original") that templates print below the text.
    let el: Element | null | undefined;
    const after = textBlocks(() => (el = el === undefined ? nextOutside(root) : el && nextInOrderEl(el)), AFTER_ELEMENTS, AFTER_BLOCKS);
    read(after, 'article-end');
    for (const block of after) seenBlocks.add(block);
    // Walking backwards, the article's last element is where the page's end stops: the article was read above.
    const articleEnd = lastElementUnder(root) ?? root;
    const pageEnd = textBlocks(
      backwards(doc, body),
      TAIL_ELEMENTS,
      PAGE_END_BLOCKS,
      (at) => at === articleEnd || at === root,
      (at) => seenBlocks.has(at),
    );
    read(pageEnd.reverse(), 'page-end');
  }
  return lines;
}
