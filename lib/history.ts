/**
 * History queries for the options page, built to stay fast at 100,000
 * entries. Entries are named by their id, which is also their time order
 * (lib/db.ts idAt): the newest entries, a date range and the order of any
 * answer come from the ids alone, and every other filter is answered from an
 * index as a set of ids, so a keystroke never loads records it will not show.
 * Reading an index costs IndexedDB (Chromium) about ten times what reading
 * the store's own keys does, so the whole time order is read from the store.
 */
import type { CopyKind } from '@/core/types';
import { UNSEARCHED, idAt, lastIdAt, type ProvenanceDatabase, type HistoryEntry, type VerificationEntry } from './db';

export interface HistoryFilter {
  /** Words typed in the search box; each must prefix a word of headline, site or publisher. */
  text: string;
  syndicatedOnly: boolean;
  /** Lower-cased original publisher, "" for any. */
  publisher: string;
  /** The kind of copy (core/kind.ts), "" for any. */
  kind: CopyKind | '';
  /** Date seen, inclusive, ms since the epoch; null for open-ended. */
  from: number | null;
  to: number | null;
}

export const EMPTY_FILTER: HistoryFilter = { text: '', syndicatedOnly: false, publisher: '', kind: '', from: null, to: null };

export function searchTerms(text: string): string[] {
  const terms = (
    text
      .toLowerCase()
      .normalize('NFKC')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((term) => !UNSEARCHED.has(term));
  // One letter matches a large share of any history: it narrows nothing and would cost the most.
  return [...new Set(terms)].filter((term) => term.length > 1).slice(0, 8);
}

/** True when the filter lets every entry through. */
export function isEmptyFilter(filter: HistoryFilter): boolean {
  return (
    searchTerms(filter.text).length === 0 && !filter.syndicatedOnly && !filter.publisher && !filter.kind && filter.from === null && filter.to === null
  );
}

/**
 * The ids of the whole history, newest first (its length is the size of the
 * history). Read from the store's keys in slices, each its own request: the
 * database answers others (another page opening it, a search) in between.
 */
export async function timeOrder(db: ProvenanceDatabase, slice = 10_000): Promise<number[]> {
  forgetCachedRanges();
  const ids: number[] = [];
  for (;;) {
    const last = ids.at(-1);
    const more = await storeKeys(db, last === undefined ? undefined : IDBKeyRange.lowerBound(last, true), slice);
    for (const id of more) ids.push(id);
    if (more.length < slice) return ids.reverse();
  }
}

/** Primary keys (ids) of the history in a range, ascending, in one request. */
async function storeKeys(db: ProvenanceDatabase, range?: IDBKeyRange, count?: number): Promise<number[]> {
  const store = await historyStore(db);
  return ask(store.getAllKeys(range, count)) as Promise<number[]>;
}

/** Ids of the history entries in an index range (in index order), in one request. */
async function indexKeys(db: ProvenanceDatabase, index: string, range?: IDBKeyRange): Promise<number[]> {
  const store = await historyStore(db);
  return ask(store.index(index).getAllKeys(range)) as Promise<number[]>;
}

/** The history store in a new read-only transaction. IndexedDB directly: Dexie has no getAllKeys on an index. */
async function historyStore(db: ProvenanceDatabase): Promise<IDBObjectStore> {
  await db.open();
  return db.backendDB().transaction(db.history.name, 'readonly').objectStore(db.history.name);
}

function ask<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Below this many candidates, the remaining search words are checked on the
 * records themselves: reading a few hundred records beats reading another
 * index range of thousands of ids; reading thousands of records does not
 * (each is ~1.5 KB to deserialise).
 */
const CHECK_ON_RECORDS_BELOW = 300;

/**
 * Ids per index range (a search word, the copies, a publisher), kept until
 * the history changes or its order is read again: typing "ukraine t" →
 * "ukraine ta" reads "ukraine" once.
 */
const rangeCache = new Map<string, Promise<Set<number>>>();
function cachedRange(name: string, read: () => Promise<number[]>): Promise<Set<number>> {
  let ids = rangeCache.get(name);
  if (!ids) {
    ids = read().then((found) => new Set(found));
    // A failed read is asked again next time rather than remembered.
    ids.catch(() => rangeCache.delete(name));
    rangeCache.set(name, ids);
  }
  return ids;
}

/** Drops the remembered index ranges: the history changed. */
export function forgetCachedRanges(): void {
  rangeCache.clear();
}

const termIds = (db: ProvenanceDatabase, term: string) =>
  cachedRange(`word:${term}`, () => indexKeys(db, 'words', IDBKeyRange.bound(term, `${term}\uffff`)));

/**
 * Ids of the entries matching the filter, newest first. The longest search
 * word (as a rule the most selective) is read from its index first; once few
 * candidates are left, the other conditions are checked on those records
 * rather than by reading more large index ranges. The date range is a range
 * of ids: it costs no read.
 */
export async function matchingIds(db: ProvenanceDatabase, filter: HistoryFilter): Promise<number[]> {
  const terms = searchTerms(filter.text).sort((a, b) => b.length - a.length);
  const range = filter.from !== null || filter.to !== null ? ([filter.from ?? 0, filter.to ?? Infinity] as const) : null;
  const inRange = range ? (id: number) => id >= idAt(range[0]) && id <= lastIdAt(range[1]) : () => true;
  let candidates: Set<number> | null = null;
  const pendingTerms: string[] = [];
  for (const term of terms) {
    if (candidates && candidates.size < CHECK_ON_RECORDS_BELOW) {
      pendingTerms.push(term);
      continue;
    }
    const ids: Set<number> = await termIds(db, term);
    candidates = candidates ? intersect(candidates, ids) : ids;
  }
  const moreConditions = pendingTerms.length > 0 || filter.syndicatedOnly || !!filter.publisher || !!filter.kind;
  if (candidates && !moreConditions) return newestFirst(candidates, inRange);
  if (candidates && candidates.size < CHECK_ON_RECORDS_BELOW) {
    const entries = await entriesById(db, [...candidates].filter(inRange));
    const matches = entries
      .filter((entry) => pendingTerms.every((term) => entry.words.some((word) => word.startsWith(term))))
      .filter((entry) => !filter.syndicatedOnly || entry.syndicated === 1)
      .filter((entry) => !filter.publisher || entry.publisherKey === filter.publisher)
      .filter((entry) => !filter.kind || entry.kind === filter.kind);
    return newestFirst(new Set(matches.map((entry) => entry.id!)), inRange);
  }
  const sets: Set<number>[] = candidates ? [candidates] : [];
  if (filter.syndicatedOnly) sets.push(await cachedRange('copies', () => indexKeys(db, 'syndicated', IDBKeyRange.only(1))));
  if (filter.publisher)
    sets.push(await cachedRange(`publisher:${filter.publisher}`, () => indexKeys(db, 'publisherKey', IDBKeyRange.only(filter.publisher))));
  if (filter.kind) sets.push(await cachedRange(`kind:${filter.kind}`, () => indexKeys(db, 'kind', IDBKeyRange.only(filter.kind))));
  if (sets.length === 0) {
    const ids = await storeKeys(db, range ? IDBKeyRange.bound(idAt(range[0]), lastIdAt(range[1])) : undefined);
    return ids.reverse();
  }
  sets.sort((a, b) => a.size - b.size);
  const [smallest, ...rest] = sets;
  return newestFirst(rest.length === 0 ? smallest! : new Set([...smallest!].filter((id) => rest.every((set) => set.has(id)))), inRange);
}

function intersect(a: Set<number>, b: Set<number>): Set<number> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const both = new Set<number>();
  for (const id of small) if (large.has(id)) both.add(id);
  return both;
}

/** The ids (those in the date range) newest first: ids are the time order. */
function newestFirst(ids: Set<number>, inRange: (id: number) => boolean): number[] {
  const kept: number[] = [];
  for (const id of ids) if (inRange(id)) kept.push(id);
  return kept.sort((a, b) => b - a);
}

/** The entries with these ids, in the same order; ids no longer stored are left out. */
export async function entriesById(db: ProvenanceDatabase, ids: number[]): Promise<HistoryEntry[]> {
  const entries = await db.history.bulkGet(ids);
  return entries.filter((entry): entry is HistoryEntry => entry !== undefined);
}

/**
 * Original publishers seen, most frequent first, for the publisher filter.
 * Each publisher is found once by skipping along the index ("nextunique") and
 * counted there by IndexedDB, so no key beyond one per publisher comes back.
 */
export async function publishers(db: ProvenanceDatabase, limit = 200): Promise<{ key: string; count: number }[]> {
  await db.open();
  const index = db.backendDB().transaction(db.history.name, 'readonly').objectStore(db.history.name).index('publisherKey');
  const counts = await new Promise<{ key: string; count: number }[]>((resolve, reject) => {
    const names: string[] = [];
    const request = index.openKeyCursor(IDBKeyRange.lowerBound('', true), 'nextunique');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (cursor) {
        names.push(String(cursor.key));
        cursor.continue();
        return;
      }
      // Counted one publisher after another, each asked in the callback of the one before (the transaction
      // stays active): a search typed meanwhile waits for one count, not for all of them.
      const found: { key: string; count: number }[] = [];
      const countNext = () => {
        const key = names[found.length];
        if (key === undefined) return resolve(found);
        const counting = index.count(IDBKeyRange.only(key));
        counting.onerror = () => reject(counting.error);
        counting.onsuccess = () => {
          found.push({ key, count: counting.result });
          countNext();
        };
      };
      countNext();
    };
  });
  return counts.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)).slice(0, limit);
}

/** The latest verification of each page (normalised URL) that has one, in one read of the verifications' page index. */
export async function latestVerifications(db: ProvenanceDatabase, pageKeys: string[]): Promise<Map<string, VerificationEntry>> {
  const latest = new Map<string, VerificationEntry>();
  if (pageKeys.length === 0) return latest;
  for (const row of await db.verifications.where('pageKey').anyOf(pageKeys).toArray()) {
    const seen = latest.get(row.pageKey);
    if (!seen || row.checkedAt > seen.checkedAt) latest.set(row.pageKey, row);
  }
  return latest;
}

/** Deletes the entry of a page (its normalised URL) and its verification. */
export async function deleteEntry(db: ProvenanceDatabase, key: string): Promise<void> {
  forgetCachedRanges();
  await db.transaction('rw', db.history, db.verifications, async () => {
    await db.history.where('key').equals(key).delete();
    await db.verifications.where('pageKey').equals(key).delete();
  });
}

/** Deletes the whole history, with every verification and every cached original: nothing of what was read stays. */
export async function clearHistory(db: ProvenanceDatabase): Promise<void> {
  forgetCachedRanges();
  await db.transaction('rw', [db.history, db.verifications, db.originals], async () => {
    await db.history.clear();
    await db.verifications.clear();
    await db.originals.clear();
  });
}

/** Removes entries last seen before `cutoff`, and their verifications; returns how many entries. */
export async function pruneHistory(db: ProvenanceDatabase, cutoff: number): Promise<number> {
  forgetCachedRanges();
  return db.transaction('rw', db.history, db.verifications, async () => {
    const removed = await db.history.where(':id').below(idAt(cutoff)).delete();
    await dropVerificationsWithoutEntry(db);
    return removed;
  });
}

/**
 * Keeps at most `max` entries: the least recently seen go first (the ids are
 * the time order), with their verifications. Returns how many were removed.
 */
export async function capHistory(db: ProvenanceDatabase, max: number): Promise<number> {
  if (!Number.isFinite(max) || max < 1) return 0;
  return db.transaction('rw', db.history, db.verifications, async () => {
    const excess = (await db.history.count()) - Math.floor(max);
    if (excess <= 0) return 0;
    forgetCachedRanges();
    const oldest = await db.history.orderBy(':id').limit(excess).primaryKeys();
    await db.history.bulkDelete(oldest);
    await dropVerificationsWithoutEntry(db);
    return oldest.length;
  });
}

/**
 * Deletes the verifications of pages no longer in the history (within the
 * caller's transaction). There are few verifications (one per page checked),
 * so all their page keys are read and looked up in the history's key index.
 */
async function dropVerificationsWithoutEntry(db: ProvenanceDatabase): Promise<number> {
  const pageKeys = (await db.verifications.orderBy('pageKey').uniqueKeys()) as string[];
  if (pageKeys.length === 0) return 0;
  const present = new Set((await db.history.where('key').anyOf(pageKeys).keys()) as string[]);
  const gone = pageKeys.filter((key) => !present.has(key));
  return gone.length === 0 ? 0 : db.verifications.where('pageKey').anyOf(gone).delete();
}

export async function pruneOriginals(db: ProvenanceDatabase, cutoff: number): Promise<number> {
  return db.originals.where('fetchedAt').below(cutoff).delete();
}
