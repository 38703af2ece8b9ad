/**
 * Is a text a publisher's name? What the engine reports as a publisher was read
 * from a credit, a byline, a title suffix or markup, and some of those read a
 * date ("Apr 8"), a time, a dateline ("WASHINGTON (AP) —") or a label instead:
 * those are never a publisher. Checked where the record's publisher is set
 * (core/detect.ts).
 */
import { MONTH_NAME, WEEKDAY_NAME } from './dates';
import { oneOf, regex } from './regex';

/** A date: "04.02.2022", "2020-02-19", "8 avril 2020", "Apr 8, 2020", "April 2020", "2020". */
const DATE = oneOf(
  String.raw`\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?`,
  String.raw`\d{1,2}\.?\s*(?:${MONTH_NAME})\.?(?:\s*\d{2,4})?`,
  String.raw`(?:${MONTH_NAME})\.?\s*\d{1,2}(?:st|nd|rd|th)?,?(?:\s*\d{4})?`,
  String.raw`(?:${MONTH_NAME})\.?\s+\d{4}`,
  String.raw`\d{4}`,
);
/** A date or a time, alone or with a weekday: "Apr 8", "8 avril 2020", "Freitag, 04.02.2022", "10:46 PM", "2020-02-19". */
const DATE_LIKE = regex(
  'iu',
  String.raw`^(?:(?:${WEEKDAY_NAME})\.?,?\s*)?`,
  `${DATE}?`,
  String.raw`(?:[,\s|·-]*\d{1,2}[:.h]\d{2}(?:\s*(?:[ap]\.?m\.?|uhr))?)?$`, // a time: "10:46 PM", "14.30 Uhr"
);
/** Words that label a credit instead of naming anyone. */
const LABEL = regex(
  'i',
  '^',
  oneOf(
    // "Source:", "Quelle:", "Source link:" and the like.
    'source|sources|quelle|fuente|fonte|source link|link|original',
    // A link's text.
    'here|this|read more|more',
    // A date's label, a credit's word.
    'updated|published|posted|by|via|the',
    // Nobody in particular.
    'unknown|admin|staff|agencies|agenturen|redaktion|editor|author',
    'copyright|all rights reserved',
  ),
  '$',
);

export function isPublisherName(raw: string | null | undefined): boolean {
  if (!raw) return false;
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name.length < 2 || name.length > 90 || name.split(' ').length > 10) return false;
  // A name has letters; more digits than letters is a date, a time or an id.
  const letters = (name.match(/\p{L}/gu) ?? []).length;
  const digits = (name.match(/\d/g) ?? []).length;
  if (!letters || digits > letters) return false;
  if (DATE_LIKE.test(name) || new RegExp(`^(?:${WEEKDAY_NAME})$`, 'iu').test(name)) return false;
  // A dateline ("WASHINGTON (AP) —", "Berlin (dpa) -") or a sentence.
  if (/^(?:[\p{Lu}][\p{L}.'’-]*[\s,/]*){1,4}\((?:[A-Za-z]{2,6}(?:\/[A-Za-z]{1,4})*)\)\s*[-—–:]*\s*$/u.test(name)) return false;
  if (/[-—–:]$/u.test(name) || /[.!?]$/.test(name.replace(/\b(?:Inc|Ltd|Co|Corp|Jr|Sr|St|S\.A|A\.G|e\.V)\.$/i, ''))) return false;
  if (/^https?:\/\/|@/.test(name)) return false;
  return !LABEL.test(name);
}
