import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ProvenanceDatabase, getEntry, listHistory, recordDetection } from '@/lib/db';
import { sampleRecord } from './sample-record';

let db: ProvenanceDatabase;
let counter = 0;
const open = () => (db = new ProvenanceDatabase(`test-${++counter}`));

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('history database', () => {
  it('stores a detection keyed by the normalised URL', async () => {
    open();
    const entry = await recordDetection(db, sampleRecord({ url: 'https://Example.com/a?utm_source=x#top' }), 1000);
    expect(entry.key).toBe('https://example.com/a');
    expect(entry.visits).toBe(1);
    expect(entry.syndicated).toBe(1);
    expect(entry.site).toBe('example.com');
    expect(entry.publisherKey).toBe('the washington post');
    const stored = await getEntry(db, 'https://example.com/a?fbclid=abc');
    expect(stored?.record.page.headline).toBe(entry.record.page.headline);
  });

  it('updates the same entry on revisit, keeping when it was first seen', async () => {
    open();
    await recordDetection(db, sampleRecord({ url: 'https://example.com/a' }), 1000);
    const again = await recordDetection(db, sampleRecord({ url: 'https://example.com/a', confidence: 0.5 }), 5000);
    expect(again.firstSeen).toBe(1000);
    expect(again.lastSeen).toBe(5000);
    expect(again.visits).toBe(2);
    expect(await db.history.count()).toBe(1);
    expect((await getEntry(db, 'https://example.com/a'))?.record.confidence).toBe(0.5);
  });

  it('lists history newest first', async () => {
    open();
    await recordDetection(db, sampleRecord({ url: 'https://a.example/1' }), 1000);
    await recordDetection(db, sampleRecord({ url: 'https://b.example/2' }), 3000);
    await recordDetection(db, sampleRecord({ url: 'https://c.example/3' }), 2000);
    const keys = (await listHistory(db)).map((entry) => entry.key);
    expect(keys).toEqual(['https://b.example/2', 'https://c.example/3', 'https://a.example/1']);
  });

  it('keeps history across closing and reopening the database', async () => {
    open();
    await recordDetection(db, sampleRecord({ url: 'https://example.com/kept' }), 1000);
    db.close();
    await db.open();
    expect(await getEntry(db, 'https://example.com/kept')).toBeDefined();
  });
});
