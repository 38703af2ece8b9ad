import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ProvenanceDatabase, getEntry, listHistory, type HistoryEntry } from '@/lib/db';
import { matchingIds, timeOrder, EMPTY_FILTER } from '@/lib/history';
import { sampleRecord } from './sample-record';

/** The schemas as they shipped, to create a database of each older version. */
const SHIPPED = {
  1: { history: 'key, lastSeen, syndicated, site, publisherKey' },
  2: {
    history: 'key, lastSeen, syndicated, site, publisherKey, *words',
    originals: 'key, fetchedAt',
    verifications: '[pageKey+originalKey], pageKey, checkedAt',
  },
  3: { history: 'key, lastSeen, syndicated, publisherKey, *words' },
  4: { history: null, pages: 'id, &key, syndicated, publisherKey, *words' },
} as const;

function openVersion(name: string, version: 1 | 2 | 3 | 4) {
  const db = new Dexie(name);
  db.version(1).stores(SHIPPED[1]);
  if (version >= 2) db.version(2).stores(SHIPPED[2]);
  if (version >= 3) db.version(3).stores(SHIPPED[3]);
  if (version >= 4) db.version(4).stores(SHIPPED[4]);
  return db;
}

/** History entries as an older version stored them: keyed by URL, no id; version 1 had no search words. */
function oldEntries(count: number, withWords: boolean) {
  return Array.from({ length: count }, (_, i) => {
    // Records were stored without a kind of copy before version 5.
    const { kind: _kind, ...record } = sampleRecord({ url: `https://site${i % 7}.example/story-${i}`, syndicated: i % 3 === 0 });
    return {
      key: record.url,
      firstSeen: 1000 + i,
      lastSeen: 2000 + ((i * 7919) % count),
      visits: 1 + (i % 4),
      syndicated: record.syndicated ? 1 : 0,
      site: `site${i % 7}.example`,
      publisherKey: 'the washington post',
      ...(withWords ? { words: ['www', 'com', 'ukraine'] } : {}),
      record,
    };
  });
}

/** Every entry is there once, with all it had, a distinct id, and new search words. */
async function expectAllKept(db: ProvenanceDatabase, stored: ReturnType<typeof oldEntries>) {
  expect(await db.history.count()).toBe(stored.length);
  const all: HistoryEntry[] = await db.history.toArray();
  expect(new Set(all.map((entry) => entry.id)).size).toBe(stored.length);
  expect(new Set(all.map((entry) => entry.key)).size).toBe(stored.length);
  const byKey = new Map(all.map((entry) => [entry.key, entry]));
  for (const before of stored) {
    const after = byKey.get(before.key);
    const { words: _words, ...kept } = before;
    expect(after).toMatchObject(kept);
    expect(typeof after?.id).toBe('number');
    expect(after?.words).toContain('ukraine');
    expect(after?.words).not.toContain('com');
  }
  expect(await getEntry(db, stored.at(-1)!.key)).toEqual(byKey.get(stored.at(-1)!.key));
  const newest = stored.reduce((a, b) => (b.lastSeen > a.lastSeen ? b : a));
  expect((await listHistory(db, 1))[0]?.key).toBe(newest.key);
  expect(await db.history.where('words').equals('washington').count()).toBe(stored.length);
  const order = await timeOrder(db);
  expect(order).toHaveLength(stored.length);
  expect(await matchingIds(db, { ...EMPTY_FILTER, text: 'kyiv' })).toHaveLength(stored.length);
  expect(await matchingIds(db, { ...EMPTY_FILTER, syndicatedOnly: true })).toHaveLength(stored.filter((entry) => entry.syndicated === 1).length);
  // Every record has its kind of copy, decided from its signals (a content-farm footer: scraped), and the filter by kind finds them.
  for (const entry of all) {
    expect(entry.record.kind).toBe(entry.record.syndicated ? 'scraped' : null);
    expect(entry.kind).toBe(entry.record.syndicated ? 'scraped' : '');
  }
  expect(await matchingIds(db, { ...EMPTY_FILTER, kind: 'scraped' })).toHaveLength(stored.filter((entry) => entry.syndicated === 1).length);
}

describe('database upgrades keep every record', () => {
  it('opens a version 1 database as version 5 with the history intact and searchable', async () => {
    const name = 'migration-v1';
    const old = openVersion(name, 1);
    const stored = oldEntries(250, false);
    await old.table('history').bulkAdd(stored);
    old.close();

    const db = new ProvenanceDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    await expectAllKept(db, stored);
    expect(await db.originals.count()).toBe(0);
    expect(db.backendDB().objectStoreNames.contains('history')).toBe(false);
    db.close();
    await db.delete();
  });

  it('from version 2: keeps every history entry, verification and cached original, and rebuilds the search words', async () => {
    const name = 'migration-v2';
    const old = openVersion(name, 2);
    const stored = oldEntries(30, true);
    await old.table('history').bulkAdd(stored);
    await old.table('originals').add({ key: 'https://orig.example/', fetchedAt: 5, status: 200 });
    await old.table('verifications').add({ pageKey: stored[0]!.key, originalKey: 'https://orig.example/', checkedAt: 6 });
    old.close();

    const db = new ProvenanceDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    await expectAllKept(db, stored);
    expect(await db.originals.toArray()).toEqual([{ key: 'https://orig.example/', fetchedAt: 5, status: 200 }]);
    expect(await db.verifications.toArray()).toEqual([{ pageKey: stored[0]!.key, originalKey: 'https://orig.example/', checkedAt: 6 }]);
    db.close();
    await db.delete();
  });

  it('from version 3: moves a history larger than one copy batch to numeric ids, nothing lost or doubled', async () => {
    const name = 'migration-v3';
    const old = openVersion(name, 3);
    // More than two batches of the copy, and not a multiple of one.
    const stored = oldEntries(1203, true);
    await old.table('history').bulkAdd(stored);
    await old.table('originals').add({ key: 'https://orig.example/', fetchedAt: 5, status: 200 });
    old.close();

    const db = new ProvenanceDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    await expectAllKept(db, stored);
    expect(await db.originals.count()).toBe(1);
    db.close();

    // Opened again: no second upgrade, nothing copied twice.
    const again = new ProvenanceDatabase(name);
    expect(await again.history.count()).toBe(1203);
    again.close();
    await again.delete();
  });

  it('from version 4: gives every stored record its kind of copy, archived snapshots their capture time', async () => {
    const name = 'migration-v4';
    const old = openVersion(name, 4);
    const stored = oldEntries(40, true).map((entry, i) => ({ ...entry, id: entry.lastSeen * 1000 + i }));
    const { kind: _kind, ...snapshot } = sampleRecord({
      url: 'https://web.archive.org/web/20250222144226/https://www.washingtonpost.com/world/2025/02/22/talks/',
      syndicated: false,
      original: null,
      chain: [],
      signals: [
        {
          kind: 'archived-copy',
          detail: 'An archived copy (Wayback Machine), not a republication',
          weight: 0,
          evidence: { text: 'https://web.archive.org/…', location: 'page address' },
        },
      ],
    });
    await old.table('pages').bulkAdd([...stored, { ...stored[0]!, id: 1, key: snapshot.url, record: snapshot, syndicated: 0 }]);
    old.close();

    const db = new ProvenanceDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    const byKey = new Map((await db.history.toArray()).map((entry) => [entry.key, entry]));
    expect(byKey.size).toBe(41);
    for (const before of stored) expect(byKey.get(before.key)?.record.kind).toBe(before.syndicated ? 'scraped' : null);
    const archived = byKey.get(snapshot.url);
    expect(archived?.record).toMatchObject({
      kind: 'archive',
      archive: { service: 'Wayback Machine', url: 'https://www.washingtonpost.com/world/2025/02/22/talks/', capturedAt: '2025-02-22T14:42:26Z' },
    });
    expect(await matchingIds(db, { ...EMPTY_FILTER, kind: 'archive' })).toEqual([archived!.id]);
    db.close();
    await db.delete();
  });

  it('an empty version 3 database opens as an empty version 5', async () => {
    const name = 'migration-v3-empty';
    const old = openVersion(name, 3);
    await old.open();
    old.close();
    const db = new ProvenanceDatabase(name);
    expect(await db.history.count()).toBe(0);
    expect(db.verno).toBe(5);
    db.close();
    await db.delete();
  });
});
