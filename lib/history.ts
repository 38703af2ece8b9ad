/**
 * History queries for the options page, built to stay fast at 100,000
 * entries: every filter is answered from an index as a set of primary keys,
 * and results are ordered by a time-ordered key list read once from the
 * lastSeen index (keys only, no records), so a keystroke never loads records
 * it will not show.
 */
import type { ProvenanceDatabase, HistoryEntry } from './db';

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

/** Words too common to narrow a search: typing them alone would match everything. */
const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'and', 'for', 'at', 'by', 'is']);

export function searchTerms(text: string): string[] {
  const terms = (text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).filter((term) => !STOP_WORDS.has(term));
  return [...new Set(terms)].slice(0, 8);
}

export const isEmptyFilter = (filter: HistoryFilter) =>
  searchTerms(filter.text).length === 0 && !filter.syndicatedOnly && !filter.publisher && filter.from === null && filter.to === null;

/** The order of the whole history, newest first: primary keys only. */
export async function timeOrder(db: ProvenanceDatabase): Promise<string[]> {
  // Ascending keys come through IDBIndex.getAllKeys in one call; reversing an array is cheap.
  const keys = (await db.history.orderBy('lastSeen').primaryKeys()) as string[];
  return keys.reverse();
}

/** Keys of entries matching the filter, newest first, given the time order. */
export async function matchingKeys(db: ProvenanceDatabase, filter: HistoryFilter, order: string[]): Promise<string[]> {
  const sets: Set<string>[] = [];
  for (const term of searchTerms(filter.text)) {
    sets.push(new Set((await db.history.where('words').startsWith(term).primaryKeys()) as string[]));
  }
  if (filter.syndicatedOnly) sets.push(new Set((await db.history.where('syndicated').equals(1).primaryKeys()) as string[]));
  if (filter.publisher) sets.push(new Set((await db.history.where('publisherKey').equals(filter.publisher).primaryKeys()) as string[]));
  if (filter.from !== null || filter.to !== null) {
    const range = db.history.where('lastSeen').between(filter.from ?? -Infinity, filter.to ?? Infinity, true, true);
    sets.push(new Set((await range.primaryKeys()) as string[]));
  }
  if (sets.length === 0) return order;
  sets.sort((a, b) => a.size - b.size);
  const [smallest, ...rest] = sets;
  const matches = [...smallest!].filter((key) => rest.every((set) => set.has(key)));
  if (matches.length === 0) return [];
  const rank = rankOf(order);
  return matches.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
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
