/**
 * The extension's database (IndexedDB through Dexie). Opened only by the
 * background and the extension's own pages: in a content script IndexedDB
 * would belong to the web page's origin.
 */
import Dexie, { type Table } from 'dexie';
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
  record: Provenance;
}

export class ProvenanceDatabase extends Dexie {
  history!: Table<HistoryEntry, string>;

  constructor(name = 'provenance', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      history: 'key, lastSeen, syndicated, site, publisherKey',
    });
  }
}

/** The history entry for a page record, merged with what was stored before. */
export function toHistoryEntry(record: Provenance, now: number, previous?: HistoryEntry): HistoryEntry {
  const key = normalizeUrl(record.url);
  return {
    key,
    firstSeen: previous?.firstSeen ?? now,
    lastSeen: now,
    visits: (previous?.visits ?? 0) + 1,
    syndicated: record.syndicated ? 1 : 0,
    site: registrableDomain(key) ?? new URL(key).hostname,
    publisherKey: (record.original?.publisher ?? '').toLowerCase(),
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
