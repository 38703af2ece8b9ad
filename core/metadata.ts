/**
 * Page metadata for every page: headline, author(s), publish date, site name.
 * Structured metadata first, then labelled text, then the URL.
 */
import { dateFromUrlPath, parseDate } from './dates';
import { articleNode, isOrganization, namesOf, textOf } from './jsonld';
import type { PageScan } from './scan';
import { AUTHOR_META, cleanAuthor } from './authors';
import { foldForCompare, foldToKey, looksLikeName, normalizeSpace, sameName, splitLeadingPrefix, splitTrailingSuffix } from './text';
import type { PageInfo } from './types';

/** Meta tags that hold a publish date, most trustworthy first. dateModified/article:modified_time are NOT publish dates. */
const DATE_META = 'article:published_time og:article:published_time datepublished parsely-pub-date sailthru.date dc.date dc.date.issued dcterms.date dcterms.issued date pubdate publishdate publish-date publish_date article.published article_date_original cxenseparse:recs:publishtime og:published_time'.split(' ');

export function dateFromText(written: string): string | null {
  return parseDate(written);
}

export function extractPage(scan: PageScan, labelled: { author?: string | null; publishedAtText?: string | null }): PageInfo {
  const siteName = siteNameOf(scan);
  const authors = labelled.author ? [labelled.author] : authorsOf(scan);
  const date = labelled.publishedAtText && parseDate(labelled.publishedAtText) ? { iso: parseDate(labelled.publishedAtText), text: labelled.publishedAtText } : publishDateOf(scan);
  return {
    headline: headlineOf(scan, siteName),
    author: authors.length ? joinNames(authors) : null,
    authors,
    publishedAt: date?.iso ?? null,
    publishedAtText: date?.text ?? null,
    siteName,
  };
}

function joinNames(names: string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function siteNameOf(scan: PageScan): string | null {
  const article = articleNode(scan);
  const candidates = [scan.meta.get('og:site_name'), textOf(article?.publisher), scan.meta.get('application-name'), scan.meta.get('al:iphone:app_name')];
  for (const candidate of candidates) if (candidate && looksLikeName(candidate, 8)) return candidate;
  return null;
}

/** Drop "| Site" / "- Site" from either end of a title when it names the site. */
export function stripSiteName(title: string, siteName: string | null, site: string | null): string {
  const isSite = (part: string) =>
    (!!siteName && (sameName(part, siteName) || foldForCompare(part).includes(foldForCompare(siteName)))) ||
    (!!site && (foldToKey(part) === foldToKey(site) || foldToKey(part) === foldToKey(site.split('.')[0] ?? '') || foldToKey(part).startsWith(foldToKey(site.split('.')[0] ?? '_'))));
  let text = title;
  for (let i = 0; i < 2; i++) {
    const suffix = splitTrailingSuffix(text);
    if (suffix && isSite(suffix.suffix)) {
      text = suffix.head;
      continue;
    }
    const prefix = splitLeadingPrefix(text);
    if (prefix && ((siteName && sameName(prefix.prefix, siteName)) || (site && foldToKey(prefix.prefix) === foldToKey(site.split('.')[0] ?? '')))) {
      text = prefix.rest;
      continue;
    }
    break;
  }
  return text;
}

function headlineOf(scan: PageScan, siteName: string | null): string | null {
  const article = articleNode(scan);
  const h1Text = scan.h1;
  // Readability's order, which the corpus's expectations follow: JSON-LD, Dublin Core, Open Graph, Twitter, Parse.ly, <title>.
  const candidates = [jsonLdHeadline(article, scan.title), scan.meta.get('dc:title') ?? scan.meta.get('dc.title'), scan.meta.get('dcterm:title') ?? scan.meta.get('dcterms.title'), scan.meta.get('og:title'), scan.meta.get('twitter:title'), scan.meta.get('parsely-title'), scan.title, h1Text];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const stripped = stripSiteName(candidate, siteName, scan.site);
    if (stripped.length >= 3) return stripped;
  }
  return null;
}

/** JSON-LD "name" and "headline" sometimes differ (Wikipedia's headline is a description): take the one closer to <title>. */
function jsonLdHeadline(article: ReturnType<typeof articleNode>, title: string): string | null {
  if (!article) return null;
  const headline = textOf(article.headline);
  const name = textOf(article.name);
  if (headline && name && headline !== name) {
    const folded = foldForCompare(title);
    const nameMatches = folded.includes(foldForCompare(name));
    const headlineMatches = folded.includes(foldForCompare(headline));
    return headlineMatches && !nameMatches ? headline : nameMatches && !headlineMatches ? name : headline;
  }
  return headline ?? null;
}

function authorsOf(scan: PageScan): string[] {
  const article = articleNode(scan);
  if (article?.author && !isOrganization(article.author)) {
    const names = namesOf(article.author).map(cleanAuthor).filter((n): n is string => !!n);
    if (names.length) return dedupeNames(names);
  }
  for (const key of AUTHOR_META) {
    const value = scan.meta.get(key);
    const name = value ? cleanAuthor(value) : null;
    if (name) return splitNames(name);
  }
  // Byline markup: the article's own first, then the whole page's, the selectors (BYLINE_SELECTORS)
  // tried in order on each; core/digest.ts read the first match of each, up to the first name accepted here
  // (none on a quiet page).
  for (const texts of scan.bylines) {
    for (const text of texts) {
      const name = text ? cleanAuthor(text) : null;
      if (name) return splitNames(name);
    }
  }
  // A byline paragraph near the top: "By Jane Doe".
  for (const line of scan.lines) {
    if (line.region !== 'article-start') continue;
    const by = /^By\s+([\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3}(?:\s+and\s+[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3})?)/u.exec(line.text);
    if (by?.[1]) return splitNames(by[1]);
  }
  if (article?.author) {
    const names = namesOf(article.author).map(cleanAuthor).filter((n): n is string => !!n);
    if (names.length) return dedupeNames(names);
  }
  return [];
}

function splitNames(joined: string): string[] {
  const parts = joined.split(/\s*(?:,\s*and\s+|\band\b|&|;)\s*/).flatMap((part) => {
    // "Jane Doe, John Roe" is two people; "Brenda Goodman, MA" and "Jong, Michiel de" are one.
    const byComma = part.split(/\s*,\s*/);
    return byComma.length > 1 && byComma.every((name) => name.trim().split(' ').length >= 2) ? byComma : [part];
  });
  return dedupeNames(parts.map((n) => n.trim()).filter((n) => n.length > 1));
}

function dedupeNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = foldForCompare(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, 10);
}

function publishDateOf(scan: PageScan): { iso: string | null; text: string } | null {
  const fromMeta = (key: string) => {
    const value = scan.meta.get(key);
    const iso = value ? parseDate(value) : null;
    return iso && value ? { iso, text: value } : null;
  };
  const first = fromMeta('article:published_time') ?? fromMeta('og:article:published_time');
  if (first) return first;
  const article = articleNode(scan);
  const jsonLdDate = textOf(article?.datePublished);
  if (jsonLdDate && parseDate(jsonLdDate)) return { iso: parseDate(jsonLdDate), text: jsonLdDate };
  // The article's first dated <time> (or [itemprop=datePublished]), read by core/digest.ts.
  const timeValue = scan.time?.value;
  if (timeValue && parseDate(timeValue)) return { iso: parseDate(timeValue), text: scan.time?.text || timeValue };
  for (const key of DATE_META) {
    const found = fromMeta(key);
    if (found) return found;
  }
  const fromUrl = dateFromUrlPath(scan.url);
  return fromUrl ? { iso: fromUrl, text: fromUrl } : null;
}
