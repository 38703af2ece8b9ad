import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ProvenanceDatabase, recordDetection } from '@/lib/db';
import { EMPTY_FILTER, matchingKeys, searchTerms, timeOrder } from '@/lib/history';
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
    { url: 'https://a.example/1', headline: 'Ukraine talks begin in Riyadh', publisher: 'The Washington Post', syndicated: true, at: 1000 },
    { url: 'https://b.example/2', headline: 'Council approves bridge plan', publisher: null, syndicated: false, at: 2000 },
    { url: 'https://c.example/3', headline: 'Ukraine grain exports rise', publisher: 'Reuters', syndicated: true, at: 3000 },
    { url: 'https://d.example/4', headline: 'New e-reader gets margins right', publisher: null, syndicated: false, at: 4000 },
  ];
  for (const row of rows) {
    const record = sampleRecord({
      url: row.url,
      syndicated: row.syndicated,
      original: row.publisher ? { url: null, publisher: row.publisher, headline: null, publishedAt: null } : null,
    });
    record.page.headline = row.headline;
    record.page.siteName = null;
    await recordDetection(db, record, row.at);
  }
  return timeOrder(db);
}

describe('history search', () => {
  it('lists everything newest first without a filter', async () => {
    const order = await seed();
    expect(order).toEqual(['https://d.example/4', 'https://c.example/3', 'https://b.example/2', 'https://a.example/1']);
    expect(await matchingKeys(db, EMPTY_FILTER, order)).toEqual(order);
  });

  it('matches word prefixes of headline, site and publisher, all words required, newest first', async () => {
    const order = await seed();
    expect(await matchingKeys(db, { ...EMPTY_FILTER, text: 'ukr' }, order)).toEqual(['https://c.example/3', 'https://a.example/1']);
    expect(await matchingKeys(db, { ...EMPTY_FILTER, text: 'ukraine grain' }, order)).toEqual(['https://c.example/3']);
    expect(await matchingKeys(db, { ...EMPTY_FILTER, text: 'reuters' }, order)).toEqual(['https://c.example/3']);
    expect(await matchingKeys(db, { ...EMPTY_FILTER, text: 'example' }, order)).toEqual(order);
    expect(await matchingKeys(db, { ...EMPTY_FILTER, text: 'nothing-like-this' }, order)).toEqual([]);
  });

  it('combines words with the copies-only, publisher and date filters', async () => {
    const order = await seed();
    expect(await matchingKeys(db, { ...EMPTY_FILTER, syndicatedOnly: true }, order)).toEqual(['https://c.example/3', 'https://a.example/1']);
    expect(await matchingKeys(db, { ...EMPTY_FILTER, publisher: 'reuters' }, order)).toEqual(['https://c.example/3']);
    expect(await matchingKeys(db, { ...EMPTY_FILTER, from: 1500, to: 3500 }, order)).toEqual(['https://c.example/3', 'https://b.example/2']);
    expect(await matchingKeys(db, { ...EMPTY_FILTER, text: 'ukraine', from: 0, to: 2000 }, order)).toEqual(['https://a.example/1']);
    expect(await matchingKeys(db, { ...EMPTY_FILTER, text: 'ukraine', syndicatedOnly: true, publisher: 'the washington post' }, order)).toEqual(['https://a.example/1']);
  });

  it('ignores one-letter words and stop words, which narrow nothing', () => {
    expect(searchTerms('The Ukraine t')).toEqual(['ukraine']);
    expect(searchTerms('a')).toEqual([]);
  });
});
