/**
 * What every rule reads: the page's digest (core/digest.ts) turned into
 * lookups — meta and link maps, JSON-LD nodes, the page's registrable domain,
 * lines whose links resolve to safe http(s) URLs. No DOM here: the rules run
 * wherever the digest is, in the background for the content script's pages.
 */
import type { BylineTexts, DigestLine, LineRegion, PageDigest, PortalMark } from './digest';
import { flattenJsonLd, type JsonLdNode } from './jsonld';
import { registrableDomain, safeHttpUrl } from './url';

/** A link inside a line: an http(s) URL (null for any other scheme) and its text. */
export interface BlockLink {
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
}

export interface PageScan {
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
  /** Not an article, no credit words, no syndication markup (core/digest.ts): lines and bylines were not read. */
  quiet: boolean;
  rootIsBody: boolean;
  articleHeading: boolean;
  h1: string;
  bylines: BylineTexts[];
  time: PageDigest['time'];
  pixel: PageDigest['pixel'];
  portal: PortalMark[];
  lines: TextLine[];
}

export function scanFromDigest(digest: PageDigest): PageScan {
  const url = safeHttpUrl(digest.url) ?? digest.url;
  return {
    url,
    site: registrableDomain(url),
    meta: new Map(digest.meta),
    links: new Map(digest.links),
    jsonLd: flattenJsonLd(digest.jsonLd),
    title: digest.title,
    quiet: digest.quiet,
    rootIsBody: digest.rootIsBody,
    articleHeading: digest.articleHeading,
    h1: digest.h1,
    bylines: digest.bylines,
    time: digest.time,
    pixel: digest.pixel,
    portal: digest.portal,
    lines: digest.lines.map((line) => toTextLine(line, url)),
  };
}

function toTextLine(line: DigestLine, base: string): TextLine {
  return { text: line.text, links: line.links.map((link) => new ResolvedLink(link.href, link.text, base)), region: line.region, footer: line.footer === true };
}

/**
 * A link whose URL is resolved when a signal first reads it: most links sit in
 * lines no signal matches, and resolving a URL costs more than everything else done per line.
 */
class ResolvedLink implements BlockLink {
  #raw: string | null;
  #base: string;
  #href: string | null | undefined;
  readonly text: string;
  constructor(raw: string | null, text: string, base: string) {
    this.#raw = raw;
    this.#base = base;
    this.text = text;
  }
  get href(): string | null {
    if (this.#href === undefined) this.#href = this.#raw ? safeHttpUrl(this.#raw, this.#base) : null;
    return this.#href;
  }
}
