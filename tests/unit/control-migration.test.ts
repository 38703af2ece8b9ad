/**
 * Corrections live in the page's history entry (`correction`, lib/db.ts): a
 * field, not an index, so a database written before it opens unchanged, its
 * entries uncorrected; a correction written then survives closing the
 * database and later scans, and the indexes (copies only, kind) follow it.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { setCorrection } from '@/lib/control';
import { ProvenanceDatabase, getEntry, recordDetection } from '@/lib/db';
import { EMPTY_FILTER, forgetCachedRanges, matchingIds } from '@/lib/history';
import { sampleRecord } from './sample-record';
import { pageKey } from '@/core/url';

/** The last schema shipped before corrections (version 4), as tests/unit/db-migration.test.ts declares the older ones. */
function openVersion4(name: string) {
  const db = new Dexie(name);
  db.version(1).stores({ history: 'key, lastSeen, syndicated, site, publisherKey' });
  db.version(2).stores({
    history: 'key, lastSeen, syndicated, site, publisherKey, *words',
    originals: 'key, fetchedAt',
    verifications: '[pageKey+originalKey], pageKey, checkedAt',
  });
  db.version(3).stores({ history: 'key, lastSeen, syndicated, publisherKey, *words' });
  db.version(4).stores({ history: null, pages: 'id, &key, syndicated, publisherKey, *words' });
  return db;
}

const url = (i: number) => `https://site${i}.example/story-${i}/`;

describe('a database from before corrections', () => {
  it('opens with every entry uncorrected, takes a correction, keeps it across reopening and later scans', async () => {
    const name = 'control-migration-v4';
    const old = openVersion4(name);
    await old.table('pages').bulkAdd(
      Array.from({ length: 12 }, (_, i) => {
        const { kind: _kind, ...record } = sampleRecord({ url: url(i) });
        return {
          id: (5000 + i) * 1000,
          key: url(i),
          firstSeen: 4000,
          lastSeen: 5000 + i,
          visits: 2,
          syndicated: 1,
          site: `site${i}.example`,
          publisherKey: 'the washington post',
          words: ['talks'],
          record,
        };
      }),
    );
    old.close();

    const db = new ProvenanceDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    const all = await db.history.toArray();
    expect(all).toHaveLength(12);
    expect(all.every((entry) => entry.correction === undefined && entry.record.syndicated)).toBe(true);
    expect(await matchingIds(db, { ...EMPTY_FILTER, syndicatedOnly: true })).toHaveLength(12);

    const corrected = await setCorrection(db, pageKey(url(3)), { kind: 'not-a-copy', originalUrl: null, at: 6000 });
    expect(corrected).toMatchObject({ key: url(3), firstSeen: 4000, lastSeen: 5003, visits: 2, syndicated: 0, kind: '', publisherKey: '' });
    expect(corrected?.id).toBe(all.find((entry) => entry.key === url(3))?.id);
    expect(corrected?.correction?.engine).toEqual(all.find((entry) => entry.key === url(3))?.record);
    await setCorrection(db, pageKey(url(4)), { kind: 'wrong-original', originalUrl: 'https://apnews.com/article/x', at: 6000 });
    db.close();

    const again = new ProvenanceDatabase(name);
    expect(await again.history.count()).toBe(12);
    // The options page forgets the index ranges it read whenever the history changes; this test does it by hand.
    forgetCachedRanges();
    const copies = await matchingIds(again, { ...EMPTY_FILTER, syndicatedOnly: true });
    expect(copies).toHaveLength(11);
    expect((await getEntry(again, pageKey(url(3))))?.correction?.kind).toBe('not-a-copy');

    // The page read again: the engine's fresh record is corrected again, the entry counts the visit.
    const rescanned = await recordDetection(again, sampleRecord({ url: url(3), confidence: 0.7 }), 7000);
    expect(rescanned).toMatchObject({
      visits: 3,
      syndicated: 0,
      record: { syndicated: false, confidence: 0.7 },
      correction: { kind: 'not-a-copy', at: 6000 },
    });
    expect(rescanned.correction?.engine.confidence).toBe(0.7);
    const other = await recordDetection(again, sampleRecord({ url: url(4) }), 7001);
    expect(other.record.original?.url).toBe('https://apnews.com/article/x');
    expect(other.publisherKey).toBe('');

    // Undone: the engine's latest record comes back, and the indexes with it.
    const undone = await setCorrection(again, pageKey(url(3)), null);
    expect(undone).toMatchObject({ syndicated: 1, visits: 3, record: { syndicated: true, confidence: 0.7 } });
    expect(undone && 'correction' in undone).toBe(false);
    forgetCachedRanges();
    expect(await matchingIds(again, { ...EMPTY_FILTER, syndicatedOnly: true })).toHaveLength(12);
    again.close();
    await again.delete();
  });
});
