/**
 * What every rule reads: the page's digest (core/digest.ts) turned into
 * lookups — the structured data read once (core/structured.ts: meta tags, the
 * JSON-LD article), the link map, the page's registrable domain, lines whose
 * links resolve to safe http(s) URLs. No DOM here: the rules run
 * wherever the digest is, in the background for the content script's pages.
 */
import type { BylineTexts, DigestLine, LineRegion, PageDigest, PortalMark } from './digest';
import { readStructured, type StructuredData } from './structured';
import { pageWrapper, registrableDomain, safeHttpUrl, unwrapArchiveLink, type PageWrapper } from './url';

/** A link inside a line: an http(s) URL (null for any other scheme) and its text. */
interface BlockLink {
  href: string | null;
  text: string;
}

/** A short run of text from the page: one paragraph, or one <br>-separated line of it. */
export interface TextLine {
  text: string;
  links: BlockLink[];
  region: LineRegion;
  /** Inside the site's footer (known for wire-copy lines, see core/digest.ts). */
  footer: boolean;
  /** Inside a figure, a caption, an image credit or a box of teasers (known for short and credit lines, see core/digest.ts). */
  caption: boolean;
}

export interface PageScan {
  /** Page URL, tracking parameters dropped. */
  url: string;
  /**
   * Registrable domain of the page, null for IPs and the like. For a page reached through a wrapper (a
   * web archive's snapshot, an AMP cache, a translation proxy, a feed redirect) the site of the page
   * itself: the wrapped URL, else its canonical (see `wrapper`).
   */
  site: string | null;
  /** The page's own address: `url`, or the URL a wrapper stands for (core/url.ts pageWrapper). */
  address: string;
  /** How the page was reached when `url` is a wrapper's, null otherwise. */
  wrapper: PageWrapper | null;
  /** The meta tags and the JSON-LD, read once (core/structured.ts): every rule reads them here. */
  structured: StructuredData;
  /** <link rel> (lower-case) → href as written, first one wins. */
  links: Map<string, string>;
  title: string;
  /** Not an article, no credit words, no syndication markup (core/digest.ts): lines and bylines were not read. */
  quiet: boolean;
  rootIsBody: boolean;
  articleHeading: boolean;
  h1: string;
  bylines: BylineTexts[];
  time: PageDigest['time'];
  /** The page's declared language, lower case ('' when none). */
  lang: string;
  dates: PageDigest['dates'];
  pixel: PageDigest['pixel'];
  portal: PortalMark[];
  lines: TextLine[];
}

export function scanFromDigest(digest: PageDigest): PageScan {
  const url = safeHttpUrl(digest.url) ?? digest.url;
  const wrapper = pageWrapper(url);
  // A Wayback snapshot rewrites every link to web.archive.org/web/<time>/<url>: the links stand for <url>.
  const unwrap = wrapper?.service === 'Wayback Machine' ? unwrapArchiveLink : null;
  const links = new Map(unwrap ? digest.links.map(([rel, href]): [string, string] => [rel, unwrap(safeHttpUrl(href, url) ?? href)]) : digest.links);
  const structured = readStructured(digest);
  const address = wrapper ? (wrapper.target ?? ownAddress(links, structured.meta, url) ?? url) : url;
  return {
    url,
    site: registrableDomain(address),
    address,
    wrapper,
    structured,
    links,
    title: digest.title,
    quiet: digest.quiet,
    rootIsBody: digest.rootIsBody,
    articleHeading: digest.articleHeading,
    h1: digest.h1,
    bylines: digest.bylines,
    time: digest.time,
    lang: digest.lang.toLowerCase(),
    dates: digest.dates,
    pixel: digest.pixel,
    portal: digest.portal,
    lines: digest.lines.map((line) => toTextLine(line, url, unwrap)),
  };
}

/** Behind a wrapper that does not name the page (a feed redirect, Google News, archive.today): its canonical, else og:url. */
function ownAddress(links: ReadonlyMap<string, string>, meta: ReadonlyMap<string, string>, base: string): string | null {
  for (const raw of [links.get('canonical'), meta.get('og:url')]) {
    const url = raw ? safeHttpUrl(raw, base) : null;
    if (url && !pageWrapper(url)) return url;
  }
  return null;
}

function toTextLine(line: DigestLine, base: string, unwrap: ((url: string) => string) | null): TextLine {
  return {
    text: line.text,
    links: line.links.map((link) => new ResolvedLink(link.href, link.text, base, unwrap)),
    region: line.region,
    footer: line.footer === true,
    caption: line.caption === true,
  };
}

/**
 * A link whose URL is resolved when a signal first reads it: most links sit in
 * lines no signal matches, and resolving a URL costs more than everything else done per line.
 */
class ResolvedLink implements BlockLink {
  #raw: string | null;
  #base: string;
  #href: string | null | undefined;
  #unwrap: ((url: string) => string) | null;
  readonly text: string;
  constructor(raw: string | null, text: string, base: string, unwrap: ((url: string) => string) | null = null) {
    this.#raw = raw;
    this.#base = base;
    this.#unwrap = unwrap;
    this.text = text;
  }
  get href(): string | null {
    if (this.#href === undefined) {
      const href = this.#raw ? safeHttpUrl(this.#raw, this.#base) : null;
      this.#href = href && this.#unwrap ? this.#unwrap(href) : href;
    }
    return this.#href;
  }
}
