/**
 * Corrections travel with the history: exported beside the engine's record
 * (never instead of it), imported strictly (a bad correction refuses the
 * file, naming the entry and the field) and applied again on import.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { setCorrection } from '@/lib/control';
import { ProvenanceDatabase, getEntry, recordDetection } from '@/lib/db';
import { exportHistory, historyCsv, importHistory, ImportError, parseHistoryExport } from '@/lib/transfer';
import { sampleRecord } from './sample-record';
import { pageKey } from '@/core/url';

const dbs: ProvenanceDatabase[] = [];
let counter = 0;
function fresh() {
  const db = new ProvenanceDatabase(`control-transfer-${++counter}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

const url = (i: number) => `https://s${i}.example/a/${i}`;

async function corrected() {
  const db = fresh();
  for (let i = 0; i < 4; i++) await recordDetection(db, sampleRecord({ url: url(i) }), 1000 + i);
  await setCorrection(db, pageKey(url(1)), { kind: 'not-a-copy', originalUrl: null, at: 2000 });
  await setCorrection(db, pageKey(url(2)), { kind: 'wrong-original', originalUrl: 'https://apnews.com/article/x', at: 2001 });
  await setCorrection(db, pageKey(url(3)), { kind: 'wrong-original', originalUrl: null, at: 2002 });
  return db;
}

describe('export and import with corrections', () => {
  it('round trip: the same entries, corrections and corrected records, in an empty database', async () => {
    const db = await corrected();
    const text = JSON.stringify(await exportHistory(db));
    const copy = fresh();
    expect(await importHistory(copy, text)).toEqual({ added: 4, updated: 0, unchanged: 0 });
    const strip = ({ id: _id, ...fields }: { id?: number }) => fields;
    expect((await copy.history.toArray()).map(strip)).toEqual((await db.history.toArray()).map(strip));
    expect((await getEntry(copy, pageKey(url(1))))?.record.syndicated).toBe(false);
    expect((await getEntry(copy, pageKey(url(2))))?.record.original?.url).toBe('https://apnews.com/article/x');
    // Imported again: nothing changes.
    expect(await importHistory(copy, text)).toEqual({ added: 0, updated: 0, unchanged: 4 });
  });

  it("the file holds the engine's record and the correction beside it, without a second copy of the record", async () => {
    const data = await exportHistory(await corrected());
    const byUrl = new Map(data.entries.map((entry) => [entry.record.url, entry]));
    expect(byUrl.get(pageKey(url(1)))?.record.syndicated).toBe(true);
    expect(byUrl.get(pageKey(url(1)))?.correction).toEqual({ kind: 'not-a-copy', originalUrl: null, at: 2000 });
    expect(byUrl.get(pageKey(url(2)))?.correction).toEqual({ kind: 'wrong-original', originalUrl: 'https://apnews.com/article/x', at: 2001 });
    expect('correction' in byUrl.get(pageKey(url(0)))!).toBe(false);
    expect(JSON.stringify(data)).not.toContain('"engine"');
    // The spreadsheet shows what the extension says, and which rows the reader corrected.
    const lines = historyCsv(data).trim().split('\r\n');
    expect(lines[0]).toMatch(/,corrected$/);
    const row = (i: number) => lines.find((line) => line.startsWith(url(i)))!;
    expect(row(1)).toMatch(/,false,.*,not-a-copy$/);
    expect(row(2)).toContain('https://apnews.com/article/x');
    expect(row(2)).toMatch(/,wrong-original$/);
    expect(row(0)).toMatch(/,$/);
  });

  it('merging: the later correction wins, and a file without one removes none', async () => {
    const db = await corrected();
    const file = await exportHistory(db);
    const mine = fresh();
    await recordDetection(mine, sampleRecord({ url: url(1) }), 1001);
    await setCorrection(mine, pageKey(url(1)), { kind: 'wrong-original', originalUrl: null, at: 1500 });
    await recordDetection(mine, sampleRecord({ url: url(2) }), 1002);
    await setCorrection(mine, pageKey(url(2)), { kind: 'not-a-copy', originalUrl: null, at: 3000 });
    await recordDetection(mine, sampleRecord({ url: url(0) }), 1000);
    await setCorrection(mine, pageKey(url(0)), { kind: 'not-a-copy', originalUrl: null, at: 1200 });
    await importHistory(mine, JSON.stringify(file));
    expect((await getEntry(mine, pageKey(url(1))))?.correction?.kind).toBe('not-a-copy');
    expect((await getEntry(mine, pageKey(url(2))))?.correction?.kind).toBe('not-a-copy');
    expect((await getEntry(mine, pageKey(url(0))))?.correction).toMatchObject({ kind: 'not-a-copy', at: 1200 });
    expect((await getEntry(mine, pageKey(url(0))))?.record.syndicated).toBe(false);
  });
});

describe('strict import of corrections', () => {
  async function fileWith(correction: unknown) {
    const data = await exportHistory(await corrected());
    const at = data.entries.findIndex((entry) => entry.record.url === url(1));
    (data.entries[at] as { correction?: unknown }).correction = correction;
    return { text: JSON.stringify(data), entry: at + 1 };
  }

  it.each([
    [
      'an unknown kind',
      { kind: 'retracted', originalUrl: null, at: 5 },
      'correction.kind is the text "retracted", not "not-a-copy" or "wrong-original"',
    ],
    [
      'a script address',
      { kind: 'wrong-original', originalUrl: 'javascript:alert(1)', at: 5 },
      'correction.originalUrl "javascript:alert(1)" is not an http(s) link',
    ],
    [
      'an original on "not a copy"',
      { kind: 'not-a-copy', originalUrl: 'https://a.example/', at: 5 },
      'correction.originalUrl is the text "https://a.example/"; a "not-a-copy" correction names no original',
    ],
    ['no time', { kind: 'not-a-copy', originalUrl: null }, 'correction.at is missing, not a time in ms since 1970'],
    ['a negative time', { kind: 'not-a-copy', originalUrl: null, at: -1 }, 'correction.at is -1, not a time in ms since 1970'],
    ['not an object', 'not-a-copy', 'correction is the text "not-a-copy", not an object'],
    ['a missing address', { kind: 'wrong-original', at: 5 }, 'correction.originalUrl is missing, not text'],
  ])('refuses %s, naming the entry and the field, and writes nothing', async (_what, correction, words) => {
    const { text, entry } = await fileWith(correction);
    expect(() => parseHistoryExport(text)).toThrow(ImportError);
    expect(() => parseHistoryExport(text)).toThrow(`entry ${entry} is not a valid provenance record: ${words}`);
    const empty = fresh();
    await expect(importHistory(empty, text)).rejects.toThrow(ImportError);
    expect(await empty.history.count()).toBe(0);
  });

  it('an address too long is refused by its length', async () => {
    const { text } = await fileWith({ kind: 'wrong-original', originalUrl: `https://a.example/${'x'.repeat(20_000)}`, at: 5 });
    expect(() => parseHistoryExport(text)).toThrow(/correction\.originalUrl has 20,018 characters; at most [\d,]+ are allowed/);
  });

  it('a file from before corrections (no field) imports as before', async () => {
    const data = await exportHistory(await corrected());
    for (const entry of data.entries) delete entry.correction;
    const db = fresh();
    expect((await importHistory(db, JSON.stringify(data))).added).toBe(4);
    expect((await db.history.toArray()).every((entry) => entry.correction === undefined && entry.record.syndicated)).toBe(true);
  });
});
