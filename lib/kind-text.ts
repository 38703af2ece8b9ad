/**
 * The kind of copy in the reader's language: the first words of the verdict on every surface (badge, card,
 * popup, toolbar title, history). The sentences are messages.json's `kind_*` entries, with the original's
 * publisher, the carrying site or the archive's capture time put in (core/kind-text.ts picks which).
 */
import { kindPhrases, type KindPhrase } from '@/core/kind-text';
import type { CopyKind, Provenance } from '@/core/types';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from './i18n';

type KindTextRecord = Pick<Provenance, 'kind' | 'url' | 'original' | 'chain' | 'page' | 'archive'>;

/** { label, detail }: "Copy of a Washington Post story" and "scraped by a feed site, no licence shown". A page that is not a copy: "Not a copy", no detail. */
export function kindText(record: KindTextRecord): { label: string; detail: string | null } {
  const phrases = kindPhrases(record);
  if (!phrases) return { label: t('kind_none'), detail: null };
  return { label: phraseText(phrases.label), detail: phrases.detail ? phraseText(phrases.detail) : null };
}

/** The label and the detail on one line, as the toolbar title and the export write it. */
export function kindLine(record: KindTextRecord): string {
  const { label, detail } = kindText(record);
  return detail ? `${label} · ${detail}` : label;
}

function phraseText(phrase: KindPhrase): string {
  const args = phrase.args.map((arg, index) => (index === phrase.dateArg ? readerDate(arg) : arg));
  return t(`kind_${phrase.id}` as MessageKey, args);
}

/** A capture time in the reader's language, in UTC (the archive's clock): "22 Feb 2025, 14:42 UTC". */
function readerDate(iso: string): string {
  const dayOnly = iso.length === 10;
  const date = new Date(dayOnly ? `${iso}T00:00:00Z` : iso);
  if (!Number.isFinite(date.getTime())) return iso;
  let locale: string | undefined;
  try {
    locale = browser.i18n.getUILanguage() || undefined;
  } catch {
    locale = undefined;
  }
  const options: Intl.DateTimeFormatOptions = dayOnly
    ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
    : { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(date);
  }
}

const KIND_NAMES: Record<CopyKind, MessageKey> = {
  scraped: 'kind_nameScraped',
  wire: 'kind_nameWire',
  partner: 'kind_namePartner',
  republication: 'kind_nameRepublication',
  'cross-post': 'kind_nameCrossPost',
  archive: 'kind_nameArchive',
  unknown: 'kind_nameUnknown',
};

/** Every kind of copy, in the order a filter lists them. */
export const COPY_KINDS: readonly CopyKind[] = ['scraped', 'wire', 'partner', 'republication', 'cross-post', 'archive', 'unknown'];

/** A kind's name alone ("Scraped copy", "Wire story"), for a filter or a column. */
export function kindName(kind: CopyKind): string {
  return t(KIND_NAMES[kind]);
}
