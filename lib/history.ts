/**
 * History queries for the options page, built to stay fast at 100,000
 * entries: every filter is answered from an index as a set of primary keys,
 * and results are ordered by a time-ordered key list read once from the
 * lastSeen index (keys only, no records), so a keystroke never loads records
 * it will not show.
 */
import { UNSEARCHED, type ProvenanceDatabase, type HistoryEntry } from './db';

export interface HistoryFilter {
  /** Words typed in the search box; each must prefix a word of headline, site or publisher. */
  text: string;
  syndicatedOnly: boolean;
  /** Lower-cased original publisher, "" for any. */
  publisher: string;
  /** Date seen, inclusive, ms since the epoch; null for open-ended. */
  from: number | null;
  to: number | null;
}

export const EMPTY_FILTER: HistoryFilter = { text: '', syndicatedOnly: false, publisher: '', from: null, to: null };


export function searchTerms(text: string): string[] {
  const terms = (text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).filter((term) => !UNSEARCHED.has(term));
  // One letter matches a large share of any history: it narrows nothing and would cost the most.
  return [...new Set(terms)].filter((term) => term.length > 1).slice(0, 8);
}

/**
 * The order of the whole history, newest first: primary keys only. Asked of
 * IndexedDB directly as one IDBIndex.getAllKeys() call, which hands back the
 * primary keys in index order at once; walking a cursor over 100,000 entries
 * (what a Dexie collection does for an index) takes seconds.
 */
export async function timeOrder(db: ProvenanceDatabase): Promise<string[]> {
  return (await indexKeys(db, 'lastSeen')).reverse();
}

/**
 * Below this many candidates, remaining conditions are checked on the records
 * themselves (reading a few hundred records beats reading another large index
 * range; reading thousands does not: each record is ~1.5 KB to deserialise).
 */
const CHECK_ON_RECORDS_BELOW = 400;

/** Keys per search word, kept while the history is unchanged: typing "ukraine t" → "ukraine ta" reads "ukraine" once. */
let termCache: { order: string[]; byTerm: Map<string, Promise<Set<string>>> } | null = null;
function keysForTerm(db: ProvenanceDatabase, term: string, order: string[]): Promise<Set<string>> {
  if (termCache?.order !== order) termCache = { order, byTerm: new Map() };
  let keys = termCache.byTerm.get(term);
  if (!keys) {
    // One getAllKeys over the index range (as in timeOrder): a cursor over thousands of keys is slow.
    keys = indexKeys(db, 'words', IDBKeyRange.bound(term, `${term}\uffff`)).then((found) => new Set(found));
    termCache.byTerm.set(term, keys);
  }
  return keys;
}

/** Primary keys of the history entries in an index range, in one request. */
async function indexKeys(db: ProvenanceDatabase, index: string, range?: IDBKeyRange): Promise<string[]> {
  await db.open();
  const store = db.backendDB().transaction('history', 'readonly').objectStore('history');
  return new Promise<string[]>((resolve, reject) => {
    const request = store.index(index).getAllKeys(range);
    request.onsuccess = () => resolve(request.result as string[]);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Keys of entries matching the filter, newest first, given the time order.
 * The most selective condition is read from its index (the longest word, as
 * a rule); once few candidates are left, the other conditions are checked on
 * those records rather than by reading more large index ranges.
 */
export async function matchingKeys(db: ProvenanceDatabase, filter: HistoryFilter, order: string[]): Promise<string[]> {
  const terms = searchTerms(filter.text).sort((a, b) => b.length - a.length);
  const range = filter.from !== null || filter.to !== null ? ([filter.from ?? -Infinity, filter.to ?? Infinity] as const) : null;
  let candidates: Set<string> | null = null;
  const pendingTerms: string[] = [];
  for (const term of terms) {
    if (candidates && candidates.size < CHECK_ON_RECORDS_BELOW) {
      pendingTerms.push(term);
      continue;
    }
    const keys = await keysForTerm(db, term, order);
    candidates = candidates ? intersect(candidates, keys) : keys;
  }
  const moreConditions = pendingTerms.length > 0 || filter.syndicatedOnly || !!filter.publisher || range !== null;
  if (candidates && !moreConditions) return byTime([...candidates], order);
  if (candidates && candidates.size < CHECK_ON_RECORDS_BELOW) {
    const entries = await entriesFor(db, [...candidates]);
    const matches = entries
      .filter((entry) => pendingTerms.every((term) => entry.words.some((word) => word.startsWith(term))))
      .filter((entry) => !filter.syndicatedOnly || entry.syndicated === 1)
      .filter((entry) => !filter.publisher || entry.publisherKey === filter.publisher)
      .filter((entry) => !range || (entry.lastSeen >= range[0] && entry.lastSeen <= range[1]));
    return byTime(matches.map((entry) => entry.key), order);
  }
  const sets: Set<string>[] = candidates ? [candidates] : [];
  if (filter.syndicatedOnly) sets.push(new Set(await indexKeys(db, 'syndicated', IDBKeyRange.only(1))));
  if (filter.publisher) sets.push(new Set(await indexKeys(db, 'publisherKey', IDBKeyRange.only(filter.publisher))));
  if (range) sets.push(new Set(await indexKeys(db, 'lastSeen', IDBKeyRange.bound(Math.max(range[0], -8.64e15), Math.min(range[1], 8.64e15)))));
  if (sets.length === 0) return order;
  sets.sort((a, b) => a.size - b.size);
  const [smallest, ...rest] = sets;
  const matches = [...smallest!].filter((key) => rest.every((set) => set.has(key)));
  return byTime(matches, order);
}

function intersect(a: Set<string>, b: Set<string>): Set<string> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  return new Set([...small].filter((key) => large.has(key)));
}

function byTime(keys: string[], order: string[]): string[] {
  if (keys.length === 0) return [];
  const rank = rankOf(order);
  return keys.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
}

let rankCache: { order: string[]; rank: Map<string, number> } | null = null;
function rankOf(order: string[]): Map<string, number> {
  if (rankCache?.order === order) return rankCache.rank;
  const rank = new Map<string, number>();
  order.forEach((key, index) => rank.set(key, index));
  rankCache = { order, rank };
  return rank;
}

export async function entriesFor(db: ProvenanceDatabase, keys: string[]): Promise<HistoryEntry[]> {
  const entries = await db.history.bulkGet(keys);
  return entries.filter((entry): entry is HistoryEntry => entry !== undefined);
}

/** Original publishers seen, most frequent first, for the publisher filter. */
export async function publishers(db: ProvenanceDatabase, limit = 200): Promise<{ key: string; count: number }[]> {
  const counts = new Map<string, number>();
  // Keys only: walks the index without loading records.
  await db.history
    .where('publisherKey')
    .above('')
    .eachKey((key) => {
      counts.set(String(key), (counts.get(String(key)) ?? 0) + 1);
    });
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count).slice(0, limit);
}

export async function deleteEntry(db: ProvenanceDatabase, key: string): Promise<void> {
  await db.transaction('rw', db.history, db.verifications, async () => {
    await db.history.delete(key);
    await db.verifications.where('pageKey').equals(key).delete();
  });
}

export async function clearHistory(db: ProvenanceDatabase): Promise<void> {
  await db.transaction('rw', db.history, db.verifications, async () => {
    await db.history.clear();
    await db.verifications.clear();
  });
}

/** Removes entries last seen before `cutoff`; returns how many. */
export async function pruneHistory(db: ProvenanceDatabase, cutoff: number): Promise<number> {
  return db.history.where('lastSeen').below(cutoff).delete();
}

export async function pruneOriginals(db: ProvenanceDatabase, cutoff: number): Promise<number> {
  return db.originals.where('fetchedAt').below(cutoff).delete();
}
