/**
 * Publish dates as pages write them → ISO-8601.
 *
 * The rule that matters: a date written without a time zone stays a local
 * date-time without an offset ("2025-02-22 14:42:26" → "2025-02-22T14:42:26").
 * A date with a zone keeps the zone as written (no conversion to UTC, which
 * would move late-evening stories to the next day). Forms seen in the wild:
 *   2025-02-22T14:42:26+01:00      article:published_time, JSON-LD
 *   2025-02-22 14:42:26            content-farm "Publish date :" footers
 *   20170309                       compact (rare; only with a plausible year)
 *   Tue, 22 Feb 2025 14:42:26 GMT  RSS / sailthru.date
 *   February 22, 2025 3:46 PM EST  bylines
 *   22 février 2025, 22. Februar 2025, 22 de febrero de 2025
 *   2017年3月9日                    Japanese pages
 *   1489053189 / 1489053189613     epoch seconds / milliseconds
 */
import { regex } from './regex';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * How month names begin in English, French, German, Spanish, Portuguese and
 * Italian: a name is read by its first three letters ("janvier", "Jan.",
 * "gennaio"), or four where French needs them (juin, juillet).
 */
const MONTHS: Record<string, number> = {};
for (const [
  index,
  starts,
] of 'jan ene gen|feb fév fev|mar mär|apr avr abr|may mai mag|jun juin giu|jul juil lug|aug aoû aou ago|sep set|oct okt out ott|nov|dec déc dez dic'
  .split('|')
  .entries()) {
  for (const start of starts.split(' ')) MONTHS[start] = index + 1;
}

/**
 * Month and weekday names as regex alternatives (no anchors, no flags; use with 'i'), in English, German,
 * French, Spanish, Portuguese and Italian, full and abbreviated: the text rules that must recognise a date
 * in a name (core/authors.ts, core/names.ts) share them.
 */
export const MONTH_NAME =
  'jan(?:uary|uar|vier|eiro)?|feb(?:ruary|ruar|rero)?|f[ée]v(?:rier)?|m[aä]r(?:ch|s|z|zo|ço)?|apr(?:il|ile)?|avr(?:il)?|abr(?:il)?|ma[iy]|mayo|maio|maggio|jun(?:e|i|io|ho)?|juin|giugno|jul(?:y|i|io|ho)?|juil(?:let)?|luglio|aug(?:ust)?|ao[uû]t|ago(?:sto)?|sep(?:t(?:ember|embre|iembre)?)?|set(?:embro|tembre)?|o[ck]t(?:ober|obre|ubre)?|out(?:ubro)?|ott(?:obre)?|nov(?:ember|embre|iembre)?|de[cz](?:ember|embro)?|d[ée]c(?:embre)?|dic(?:iembre|embre)?|enero|gennaio|febbraio';
export const WEEKDAY_NAME =
  'mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo';

/** Zone abbreviations → offset ("est=-05:00"); UTC and its aliases are "Z". */
const ZONES: Record<string, string> = Object.fromEntries(
  'z=Z utc=Z gmt=Z ut=Z est=-05:00 edt=-04:00 cst=-06:00 cdt=-05:00 mst=-07:00 mdt=-06:00 pst=-08:00 pdt=-07:00 bst=+01:00 cet=+01:00 cest=+02:00 jst=+09:00 ist=+05:30 aest=+10:00 aedt=+11:00'
    .split(' ')
    .map((pair) => pair.split('=')),
);

function zoneOf(raw: string | undefined): string {
  if (!raw) return '';
  const lower = raw.toLowerCase();
  if (ZONES[lower]) return ZONES[lower] ?? '';
  const offset = /^(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$/.exec(lower);
  if (!offset) return '';
  const hours = Number(offset[2]);
  const minutes = Number(offset[3] ?? 0);
  if (hours === 0 && minutes === 0) return 'Z';
  return `${offset[1]}${pad(hours)}:${pad(minutes)}`;
}

function valid(y: number, m: number, d: number, h = 0, min = 0, s = 0): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || h > 23 || min > 59 || s > 60) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function build(y: number, m: number, d: number, time: { h: number; min: number; s: number; frac?: string } | null, zone: string): string | null {
  if (!valid(y, m, d, time?.h, time?.min, time?.s)) return null;
  const day = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  if (!time) return day;
  return `${day}T${pad(time.h)}:${pad(time.min)}:${pad(time.s)}${time.frac ?? ''}${zone}`;
}

/** "2024-01-05", "2024/1/5": year, month, day. */
const ISO_DATE = String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})`;
/** "T10:46", " 10:46:00.123": hours, minutes, seconds, fraction. */
const ISO_TIME = String.raw`(?:T|\s+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*`;
/** "Z", "+02:00", "GMT+1", "CET". */
const ISO_ZONE = String.raw`(Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,4}\b)`;
const ISO = regex('i', ISO_DATE, `(?:${ISO_TIME}${ISO_ZONE}?)?`);
const TIME =
  /\b(\d{1,2})(?::|h)(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?(?:\s*\(?\s*(Z|UTC|GMT(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|[A-Z]{2,4})\b\)?)?/i;
const DAY_MONTH_YEAR = /\b(\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?([\p{L}]{3,10})\.?,?\s+(?:de\s+)?(\d{4})\b/u;
const MONTH_DAY_YEAR = /\b([\p{L}]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/u;
const JAPANESE = /(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日(?:[^\d]{0,6}(\d{1,2})[:時](\d{2}))?/;

/** Parse a date as written into ISO-8601; null when it is not a date we can read with confidence. */
export function parseDate(written: string): string | null {
  const text = written.trim().slice(0, 120);
  if (!text) return null;

  const iso = ISO.exec(text);
  if (iso) {
    const time = iso[4] !== undefined ? { h: Number(iso[4]), min: Number(iso[5]), s: Number(iso[6] ?? 0), frac: iso[7] } : null;
    return build(Number(iso[1]), Number(iso[2]), Number(iso[3]), time, zoneOf(iso[8]));
  }

  // Java's Date.toString(), which some CMSs print into metadata: "Mon Oct 11 14:57:21 CEST 2021".
  const java = /^[A-Za-z]{3}\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+([A-Z]{2,5})\s+(\d{4})$/.exec(text);
  if (java && MONTHS[java[1]!.toLowerCase()]) {
    return build(
      Number(java[7]),
      MONTHS[java[1]!.toLowerCase()]!,
      Number(java[2]),
      { h: Number(java[3]), min: Number(java[4]), s: Number(java[5]) },
      zoneOf(java[6]),
    );
  }
  if (/^\d{10}(?:\d{3})?$/.test(text)) {
    const ms = text.length === 13 ? Number(text) : Number(text) * 1000;
    const date = new Date(ms);
    return valid(date.getUTCFullYear(), 1, 1) ? date.toISOString().replace('.000Z', 'Z') : null;
  }
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return build(Number(compact[1]), Number(compact[2]), Number(compact[3]), null, '');

  const japanese = JAPANESE.exec(text);
  if (japanese) {
    const time = japanese[4] !== undefined ? { h: Number(japanese[4]), min: Number(japanese[5]), s: 0 } : null;
    return build(Number(japanese[1]), Number(japanese[2]), Number(japanese[3]), time, '');
  }

  let y = 0;
  let m = 0;
  let d = 0;
  let rest = '';
  const dmy = DAY_MONTH_YEAR.exec(text);
  const mdy = MONTH_DAY_YEAR.exec(text);
  const monthOf = (name: string | undefined): number => {
    const lower = (name ?? '').toLowerCase();
    return MONTHS[lower.slice(0, 3)] ?? MONTHS[lower.slice(0, 4)] ?? 0;
  };
  if (mdy && monthOf(mdy[1])) {
    [y, m, d] = [Number(mdy[3]), monthOf(mdy[1]), Number(mdy[2])];
    rest = text.slice(mdy.index + mdy[0].length);
  } else if (dmy && monthOf(dmy[2])) {
    [y, m, d] = [Number(dmy[3]), monthOf(dmy[2]), Number(dmy[1])];
    rest = text.slice(dmy.index + dmy[0].length);
  } else {
    return null;
  }
  const clock = TIME.exec(rest);
  let time: { h: number; min: number; s: number } | null = null;
  let zone = '';
  if (clock) {
    let h = Number(clock[1]);
    const meridiem = clock[4]?.[0]?.toLowerCase();
    if (meridiem === 'p' && h < 12) h += 12;
    if (meridiem === 'a' && h === 12) h = 0;
    time = { h, min: Number(clock[2]), s: Number(clock[3] ?? 0) };
    zone = zoneOf(clock[5]);
  }
  return build(y, m, d, time, zone);
}

/**
 * A date in a URL path: /2025/02/22/, /2025-02-22-slug, /2025-02/22/, /20250222/, /news_20250222.html, a slug's
 * 22-02-2025 or 22.02.2025 (day first, and only when the day is over 12). A year and month alone are
 * not a day, nor /2025/02/2-things (a slug that starts with a number).
 */
export function dateFromUrlPath(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const slashed = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$|\.html?$)/.exec(path);
  if (slashed) return build(Number(slashed[1]), Number(slashed[2]), Number(slashed[3]), null, '');
  const dashed = /(?<![\d.])((?:19|20)\d{2})[-_](\d{2})[-_/](\d{2})(?![\d])/.exec(path);
  if (dashed) return build(Number(dashed[1]), Number(dashed[2]), Number(dashed[3]), null, '');
  const compact = /(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)/.exec(path);
  if (compact) return build(Number(compact[1]), Number(compact[2]), Number(compact[3]), null, '');
  const dayFirst = /(?<![\d.])(\d{2})([-.])(\d{2})\2((?:19|20)\d{2})(?![\d])/.exec(path);
  if (dayFirst && Number(dayFirst[1]) > 12) return build(Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1]), null, '');
  return null;
}

/**
 * Month names as written in running text, by language: full names and their usual abbreviations
 * (English, German, French, Spanish, Italian, Portuguese, Dutch, Danish/Norwegian/Swedish, Polish,
 * Czech, Turkish, Russian, Finnish, Indonesian, Hungarian, Romanian). Only whole words count in text
 * (parseDate's three-letter reading is for metadata values).
 */
const TEXT_MONTHS: Record<string, number> = {};
for (const [index, names] of [
  'january jan januar jän jänner janvier janv enero ene gennaio gen janeiro januari stycznia styczeń styczen ledna leden ocak января январь tammikuuta január ianuarie',
  'february feb februar février fevrier févr fevr fév fev febrero febbraio fevereiro februari lutego luty února únor unora şubat subat февраля февраль helmikuuta február februarie',
  'march mar märz mär mrz maerz mars marzo março marco maart mrt marts marca marzec března březen brezna mart марта март maaliskuuta maret március martie',
  'april apr avril avr abril abr aprile kwietnia kwiecień kwiecien dubna duben nisan апреля апрель huhtikuuta április aprilie',
  'may mai mayo maggio mag maio mei maj maja května květen kvetna mayıs mayis мая май toukokuuta május',
  'june jun juni juin junio giugno giu junho czerwca czerwiec června červen cervna haziran июня июнь kesäkuuta június iunie',
  'july jul juli juillet juil julio luglio lug julho lipca lipiec července červenec cervence temmuz июля июль heinäkuuta július iulie',
  'august aug août aout agosto ago augustus augusti sierpnia sierpień sierpien srpna srpen ağustos agustos августа август elokuuta agustus augusztus',
  'september sep sept septembre septiembre setiembre settembre set setembro września wrzesień wrzesnia wrzesien září zari eylül eylul сентября сентябрь syyskuuta szeptember septembrie',
  'october oct oktober okt octobre octubre ottobre ott outubro out października październik pazdziernika października října říjen rijna ekim октября октябрь lokakuuta október octombrie',
  'november nov novembre noviembre novembro listopada listopad listopadu kasım kasim ноября ноябрь marraskuuta noiembrie',
  'december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro desember grudnia grudzień grudzien prosince prosinec aralık aralik декабря декабрь joulukuuta decembrie',
].entries()) {
  for (const name of names.split(' ')) TEXT_MONTHS[name] = index + 1;
}

/** A date found in running text: where it starts and ends, the ISO value, and whether its order had to be guessed. */
interface TextDate {
  iso: string;
  index: number;
  end: number;
  written: string;
}

const NAME = '(\\p{L}{3,12})';
const YEAR = '((?:19|20)\\d{2})';
const TEXT_PATTERNS: { re: RegExp; read: (m: RegExpExecArray, lang: string) => [number, number, number] | null }[] = [
  // 2020-01-02, 2020/01/02, 2020.01.02, Korean 2020. 1. 2.
  {
    re: new RegExp(`(?<![\\d.])${YEAR}(?:([-/.])(\\d{1,2})\\2(\\d{1,2})|\\.\\s(\\d{1,2})\\.\\s(\\d{1,2}))(?![\\d])`, 'gu'),
    read: (m) => [Number(m[1]), Number(m[3] ?? m[5]), Number(m[4] ?? m[6])],
  },
  // 2020年1月2日, 2020년 1월 2일
  {
    re: new RegExp(`${YEAR}\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]?`, 'gu'),
    read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
  // 2. Januar 2020, 2 janvier 2020, 2 de enero de 2020, 2nd of January, 2020, 21. Jan. 2015, 26 Mai, 2008
  {
    re: new RegExp(
      `(?<![\\d\\p{L}])(\\d{1,2})(?:st|nd|rd|th|er|e|º|°)?\\.?\\s*(?:de\\s+|of\\s+|-\\s*)?${NAME}\\.?,?\\s*(?:de\\s+|del\\s+|-\\s*)?${YEAR}(?!\\d)`,
      'gu',
    ),
    read: (m) => (TEXT_MONTHS[m[2]!.toLowerCase()] ? [Number(m[3]), TEXT_MONTHS[m[2]!.toLowerCase()]!, Number(m[1])] : null),
  },
  // January 2, 2020, Jan. 2nd 2020, Juli 12, 2017
  {
    re: new RegExp(`(?<![\\p{L}])${NAME}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}(?!\\d)`, 'gu'),
    read: (m) => (TEXT_MONTHS[m[1]!.toLowerCase()] ? [Number(m[3]), TEXT_MONTHS[m[1]!.toLowerCase()]!, Number(m[2])] : null),
  },
  // 02.01.2020, 2.1.2020, 02.01.20 (European order)
  {
    re: /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2}|\d{2})(?![\d]|\.\d)/gu,
    read: (m) => (m[3]!.length === 2 && (m[1]!.length < 2 || m[2]!.length < 2) ? null : [yearOf(m[3]!), Number(m[2]), Number(m[1])]),
  },
  // 01/02/2020, 01-02-2020: day first, unless a part over 12 or a US page says otherwise
  {
    re: /(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2((?:19|20)\d{2}|\d{2})(?![\d/-])/gu,
    read: (m, lang) =>
      m[4]!.length === 2 && (m[1]!.length < 2 || m[3]!.length < 2) ? null : slashed(Number(m[1]), Number(m[3]), yearOf(m[4]!), lang),
  },
];

function yearOf(written: string): number {
  return written.length === 2 ? 2000 + Number(written) : Number(written);
}

/** d/m/y or m/d/y: settled by a part over 12, else by the page's language (m/d only on en-US pages); null when it stays open. */
function slashed(first: number, second: number, year: number, lang: string): [number, number, number] | null {
  if (first > 12 && second <= 12) return [year, second, first];
  if (second > 12 && first <= 12) return [year, first, second];
  if (first === second) return [year, first, second];
  if (!lang) return null;
  if (/^en[-_]us$/.test(lang)) return [year, first, second];
  if (/^en$/.test(lang)) return null;
  return [year, second, first];
}

const TEXT_TIME =
  /^[\s,|/·–—-]*(?:(?:um|at|à|a las|alle|às|o|kl\.?|klo)\s+)?(\d{1,2})(?::|h|\.(?=\d\d\s*(?:uhr|h\b)))(\d{2})(?::(\d{2}))?\s*(?:uhr|h)?\s*([ap]\.?m\.?)?/i;

/**
 * Every date written in a text, in order: numeric (ISO, European d.m.y, d/m/y settled by the page
 * language `lang`, lower case), month names in the major European languages, and CJK/Korean forms;
 * a clock time right after it is kept ("22.12.2012, 11:51"). Overlapping matches keep the earliest.
 */
export function findDates(text: string, lang = ''): TextDate[] {
  const found: TextDate[] = [];
  for (const { re, read } of TEXT_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const parts = read(m, lang);
      if (!parts) continue;
      const [y, mo, d] = parts;
      let end = m.index + m[0].length;
      const clock = TEXT_TIME.exec(text.slice(end, end + 24));
      let time: { h: number; min: number; s: number } | null = null;
      if (clock) {
        let h = Number(clock[1]);
        const meridiem = clock[4]?.[0]?.toLowerCase();
        if (meridiem === 'p' && h < 12) h += 12;
        if (meridiem === 'a' && h === 12) h = 0;
        if (h <= 23 && Number(clock[2]) <= 59) {
          time = { h, min: Number(clock[2]), s: Number(clock[3] ?? 0) };
          end += clock[0].length;
        }
      }
      const iso = build(y, mo, d, time, '');
      if (!iso) continue;
      if (found.some((f) => m!.index < f.end && f.index < end)) continue;
      found.push({ iso, index: m.index, end, written: text.slice(m.index, end).trim() });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
