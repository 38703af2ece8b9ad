/**
 * Where a page names its author in structured form (JSON-LD, meta tags) and
 * how a written name is cleaned. Shared by the rules (core/metadata.ts) and
 * the digest (core/digest.ts), which skips reading byline markup when a
 * structured author is there: the rules would not look at the markup then.
 */
import { articleNode, isOrganization, namesOf, type JsonLdNode } from './jsonld';
import { looksLikeName, normalizeSpace } from './text';

/** Meta tags that name the author, most trustworthy first. */
export const AUTHOR_META = 'dc:creator dc.creator dcterm:creator author article:author parsely-author sailthru.author byl twitter:creator:name citation_author'.split(' ');

export function cleanAuthor(raw: string): string | null {
  let name = normalizeSpace(raw)
    .replace(/^(?:by|par|von|por|di|door)\s*[:：]?\s+/i, '')
    .replace(/\s*[|,•·]\s*(?:updated|published|posted|staff|reporter|correspondent|\d).*$/i, '')
    .replace(/\s+(?:on|updated|published)\s+(?:\w+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}).*$/i, '')
    .trim();
  if (/^https?:\/\//i.test(name) || /^@/.test(name) || /^(?:admin|administrator|staff|editor|unknown)$/i.test(name)) return null;
  // A time stamp in byline markup ("Updated 3 hours ago", "Posted 12:30 PM", "5 minutes ago") is no name.
  if (/^(?:(?:last\s+)?updated|published|posted|modified)\b|\bago$/i.test(name)) return null;
  name = name.replace(/\s+/g, ' ');
  return name.length >= 2 && looksLikeName(name, 10) ? name : null;
}

/**
 * Does a meta tag or the JSON-LD article (a person) give an author's name? Then byline markup is never
 * read. The JSON-LD comes as a function: it is parsed only when no meta tag settles the question.
 */
export function hasStructuredAuthor(meta: ReadonlyMap<string, string>, jsonLd: () => readonly JsonLdNode[]): boolean {
  const named = AUTHOR_META.some((key) => {
    const value = meta.get(key);
    return !!value && !!cleanAuthor(value);
  });
  if (named) return true;
  const article = articleNode({ jsonLd: jsonLd() });
  return !!article?.author && !isOrganization(article.author) && namesOf(article.author).some((name) => cleanAuthor(name));
}
