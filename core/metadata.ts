/**
 * Page metadata for every page: headline, author(s), publish date, site name.
 * Structured metadata first, then labelled text, then the URL.
 */
import { parseDate } from './dates';
import { publishDateOf } from './publish-date';
import type { PageScan } from './scan';
import type { StructuredArticle } from './structured';
import { authorNames, dedupeNames, siteNamesOf, structuredAuthors } from './authors';
import { decodeEntities, foldForCompare, foldToKey, looksLikeName, normalizeSpace, sameName } from './text';
import type { PageInfo } from './types';

// The publish date's sources and their order of trust: core/publish-date.ts.

export function dateFromText(written: string): string | null {
  return parseDate(written);
}

export function extractPage(scan: PageScan, labelled: { author?: string | null; publishedAtText?: string | null }): PageInfo {
  const siteName = siteNameOf(scan);
  const fromLabel = labelled.author ? authorNames(labelled.author) : [];
  const authors = fromLabel.length ? fromLabel : authorsOf(scan);
  const date =
    labelled.publishedAtText && parseDate(labelled.publishedAtText)
      ? { iso: parseDate(labelled.publishedAtText), text: labelled.publishedAtText }
      : publishDateOf(scan);
  return {
    headline: headlineOf(scan, siteName, authors),
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

function siteNameOf(scan: PageScan): string | null {
  const { meta, article } = scan.structured;
  const candidates = [meta.get('og:site_name'), article?.publisher, meta.get('application-name'), meta.get('al:iphone:app_name')];
  for (const candidate of candidates) if (candidate && looksLikeName(candidate, 8)) return candidate;
  return null;
}

/**
 * Where a title's parts meet: " | ", " - ", " – ", " — ", " · ", " » ", " « ", " › ", " ‹ ", " ~ ", " / ",
 * " @ ", " :: ", ": " (a site's name before a colon: "Python Insider: …").
 */
const PART_SEPARATOR = /\s+(?:[|\-\u2013\u2014\u00b7\u2022»«›‹~/@]{1,2}|::)\s+|:\s+/g;
/**
 * The same, and "_" and "|" without spaces too: Chinese and Japanese sites write "标题_频道_网站", "見出し|サイト"; but "_"
 * also stands inside names ("家_藍天"). Used only where the <h1> shows which side is the headline.
 */
const PART_SEPARATOR_UNDERSCORE = /\s+(?:[|\-\u2013\u2014\u00b7\u2022»«›‹~/@]{1,2}|::)\s+|:\s+|\s*[_|｜](?=\S)/g;

/** A title's parts and the separators between them ("A | B – C" → [A, B, C]). */
function titleParts(title: string, separator = PART_SEPARATOR): { parts: string[]; separators: string[] } {
  const parts: string[] = [];
  const separators: string[] = [];
  let from = 0;
  separator.lastIndex = 0;
  for (let match = separator.exec(title); match; match = separator.exec(title)) {
    if (match.index === 0 || match.index + match[0].length >= title.length) continue;
    parts.push(title.slice(from, match.index));
    separators.push(match[0]);
    from = match.index + match[0].length;
  }
  parts.push(title.slice(from));
  return { parts, separators };
}

const join = (parts: string[], separators: string[], from: number, to: number) =>
  parts
    .slice(from, to)
    .map((part, i) => (i ? separators[from + i - 1] : '') + part)
    .join('');
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
const SECTION =
  /^(?:blog\s+archiv(?:e)?|archiv(?:e|es)?|news|aktuelles|nachrichten|meldungen|startseite|home|accueil|actualit[ée]s|noticias|notizie|blog)$/i;
const ARTICLES = /\b(?:the|die|der|das|le|la|les|el|los|il|lo)\s+/gi;

/**
 * Does a title part name the site: its name, or its host's name ("Salon.com", "Wikimedia Blog")? At the
 * end of a title (`loose`) a part that holds the name counts too ("London Evening Standard").
 */
function namesSite(part: string, names: readonly string[], label: string | null, loose: boolean): boolean {
  const folded = foldForCompare(part);
  const key = foldToKey(part.replace(ARTICLES, ''));
  if (!key) return false;
  const words = wordCount(part);
  for (const name of names) {
    const nameKey = foldToKey(name.replace(ARTICLES, ''));
    if (!nameKey) continue;
    if (sameName(part, name) || key === nameKey) return true;
    if (loose && name.length >= 3 && folded.includes(foldForCompare(name)) && words <= wordCount(name) + 3) return true;
    // "Aktuálně.cz" for the site "Aktuálně.cz – Víte, co se právě děje".
    if (key.length >= 4 && nameKey.startsWith(key) && words <= (loose ? 5 : 3)) return true;
  }
  const labelKey = label ? foldToKey(label) : '';
  if (!labelKey) return false;
  if (key === labelKey) return true;
  // "Salon.com", "Yahoo News", "Zoll online"; at the end also "Wikimedia Blog", "London Evening Standard".
  if (key.startsWith(labelKey) && (loose ? words <= 8 : words <= 2 && key.length - labelKey.length <= 6)) return true;
  return loose && labelKey.length >= 6 && words <= 5 && key.includes(labelKey);
}

/**
 * Drop the site's name from either end of a title: "Headline | Site", "Site: Headline", "Headline – Site –
 * Tagline", "Headline [Site]", and an author's name that a site puts after the headline ("Headline | Jane
 * Doe", Medium's "Headline – Jane Doe – Medium"). What is left is never shorter than 3 characters.
 */
export function stripSiteName(
  title: string,
  siteName: string | null,
  site: string | null,
  more: readonly string[] = [],
  authors: readonly string[] = [],
): string {
  const names = [siteName, ...more].filter((name): name is string => !!name);
  const label = site ? (site.split('.')[0] ?? null) : null;
  const isSite = (part: string, loose = true) => namesSite(part, names, label, loose);
  // After a colon only the site's name itself ("Headline: Stadt Ahlen"), never a text that holds it.
  const isSiteAfter = (part: string, separator: string | undefined) => isSite(part, !separator?.includes(':'));
  const isAuthor = (part: string) => authors.some((author) => sameName(part.replace(/^by\s+/i, ''), author));
  let text = title;
  for (let round = 0; round < 4; round++) {
    // The whole of the site's name as written, tagline and all.
    const whole = names.find((name) => name.length >= 3 && text.length > name.length + 3 && foldForCompare(text).endsWith(foldForCompare(name)));
    if (whole) {
      const before = text.slice(0, text.length - whole.length);
      const head = before.replace(/[\s|\-\u2013\u2014\u00b7\u2022»«›‹~/:_@]+$/, '');
      // Only after a separator: "15 Jahre rete-mirabile.net" keeps its end.
      if (head.length >= 3 && head.length < before.length && /[|\-\u2013\u2014\u00b7\u2022»«›‹~/:_@]/.test(before.slice(head.length))) {
        text = head;
        continue;
      }
    }
    const bracket = /^(.{3,}?)\s*\[([^\]]+)\]$/.exec(text);
    if (bracket && isSite(bracket[2]!)) {
      text = bracket[1]!;
      continue;
    }
    const { parts, separators } = titleParts(text);
    if (parts.length < 2) break;
    let cut = false;
    // From the end: the last part, or the last two when the first of them names the site ("– Site – Tagline").
    for (let k = 1; k <= Math.min(2, parts.length - 1) && !cut; k++) {
      const tail = join(parts, separators, parts.length - k, parts.length);
      const first = parts[parts.length - k]!;
      const separator = separators[parts.length - k - 1];
      if (isSiteAfter(tail, separator) || isSiteAfter(first, separator) || (k === 1 && isAuthor(first))) {
        const head = join(parts, separators, 0, parts.length - k);
        if (head.length >= 3) {
          text = head;
          cut = true;
        }
      }
    }
    if (cut) continue;
    // From the start: "Site | Headline", "Site: Headline", and a section that every page of a kind carries
    // ("News - …", "Blog Archive » …").
    if (isSite(parts[0]!, false) || (SECTION.test(parts[0]!) && wordCount(join(parts, separators, 1, parts.length)) >= 3)) {
      const rest = join(parts, separators, 1, parts.length);
      if (rest.length >= 3) {
        text = rest;
        continue;
      }
    }
    break;
  }
  return text.trim();
}

/**
 * The title cut where one side of a separator is the page's visible <h1>: "Headline | Site" with the <h1>
 * "Headline" gives "Headline"; "Blog Name: Headline" with the <h1> "Blog Name" (the logo) gives "Headline";
 * "Kicker: Headline" with the <h1> "Headline" gives "Headline"; "Page — Project" with the <h1> "Project" (a
 * documentation site's logo) gives "Page". Before a separator the <h1> is the headline unless it is a few
 * words beside a much longer text; after one (other than a colon) it is the site's name unless the text
 * before it is much shorter ("Politik | Merkel tritt zurück").
 */
function cutByH1(text: string, h1: string, confirmed: boolean): string {
  const target = foldForCompare(h1);
  if (!target || foldForCompare(text) === target) return text;
  // "Headline [Site]", "Headline (Provider)".
  const bracket = /^(.+?)\s*[[(（][^\])）]*[\])）]$/.exec(text);
  if (bracket && foldForCompare(bracket[1]!) === target) return h1;
  const { parts, separators } = titleParts(text, PART_SEPARATOR_UNDERSCORE);
  // A logo, a section or a kicker: a few words, beside a much longer headline.
  const logoBeside = (other: string) => wordCount(h1) <= 3 && other.length >= 2.5 * h1.length;
  for (let i = 1; i < parts.length; i++) {
    const head = join(parts, separators, 0, i);
    const tail = join(parts, separators, i, parts.length);
    if (foldForCompare(head) === target) return logoBeside(tail) ? tail : h1;
    // After " | ", " – "…: a blog's or a section's name ("Rezept | Liebe geht durch den Magen"), unless another
    // source gives the <h1> as the headline, or it reads like one ("Kicker: Headline"), or the text before it is a word or two.
    const siteAfter = !confirmed && !separators[i - 1]!.includes(':') && !h1.includes(':') && wordCount(h1) <= 5 && head.length >= 0.4 * tail.length;
    if (foldForCompare(tail) === target) return logoBeside(head) || siteAfter ? head : h1;
  }
  return text;
}

const sameText = (a: string, b: string) => foldForCompare(a) === foldForCompare(b);

/** A candidate, its site's name cut off, cut where the <h1> ends (and what is left cut again), unless it is the <h1>. */
function byH1(stripped: string, h1: string, confirmed: boolean, strip: (text: string) => string): string {
  if (sameText(stripped, h1)) return stripped;
  const cut = cutByH1(stripped, h1, confirmed);
  return sameText(cut, h1) ? cut : strip(cut);
}

interface HeadlineCandidate {
  /** As written, entities decoded. */
  raw: string;
  /** The site's name and the <h1>'s logo or kicker cut off. */
  text: string;
  source: string;
}

/**
 * The headline. Candidates in Readability's order of trust (JSON-LD, Dublin Core, Open Graph, Twitter,
 * Parse.ly, <title>), each with the site's name cut off; one that is only the site's name (a generic
 * og:title) is skipped. The visible <h1> settles the rest: when the first candidate says the same as it
 * (case, quotes and dashes aside), or is a shortened or kicker-less form of it that another candidate
 * confirms in full, the headline is the <h1>'s, in the form most sources write it. An <h1> unrelated to
 * the candidates (a logo, a section name, a photo caption) is ignored, and used only when nothing else is there.
 */
function headlineOf(scan: PageScan, siteName: string | null, authors: readonly string[] = []): string | null {
  const { article } = scan.structured;
  const meta = (key: string) => scan.structured.meta.get(key);
  const siteNames = [...siteNamesOf(scan.structured, scan.url), meta('al:iphone:app_name')].filter(
    (name): name is string => !!name && looksLikeName(name, 10),
  );
  const label = scan.site ? (scan.site.split('.')[0] ?? null) : null;
  const clean = (text: string | null | undefined) => (text ? normalizeSpace(decodeEntities(text)) : '');
  const isGeneric = (text: string) =>
    !text ||
    siteNames.some((name) => foldToKey(name) === foldToKey(text)) ||
    (!!label && foldToKey(text) === foldToKey(label)) ||
    (!!scan.site && foldToKey(text) === foldToKey(scan.site));
  const h1Raw = clean(scan.h1);
  const title = clean(scan.title);
  // A "site name" that is the page's own title (application-name on some sites) names nothing.
  const ownName = siteName && ![meta('og:title'), title].some((text) => text && foldForCompare(text) === foldForCompare(siteName)) ? siteName : null;
  const strip = (text: string) => stripSiteName(text, ownName, scan.site, siteNames, authors);
  // The <h1> too may carry the site's name ("Headline | Site").
  let h1 = h1Raw.length >= 2 && h1Raw.length <= 300 && !isGeneric(h1Raw) ? strip(h1Raw) : '';
  if (h1.length < 2 || isGeneric(h1)) h1 = '';
  const sources: [string, string | null | undefined][] = [
    ['json-ld', jsonLdHeadline(article, title, (text) => isGeneric(strip(text)) || isGeneric(text))],
    ['dc', meta('dc:title') ?? meta('dc.title')],
    ['dcterms', meta('dcterm:title') ?? meta('dcterms.title')],
    ['og', meta('og:title')],
    ['twitter', meta('twitter:title')],
    ['parsely', meta('parsely-title')],
    ['title', title],
  ];
  const candidates: HeadlineCandidate[] = [];
  // Another source writes the <h1> as is: it is this page's headline, not the site's logo.
  const confirmed = !!h1 && sources.some(([, value]) => !!value && (sameText(clean(value), h1Raw) || sameText(clean(value), h1)));
  for (const [source, value] of sources) {
    // A separator left dangling where a site's name was meant to be: "Headline -".
    const raw = clean(value).replace(/\s+[|\-\u2013\u2014\u00b7\u2022»«›‹~/:@_]+$/, '');
    if (!raw || isGeneric(raw)) continue;
    const text = h1 ? byH1(strip(raw), h1, confirmed, strip) : strip(raw);
    if (text.length < 3 || isGeneric(text)) continue;
    candidates.push({ raw, text, source });
  }
  // A social title that names the site and shares no word with the page's <title>: the site's own
  // tagline on every page ("Yahoo News - Latest News & Headlines"), not this page's headline.
  const titleWords = new Set(
    foldForCompare(title)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 4),
  );
  const social = candidates.filter((c) => (c.source === 'og' || c.source === 'twitter') && c.text !== c.raw && titleWords.size >= 3);
  for (const candidate of social) {
    const shared = foldForCompare(candidate.text)
      .split(/[^\p{L}\p{N}]+/u)
      .some((word) => word.length >= 4 && titleWords.has(word));
    const h1Agrees = !!h1 && foldForCompare(candidate.text) === foldForCompare(h1);
    if (!shared && !h1Agrees && !siteNames.some((name) => foldForCompare(title).includes(foldForCompare(name))))
      candidates.splice(candidates.indexOf(candidate), 1);
  }
  const primary = candidates[0];
  if (!primary) return h1 || clean(scan.title) || null;
  const fold = foldForCompare;
  const stem = (text: string) => fold(text).replace(/\s*(?:\.\.\.|…)$/, '');
  if (h1) {
    const target = fold(h1);
    const same = candidates.filter((c) => fold(c.text) === target);
    const primaryStem = stem(primary.text);
    // Said the same: the wording most sources (the <h1> among them) write.
    if (fold(primary.text) === target) return mostWritten([h1, ...same.map((c) => c.text)], h1);
    // Cut short: "… trigger police…" of "… trigger police probe", a JSON-LD headline cut at 110 characters. (An
    // <h1> that goes on with a capital or a digit holds a subtitle or a date in its text: no.)
    const rest = target.slice(primaryStem.length);
    const restAsWritten = normalizeSpace(h1).slice(-rest.length || h1.length);
    const shortened = /(?:\.\.\.|…)$/.test(primary.text) || primaryStem.length >= 90 || /^\s?\p{Ll}/u.test(restAsWritten);
    if (primaryStem.length >= 20 && rest && target.startsWith(primaryStem) && shortened && !/^\s*(?:[|\-·•»«›‹:~/_[(]|::)/.test(rest)) return h1;
    // Part of it, with the rest of the <h1> confirmed by another source ("Kicker: Headline").
    if (same.length && primaryStem.length >= 10 && target.includes(primaryStem)) return mostWritten([h1, ...same.map((c) => c.text)], h1);
  }
  // A shortened candidate ("Headline that goes on…") when another one gives it in full.
  if (/(?:\.\.\.|…)$/.test(primary.text)) {
    const full = candidates.find((c) => c !== primary && fold(c.text).startsWith(stem(primary.text)) && c.text.length > primary.text.length);
    if (full) return full.text;
  }
  return primary.text;
}

/** The wording written most often among forms of one headline (they differ in quotes, dashes, case); ties go to `first`. */
function mostWritten(forms: string[], first: string): string {
  const counts = new Map<string, number>();
  for (const form of forms) counts.set(form, (counts.get(form) ?? 0) + 1);
  let best = first;
  for (const [form, count] of counts) if (count > (counts.get(best) ?? 0)) best = form;
  return best;
}

/**
 * JSON-LD "name" and "headline" sometimes differ (Wikipedia's headline is a description; some sites put
 * their own name in "name"): take the one closer to <title>, never the site's name.
 */
function jsonLdHeadline(article: StructuredArticle | null, title: string, isSite: (text: string) => boolean): string | null {
  if (!article) return null;
  const headline = article.headline;
  const rawName = article.name;
  const name = rawName && !isSite(rawName) ? rawName : null;
  if (headline && name && headline !== name) {
    const folded = foldForCompare(title);
    const nameMatches = folded.includes(foldForCompare(name));
    const headlineMatches = folded.includes(foldForCompare(headline));
    return headlineMatches && !nameMatches ? headline : nameMatches && !headlineMatches ? name : headline;
  }
  return headline ?? null;
}

/**
 * The page's authors: the JSON-LD article's persons or the meta tags' (core/authors.ts structuredAuthors),
 * else byline markup (the article's, then the page's: the first text that cleans to a name), else a "By Jane
 * Doe" line at the article's start, else an organisation named as author (the site itself, a company).
 */
function authorsOf(scan: PageScan): string[] {
  const { people, fallback } = structuredAuthors(scan.structured, scan.url);
  if (people.length) return people;
  // Byline markup: the article's own first, then the whole page's, the selectors (BYLINE_SELECTORS)
  // tried in order on each; core/digest.ts read the first match of each, up to the first name accepted
  // by cleanAuthor (none on a quiet page, none when a structured author is there).
  for (const texts of scan.bylines) {
    for (const text of texts) {
      const names = text ? authorNames(text) : [];
      // A byline that holds the name the meta tags give as the site's ("Blog Name posted in …"): that name.
      const site = fallback.find((name) => names.length === 1 && foldForCompare(names[0]!).includes(foldForCompare(name)));
      if (site) return [site];
      if (names.length) return names;
    }
  }
  // A byline paragraph near the top: "By Jane Doe".
  for (const line of scan.lines) {
    if (line.region !== 'article-start') continue;
    const by = /^By\s+([\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3}(?:\s+and\s+[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3})?)/u.exec(
      line.text,
    );
    const names = by?.[1] ? authorNames(by[1]) : [];
    if (names.length) return names;
  }
  return dedupeNames(fallback).slice(0, 1);
}
