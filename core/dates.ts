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

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * How month names begin in English, French, German, Spanish, Portuguese and
 * Italian: a name is read by its first three letters ("janvier", "Jan.",
 * "gennaio"), or four where French needs them (juin, juillet).
 */
const MONTHS: Record<string, number> = {};
for (const [index, starts] of 'jan ene gen|feb fév fev|mar mär|apr avr abr|may mai mag|jun juin giu|jul juil lug|aug aoû aou ago|sep set|oct okt out ott|nov|dec déc dez dic'.split('|').entries()) {
  for (const start of starts.split(' ')) MONTHS[start] = index + 1;
}

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

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:T|\s+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,4}\b)?)?/i;
const TIME = /\b(\d{1,2})(?::|h)(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?(?:\s*\(?\s*(Z|UTC|GMT(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|[A-Z]{2,4})\b\)?)?/i;
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

/** A date in a URL path: /2025/02/22/ or /2025-02-22/ (a year and month alone are not a day). */
export function dateFromUrlPath(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const match = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)/.exec(path);
  return match ? build(Number(match[1]), Number(match[2]), Number(match[3]), null, '') : null;
}
