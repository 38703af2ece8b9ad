/**
 * One bounded pass over the page that every signal reads from, so each
 * family does not query the DOM again. Built for a content script that runs on
 * every page: no innerText (it forces layout), no whole-document text, no
 * recursion over DOM depth, caps on everything examined.
 */
import { articleNode } from './jsonld';
import { normalizeSpace } from './text';
import { registrableDomain, safeHttpUrl } from './url';

/** A link inside a text block. */
export interface BlockLink {
  href: string | null;
  text: string;
}

/** A short run of text from the page: one paragraph, or one <br>-separated line of it. */
export interface TextLine {
  text: string;
  links: BlockLink[];
  /** Where the block sits: the top of the article, its end, or the page footer outside the article. */
  region: 'article-start' | 'article-end' | 'page-end';
  element: Element;
}

export interface PageScan {
  doc: Document;
  /** Page URL, tracking parameters dropped. */
  url: string;
  /** Registrable domain of the page, null for IPs and the like. */
  site: string | null;
  /** meta name/property/itemprop (lower-case) → content, first one wins. */
  meta: Map<string, string>;
  /** <link rel> (lower-case) → href as written, first one wins. */
  links: Map<string, string>;
  jsonLd: JsonLdNode[];
  title: string;
  root: Element;
  lines: TextLine[];
  /**
   * Nothing suggests an article or a credit line: no article container, no
   * article metadata, and none of the words every line-based signal needs
   * (CREDIT_WORDS). The text lines are then never built and costly lookups
   * (bylines, <time>) are skipped: most pages a person opens are not news.
   */
  quiet: boolean;
}

/** Beyond this many elements a page is no ordinary article: whole-document queries are bounded. */
const HUGE_PAGE_ELEMENTS = 20_000;
/** Elements examined, from the top of the document, by a bounded query on a huge page. */
const BOUNDED_QUERY_ELEMENTS = 4_000;

/**
 * doc.querySelector(selector), bounded on a huge page: a selector like
 * [class*="byline"] tests every element, and a page of 100,000 links (a
 * sitemap, or a page built to slow the extension) would cost tens of
 * milliseconds per query. Bylines, pixels and <time> sit near the top of
 * real articles, so only the first elements are examined there.
 */
export function queryPage(scan: PageScan, selector: string, within: Document | Element = scan.doc): Element | null {
  if (scan.doc.getElementsByTagName('*').length <= HUGE_PAGE_ELEMENTS) return within.querySelector(selector);
  const all = within.getElementsByTagName('*');
  for (let i = 0; i < BOUNDED_QUERY_ELEMENTS && i < all.length; i++) {
    if (all[i]!.matches(selector)) return all[i]!;
  }
  return null;
}

/**
 * The first `limit` elements matching a selector, in document order: one
 * traversal instead of one query per selector. Bounded on a huge page like queryPage.
 */
export function queryAllPage(scan: PageScan, selector: string, limit: number, within: Document | Element = scan.doc): Element[] {
  const found: Element[] = [];
  if (scan.doc.getElementsByTagName('*').length <= HUGE_PAGE_ELEMENTS) {
    const all = within.querySelectorAll(selector);
    for (let i = 0; i < all.length && found.length < limit; i++) found.push(all[i]!);
    return found;
  }
  const all = within.getElementsByTagName('*');
  for (let i = 0; i < BOUNDED_QUERY_ELEMENTS && i < all.length && found.length < limit; i++) {
    if (all[i]!.matches(selector)) found.push(all[i]!);
  }
  return found;
}

export type JsonLdNode = Record<string, unknown>;

// Limits. A page over them is still analysed, on what fits. Plain constants so the bundler inlines them.
const META_TAGS = 400;
const LINK_TAGS = 300;
const JSON_LD_SCRIPTS = 12;
/** Characters of one JSON-LD script; a bigger blob is skipped, never parsed. */
const JSON_LD_CHARS = 300_000;
const JSON_LD_NODES = 400;
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

/** Where the story's text lives, most specific first. */
export const ANY_ROOT = '[itemprop="articleBody"], .entry-content, .post-content, .article-body, .article-content, .story-body, .td-post-content, article, [role="main"], main';
const ROOT_SELECTORS = ANY_ROOT.split(', ');

const BLOCK_TAGS = new Set('P DIV LI TD TH DD DT BLOCKQUOTE FIGCAPTION H1 H2 H3 H4 H5 H6 ADDRESS SECTION FOOTER HEADER ARTICLE ASIDE MAIN PRE CENTER UL OL TABLE TBODY TR FORM NAV FIGURE DL HR'.split(' '));
const SKIP_TAGS = new Set('SCRIPT STYLE NOSCRIPT TEMPLATE SVG IFRAME BUTTON SELECT TEXTAREA OBJECT'.split(' '));
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export function scanPage(doc: Document, url: string): PageScan {
  const titleElement = doc.querySelector('title');
  const pageUrl = safeHttpUrl(url) ?? url;
  const body = doc.body;
  // One traversal finds the three kinds of metadata markup (which may sit in the body too).
  const metas: Element[] = [];
  const linkTags: Element[] = [];
  const scripts: Element[] = [];
  const found = doc.querySelectorAll('meta[content], link[rel][href], script[type="application/ld+json"], script[type="application/ld+json; charset=utf-8"]');
  for (let i = 0; i < found.length; i++) {
    const el = found[i]!;
    const tag = el.tagName.toUpperCase();
    (tag === 'META' ? metas : tag === 'LINK' ? linkTags : scripts).push(el);
  }
  const scan: PageScan = {
    doc,
    url: pageUrl,
    site: registrableDomain(pageUrl),
    meta: readMeta(metas),
    links: readLinks(linkTags),
    jsonLd: readJsonLd(scripts),
    title: normalizeSpace(titleElement?.textContent ?? '').slice(0, 400),
    root: body ?? doc.documentElement,
    lines: [],
    quiet: false,
  };
  // Quiet: no headline (an h1, or a heading inside <article>), no article metadata, no credit words.
  // The article container is then not looked for either (root stays the body).
  scan.quiet = !!body && !doc.querySelector('h1, article h2') && !hasArticleMetadata(scan) && !mentionsCredit(body);
  if (!scan.quiet) {
    scan.root = findRoot(doc);
    scan.lines = collectLines(doc, scan.root, pageUrl);
  }
  return scan;
}

/** og:type article, a JSON-LD article, or a publish-date meta tag. */
export function hasArticleMetadata(scan: PageScan): boolean {
  const ogType = scan.meta.get('og:type')?.toLowerCase() ?? '';
  return ogType.startsWith('article') || ogType === 'news' || !!articleNode(scan) || scan.meta.has('article:published_time') || scan.meta.has('parsely-pub-date') || scan.meta.has('sailthru.date');
}

/**
 * Words that every line-based signal needs (content-farm labels end in a
 * colon, feed footers, republication credits, wire datelines and lines). A
 * superset on purpose: a false hit only costs the full scan. Keep in step
 * with the patterns in core/signals/.
 */
const CREDIT_WORDS =
  /(?:link|url|sources?|article|origine|origen|origem|original|quelle|fuente|fonte|sorgente|bron|źródła|źródło|kaynak|источник)[\s\u200b]*[:：]|syndi|sindica|appeared[\s\u200b]+first|first[\s\u200b]+(?:appeared|published|posted|ran)|originally|republished|reprinted|reposted|permission|the[\s\u200b]+original|\((?:AP|Reuters|AFP|UPI|TNS|dpa|Bloomberg|CNN|AAP)\)|associated[\s\u200b]+press|tribune[\s\u200b]+content/i;

/** Does the body's text hold a credit word? Bounded: a body too big to read at once counts as yes. */
function mentionsCredit(body: HTMLElement | null): boolean {
  if (!body) return false;
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* SHOW_TEXT */);
  let text = '';
  for (let n = 0; n < QUIET_TEXT_NODES; n++) {
    const node = walker.nextNode();
    if (!node) return CREDIT_WORDS.test(text);
    // Script and style text never becomes a line (and app pages are full of "url:" in their scripts).
    const parent = node.parentElement;
    if (!parent || !SKIP_TAGS.has(parent.tagName.toUpperCase())) text += node.nodeValue;
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
    const content = normalizeSpace(tag.getAttribute('content') ?? '').slice(0, 1000);
    if (!keys || !content) continue;
    // RDFa allows several properties on one tag: property="og:title twitter:title".
    for (const key of keys.split(/\s+/)) if (!meta.has(key)) meta.set(key, content);
  }
  return meta;
}

function readLinks(tags: Element[]): Map<string, string> {
  const links = new Map<string, string>();
  const count = Math.min(tags.length, LINK_TAGS);
  for (let i = 0; i < count; i++) {
    const tag = tags[i];
    if (!tag) continue;
    const href = (tag.getAttribute('href') ?? '').trim();
    for (const rel of (tag.getAttribute('rel') ?? '').toLowerCase().split(/\s+/)) {
      if (rel && href && !links.has(rel)) links.set(rel, href);
    }
  }
  return links;
}

/**
 * JSON-LD nodes, flattened: top-level objects, arrays of them and `@graph`
 * members, with nested objects under known keys. Malformed scripts are
 * skipped; oversized ones are never parsed (a 5 MB blob would blow the budget).
 */
function readJsonLd(scripts: Element[]): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  const count = Math.min(scripts.length, JSON_LD_SCRIPTS);
  for (let i = 0; i < count && nodes.length < JSON_LD_NODES; i++) {
    const text = scripts[i]?.textContent ?? '';
    if (!text || text.length > JSON_LD_CHARS) continue;
    let parsed: unknown;
    try {
      // Some CMSs wrap the JSON in HTML comments or CDATA.
      parsed = JSON.parse(text.replace(/^\s*(?:<!--|(?:\/\/\s*)?<!\[CDATA\[)|(?:-->|(?:\/\/\s*)?\]\]>)\s*$/g, ''));
    } catch {
      continue;
    }
    const pending: unknown[] = [parsed];
    for (let steps = 0; pending.length && steps < 2000 && nodes.length < JSON_LD_NODES; steps++) {
      const value = pending.pop();
      if (Array.isArray(value)) {
        for (let j = Math.min(value.length, 200) - 1; j >= 0; j--) pending.push(value[j]);
      } else if (value && typeof value === 'object') {
        const node = value as JsonLdNode;
        nodes.push(node);
        if (node['@graph']) pending.push(node['@graph']);
        if (node.mainEntity && typeof node.mainEntity === 'object') pending.push(node.mainEntity);
      }
    }
  }
  return nodes;
}

export function findRoot(doc: Document): Element {
  // One traversal settles the common non-article case before trying the selectors in order.
  // (querySelector, not querySelectorAll: it stops at the first match, and roots come early in the page.)
  if (!doc.querySelector(ANY_ROOT)) return doc.body ?? doc.documentElement;
  for (const selector of ROOT_SELECTORS) {
    const found = doc.querySelector(selector);
    // A tiny "article" is a teaser card, not the story.
    if (found && found.querySelector('p')) return found;
  }
  return doc.body ?? doc.documentElement;
}

/** Is the element a text block: block-level, holding text or inline content but no nested block. */
function isTextBlock(el: Element): boolean {
  if (!BLOCK_TAGS.has(el.tagName.toUpperCase())) return false;
  let hasText = false;
  let child = el.firstChild;
  for (let n = 0; child && n < 40; n++, child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      if (!hasText && /\S/.test(child.nodeValue ?? '')) hasText = true;
    } else if (child.nodeType === ELEMENT_NODE) {
      const tag = (child as Element).tagName.toUpperCase();
      if (BLOCK_TAGS.has(tag)) return false;
      if (!SKIP_TAGS.has(tag) && tag !== 'BR' && tag !== 'IMG') hasText = true;
    }
  }
  return hasText;
}

/**
 * The text of one block split into lines at <br>, with its links.
 * Iterative walk, bounded in nodes and characters.
 */
function blockLines(block: Element, base: string, region: TextLine['region'], out: TextLine[]): void {
  let text = '';
  let links: BlockLink[] = [];
  const flush = () => {
    const line = clippedSpace(text);
    if (line) out.push({ text: line, links, region, element: block });
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
      const tag = el.tagName.toUpperCase();
      if (tag === 'BR') flush();
      else if (!SKIP_TAGS.has(tag)) {
        if (tag === 'A') links.push(new LazyLink(el, base));
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

/**
 * A link whose URL and text are worked out when a signal first reads them:
 * most links on a page sit in lines no signal matches, and resolving a URL
 * costs more than everything else done per line.
 */
class LazyLink implements BlockLink {
  #el: Element;
  #base: string;
  #href: string | null | undefined;
  #text: string | undefined;
  constructor(el: Element, base: string) {
    this.#el = el;
    this.#base = base;
  }
  get href(): string | null {
    if (this.#href === undefined) {
      const raw = this.#el.getAttribute('href');
      this.#href = raw ? safeHttpUrl(raw, this.#base) : null;
    }
    return this.#href;
  }
  get text(): string {
    return (this.#text ??= normalizeSpace(this.#el.textContent ?? '').slice(0, 300));
  }
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
 * collection (cheap to index from either end); linkedom returns an empty one
 * for "*", so fall back to a static querySelectorAll there.
 */
function allElements(root: Element): ArrayLike<Element> {
  const live = root.getElementsByTagName('*');
  return live.length === 0 && root.firstElementChild ? root.querySelectorAll('*') : live;
}

export function collectLines(doc: Document, root: Element, base: string): TextLine[] {
  const lines: TextLine[] = [];
  const all = allElements(root);
  const total = all.length;

  // The start of the article: datelines ("MOSCOW (AP) —") and "Source link :" lines.
  let found = 0;
  let headEnd = -1;
  for (let i = 0; i < total && i < HEAD_ELEMENTS && found < HEAD_BLOCKS; i++) {
    const el = all[i]!;
    if (isTextBlock(el)) {
      blockLines(el, base, 'article-start', lines);
      headEnd = i;
      found++;
    }
  }

  // The end of the article, walked backwards down to the start's last block: credits, footers, copyright lines.
  const tail: Element[] = [];
  for (let i = total - 1, seen = 0; i > headEnd && seen < TAIL_ELEMENTS && tail.length < TAIL_BLOCKS; i--, seen++) {
    const el = all[i]!;
    if (isTextBlock(el)) tail.push(el);
  }
  for (let i = tail.length - 1; i >= 0; i--) blockLines(tail[i]!, base, 'article-end', lines);

  const body = doc.body;
  if (body && root !== body) {
    const everything = allElements(body);
    // Walking backwards, the article's last element is where the page's end stops: the article was read above.
    let articleEnd: Element = root;
    while (articleEnd.lastElementChild) articleEnd = articleEnd.lastElementChild;
    const pageEnd: Element[] = [];
    for (let i = everything.length - 1, seen = 0; i >= 0 && seen < TAIL_ELEMENTS && pageEnd.length < PAGE_END_BLOCKS; i--, seen++) {
      const el = everything[i];
      if (!el || el === articleEnd || el === root) break;
      if (isTextBlock(el)) pageEnd.push(el);
    }
    for (let i = pageEnd.length - 1; i >= 0; i--) blockLines(pageEnd[i]!, base, 'page-end', lines);
  }
  return lines;
}

/** An ancestor (or the element) matching a test, bounded in steps. */
export function closestBounded(el: Element, test: (candidate: Element) => boolean, steps = 12): Element | null {
  let node: Element | null = el;
  for (let i = 0; node && i < steps; i++, node = node.parentElement) if (test(node)) return node;
  return null;
}
