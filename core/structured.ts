/**
 * The page's structured data, read once per analysis: the meta tags (name, property and microdata
 * itemprop, as core/digest.ts collected them) and the JSON-LD, parsed once and its article node found
 * once, with the fields the rules use already read into plain values. core/scan.ts builds it when it
 * turns the digest into the scan; every rule reads `scan.structured`, none goes back to the JSON-LD:
 *
 *   page metadata   headline, site name, authors, publish date   core/metadata.ts, core/authors.ts, core/publish-date.ts
 *   article check   `articleMetadata`                           core/detect.ts
 *   signals         isBasedOn, provider, sourceOrganization,    core/signals/json-ld.ts, wire.ts, source-credit.ts,
 *                   copyrightHolder, authors, publisher, meta    headline-credit.ts, syndication-meta.ts, own-site.ts…
 *
 * A new rule that needs another schema.org field adds it here. Malformed scripts, non-object values,
 * deep nesting and huge arrays are bounded by core/jsonld.ts (flattenJsonLd, textOf, MAX_DEPTH).
 */
import type { PageDigest } from './digest';
import { articleNode, flattenJsonLd, isOrganization, namesOf, textOf, typesOf, urlOf, type JsonLdNode } from './jsonld';

/** A schema.org Organization-like value (provider, sourceOrganization): its name and its URL, each as written. */
interface NamedParty {
  name: string | null;
  url: string | null;
}

/** What the JSON-LD article node says, each value read to a string (core/jsonld.ts textOf, namesOf, urlOf). */
export interface StructuredArticle {
  headline: string | null;
  /** `name`: some sites put the headline here, some their own name. */
  name: string | null;
  /** The author value's names, at most 10 (a string, an object or an array of either). */
  authors: string[];
  /** The author is an Organization (its names are a fallback, never the page's persons). */
  authorIsOrganization: boolean;
  /** The publisher's name. */
  publisher: string | null;
  datePublished: string | null;
  dateCreated: string | null;
  /** isBasedOn (or its older name isBasedOnUrl): a URL as written, not yet resolved. */
  basedOn: string | null;
  sourceOrganization: NamedParty;
  provider: NamedParty;
  /** copyrightHolder's name, and whether it is an Organization. */
  copyrightHolder: { name: string; organization: boolean } | null;
}

export interface StructuredData {
  /** meta name/property/itemprop (lower-case) → content, first one wins. */
  meta: ReadonlyMap<string, string>;
  /** The node that describes the article (NewsArticle, BlogPosting…, else a WebPage with a headline), read. */
  article: StructuredArticle | null;
  /** og:type article, a JSON-LD article, or a publish-date meta tag. */
  articleMetadata: boolean;
  /** datePublished of the first other node that is not a comment, a review, a person or an organisation. */
  otherDatePublished: string | null;
  /** uploadDate of the first node that has one (a video page). */
  uploadDate: string | null;
  /** dateModified of every node, in order. */
  datesModified: string[];
}

const NOT_THE_STORY = /Comment|Review|Answer|Question|Person|Organization/;

export function readStructured(digest: Pick<PageDigest, 'meta' | 'jsonLd'>): StructuredData {
  const meta = new Map(digest.meta);
  const nodes = flattenJsonLd(digest.jsonLd);
  const node = articleNode(nodes);
  const article = node ? readArticle(node) : null;
  const ogType = meta.get('og:type')?.toLowerCase() ?? '';
  let otherDatePublished: string | null | undefined;
  let uploadDate: string | null | undefined;
  const datesModified: string[] = [];
  for (const each of nodes) {
    if (otherDatePublished === undefined && each !== node && each.datePublished && !typesOf(each).some((type) => NOT_THE_STORY.test(type)))
      otherDatePublished = textOf(each.datePublished);
    if (uploadDate === undefined && each.uploadDate) uploadDate = textOf(each.uploadDate);
    const modified = textOf(each.dateModified);
    if (modified) datesModified.push(modified);
  }
  return {
    meta,
    article,
    articleMetadata:
      ogType.startsWith('article') ||
      ogType === 'news' ||
      !!node ||
      meta.has('article:published_time') ||
      meta.has('parsely-pub-date') ||
      meta.has('sailthru.date'),
    otherDatePublished: otherDatePublished ?? null,
    uploadDate: uploadDate ?? null,
    datesModified,
  };
}

function readArticle(node: JsonLdNode): StructuredArticle {
  const party = (value: unknown): NamedParty => ({ name: textOf(value), url: urlOf(value) });
  const holder = textOf(node.copyrightHolder);
  return {
    headline: textOf(node.headline),
    name: textOf(node.name),
    authors: node.author ? namesOf(node.author) : [],
    authorIsOrganization: isOrganization(node.author),
    publisher: textOf(node.publisher),
    datePublished: textOf(node.datePublished),
    dateCreated: textOf(node.dateCreated),
    basedOn: urlOf(node.isBasedOn ?? node.isBasedOnUrl),
    sourceOrganization: party(node.sourceOrganization),
    provider: party(node.provider),
    copyrightHolder: holder ? { name: holder, organization: isOrganization(node.copyrightHolder) } : null,
  };
}
