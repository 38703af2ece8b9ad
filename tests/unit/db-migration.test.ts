import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ProvenanceDatabase, getEntry, listHistory } from '@/lib/db';
import { sampleRecord } from './sample-record';

/** Version 1 as it shipped: history only, no search words. */
function openVersion1(name: string) {
  const db = new Dexie(name);
  db.version(1).stores({ history: 'key, lastSeen, syndicated, site, publisherKey' });
  return db;
}

describe('database upgrades keep every record', () => {
  it('opens a version 1 database as version 2 with the history intact and searchable', async () => {
    const name = 'migration-v1';
    const old = openVersion1(name);
    const stored = Array.from({ length: 250 }, (_, i) => {
      const record = sampleRecord({ url: `https://site${i % 7}.example/story-${i}`, syndicated: i % 3 === 0 });
      return {
        key: record.url,
        firstSeen: 1000 + i,
        lastSeen: 2000 + i,
        visits: 1 + (i % 4),
        syndicated: record.syndicated ? 1 : 0,
        site: `site${i % 7}.example`,
        publisherKey: 'the washington post',
        record,
      };
    });
    await old.table('history').bulkAdd(stored);
    old.close();

    const db = new ProvenanceDatabase(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.history.count()).toBe(250);
    for (const before of stored) {
      const after = await getEntry(db, before.key);
      expect(after).toMatchObject(before);
      expect(after?.words).toContain('ukraine');
    }
    expect((await listHistory(db, 1))[0]?.lastSeen).toBe(2249);
    const byWord = await db.history.where('words').equals('washington').count();
    expect(byWord).toBe(250);
    expect(await db.originals.count()).toBe(0);
    db.close();
    await db.delete();
  });
});

describe('from version 2', () => {
  it('keeps every history entry, verification and cached original, and rebuilds the search words', async () => {
    const name = 'migration-v2';
    const old = new Dexie(name);
    old.version(1).stores({ history: 'key, lastSeen, syndicated, site, publisherKey' });
    old.version(2).stores({
      history: 'key, lastSeen, syndicated, site, publisherKey, *words',
      originals: 'key, fetchedAt',
      verifications: '[pageKey+originalKey], pageKey, checkedAt',
    });
    const record = sampleRecord({ url: 'https://site.example/story' });
    const entry = { key: record.url, firstSeen: 1, lastSeen: 2, visits: 3, syndicated: 1, site: 'site.example', publisherKey: 'the washington post', words: ['www', 'com', 'ukraine'], record };
    await old.table('history').add(entry);
    await old.table('originals').add({ key: 'https://orig.example/', fetchedAt: 5, status: 200 });
    await old.table('verifications').add({ pageKey: record.url, originalKey: 'https://orig.example/', checkedAt: 6 });
    old.close();

    const db = new ProvenanceDatabase(name);
    await db.open();
    expect(db.verno).toBe(3);
    const upgraded = await getEntry(db, record.url);
    expect(upgraded).toMatchObject({ firstSeen: 1, lastSeen: 2, visits: 3, record });
    expect(upgraded?.words).toContain('ukraine');
    expect(upgraded?.words).not.toContain('com');
    expect(await db.originals.count()).toBe(1);
    expect(await db.verifications.count()).toBe(1);
    db.close();
    await db.delete();
  });
});
