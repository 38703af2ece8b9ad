/**
 * How long after the original a copy appeared, in words a reader takes in at
 * a glance ("4 days later").
 */
import { COMPARE_TEXT, formatAmount, type CompareStrings, type DelayUnit } from './strings';

export interface PublicationDelay {
  /** Copy minus original, in milliseconds; negative when the copy is dated first. Null when a date is missing or unreadable. */
  ms: number | null;
  text: string | null;
  /**
   * True when a date had no time zone (or no time): both are then read as
   * wall-clock times in one zone, which can be off by the zones' difference.
   */
  approximate: boolean;
}

interface ParsedDate {
  /** The written date and time read as if it were UTC: the wall clock, zone ignored. */
  wallMs: number;
  /** The real instant, when the date carried a zone. */
  instantMs: number | null;
  dateOnly: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * ISO-8601 calendar dates, with an optional time and zone. A space instead of
 * 'T' is accepted because pages print "2025-02-22 14:42:26" and a caller may
 * pass that on unchanged.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function parseIsoDate(value: string | null): ParsedDate | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour ?? 0);
  const mi = Number(minute ?? 0);
  // A leap second (":60") is read as :59 rather than rejected.
  const s = Math.min(Number(second ?? 0), 59);
  const ms = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || Number(second ?? 0) > 60) return null;
  const wall = new Date(0);
  wall.setUTCFullYear(y, mo - 1, d);
  wall.setUTCHours(h, mi, s, ms);
  // Date.UTC rolls "02-30" over to March; a date that does not exist is unreadable, not March 2nd.
  if (wall.getUTCMonth() !== mo - 1 || wall.getUTCDate() !== d) return null;
  const wallMs = wall.getTime();
  let instantMs: number | null = null;
  if (zone) {
    if (/^z$/i.test(zone)) instantMs = wallMs;
    else {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      const offsetHours = Number(digits.slice(0, 2));
      const offsetMinutes = Number(digits.slice(2) || 0);
      if (offsetHours > 23 || offsetMinutes > 59) return null;
      instantMs = wallMs - sign * (offsetHours * HOUR + offsetMinutes * MINUTE);
    }
  }
  return { wallMs, instantMs, dateOnly: hour === undefined };
}

function largestUnit(absMs: number): { amount: number; unit: DelayUnit } {
  if (absMs < HOUR) return { amount: Math.floor(absMs / MINUTE), unit: 'minute' };
  if (absMs < DAY) return { amount: Math.floor(absMs / HOUR), unit: 'hour' };
  const days = Math.floor(absMs / DAY);
  if (days <= 30) return { amount: days, unit: 'day' };
  if (days < 365) return { amount: Math.max(1, Math.floor(days / 30.4375)), unit: 'month' };
  return { amount: Math.floor(days / 365.2425) || 1, unit: 'year' };
}

type DelayParts = { kind: 'same-day' } | { kind: 'same-time' } | { kind: 'later' | 'before'; amount: number; unit: DelayUnit };

/**
 * What a delay says, before it is put in words: whole units, rounded down
 * ("4 days later" for 4 days 4 hours), so the text never claims more time
 * than passed. `dayPrecision`: a date had no time, so under a day is "the same day".
 */
export function delayParts(ms: number, dayPrecision: boolean): DelayParts {
  const absMs = Math.abs(ms);
  if (dayPrecision && absMs < DAY) return { kind: 'same-day' };
  if (absMs < MINUTE) return { kind: 'same-time' };
  return { kind: ms > 0 ? 'later' : 'before', ...largestUnit(absMs) };
}

function describeDelay(ms: number, dayPrecision: boolean, strings: CompareStrings): string {
  const parts = delayParts(ms, dayPrecision);
  if (parts.kind === 'same-day') return strings.delay.sameDay;
  if (parts.kind === 'same-time') return strings.delay.sameTime;
  return formatAmount(parts.kind === 'later' ? strings.delay.later : strings.delay.before, parts.amount, parts.unit, strings);
}

/**
 * The copy's delay after the original. When both dates carry a zone the
 * delay is exact. When either lacks one, both are read as local times in the
 * same zone (the design rule: never invent an offset) and the result is marked
 * approximate. A date without a time is compared by calendar day.
 */
export function publicationDelay(
  originalPublishedAt: string | null,
  copyPublishedAt: string | null,
  strings: CompareStrings = COMPARE_TEXT,
): PublicationDelay {
  const original = parseIsoDate(originalPublishedAt);
  const copy = parseIsoDate(copyPublishedAt);
  if (!original || !copy) return { ms: null, text: null, approximate: false };
  if (original.instantMs !== null && copy.instantMs !== null) {
    const ms = copy.instantMs - original.instantMs;
    return { ms, text: describeDelay(ms, false, strings), approximate: false };
  }
  if (original.dateOnly || copy.dateOnly) {
    const days = Math.floor(copy.wallMs / DAY) - Math.floor(original.wallMs / DAY);
    const ms = days * DAY;
    return { ms, text: describeDelay(ms, true, strings), approximate: true };
  }
  const ms = copy.wallMs - original.wallMs;
  return { ms, text: describeDelay(ms, false, strings), approximate: true };
}
