import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ProvenanceDatabase, getEntry, recordDetection } from '@/lib/db';
import { csvCell, exportHistory, historyCsv, importHistory, ImportError } from '@/lib/transfer';
import { sampleRecord } from './sample-record';
import { pageKey } from '@/core/url';

const dbs: ProvenanceDatabase[] = [];
let counter = 0;
function fresh() {
  const db = new ProvenanceDatabase(`transfer-${++counter}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function seeded(count: number) {
  const db = fresh();
  for (let i = 0; i < count; i++) {
    await recordDetection(db, sampleRecord({ url: `https://s${i % 5}.example/a/${i}`, syndicated: i % 2 === 0 }), 1000 + i);
  }
  return db;
}

describe('export and import', () => {
  it('gives back exactly the same history after export then import into an empty database', async () => {
    const source = await seeded(40);
    const exported = JSON.stringify(await exportHistory(source));
    const target = fresh();
    expect(await importHistory(target, exported)).toEqual({ added: 40, updated: 0, unchanged: 0 });
    // Everything but the storage id, which each database gives on its own.
    const stored = async (db: ProvenanceDatabase) => (await db.history.orderBy('key').toArray()).map(({ id: _id, ...entry }) => entry);
    expect(await stored(target)).toEqual(await stored(source));
  });

  it('merges without duplicates: importing the same file twice adds nothing', async () => {
    const source = await seeded(10);
    const exported = JSON.stringify(await exportHistory(source));
    expect(await importHistory(source, exported)).toEqual({ added: 0, updated: 0, unchanged: 10 });
    expect(await source.history.count()).toBe(10);
  });

  it('keeps the newer record and widens first/last seen when both sides know a page', async () => {
    const db = fresh();
    await recordDetection(db, sampleRecord({ url: 'https://x.example/1', confidence: 0.7 }), 5000);
    const file = {
      format: 'provenance-history',
      version: 1,
      exportedAt: new Date(0).toISOString(),
      entries: [{ firstSeen: 100, lastSeen: 9000, visits: 3, record: sampleRecord({ url: 'https://x.example/1', confidence: 0.9 }) }],
    };
    expect(await importHistory(db, JSON.stringify(file))).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect(await db.history.count()).toBe(1);
    const entry = await getEntry(db, pageKey('https://x.example/1'));
    expect(entry).toMatchObject({ firstSeen: 100, lastSeen: 9000, visits: 3 });
    expect(entry?.record.confidence).toBe(0.9);
  });

  it.each([
    ['not JSON', '{oops', /not JSON/],
    ['another format', JSON.stringify({ format: 'other' }), /not a Provenance history export/],
    ['a future version', JSON.stringify({ format: 'provenance-history', version: 9, entries: [] }), /version 9/],
    [
      'a malformed entry',
      JSON.stringify({ format: 'provenance-history', version: 1, entries: [{ firstSeen: 1, lastSeen: 2, visits: 1, record: { url: 5 } }] }),
      /entry 1 is not a valid provenance record/,
    ],
    [
      'a javascript: page',
      JSON.stringify({
        format: 'provenance-history',
        version: 1,
        entries: [{ firstSeen: 1, lastSeen: 2, visits: 1, record: sampleRecord({ url: 'javascript:alert(1)' }) }],
      }),
      /entry 1 is not the record of a web page/,
    ],
  ])('rejects %s with a clear message and changes nothing', async (_label, text, message) => {
    const db = await seeded(5);
    const before = await db.history.toArray();
    await expect(importHistory(db, text)).rejects.toThrow(ImportError);
    await expect(importHistory(db, text)).rejects.toThrow(message);
    expect(await db.history.toArray()).toEqual(before);
  });

  it('a file that goes bad half way changes nothing', async () => {
    const db = await seeded(3);
    const before = await db.history.toArray();
    const good = (await exportHistory(await seeded(20))).entries;
    const file = {
      format: 'provenance-history',
      version: 1,
      exportedAt: '',
      entries: [...good, { firstSeen: 5, lastSeen: 1, visits: 1, record: sampleRecord() }],
    };
    await expect(importHistory(db, JSON.stringify(file))).rejects.toThrow(/entry 21 has impossible dates/);
    expect(await db.history.toArray()).toEqual(before);
  });
});

describe('CSV', () => {
  it('quotes cells and neutralises formulas from page text', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell(null)).toBe('');
    expect(csvCell(0.95)).toBe('0.95');
  });

  it('writes one header and one row per entry', async () => {
    const db = await seeded(3);
    const lines = historyCsv(await exportHistory(db))
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^url,headline,site,syndicated/);
  });
});

describe('the kind of copy in export and import', () => {
  const fileOf = (record: unknown) =>
    JSON.stringify({ format: 'provenance-history', version: 1, exportedAt: '', entries: [{ firstSeen: 1, lastSeen: 2, visits: 1, record }] });

  it('CSV has the kind and its words, in English like its column names', async () => {
    const db = fresh();
    await recordDetection(db, sampleRecord({ url: 'https://copy.example/1' }), 1000);
    await recordDetection(db, sampleRecord({ url: 'https://original.example/2', syndicated: false, kind: null, original: null, chain: [] }), 2000);
    const [header, ...rows] = historyCsv(await exportHistory(db))
      .trim()
      .split('\r\n');
    expect(header).toMatch(/^url,headline,site,syndicated,kind,kind_text,confidence,/);
    expect(rows[1]).toContain(',true,scraped,"Copy of a Washington Post story · scraped by a feed site, no licence shown",0.95,');
    expect(rows[0]).toContain(',false,,,');
  });

  it('a file written before records had a kind gets it from the records’ signals', async () => {
    const db = fresh();
    const { kind: _kind, ...old } = sampleRecord({ url: 'https://old.example/1' });
    expect(await importHistory(db, fileOf(old))).toEqual({ added: 1, updated: 0, unchanged: 0 });
    const entry = await getEntry(db, pageKey('https://old.example/1'));
    expect(entry?.record.kind).toBe('scraped');
    expect(entry?.kind).toBe('scraped');
  });

  it('keeps an archived snapshot’s capture time, and rejects a kind it does not know', async () => {
    const db = fresh();
    const archived = sampleRecord({
      url: 'https://web.archive.org/web/20250222144226/https://www.washingtonpost.com/world/x/',
      syndicated: false,
      kind: 'archive',
      archive: { service: 'Wayback Machine', url: 'https://www.washingtonpost.com/world/x/', capturedAt: '2025-02-22T14:42:26Z' },
    });
    await importHistory(db, fileOf(archived));
    expect((await getEntry(db, archived.url))?.record).toMatchObject({ kind: 'archive', archive: archived.archive });
    await expect(importHistory(db, fileOf({ ...archived, kind: 'licensed' }))).rejects.toThrow(
      /entry 1 is not a valid provenance record: record\.kind is the text "licensed", not a kind of copy/,
    );
  });
});
