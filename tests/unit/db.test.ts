import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ProvenanceDatabase, getEntry, latestVerification, listHistory, recordDetection, storeVerification } from '@/lib/db';
import { sampleRecord } from './sample-record';
import { pageKey } from '@/core/url';

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
    const stored = await getEntry(db, pageKey('https://example.com/a?fbclid=abc'));
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
    expect((await getEntry(db, pageKey('https://example.com/a')))?.record.confidence).toBe(0.5);
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
    expect(await getEntry(db, pageKey('https://example.com/kept'))).toBeDefined();
  });
});

describe('verification results', () => {
  const base = {
    pageUrl: pageKey('https://example.com/a'),
    hops: [],
    original: null,
    search: null,
    comparison: null,
  };
  it('keeps an earlier success when a re-check fails, and shows the failure beside it', async () => {
    open();
    const success = {
      ...base,
      checkedAt: 1000,
      outcome: 'verified' as const,
      failure: null,
      original: { url: 'https://orig.example/x', publisher: 'Orig', headline: 'H', publishedAt: null, authors: [] },
    };
    await storeVerification(db, success);
    const failed = {
      ...base,
      checkedAt: 2000,
      outcome: 'failed' as const,
      failure: { code: 'offline' as const, message: 'the browser is offline', url: 'https://orig.example/x' },
    };
    const kept = await storeVerification(db, failed);
    expect(kept.verification.outcome).toBe('verified');
    expect(kept.lastFailure?.at).toBe(2000);
    expect((await latestVerification(db, pageKey('https://example.com/a')))?.verification.checkedAt).toBe(1000);
    expect(await db.verifications.count()).toBe(1);
  });

  it('replaces a failure with the next result', async () => {
    open();
    await storeVerification(db, {
      ...base,
      checkedAt: 1000,
      outcome: 'failed',
      failure: { code: 'not-found', message: '404', url: 'https://x.example' },
    });
    const next = await storeVerification(db, {
      ...base,
      checkedAt: 2000,
      outcome: 'failed',
      failure: { code: 'timeout', message: 'slow', url: 'https://x.example' },
    });
    expect(next.verification.failure?.code).toBe('timeout');
    expect(next.lastFailure).toBeNull();
    expect(await db.verifications.count()).toBe(1);
  });
});
