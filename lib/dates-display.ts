/**
 * Dates as the reader reads them: in the interface's language (the one the
 * browser chose for messages.json), never claiming more than the page said.
 *
 * - A date alone stays a date: "22 févr. 2025", no time, no zone.
 * - A time without a zone stays a wall-clock time: "22 févr. 2025, 14:42", no
 *   zone invented (core/types.ts PageInfo).
 * - An instant (a zone was given) is shown in the reader's own time zone, with
 *   the zone's name: "18 févr. 2025, 16:00 UTC+1".
 * - Anything else is shown as it was written.
 * The page's own wording stays available beside it (DateText, components/).
 */
import { browser } from 'wxt/browser';
import { COMPARE_TEXT, delayParts, type PublicationDelay } from '@/core/compare';
import { t } from './i18n';

/** The interface's language ("fr", "en-US"), as browser.i18n chose it; English when the browser does not say. */
export function uiLocale(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/** ISO 8601 with an optional time and zone; a space for 'T' too ("2025-02-22 14:42:26", as pages print it). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

type ReadDate = { kind: 'date'; wallMs: number } | { kind: 'local'; wallMs: number } | { kind: 'instant'; ms: number };

/** What a date value says: a day, a wall-clock time without zone, or an instant. Null when it is not ISO 8601 or does not exist (Feb 30). */
export function readDate(value: string): ReadDate | null {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, zone] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour ?? '0', minute ?? '0', second ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return null;
  const wall = new Date(0);
  wall.setUTCFullYear(y, mo - 1, d);
  wall.setUTCHours(h, mi, Math.min(s, 59), 0);
  if (wall.getUTCMonth() !== mo - 1 || wall.getUTCDate() !== d) return null;
  const wallMs = wall.getTime();
  if (hour === undefined) return { kind: 'date', wallMs };
  if (!zone) return { kind: 'local', wallMs };
  if (/^z$/i.test(zone)) return { kind: 'instant', ms: wallMs };
  const digits = zone.slice(1).replace(':', '');
  const offsetHours = Number(digits.slice(0, 2));
  const offsetMinutes = Number(digits.slice(2) || 0);
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  const sign = zone.startsWith('-') ? -1 : 1;
  return { kind: 'instant', ms: wallMs - sign * (offsetHours * 3_600_000 + offsetMinutes * 60_000) };
}

interface DisplayOptions {
  /** The language to write in; the interface's by default. */
  locale?: string;
  /** Where an instant is shown: the reader's zone by default ("UTC" for an archive's clock). */
  timeZone?: string;
}

const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

function format(ms: number, options: Intl.DateTimeFormatOptions, locale: string | undefined): string {
  try {
    return new Intl.DateTimeFormat(locale, options).format(ms);
  } catch {
    // A language tag or zone this browser's Intl does not know: its default language, same fields.
    return new Intl.DateTimeFormat(undefined, {
      ...options,
      timeZone: options.timeZone && /^utc$/i.test(options.timeZone) ? 'UTC' : undefined,
    }).format(ms);
  }
}

/**
 * A date value from a page or a record, in the reader's language, or the
 * value itself when it cannot be read (a page's "Friday, 3 PM" is shown as written).
 */
export function displayDate(value: string, options: DisplayOptions = {}): string {
  const read = readDate(value);
  const locale = options.locale ?? uiLocale();
  if (!read) return value;
  // Day and wall-clock values are formatted in UTC: the fields come out exactly as written, in no zone.
  if (read.kind === 'date') return format(read.wallMs, { ...DAY, timeZone: 'UTC' }, locale);
  if (read.kind === 'local') return format(read.wallMs, { ...DAY, ...TIME, timeZone: 'UTC' }, locale);
  return format(read.ms, { ...DAY, ...TIME, timeZone: options.timeZone, timeZoneName: 'short' }, locale);
}

/** A moment the extension itself recorded (a visit, a check), in the reader's zone and language: "22 févr. 2025, 14:42". */
export function displayMoment(ms: number, options: DisplayOptions = {}): string {
  return format(ms, { ...DAY, ...TIME, timeZone: options.timeZone }, options.locale ?? uiLocale());
}

/**
 * How long after the original the copy appeared, in the reader's language
 * ("4 jours plus tard"), from the comparison's delay (whose own text is the
 * engine's English). Null when the delay is unknown.
 */
export function displayDelay(delay: PublicationDelay, options: { locale?: string } = {}): string | null {
  if (delay.ms === null) return null;
  // Under a day, a comparison by calendar day (a date without time) said "the same day": the engine writes it in COMPARE_TEXT.
  const parts = delayParts(delay.ms, delay.ms === 0 && delay.text === COMPARE_TEXT.delay.sameDay);
  if (parts.kind === 'same-day') return t('locale_delaySameDay');
  if (parts.kind === 'same-time') return t('locale_delaySameTime');
  let amount: string;
  try {
    amount = new Intl.NumberFormat(options.locale ?? uiLocale(), { style: 'unit', unit: parts.unit, unitDisplay: 'long' }).format(parts.amount);
  } catch {
    amount = new Intl.NumberFormat(undefined, { style: 'unit', unit: parts.unit, unitDisplay: 'long' }).format(parts.amount);
  }
  return t(parts.kind === 'later' ? 'locale_delayLater' : 'locale_delayBefore', amount);
}
