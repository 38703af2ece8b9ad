import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { publicationDelay } from '@/core/compare';
import { displayDate, displayDelay, displayMoment, readDate, uiLocale } from '@/lib/dates-display';
import { getMessageIn } from './locale-messages';

/** Intl writes no-break and narrow no-break spaces ("2:42 PM", "4 jours"); compared as plain spaces. */
const plain = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, ' ') ?? null;

function browserIn(locale: 'en' | 'fr', uiLanguage: string): void {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessageIn(locale) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => uiLanguage;
}

describe('reading a date value', () => {
  it('tells a day, a wall-clock time without zone and an instant apart', () => {
    expect(readDate('2025-02-22')).toEqual({ kind: 'date', wallMs: Date.UTC(2025, 1, 22) });
    expect(readDate('2025-02-22 14:42:26')).toEqual({ kind: 'local', wallMs: Date.UTC(2025, 1, 22, 14, 42, 26) });
    expect(readDate('2025-02-22T14:42:26')).toEqual({ kind: 'local', wallMs: Date.UTC(2025, 1, 22, 14, 42, 26) });
    expect(readDate('2025-02-18T10:00:00-05:00')).toEqual({ kind: 'instant', ms: Date.UTC(2025, 1, 18, 15) });
    expect(readDate('2025-02-18T15:00:00Z')).toEqual({ kind: 'instant', ms: Date.UTC(2025, 1, 18, 15) });
    expect(readDate('2025-02-18T20:30+0530')).toEqual({ kind: 'instant', ms: Date.UTC(2025, 1, 18, 15) });
  });

  it('refuses what is not a date or does not exist', () => {
    for (const value of ['2025-02-30', '2025-13-01', 'Friday, 3 PM', '22/02/2025', '2025-02-22T25:00', '']) expect(readDate(value), value).toBeNull();
  });
});

describe.each([
  {
    locale: 'en' as const,
    ui: 'en-US',
    day: 'Feb 22, 2025',
    local: 'Feb 22, 2025, 2:42 PM',
    instantParis: 'Feb 18, 2025, 4:00 PM GMT+1',
    instantUtc: 'Feb 18, 2025, 3:00 PM UTC',
    later: '4 days later',
    before: 'published 2 hours before the original',
    sameDay: 'the same day',
    sameTime: 'at the same time',
  },
  {
    locale: 'fr' as const,
    ui: 'fr',
    day: '22 févr. 2025',
    local: '22 févr. 2025, 14:42',
    instantParis: '18 févr. 2025, 16:00 UTC+1',
    instantUtc: '18 févr. 2025, 15:00 UTC',
    later: '4 jours plus tard',
    before: "publié 2 heures avant l'original",
    sameDay: 'le même jour',
    sameTime: 'au même moment',
  },
])('dates in $locale', (expected) => {
  beforeEach(() => browserIn(expected.locale, expected.ui));

  it('follows the interface language the browser chose', () => {
    expect(uiLocale()).toBe(expected.ui);
  });

  it('keeps a date alone a date: no time, no zone', () => {
    expect(plain(displayDate('2025-02-22'))).toBe(expected.day);
  });

  it('keeps a time without zone a wall-clock time: no zone invented', () => {
    expect(plain(displayDate('2025-02-22 14:42:26'))).toBe(expected.local);
    expect(plain(displayDate('2025-02-22T14:42:26'))).toBe(expected.local);
    // Whatever the reader's zone: the fields are the page's.
    expect(plain(displayDate('2025-02-22T14:42:26', { timeZone: 'Pacific/Auckland' }))).toBe(expected.local);
  });

  it("shows an instant in the reader's zone, naming it", () => {
    expect(plain(displayDate('2025-02-18T10:00:00-05:00', { timeZone: 'Europe/Paris' }))).toBe(expected.instantParis);
    expect(plain(displayDate('2025-02-18T15:00:00Z', { timeZone: 'UTC' }))).toBe(expected.instantUtc);
  });

  it('shows what it cannot read as it was written', () => {
    expect(displayDate('Friday, 3 PM')).toBe('Friday, 3 PM');
  });

  it('writes a moment the extension recorded in the same style', () => {
    expect(plain(displayMoment(Date.UTC(2025, 1, 22, 14, 42), { timeZone: 'UTC' }))).toBe(expected.local);
  });

  it('says the delay after the original in the same language', () => {
    expect(plain(displayDelay(publicationDelay('2025-02-18T10:00:00-05:00', '2025-02-22T16:00:00-05:00')))).toBe(expected.later);
    expect(plain(displayDelay(publicationDelay('2025-02-18T12:00:00Z', '2025-02-18T10:00:00Z')))).toBe(expected.before);
    expect(displayDelay(publicationDelay('2025-02-18', '2025-02-18T09:00:00'))).toBe(expected.sameDay);
    expect(displayDelay(publicationDelay('2025-02-18T09:00:00Z', '2025-02-18T09:00:30Z'))).toBe(expected.sameTime);
    expect(displayDelay(publicationDelay(null, '2025-02-18'))).toBeNull();
  });
});

describe('a language Intl does not know', () => {
  beforeEach(() => browserIn('en', 'not a language tag!'));

  it('still shows the date, in the default language', () => {
    expect(plain(displayDate('2025-02-22'))).toMatch(/2025/);
    expect(displayDelay(publicationDelay('2025-02-18T10:00:00Z', '2025-02-22T10:00:00Z'))).toMatch(/4/);
  });
});
