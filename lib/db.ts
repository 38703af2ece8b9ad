/**
 * The extension's database (IndexedDB through Dexie). Opened only by the
 * background and the extension's own pages: in a content script IndexedDB
 * would belong to the web page's origin.
 */
import Dexie, { type Table } from 'dexie';
import type { CachedOriginal, Verification } from '@/core/verify';
import { kindOfStored } from '@/core/kind';
import type { CopyKind, Provenance } from '@/core/types';
import { normalizeUrl, registrableDomain, type PageKey } from '@/core/url';
import { applyCorrection, storedCorrection, type StoredCorrection } from './corrections';

export interface HistoryEntry {
  /**
   * Storage id, from the time last seen (see idAt): the history's time order.
   * Every index row repeats the primary key, so a number instead of the URL
   * keeps the history small on disk (version 4). Absent on an entry not stored yet.
   */
  id?: number;
  /** The page's key (core/url.ts PageKey, the record's `url`): one entry per article. */
  key: PageKey;
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
  /** The kind of copy (core/types.ts CopyKind), indexed for the filter by kind; "" when the page is not a copy (version 5). */
  kind: CopyKind | '';
  /** Lower-cased words of headline, site and publisher: the search index (multi-entry). */
  words: string[];
  /** What the extension says about the page: the engine's record, with the reader's correction applied when there is one. */
  record: Provenance;
  /** The reader's correction of this page (lib/corrections.ts), applied again on every later scan; absent when none. */
  correction?: StoredCorrection;
}

/** The latest verification of a page against the original its chain ended at. */
export interface VerificationEntry {
  pageKey: PageKey;
  /** Normalised URL of the original compared with, "" when the chain reached none. */
  originalKey: string;
  checkedAt: number;
  /** The last result worth showing: a success, or an explained failure when none succeeded. */
  verification: Verification;
  /** A later re-check that failed: shown beside the older result, never replacing it. */
  lastFailure: { at: number; verification: Verification } | null;
}

export class ProvenanceDatabase extends Dexie {
  /**
   * The history. IndexedDB cannot change a store's primary key, so version 4
   * moved it from the store "history" (keyed by URL) to "pages" (keyed by a
   * time-ordered id).
   */
  get history(): Table<HistoryEntry, number> {
    return this.table('pages');
  }
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
    // Version 4: a numeric primary key that is also the time order (see
    // idAt). The URL, repeated in every index row (~20 per entry), made up
    // more than half the size on disk; and with time in the primary key the
    // newest entries, a date range and the order of search results come from
    // the store's own keys, which IndexedDB reads far faster than an index.
    // The entries are copied a batch at a time into a new store (IndexedDB
    // cannot change a store's key); the old one is dropped at the end of the
    // same upgrade transaction, so an upgrade that fails leaves version 3 as it was.
    this.version(4)
      .stores({
        history: null,
        pages: 'id, &key, syndicated, publisherKey, *words',
      })
      .upgrade(async (tx) => {
        const from = tx.table<HistoryEntry, string>('history');
        const to = tx.table<HistoryEntry, number>('pages');
        const taken = new Set<number>();
        let after: string | null = null;
        for (;;) {
          const batch: HistoryEntry[] = await (after === null ? from.orderBy(':id') : from.where(':id').above(after))
            .limit(MIGRATION_BATCH)
            .toArray();
          if (batch.length === 0) break;
          await to.bulkAdd(batch.map((entry) => withId({ ...entry, words: searchWords(entry.record, entry.site) }, freeIdIn(taken, entry.lastSeen))));
          after = batch.at(-1)!.key;
        }
      });
    // Version 5: the kind of copy (core/kind.ts), indexed for the history's filter by kind. Records stored
    // before it have no `kind`: it is decided again from their signals (core/kind.ts kindOfStored).
    // `[site+syndicated]` counts a site's pages and copies without reading a record (lib/site-history.ts).
    this.version(5)
      .stores({
        pages: 'id, &key, syndicated, publisherKey, kind, *words, [site+syndicated]',
      })
      .upgrade((tx) =>
        tx
          .table('pages')
          .toCollection()
          .modify((entry: HistoryEntry) => {
            entry.record = withKind(entry.record);
            entry.kind = entry.record.kind ?? '';
          }),
      );
  }
}

/** A record as the engine now writes it: one stored before records had a kind gets it from its signals. */
function withKind(record: Provenance): Provenance {
  return record.kind === undefined ? { ...record, ...kindOfStored(record) } : record;
}

const MIGRATION_BATCH = 500;

/**
 * Ids put the history in time order: the time an entry was last seen, in ms,
 * times ID_SLOTS, plus a number below ID_SLOTS telling apart entries last
 * seen in the same millisecond. An entry seen again gets a new id.
 */
const ID_SLOTS = 1000;
/** Later times share the last id range (beyond the year 2255: ids stay exact integers). */
const LAST_ID_TIME = Math.floor(Number.MAX_SAFE_INTEGER / ID_SLOTS) - 1;
/** The first id of entries last seen at `time` (ms since the epoch). */
export const idAt = (time: number): number => Math.min(Math.max(Math.floor(time), 0), LAST_ID_TIME) * ID_SLOTS;
/** The last id of entries last seen at `time`. */
export const lastIdAt = (time: number): number => idAt(time) + ID_SLOTS - 1;

/** An unused id for an entry last seen at `time`, given the ids in use; the id is then counted as in use. */
export function freeIdIn(taken: Set<number>, time: number): number {
  for (let id = idAt(time); id <= lastIdAt(time); id++) {
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
  throw new Error(`more than ${ID_SLOTS} history entries were last seen in the same millisecond (${new Date(time).toISOString()})`);
}

/** An unused id for an entry last seen at `time`, asked of the database (within the caller's transaction). */
async function freeId(db: ProvenanceDatabase, time: number): Promise<number> {
  const taken = await db.history.where(':id').between(idAt(time), lastIdAt(time), true, true).primaryKeys();
  return freeIdIn(new Set(taken), time);
}

/** The entry with this id, the id listed last (where IndexedDB would put it): entries compare alike field by field. */
export function withId(entry: HistoryEntry, id: number): HistoryEntry {
  const { id: _previous, ...fields } = entry;
  return { ...fields, id };
}

const MAX_WORDS = 24;
/** Not worth an index row: nobody searches for them, and every entry has some. */
export const UNSEARCHED = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'and', 'for', 'at', 'by', 'is', 'www', 'com', 'org', 'net', 'co', 'uk']);

/** The words a history entry is found by: headline, site name, domain and original publisher. */
function searchWords(record: Provenance, site: string): string[] {
  const text = [record.page.headline, record.page.siteName, site, record.original?.publisher].filter(Boolean).join(' ');
  const words = new Set<string>();
  for (const match of text
    .toLowerCase()
    .normalize('NFKC')
    .matchAll(/[\p{L}\p{N}]+/gu)) {
    if (match[0].length < 2 || UNSEARCHED.has(match[0])) continue;
    words.add(match[0]);
    if (words.size >= MAX_WORDS) break;
  }
  return [...words];
}

/**
 * The history entry for a page record, merged with what was stored before (not stored yet: no id). The
 * reader's correction of the page, if any, is applied to the engine's new record and kept with it.
 */
export function toHistoryEntry(
  engine: Provenance,
  now: number,
  previous?: Partial<Pick<HistoryEntry, 'firstSeen' | 'visits' | 'correction'>>,
): HistoryEntry {
  const key = engine.url;
  const site = registrableDomain(key) ?? new URL(key).hostname;
  const correction = previous?.correction && storedCorrection(previous.correction, engine);
  const record = correction ? applyCorrection(engine, correction) : engine;
  return {
    key,
    firstSeen: previous?.firstSeen ?? now,
    lastSeen: now,
    visits: (previous?.visits ?? 0) + 1,
    syndicated: record.syndicated ? 1 : 0,
    site,
    publisherKey: (record.original?.publisher ?? '').toLowerCase(),
    kind: record.kind ?? '',
    words: searchWords(record, site),
    record,
    ...(correction ? { correction } : {}),
  };
}

/**
 * Stores an entry under the id for its lastSeen, in the caller's
 * transaction: it keeps its id when lastSeen did not change, else moves to
 * a new one (the old is deleted).
 */
async function storeEntry(db: ProvenanceDatabase, entry: HistoryEntry, previous?: HistoryEntry): Promise<HistoryEntry> {
  const keepId = previous?.id !== undefined && previous.lastSeen === entry.lastSeen;
  const stored = withId(entry, keepId ? previous.id! : await freeId(db, entry.lastSeen));
  if (previous?.id !== undefined && !keepId) await db.history.delete(previous.id);
  await db.history.put(stored);
  return stored;
}

/** Stores a detection: a new entry, or the existing one updated on revisit. */
export async function recordDetection(db: ProvenanceDatabase, record: Provenance, now = Date.now()): Promise<HistoryEntry> {
  return db.transaction('rw', db.history, async () => {
    const previous = await db.history.get({ key: record.url });
    return storeEntry(db, toHistoryEntry(record, now, previous), previous);
  });
}

export function getEntry(db: ProvenanceDatabase, key: PageKey): Promise<HistoryEntry | undefined> {
  return db.history.get({ key });
}

/** History newest first: the ids are the time order. */
export function listHistory(db: ProvenanceDatabase, limit = 200, offset = 0): Promise<HistoryEntry[]> {
  return db.history.reverse().offset(offset).limit(limit).toArray();
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
export async function latestVerification(db: ProvenanceDatabase, key: PageKey): Promise<VerificationEntry | undefined> {
  const rows = await db.verifications.where('pageKey').equals(key).toArray();
  return rows.sort((a, b) => b.checkedAt - a.checkedAt)[0];
}

/** A page's verification as stored: keyed by the page, with the original's key. */
export function verificationEntry(pageKey: PageKey, verification: Verification): VerificationEntry {
  return {
    pageKey,
    originalKey: verification.original ? normalizeUrl(verification.original.url) : '',
    checkedAt: verification.checkedAt,
    verification,
    lastFailure: null,
  };
}

/**
 * Stores a verification. A failed re-check never replaces an earlier result
 * that reached the original: it is kept beside it as `lastFailure`.
 */
export async function storeVerification(db: ProvenanceDatabase, verification: Verification): Promise<VerificationEntry> {
  return db.transaction('rw', db.verifications, async () => {
    const pageKey = verification.pageUrl;
    const succeeded = verification.outcome === 'verified' || verification.outcome === 'named-not-linked';
    const previous = (await db.verifications.where('pageKey').equals(pageKey).toArray()).sort((a, b) => b.checkedAt - a.checkedAt)[0];
    if (!succeeded && previous && isSuccess(previous.verification)) {
      const kept = { ...previous, lastFailure: { at: verification.checkedAt, verification } };
      await db.verifications.put(kept);
      return kept;
    }
    const entry = verificationEntry(pageKey, verification);
    // One current result per page: drop results against other originals.
    await db.verifications.where('pageKey').equals(pageKey).delete();
    await db.verifications.put(entry);
    return entry;
  });
}

function isSuccess(verification: Verification): boolean {
  return verification.outcome === 'verified' || verification.outcome === 'named-not-linked';
}
