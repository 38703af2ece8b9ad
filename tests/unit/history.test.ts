import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ProvenanceDatabase, recordDetection } from '@/lib/db';
import {
  EMPTY_FILTER,
  deleteEntry,
  entriesById,
  isEmptyFilter,
  matchingIds,
  publishers,
  pruneHistory,
  searchTerms,
  timeOrder,
  type HistoryFilter,
} from '@/lib/history';
import { sampleRecord } from './sample-record';

let db: ProvenanceDatabase;
let n = 0;
afterEach(async () => {
  db.close();
  await db.delete();
});

async function seed() {
  db = new ProvenanceDatabase(`history-${++n}`);
  const rows = [
    {
      url: 'https://a.example/1',
      headline: 'Ukraine talks begin in Riyadh',
      publisher: 'The Washington Post',
      syndicated: true,
      kind: 'scraped' as const,
      at: 1000,
    },
    { url: 'https://b.example/2', headline: 'Council approves bridge plan', publisher: null, syndicated: false, kind: null, at: 2000 },
    { url: 'https://c.example/3', headline: 'Ukraine grain exports rise', publisher: 'Reuters', syndicated: true, kind: 'wire' as const, at: 3000 },
    { url: 'https://d.example/4', headline: 'New e-reader gets margins right', publisher: null, syndicated: false, kind: null, at: 4000 },
  ];
  for (const row of rows) {
    const record = sampleRecord({
      url: row.url,
      syndicated: row.syndicated,
      kind: row.kind,
      original: row.publisher ? { url: null, publisher: row.publisher, headline: null, publishedAt: null } : null,
    });
    record.page.headline = row.headline;
    record.page.siteName = null;
    await recordDetection(db, record, row.at);
  }
  return timeOrder(db);
}

/** The pages an answer names, for reading the expectations. */
async function pages(ids: number[]) {
  return (await entriesById(db, ids)).map((entry) => entry.key);
}
const search = async (filter: Partial<HistoryFilter>) => pages(await matchingIds(db, { ...EMPTY_FILTER, ...filter }));

describe('history search', () => {
  it('filters by the kind of copy, alone and with words, the copies-only filter and dates', async () => {
    await seed();
    expect(await search({ kind: 'wire' })).toEqual(['https://c.example/3']);
    expect(await search({ kind: 'scraped' })).toEqual(['https://a.example/1']);
    expect(await search({ kind: 'archive' })).toEqual([]);
    expect(await search({ kind: 'wire', text: 'ukraine' })).toEqual(['https://c.example/3']);
    expect(await search({ kind: 'scraped', text: 'grain' })).toEqual([]);
    expect(await search({ kind: 'scraped', syndicatedOnly: true, from: 0, to: 1500 })).toEqual(['https://a.example/1']);
    expect(await search({ kind: 'wire', from: 0, to: 2500 })).toEqual([]);
    expect(isEmptyFilter({ ...EMPTY_FILTER, kind: 'wire' })).toBe(false);
  });

  it('lists everything newest first without a filter', async () => {
    const order = await seed();
    expect(await pages(order)).toEqual(['https://d.example/4', 'https://c.example/3', 'https://b.example/2', 'https://a.example/1']);
    expect(await matchingIds(db, EMPTY_FILTER)).toEqual(order);
  });

  it('matches word prefixes of headline, site and publisher, all words required, newest first', async () => {
    const order = await seed();
    expect(await search({ text: 'ukraine' })).toEqual(['https://c.example/3', 'https://a.example/1']);
    expect(await search({ text: 'ukr' })).toEqual(['https://c.example/3', 'https://a.example/1']);
    expect(await search({ text: 'ukraine grain' })).toEqual(['https://c.example/3']);
    expect(await search({ text: 'reuters' })).toEqual(['https://c.example/3']);
    expect(await search({ text: 'example' })).toEqual(await pages(order));
    expect(await search({ text: 'nothing-like-this' })).toEqual([]);
  });

  it('combines words with the copies-only, publisher and date filters', async () => {
    await seed();
    expect(await search({ syndicatedOnly: true })).toEqual(['https://c.example/3', 'https://a.example/1']);
    expect(await search({ publisher: 'reuters' })).toEqual(['https://c.example/3']);
    expect(await search({ from: 1500, to: 3500 })).toEqual(['https://c.example/3', 'https://b.example/2']);
    expect(await search({ text: 'ukraine', from: 0, to: 2000 })).toEqual(['https://a.example/1']);
    expect(await search({ text: 'ukraine', syndicatedOnly: true, publisher: 'the washington post' })).toEqual(['https://a.example/1']);
    expect(await search({ syndicatedOnly: true, publisher: 'reuters', from: 0, to: 2500 })).toEqual([]);
  });

  it('answers from the database after a change, not from what it read before', async () => {
    await seed();
    expect(await search({ text: 'ukraine' })).toHaveLength(2);
    await deleteEntry(db, 'https://c.example/3');
    expect(await search({ text: 'ukraine' })).toEqual(['https://a.example/1']);
  });

  it('puts an entry seen again first, and tells apart entries seen in the same millisecond', async () => {
    await seed();
    await recordDetection(db, sampleRecord({ url: 'https://a.example/1' }), 9000);
    await recordDetection(db, sampleRecord({ url: 'https://e.example/5' }), 9000);
    await recordDetection(db, sampleRecord({ url: 'https://f.example/6' }), 9000);
    const order = await timeOrder(db);
    expect(new Set(order).size).toBe(6);
    expect((await pages(order)).slice(3)).toEqual(['https://d.example/4', 'https://c.example/3', 'https://b.example/2']);
    expect(new Set((await pages(order)).slice(0, 3))).toEqual(new Set(['https://a.example/1', 'https://e.example/5', 'https://f.example/6']));
    expect(await search({ from: 9000, to: 9000 })).toHaveLength(3);
    expect(await search({ text: 'ukraine', from: 5000 })).toHaveLength(3);
    expect(await search({ text: 'ukraine', to: 5000 })).toEqual(['https://c.example/3']);
  });

  it('reads the time order in slices without losing or repeating an id', async () => {
    const order = await seed();
    expect(await timeOrder(db, 3)).toEqual(order);
    expect(await timeOrder(db, 1)).toEqual(order);
    expect(await timeOrder(db, 4)).toEqual(order);
  });

  it('ignores one-letter words and stop words, which narrow nothing', () => {
    expect(searchTerms('The Ukraine t')).toEqual(['ukraine']);
    expect(searchTerms('a')).toEqual([]);
    expect(isEmptyFilter({ ...EMPTY_FILTER, text: 'a ' })).toBe(true);
    expect(isEmptyFilter({ ...EMPTY_FILTER, syndicatedOnly: true })).toBe(false);
  });
});

describe('history upkeep', () => {
  it('counts original publishers, most frequent first', async () => {
    await seed();
    await recordDetection(
      db,
      sampleRecord({ url: 'https://e.example/5', original: { url: null, publisher: 'Reuters', headline: null, publishedAt: null } }),
      5000,
    );
    expect(await publishers(db)).toEqual([
      { key: 'reuters', count: 2 },
      { key: 'the washington post', count: 1 },
    ]);
  });

  it('deletes an entry by its page and prunes by last seen', async () => {
    await seed();
    await deleteEntry(db, 'https://b.example/2');
    expect(await pages(await timeOrder(db))).toEqual(['https://d.example/4', 'https://c.example/3', 'https://a.example/1']);
    expect(await pruneHistory(db, 3500)).toBe(2);
    expect(await pages(await timeOrder(db))).toEqual(['https://d.example/4']);
  });
});
