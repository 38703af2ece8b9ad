/**
 * The page's publish date, from every source the digest read, in a clear order of trust:
 *
 *   1. publish-date metadata: article:published_time and its variants, JSON-LD datePublished
 *      (any node, @graph and arrays), microdata itemprop=datePublished, parsely-page / parsely-pub-date,
 *      sailthru.date, Dublin Core issued/created, citation_publication_date; <time pubdate> and
 *      elements whose markup says "published" (hAtom's abbr.published, WordPress's time.published);
 *   2. generic date metadata (name=date, DC.date) and the article's <time datetime> near the headline;
 *   3. dated text near the headline that a label ("Veröffentlicht am", "Publié le", "Published",
 *      "公開日"…) or a date class (.date, .post-meta, .byline…) marks as the publish date;
 *   4. a date in the URL path (/2020/01/02/, /20200102/, 2020-01-02 in a slug);
 *   5. a date that opens a short line of text next to the headline, unlabelled.
 *
 * Never a publish date: og:updated_time, dateModified, "Updated"/"Aktualisiert"/"mis à jour" dates,
 * comments' dates, sidebars' and related stories' dates. Dates in the future or before 1995 are dropped.
 * Where the best source is a zoned time one day off the URL's or the page's own visible date (a UTC
 * time late in the site's evening), the date as the page shows it wins.
 */
import { dateFromUrlPath, findDates, parseDate } from './dates';
import { oneOf, or, regex } from './regex';
import type { DigestDate } from './digest';
import type { PageScan } from './scan';

interface PublishDate {
  iso: string;
  /** As written on the page (or in its metadata). */
  text: string;
}

interface Candidate {
  iso: string;
  text: string;
  /** Lower is more trusted (see the list above). */
  rank: number;
  /** Shown on the page (text near the headline, the URL): how the site writes its own local day. */
  visible: boolean;
}

/** A date shown as the page's own: labelled or in date markup near the headline, or its first dateline (not the URL). */
const shown = (c: Candidate): boolean => c.visible && (c.rank <= 3.4 || c.rank === 5);
/** Ranks of the digest's dates that a list of stories can fill (marked elements, plain <time>s, dated lines past the first). */
const LIST_RANKS = [2, 2.9, 3.6, 3.7];
const LATER_RUN = 5.2;
/** Ranks of runs of text whose date no label marks (date markup, a dateline, a later line). */
const UNLABELLED_RUNS = [3.2, 5, LATER_RUN];
/** Rank of the day a <time> or marked element shows in its text, beside its machine value. */
const SHOWN_TIME = 3.4;

/** Publish-date meta tags, most specific first. Never og:updated_time, article:modified_time, dateModified, last-modified. */
const PUBLISH_META = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'datepublished',
  'parsely-pub-date',
  'sailthru.date',
  'citation_publication_date',
  'citation_date',
  'citation_online_date',
  'bepress_citation_date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'dcterms:created',
  'dcterms:issued',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_date',
  'published-date',
  'pubdate',
  'article.published',
  'article_date_original',
  'cxenseparse:recs:publishtime',
  'og:published_time',
  'release_date',
  'date.published',
];
/** Date meta tags that say less (a date, not which one). */
const GENERIC_META = [
  'date',
  'dc.date',
  'dc:date',
  'dcterms.date',
  'dcterms:date',
  'datecreated',
  'created',
  'displaydate',
  'sw-pubdate',
  'uploaddate',
];

/** Markup words for a publish date (class, id, itemprop, attribute). */
const PUBLISH_HINT = regex(
  '',
  or(
    String.raw`publish|pubdate|\bpublished\b|datepublished|date-?published`,
    // Blog themes' classes ("entry-date", "post-date").
    'entry-date|post-?date|posted|date-?header|created',
    'erstellt|veroeffentlicht',
    'article-?date|story-?date|news-?date|dateline',
  ),
);
/** Markup words for a date or the meta line under a headline. */
const DATE_HINT =
  /date|datum|time|zeit|fecha|data|stamp|meta|byline|info|posted|publi|created|submitted|autor|author|dachzeile|kicker|subline|subtitle|header/;
const UPDATE_HINT = /updated|modified|last-?mod|changed|aktualisiert/;

/** Labels before a date that make it the publish date, in the major languages. */
const PUBLISH_LABEL = regex(
  'i',
  oneOf(
    // "published" in English, Spanish, Portuguese, French, German, Czech, Swedish, Norwegian, Danish
    'publi(?:shed|cado|cada|cação|cacao|é|e|ziert|kováno|cerad|sert|ceret)',
    'pubblicat[oa]', // Italian
    String.raw`posted|released|written|first\s+appeared`,
    'veröffentlicht|veroeffentlicht|erschienen|erstellt|geschrieben|verfasst|eingestellt|ver[öo]ffentlichung|datum', // German
    'date|fecha|data',
    String.raw`mis\s+en\s+ligne|posté`, // French
    'opublikowan[oay]|dodan[oy]', // Polish
    'udgivet|offentliggjort', // Danish
    'gepubliceerd|geplaatst', // Dutch
    'julkaistu|vydáno|yay[ıi]n|опубликован', // Finnish, Czech, Turkish, Russian
    '発行|公開|投稿|掲載|配信', // Japanese
    '发布|發布|发表', // Chinese
    '입력|등록|작성|게시', // Korean
    // German phrases: "Pressemitteilung vom", "wurde am".
    String.raw`pressemitteilung\s+vom|meldung\s+vom|artikel\s+vom|wurde\s+am|beitrag\s+vom`,
  ),
);
/** Labels before a date that make it a change, not the publish date. */
const UPDATE_LABEL = regex(
  'i',
  oneOf(
    'updated?|editiert|bearbeitet', // English, German
    String.raw`last\s+(?:edited|modified|changed|revised)|modified|edited|revised`,
    'aktualisier|geändert|geaendert|änderung|aenderung|zuletzt|überarbeitet', // German
    String.raw`mis\s+à\s+jour|mise\s+à\s+jour|actualis|modifié`, // French
    'actualizad|actualizaci', // Spanish
    'aggiornat|aggiornament', // Italian
    'atualizad|atualizaç', // Portuguese
    'zaktualizowan|aktualizacj', // Polish
    'opdateret|bijgewerkt|gewijzigd|uppdaterad|oppdatert|päivitetty', // Danish, Dutch, Swedish, Norwegian, Finnish
    '更新|수정|обновлен|güncellen', // Japanese and Chinese, Korean, Russian, Turkish
  ),
);
/** A comment's line: "Jane sagt:", "John says:", "Antworten". */
const COMMENT_TEXT = /\b(?:sagt|says|schreibt|wrote|antworten|reply|répondre|responder)\b\s*:?/i;

const DAY_MS = 86_400_000;

/** A date as its day number (days since 1970), or NaN. */
function dayNumber(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS : NaN;
}

/** Not in the future (a day's grace for time zones), not before 1995. */
function plausible(iso: string, now: number): boolean {
  const day = dayNumber(iso);
  return day >= dayNumber('1995-01-01') && day * DAY_MS <= now + DAY_MS;
}

/**
 * A metadata value as a date: ISO and the forms parseDate knows, else the first date written in it
 * ("Di., 25.01.2022 - 14:45"). No page language here: servers write metadata, and 11/01/2023 there
 * is as often American as not, so a d/m or m/d order that no part settles gives nothing.
 */
function readValue(value: string): string | null {
  const direct = parseDate(value);
  if (direct) return direct;
  return findDates(value.slice(0, 200))[0]?.iso ?? null;
}

/** Is there a time zone in this ISO value (Z or an offset)? */
const zoned = (iso: string): boolean => /T.*(?:Z|[+-]\d{2}:\d{2})$/.test(iso);

export function publishDateOf(scan: PageScan, now = Date.now()): PublishDate | null {
  // The page's language, else a locale in its URL (/en-gb/news/…): it settles 02/10/2020.
  const lang = scan.lang || (/\/([a-z]{2}[-_][a-z]{2})\//i.exec(scan.url)?.[1]?.toLowerCase() ?? '');
  const candidates: Candidate[] = [];
  const push = (iso: string | null, text: string, rank: number, visible = false) => {
    // 1 January without a time, from anything but publish-date metadata, is a placeholder more often than a date.
    if (iso && plausible(iso, now) && !(rank >= 2 && rank !== 4 && /-01-01$/.test(iso))) candidates.push({ iso, text, rank, visible });
  };

  // 1. Publish-date metadata.
  const { meta, article } = scan.structured;
  for (const [index, key] of PUBLISH_META.entries()) {
    const value = meta.get(key);
    if (value) push(readValue(value), value, 1 + index / 100);
  }
  const parsely = meta.get('parsely-page');
  if (parsely) {
    try {
      const pub = (JSON.parse(parsely) as { pub_date?: unknown }).pub_date;
      if (typeof pub === 'string') push(readValue(pub), pub, 1.3);
    } catch {
      // Not JSON: nothing to read.
    }
  }
  const fromJsonLd = (value: string | null | undefined, rank: number) => {
    if (value) push(readValue(value), value, rank);
  };
  fromJsonLd(article?.datePublished, 1.01);
  fromJsonLd(scan.structured.otherDatePublished, 1.5);

  // <time> and marked elements, and runs of text near the headline.
  // Near the headline, nearest first (after it before before it at the same distance), then the rest of the page.
  const dates = scan.dates ?? [];
  const near = (d: DigestDate) => d.at === 'after' || d.at === 'before';
  const ordered = [
    ...dates.filter(near).sort((a, b) => a.n - b.n || (a.at === 'after' ? -1 : 0) - (b.at === 'after' ? -1 : 0)),
    ...dates.filter((d) => !near(d)),
  ];
  const state = { dateline: false };
  for (const item of ordered) fromDigestDate(item, lang, push, state);

  // 2. Generic date metadata, JSON-LD dateCreated / uploadDate.
  for (const [index, key] of GENERIC_META.entries()) {
    const value = meta.get(key);
    if (value) push(readValue(value), value, 2.5 + index / 100);
  }
  fromJsonLd(article?.dateCreated, 2.6);
  if (!article) fromJsonLd(scan.structured.uploadDate, 2.7);
  // The digest's first dated <time> in the article (older digests carry only this).
  const time = scan.time;
  if (time && !(scan.dates ?? []).length) push(readValue(time.value), time.text || time.value, 2.8);

  // 3b. Labelled lines at the article's start and end ("Erstellt am: 01.11.2023").
  for (const line of scan.lines) {
    if (line.region === 'page-end' || line.text.length > 300 || COMMENT_TEXT.test(line.text)) continue;
    for (const found of labelledDates(line.text, lang)) if (found.label === 'publish') push(found.iso, found.written, 3.8);
  }

  // 4. The URL.
  const fromUrl = dateFromUrlPath(scan.url);
  if (fromUrl) push(fromUrl, fromUrl, 4, true);

  // 5b. A date in the headline or the title ("Bericht zur Lage vom 22.04.2020", "… | DW | 23.05.2011"): the last resort.
  for (const [text, rank] of [
    [scan.h1, 5.5],
    [scan.title, 5.6],
  ] as const) {
    const found = text ? findDates(text, lang)[0] : undefined;
    if (found) push(found.iso, found.written, rank, false);
  }

  // Dated elements of one kind on three or more days are a list of stories, not this one's date.
  // The dateline found among such a list's days is one of its items too.
  for (const rank of [...LIST_RANKS, SHOWN_TIME, LATER_RUN]) {
    const group = candidates.filter((c) => c.rank === rank && (rank === LATER_RUN || rank === SHOWN_TIME || !c.visible));
    const days = new Set(group.map((c) => dayNumber(c.iso)));
    if (days.size < 3) continue;
    for (const c of [...candidates])
      if (group.includes(c) || (UNLABELLED_RUNS.includes(c.rank) && days.has(dayNumber(c.iso)))) candidates.splice(candidates.indexOf(c), 1);
  }
  if (!candidates.length) return null;
  candidates.sort((a, b) => a.rank - b.rank);
  let best = candidates[0]!;
  let bestDay = dayNumber(best.iso);

  // Publish-date metadata that disagree: the one the page's own visible date confirms.
  if (best.rank < 2 && !confirmed(best, candidates)) {
    const other = candidates.find((c) => c.rank < 2 && dayNumber(c.iso) !== bestDay && confirmed(c, candidates));
    if (other) {
      best = other;
      bestDay = dayNumber(best.iso);
    }
  }
  // Generic date metadata (name="date", DC.date) is as often the last change as the first: the page's own marked date wins.
  if (best.rank >= 2.5 && best.rank < 2.8) {
    const marked = candidates.find((c) => c.visible && c.rank <= 3.4 && dayNumber(c.iso) !== bestDay);
    if (marked && !candidates.some((c) => shown(c) && dayNumber(c.iso) === bestDay)) {
      best = marked;
      bestDay = dayNumber(best.iso);
    }
  }
  // A UTC time is not the site's own day: when the URL or the page's own local time says the day before or
  // after (an evening story in America, an after-midnight one in Europe), the page's day stands.
  if (best.rank < 3 && zoned(best.iso)) {
    const local =
      fromUrl && Math.abs(dayNumber(fromUrl) - bestDay) === 1
        ? candidates.find((c) => c.rank === 4)
        : candidates.find((c) => Math.abs(dayNumber(c.iso) - bestDay) === 1 && sameInstantElsewhere(best.iso, c));
    if (local && !candidates.some((c) => c.visible && dayNumber(c.iso) === bestDay)) best = local;
  }
  // The URL's day is fixed when the story is first published: metadata that disagrees by more is a later edit.
  if (fromUrl && plausible(fromUrl, now) && best.rank < 4) {
    const urlDay = dayNumber(fromUrl);
    const gap = dayNumber(best.iso) - urlDay;
    if (gap > 1) best = candidates.find((c) => c.rank === 4) ?? best;
    else if (gap < -1) return null;
  }
  // Metadata the page contradicts: it shows a later day as its date and nothing it shows (nor its URL) agrees.
  // A later day in date markup or after a label that is not the modification date is the day the story went
  // out (the metadata was written when it was drafted): that day. A later day that is the modification date
  // (or only an unlabelled one) leaves the publish day open: no answer, rather than a guess.
  if (best.rank < 3 && !shown(best)) {
    const day = dayNumber(best.iso);
    const own = candidates.filter((c) => shown(c) || c.rank === 4);
    const later = own.filter((c) => dayNumber(c.iso) > day);
    if (later.length && !own.some((c) => dayNumber(c.iso) === day)) {
      const modified = modifiedDays(scan);
      const marked = later.find((c) => c.rank <= 3.4 && !modified.has(dayNumber(c.iso)));
      if (!marked || later.some((c) => modified.has(dayNumber(c.iso)))) return null;
      best = marked;
    }
  }
  return { iso: best.iso, text: best.text };
}

/** The days the metadata gives as the page's modification (article:modified_time, og:updated_time, dateModified…). */
function modifiedDays(scan: PageScan): Set<number> {
  const values = ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'last-modified', 'lastmod'].map((key) =>
    scan.structured.meta.get(key),
  );
  values.push(...scan.structured.datesModified);
  const days = new Set<number>();
  for (const value of values) {
    const iso = value ? readValue(value) : null;
    if (iso) days.add(dayNumber(iso));
  }
  return days;
}

/** Does a date shown on the page (labelled, or in date markup) give this candidate's day? */
function confirmed(candidate: Candidate, candidates: Candidate[]): boolean {
  const day = dayNumber(candidate.iso);
  return candidates.some((c) => shown(c) && dayNumber(c.iso) === day);
}

/**
 * Does a candidate show the same moment as a UTC time, in the site's own zone? A time written with an
 * offset says so itself; a local clock time shown on the page must sit a whole zone away (up to 14 hours,
 * in quarter hours). A date without a time proves nothing.
 */
function sameInstantElsewhere(utc: string, candidate: Candidate): boolean {
  if (!/(?:Z|[+-]00:00)$/.test(utc) || candidate.rank > 3.4) return false;
  const base = Date.parse(utc);
  const local = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(candidate.iso);
  if (!local || Number.isNaN(base)) return false;
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(candidate.iso);
  const shown = Date.UTC(Number(local[1]), Number(local[2]) - 1, Number(local[3]), Number(local[4]), Number(local[5]));
  if (offset) {
    const minutes = (Number(offset[2]) * 60 + Number(offset[3])) * (offset[1] === '-' ? -1 : 1);
    return Math.abs(shown - minutes * 60_000 - Math.floor(base / 60_000) * 60_000) < 60_000;
  }
  const minutes = Math.round((shown - Math.floor(base / 60_000) * 60_000) / 60_000);
  return minutes !== 0 && Math.abs(minutes) <= 14 * 60 && minutes % 15 === 0;
}

/** Dates in a text with what the words before each say: publish, update, or nothing. */
function labelledDates(text: string, lang: string): { iso: string; written: string; index: number; label: 'publish' | 'update' | null }[] {
  const found = findDates(text, lang).slice(0, 4);
  let from = 0;
  return found.map((date) => {
    const before = text.slice(Math.max(from, date.index - 40), date.index);
    from = date.end;
    // "Copyright © 19.12.2019" is when the page was rendered, not published: as good as an update.
    const label =
      UPDATE_LABEL.test(before) || /©|\bcopyright\b|\(c\)/i.test(before.slice(-20)) ? 'update' : PUBLISH_LABEL.test(before) ? 'publish' : null;
    return { iso: date.iso, written: date.written, index: date.index, label };
  });
}

type Push = (iso: string | null, text: string, rank: number, visible?: boolean) => void;

/** A machine value from an attribute: a date form parseDate knows, or a short value holding one (not a file name or URL). */
function readAttribute(value: string): string | null {
  const direct = parseDate(value);
  if (direct) return direct;
  if (value.length > 48 || /^(?:https?:|\/)|\.(?:jpe?g|png|gif|webp|svg|pdf|html?)\b|_/i.test(value)) return null;
  return findDates(value)[0]?.iso ?? null;
}

/** Context that is never this article's date: comments, other stories, navigation, widgets. */
const COMMENT_HINT = /comment|kommentar|reply|replies|respond|antwort|disqus|discussion/;
const FAR_ELSEWHERE_HINT = /related|recent|recommend|popular|trending|most-?read|more-?stories/;
const ELSEWHERE_HINT =
  /sidebar|widget|read-?more|weitere|breadcrumb|calendar|kalender|agenda|event|menu|\bnav|archive|ticker|slide|carousel|\brail\b/;
const OWN_META_HINT = /byline|author|autor|[-_]meta\b|metadata|article-?meta|post-?meta|entry-?meta/;
/** A byline with the date: "By Jane Doe | 2 May 2020", "Von Max Muster, 2. Mai 2020", "Par Loïc Le Clerc | 30 septembre 2018". */
const BYLINE_TEXT = /(?:^|[|·•,–—]\s*)(?:by|von|par|por|di|door|af|av|przez)\s+\p{Lu}/u;
const STRONG_HINT = /\bpublished\b|pubdate|datepublished|\bentry-date\b|date-?published|publish-?date|publication-?date/;

/**
 * One candidate from the digest (a <time>, a marked element, a run of text near the headline), ranked by
 * what its markup and words say. Text runs come nearest the headline first: the first one that holds a date
 * is the page's dateline; later ones count only when a label or a date class marks them.
 */
function fromDigestDate(item: DigestDate, lang: string, push: Push, state: { dateline: boolean }): void {
  // The element's own markup and its two nearest ancestors': a layout class further up ("content-area sidebar") says nothing.
  // WordPress's taxonomy classes (category-popular, tag-events) say what the story is about, not what the element is.
  const levels = item.hint.replace(/\b(?:category|tag|post|format|status|type|topic|section)-[\w-]+/g, '').split(' | ');
  const hint = levels.slice(0, 3).join(' ');
  const near = item.at === 'after' || item.at === 'before';
  // Other stories' and comments' markup, unless the element's own markup says byline or article metadata.
  // Comments and other stories up to three levels up; the rest (a widget, a menu) only close by: whole blogs sit in a "widget".
  const context = levels.slice(0, 4).join(' ');
  if (
    COMMENT_HINT.test(context) ||
    ((FAR_ELSEWHERE_HINT.test(context) || ELSEWHERE_HINT.test(hint)) && !OWN_META_HINT.test(levels.slice(0, 2).join(' ')))
  )
    return;
  const strong = STRONG_HINT.test(hint);
  if (UPDATE_HINT.test(hint) && !strong) return;
  if (item.kind === 'time' || item.kind === 'mark') {
    const textDates = item.text ? labelledDates(item.text, lang) : [];
    const textLabel = textDates[0]?.label ?? null;
    if (textLabel === 'update') return;
    const attribute = item.kind === 'mark' ? (/^([\w-]+) /.exec(hint)?.[1] ?? '') : 'datetime';
    const own = attribute && item.kind === 'mark' ? hint.slice(attribute.length + 1) : hint;
    // title and content attributes count only on date markup (hAtom's <abbr class="published" title="…">).
    if ((attribute === 'title' || attribute === 'content') && !PUBLISH_HINT.test(own) && !/date|datum|time/.test(own)) return;
    const value = item.value ? readAttribute(item.value) : null;
    // The date the element shows wins over its machine value when they differ: it is the page's own day.
    const iso = textDates[0]?.iso && (!value || dayNumber(textDates[0].iso) !== dayNumber(value)) ? textDates[0].iso : (value ?? null);
    const close = item.at === 'article' || (near && item.n <= 6);
    const rank = strong
      ? close || !near
        ? 1.2
        : 3.6
      : PUBLISH_HINT.test(own) || textLabel === 'publish'
        ? 2
        : close
          ? 2.9
          : near
            ? 3.6
            : DATE_HINT.test(own)
              ? 3.7
              : 0;
    if (!rank) return;
    push(iso, item.text || item.value, rank, false);
    if (value && textDates[0] && near) push(textDates[0].iso, item.text, Math.max(rank, SHOWN_TIME), true);
    return;
  }
  // A run of text near the headline.
  if (COMMENT_TEXT.test(item.text)) return;
  const dated = DATE_HINT.test(hint) || BYLINE_TEXT.test(item.text);
  const first = !state.dateline;
  for (const found of labelledDates(item.text, lang)) {
    if (found.label === 'update') continue;
    state.dateline = true;
    if (found.label === 'publish') push(found.iso, found.written, first ? 3 : 3.3, true);
    else if (dated) push(found.iso, found.written, first ? 3.2 : LATER_RUN, true);
    else if (
      first &&
      (item.text.length <= 100 ? item.n <= (item.at === 'after' ? 8 : 3) : (found.index <= 40 && item.n <= 2) || (found.index <= 3 && item.n <= 6))
    )
      push(found.iso, found.written, 5, true);
    // Further into a line the date is a mention, not a dateline.
    break;
  }
}
