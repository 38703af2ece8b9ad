/**
 * The English the comparison module writes, the publication delay's words, in
 * one object, so a translation is one new object of the same shape (pass it as
 * `strings`). Its verdicts are codes: core/report.ts and the extension's
 * messages word them.
 * Templates use {amount} / {unit} placeholders rather than concatenation
 * because word order differs between languages ("il y a 4 jours").
 */

export type DelayUnit = 'minute' | 'hour' | 'day' | 'month' | 'year';

/** Plural forms keyed by Intl.PluralRules categories; 'other' is the fallback. */
type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface CompareStrings {
  /** BCP 47 tag used to pick plural forms. */
  locale: string;
  delay: {
    /** Both dates agree to the minute. */
    sameTime: string;
    /** Both dates fall on the same calendar day and at least one has no time of day. */
    sameDay: string;
    later: string;
    before: string;
    units: Record<DelayUnit, PluralForms>;
  };
}

export const COMPARE_TEXT: CompareStrings = {
  locale: 'en',
  delay: {
    sameTime: 'at the same time',
    sameDay: 'the same day',
    later: '{amount} {unit} later',
    before: 'published {amount} {unit} before the original',
    units: {
      minute: { one: 'minute', other: 'minutes' },
      hour: { one: 'hour', other: 'hours' },
      day: { one: 'day', other: 'days' },
      month: { one: 'month', other: 'months' },
      year: { one: 'year', other: 'years' },
    },
  },
};

/** Fill "{amount} {unit} later" for a whole amount of a unit, with the right plural form. */
export function formatAmount(template: string, amount: number, unit: DelayUnit, strings: CompareStrings): string {
  const forms = strings.delay.units[unit];
  let category: Intl.LDMLPluralRule = 'other';
  try {
    category = new Intl.PluralRules(strings.locale).select(amount);
  } catch {
    // An unknown locale tag in a translation must not break the popup; fall back to 'other'.
  }
  const unitWord = forms[category] ?? forms.other;
  return template.replace('{amount}', String(amount)).replace('{unit}', unitWord);
}
