/**
 * The extension's database (IndexedDB through Dexie). Opened only by the
 * background and the extension's own pages: in a content script IndexedDB
 * would belong to the web page's origin.
 */
import Dexie, { type Table } from 'dexie';
import type { CachedOriginal, Verification } from '@/core/verify';
import type { Provenance } from '@/core/types';
import { normalizeUrl, registrableDomain } from '@/core/url';

export interface HistoryEntry {
  /** Normalised page URL (tracking parameters and fragment dropped): one entry per article. */
  key: string;
  /** First and last time the page was seen, in ms since the epoch. */
  firstSeen: number;
  lastSeen: number;
  visits: number;
  /** 1 when the page is a copy. A number, because IndexedDB cannot index booleans. */
  syndicated: 0 | 1;
  /** Registrable domain of the page ("worldnewsera.com"), for search and display. */
  site: string;
  /** Lower-cased original publisher, indexed for the publisher filter; "" when none. */
  publisherKey: string;
  /** Lower-cased words of headline, site and publisher: the search index (multi-entry). */
  words: string[];
  record: Provenance;
}

/** The latest verification of a page against the original its chain ended at. */
export interface VerificationEntry {
  pageKey: string;
  /** Normalised URL of the original compared with, "" when the chain reached none. */
  originalKey: string;
  checkedAt: number;
  /** The last result worth showing: a success, or an explained failure when none succeeded. */
  verification: Verification;
  /** A later re-check that failed: shown beside the older result, never replacing it. */
  lastFailure: { at: number; verification: Verification } | null;
}

export class ProvenanceDatabase extends Dexie {
  history!: Table<HistoryEntry, string>;
  originals!: Table<CachedOriginal, string>;
  verifications!: Table<VerificationEntry, [string, string]>;

  constructor(name = 'provenance', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // Every version stays declared: Dexie upgrades a database of any earlier
    // version step by step, and tests open each one (tests/unit/db-migration.test.ts).
    this.version(1).stores({
      history: 'key, lastSeen, syndicated, site, publisherKey',
    });
    this.version(2)
      .stores({
        history: 'key, lastSeen, syndicated, site, publisherKey, *words',
        originals: 'key, fetchedAt',
        verifications: '[pageKey+originalKey], pageKey, checkedAt',
      })
      .upgrade((tx) =>
        tx
          .table('history')
          .toCollection()
          .modify((entry: HistoryEntry) => {
            entry.words = searchWords(entry.record, entry.site);
          }),
      );
    // Version 3: smaller on disk. Every index row repeats the page URL (the
    // primary key), so the unused `site` index goes and the search words leave
    // out domain endings and words too common to search for.
    this.version(3)
      .stores({
        history: 'key, lastSeen, syndicated, publisherKey, *words',
      })
      .upgrade((tx) =>
        tx
          .table('history')
          .toCollection()
          .modify((entry: HistoryEntry) => {
            entry.words = searchWords(entry.record, entry.site);
          }),
      );
  }
}

const MAX_WORDS = 24;
/** Not worth an index row: nobody searches for them, and every entry has some. */
export const UNSEARCHED = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'and', 'for', 'at', 'by', 'is', 'www', 'com', 'org', 'net', 'co', 'uk']);

/** The words a history entry is found by: headline, site name, domain and original publisher. */
export function searchWords(record: Provenance, site: string): string[] {
  const text = [record.page.headline, record.page.siteName, site, record.original?.publisher].filter(Boolean).join(' ');
  const words = new Set<string>();
  for (const match of text.toLowerCase().normalize('NFKC').matchAll(/[\p{L}\p{N}]+/gu)) {
    if (match[0].length < 2 || UNSEARCHED.has(match[0])) continue;
    words.add(match[0]);
    if (words.size >= MAX_WORDS) break;
  }
  return [...words];
}

/** The history entry for a page record, merged with what was stored before. */
export function toHistoryEntry(record: Provenance, now: number, previous?: HistoryEntry): HistoryEntry {
  const key = normalizeUrl(record.url);
  const site = registrableDomain(key) ?? new URL(key).hostname;
  return {
    key,
    firstSeen: previous?.firstSeen ?? now,
    lastSeen: now,
    visits: (previous?.visits ?? 0) + 1,
    syndicated: record.syndicated ? 1 : 0,
    site,
    publisherKey: (record.original?.publisher ?? '').toLowerCase(),
    words: searchWords(record, site),
    record,
  };
}

/** Stores a detection: a new entry, or the existing one updated on revisit. */
export async function recordDetection(db: ProvenanceDatabase, record: Provenance, now = Date.now()): Promise<HistoryEntry> {
  return db.transaction('rw', db.history, async () => {
    const key = normalizeUrl(record.url);
    const previous = await db.history.get(key);
    const entry = toHistoryEntry(record, now, previous);
    await db.history.put(entry);
    return entry;
  });
}

export function getEntry(db: ProvenanceDatabase, pageUrl: string): Promise<HistoryEntry | undefined> {
  return db.history.get(normalizeUrl(pageUrl));
}

/** History newest first. */
export function listHistory(db: ProvenanceDatabase, limit = 200, offset = 0): Promise<HistoryEntry[]> {
  return db.history.orderBy('lastSeen').reverse().offset(offset).limit(limit).toArray();
}

let shared: ProvenanceDatabase | undefined;
/** The database of this extension context, opened on first use. */
export function database(): ProvenanceDatabase {
  shared ??= new ProvenanceDatabase();
  return shared;
}

/** An OriginalCache over the originals table, for core/verify. */
export function originalCache(db: ProvenanceDatabase) {
  return {
    get: (key: string) => db.originals.get(key),
    put: async (entry: CachedOriginal) => {
      await db.originals.put(entry);
    },
  };
}

/** The latest verification stored for a page, if any. */
export async function latestVerification(db: ProvenanceDatabase, pageUrl: string): Promise<VerificationEntry | undefined> {
  const rows = await db.verifications.where('pageKey').equals(normalizeUrl(pageUrl)).toArray();
  return rows.sort((a, b) => b.checkedAt - a.checkedAt)[0];
}

/**
 * Stores a verification. A failed re-check never replaces an earlier result
 * that reached the original: it is kept beside it as `lastFailure`.
 */
export async function storeVerification(db: ProvenanceDatabase, verification: Verification): Promise<VerificationEntry> {
  return db.transaction('rw', db.verifications, async () => {
    const pageKey = normalizeUrl(verification.pageUrl);
    const succeeded = verification.outcome === 'verified' || verification.outcome === 'named-not-linked';
    const previous = (await db.verifications.where('pageKey').equals(pageKey).toArray()).sort((a, b) => b.checkedAt - a.checkedAt)[0];
    if (!succeeded && previous && isSuccess(previous.verification)) {
      const kept = { ...previous, lastFailure: { at: verification.checkedAt, verification } };
      await db.verifications.put(kept);
      return kept;
    }
    const entry: VerificationEntry = {
      pageKey,
      originalKey: verification.original ? normalizeUrl(verification.original.url) : '',
      checkedAt: verification.checkedAt,
      verification,
      lastFailure: null,
    };
    // One current result per page: drop results against other originals.
    await db.verifications.where('pageKey').equals(pageKey).delete();
    await db.verifications.put(entry);
    return entry;
  });
}

function isSuccess(verification: Verification): boolean {
  return verification.outcome === 'verified' || verification.outcome === 'named-not-linked';
}
