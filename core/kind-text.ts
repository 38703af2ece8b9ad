/**
 * The kind of copy in words: which sentence and which names go in it. The extension words it through its
 * messages (lib/kind-text.ts: key `kind_<id>`, the names as substitutions), the command line in English here
 * (`KIND_ENGLISH`, the same sentences as public/_locales/en/messages.json, checked by tests/unit/kind.test.ts).
 *
 *   scraped        "Copy of a Washington Post story" · "scraped by a feed site, no licence shown"
 *   wire           "AP wire story"
 *   partner        "Business Insider article, carried by MSN"
 *   republication  "Republished from ProPublica under its licence"
 *   cross-post     "Cross-posted by the author from their blog" · "first published on example.substack.com"
 *   archive        "Archived copy of washingtonpost.com" · "captured 22 Feb 2025, 14:42 UTC (Wayback Machine)"
 *   unknown        "Copy of a Washington Post story" · "the page does not say how it was copied"
 */
import { onAuthorsSite } from './kind';
import type { CopyKind, Provenance } from './types';
import { displayHost, registrableDomain } from './url';

/** One sentence: its id (the message key without `kind_`) and the names and dates put in it. */
export interface KindPhrase {
  id: KindPhraseId;
  args: string[];
  /** Index in `args` of an ISO date to show in the reader's way. */
  dateArg?: number;
}

type KindPhraseId = keyof typeof KIND_ENGLISH;

/** The English sentences, $1 $2 the names (the same as messages.json's `kind_<id>` entries). */
export const KIND_ENGLISH = {
  scraped: 'Copy of a $1 story',
  scrapedVowel: 'Copy of an $1 story',
  scrapedNoName: 'Scraped copy',
  scrapedDetail: 'scraped by a feed site, no licence shown',
  wire: '$1 wire story',
  wireNoName: 'Wire story',
  wireDetail: 'carried by $1, one of the agency’s clients',
  partner: '$1 article, carried by $2',
  partnerNoCarrier: '$1 article, carried by a partner site',
  partnerNoName: 'Partner article, carried by $1',
  partnerNoNames: 'Licensed partner article',
  partnerDetail: 'a licensed partner’s article',
  republication: 'Republished from $1 under its licence',
  republicationNoName: 'Republished under a licence',
  crossPost: 'Cross-posted by the author from their blog',
  crossPostOwnSite: 'Republished by the author on their own site',
  crossPostDetail: 'first published on $1',
  archive: 'Archived copy of $1',
  archiveNoName: 'Archived copy',
  archiveCaptured: 'captured $1 ($2)',
  archiveService: 'kept by $1',
  unknown: 'Copy of a $1 story',
  unknownVowel: 'Copy of an $1 story',
  unknownNoName: 'Copy of another site’s article',
  unknownDetail: 'the page does not say how it was copied',
} as const;

/** Short forms agencies go by in a label ("AP wire story"). */
const SHORT_AGENCY: Record<string, string> = { 'The Associated Press': 'AP' };

/** The record's kind as two phrases: the label (first words on every surface) and an optional detail. */
export function kindPhrases(
  record: Pick<Provenance, 'kind' | 'url' | 'original' | 'chain' | 'page' | 'archive'>,
): { label: KindPhrase; detail: KindPhrase | null } | null {
  const kind: CopyKind | null = record.kind ?? null;
  if (!kind) return null;
  const publisher = originalName(record);
  const phrase = (id: KindPhraseId, ...args: string[]): KindPhrase => ({ id, args });
  switch (kind) {
    case 'scraped':
    case 'unknown': {
      const name = publisher ? withoutArticle(publisher) : null;
      const id: KindPhraseId = !name ? (kind === 'scraped' ? 'scrapedNoName' : 'unknownNoName') : `${kind}${vowelSound(name) ? 'Vowel' : ''}`;
      return { label: name ? phrase(id, name) : phrase(id), detail: phrase(kind === 'scraped' ? 'scrapedDetail' : 'unknownDetail') };
    }
    case 'wire': {
      // The wire signal names the agency as the agencies' table does (core/signals/agencies.ts).
      const name = publisher ? (SHORT_AGENCY[publisher] ?? publisher) : null;
      const carrier = carrierName(record);
      return { label: name ? phrase('wire', name) : phrase('wireNoName'), detail: carrier ? phrase('wireDetail', carrier) : null };
    }
    case 'partner': {
      const carrier = carrierName(record);
      const label = publisher
        ? carrier
          ? phrase('partner', publisher, carrier)
          : phrase('partnerNoCarrier', publisher)
        : carrier
          ? phrase('partnerNoName', carrier)
          : phrase('partnerNoNames');
      return { label, detail: publisher || carrier ? phrase('partnerDetail') : null };
    }
    case 'republication':
      return { label: publisher ? phrase('republication', publisher) : phrase('republicationNoName'), detail: null };
    case 'cross-post': {
      const first = record.original?.url ? displayHost(record.original.url) : publisher;
      return { label: phrase(onAuthorsSite(record) ? 'crossPostOwnSite' : 'crossPost'), detail: first ? phrase('crossPostDetail', first) : null };
    }
    case 'archive': {
      const archive = record.archive;
      const of = archive?.url ? (registrableDomain(archive.url) ?? displayHost(archive.url)) : record.page.siteName;
      const detail: KindPhrase | null = archive?.capturedAt
        ? { id: 'archiveCaptured', args: [archive.capturedAt, archive.service], dateArg: 0 }
        : archive?.service
          ? phrase('archiveService', archive.service)
          : null;
      return { label: of ? phrase('archive', of) : phrase('archiveNoName'), detail };
    }
  }
}

/** The original's publisher as named by the record: the original, else the chain's last hop. */
function originalName(record: Pick<Provenance, 'original' | 'chain'>): string | null {
  const last = record.chain.at(-1);
  return record.original?.publisher ?? last?.publisher ?? (last?.site ? displayHost(last.site) : null);
}

/** The site carrying the copy: its name without a tagline ("Yahoo News - Latest News & Headlines" → "Yahoo News"), else its domain. */
function carrierName(record: Pick<Provenance, 'page' | 'url'>): string | null {
  const name = record.page.siteName
    ?.split(/\s+[-–—|:]\s+|\s*[|｜]\s*/)[0]
    ?.replace(/\/+$/, '')
    .trim();
  return name && name.length >= 2 ? name : registrableDomain(record.url);
}

/** "The Washington Post" → "Washington Post" (in "a Washington Post story"). */
function withoutArticle(name: string): string {
  return name.replace(/^the\s+(?=\S)/i, '');
}

/**
 * Whether English says "an" before the name: a vowel ("an Atlantic story"), or an initialism read letter by
 * letter whose first letter sounds like one ("an AP story", "an NBC story"; "a BBC story", "a USA NEWS story").
 */
export function vowelSound(name: string): boolean {
  const first = name.split(/[\s-]/)[0] ?? '';
  if (/^[A-Z]{2,5}$/.test(first) && !/^(?:USA|UNESCO|NASA|NATO|UNICEF|FIFA)$/.test(first)) return /^[AEFHILMNORSX]/.test(first);
  if (/^(?:uni|use|usa|eu|one|once)/i.test(first)) return false;
  if (/^(?:hour|honest|honou?r|heir)/i.test(first)) return true;
  return /^[aeiouAEIOU]/.test(first);
}

/** A capture time in English: "22 Feb 2025, 14:42 UTC", or the day alone. */
function englishDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (!Number.isFinite(date.getTime())) return iso;
  const day = `${date.getUTCDate()} ${'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return iso.length === 10 ? day : `${day}, ${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')} UTC`;
}

function fill(phrase: KindPhrase, english: (iso: string) => string): string {
  return KIND_ENGLISH[phrase.id].replace(/\$(\d)/g, (_, n: string) => {
    const index = Number(n) - 1;
    const arg = phrase.args[index] ?? '';
    return index === phrase.dateArg ? english(arg) : arg;
  });
}

/** The kind in English for the command line: { label, detail } like lib/kind-text.ts's kindText, null for no copy. */
export function kindEnglish(
  record: Pick<Provenance, 'kind' | 'url' | 'original' | 'chain' | 'page' | 'archive'>,
): { label: string; detail: string | null } | null {
  const phrases = kindPhrases(record);
  if (!phrases) return null;
  return { label: fill(phrases.label, englishDate), detail: phrases.detail ? fill(phrases.detail, englishDate) : null };
}
