/**
 * A piece of evidence in the reader's language: its sentence (the engine's `say`, messages.json's
 * `locale_signal_<id>` with the names put in) and where it was found ("fin de l'article, signature").
 * Small and DOM-free: the badge's card in the content script uses it too.
 */
import type { Signal } from '@/core/types';
import { t, type MessageKey } from './i18n';

/** The signal's sentence translated; the engine's English when it has no id (a record kept from before) or the id has no message. */
export function signalText(signal: Pick<Signal, 'detail' | 'say'>): string {
  if (!signal.say) return signal.detail;
  const text = t(`locale_signal_${signal.say.id}` as MessageKey, signal.say.args);
  return text === `locale_signal_${signal.say.id}` ? signal.detail : text;
}

/** The parts of a location the engine writes in words (core/signals), by message key; the rest is markup or a field name, shown as it is. */
const PLACES: Record<string, MessageKey> = {
  'page address': 'locale_place_pageAddress',
  'copyright line': 'locale_place_copyrightLine',
  'headline suffix': 'locale_place_headlineSuffix',
  'link to the original': 'locale_place_linkToTheOriginal',
  title: 'locale_place_title',
  reblog: 'locale_place_reblog',
  'source field': 'locale_place_sourceField',
  'courtesy line': 'locale_place_courtesyLine',
  byline: 'locale_place_byline',
  'start of the article': 'locale_place_startOfTheArticle',
  'end of the article': 'locale_place_endOfTheArticle',
  'page footer': 'locale_place_pageFooter',
  'source credit': 'locale_place_sourceCredit',
  'source link': 'locale_place_sourceLink',
  'tracking pixel': 'locale_place_trackingPixel',
  dateline: 'locale_place_dateline',
  'closing credit': 'locale_place_closingCredit',
  'distribution line': 'locale_place_distributionLine',
  'agency credit': 'locale_place_agencyCredit',
  'source line': 'locale_place_sourceLine',
  'credit line': 'locale_place_creditLine',
  'republication credit': 'locale_place_republicationCredit',
  'WordPress feed footer': 'locale_place_wordpressFeedFooter',
  'feed footer': 'locale_place_feedFooter',
  'credit link': 'locale_place_creditLink',
  engine: 'locale_place_engine',
};

/** "end of the article, byline" → "fin de l'article, signature"; '"Source link" line' → 'ligne « Source link »'. */
export function placeText(location: string): string {
  return location
    .split(/(, |; )/)
    .map((part, index) => {
      if (index % 2 === 1) return part;
      const key = PLACES[part];
      if (key) return t(key);
      const line = /^"(.+)" line$/.exec(part);
      if (line) return t('locale_place_labelledLine', line[1]!);
      const markup = /^provider markup \((.+)\)$/.exec(part);
      if (markup) return t('locale_place_providerMarkup', markup[1]!);
      return part;
    })
    .join('');
}

/** Whether `placeText` words every part of `location` that is words, not markup or a field name (for the tests). */
export function placeIsWorded(location: string): boolean {
  return location
    .split(/, |; /)
    .every(
      (part) =>
        part in PLACES || /^"(.+)" line$/.test(part) || /^provider markup \(.+\)$/.test(part) || /[<>:]|JSON-LD|^[a-z]+(?:[-_][a-z]+)*$/.test(part),
    );
}
