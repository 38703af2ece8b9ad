/**
 * Hostile history files: an import is held to the limits the extension keeps
 * to (lib/import-limits.ts), links are http(s) only, text is cleaned, and a
 * refusal names the entry and the field. Nothing of a refused file is written.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Provenance } from '@/core/types';
import { ProvenanceDatabase, getEntry, recordDetection } from '@/lib/db';
import { IMPORT_LIMITS, IMPORT_MAX_MB } from '@/lib/import-limits';
import { ImportError, importHistory, parseHistoryExport } from '@/lib/transfer';
import { sampleRecord } from './sample-record';
import { pageKey } from '@/core/url';

const dbs: ProvenanceDatabase[] = [];
let counter = 0;
function fresh() {
  const db = new ProvenanceDatabase(`import-strict-${++counter}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** An export file whose entries hold these records (plain JSON values, anything goes). */
function file(...records: unknown[]): string {
  return JSON.stringify({
    format: 'provenance-history',
    version: 1,
    exportedAt: new Date(0).toISOString(),
    entries: records.map((record, i) => ({ firstSeen: 1_000 + i, lastSeen: 2_000 + i, visits: 1, record })),
  });
}

/** A valid record with one field replaced: `change` edits a deep copy. */
function record(change: (r: Record<string, any>) => void = () => undefined, url = 'https://copy.example/a'): unknown {
  const r = structuredClone(sampleRecord({ url })) as unknown as Record<string, any>;
  change(r);
  return r;
}

async function refused(text: string): Promise<string> {
  const db = fresh();
  await recordDetection(db, sampleRecord({ url: 'https://already.example/' }), 500);
  const before = await db.history.toArray();
  const error = await importHistory(db, text).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  // Nothing of a refused file is written.
  expect(await db.history.toArray()).toEqual(before);
  return (error as Error).message;
}

describe('links in an import are http(s) only, and a bad one is named', () => {
  it.each([
    [
      'record.url',
      'http://',
      (r: Record<string, any>) => (r.url = 'http://'),
      /^entry 2 is not the record of a web page: record\.url "http:\/\/" is not an http\(s\) link$/,
    ],
    [
      'record.url',
      'javascript:',
      (r: Record<string, any>) => (r.url = 'javascript:alert(1)'),
      /entry 2 is not the record of a web page: record\.url "javascript:alert\(1\)" is not an http\(s\) link/,
    ],
    [
      'record.original.url',
      'javascript:',
      (r: Record<string, any>) => (r.original.url = 'javascript:alert(document.cookie)'),
      /entry 2 is not a valid provenance record: record\.original\.url "javascript:alert\(document\.cookie\)" is not an http\(s\) link/,
    ],
    [
      'record.chain[1].url',
      'data:',
      (r: Record<string, any>) => (r.chain[1].url = 'data:text/html,<script>alert(1)</script>'),
      /entry 2 .*record\.chain\[1\]\.url "data:text\/html,<script>alert\(1\)<\/script>" is not an http\(s\) link/,
    ],
    [
      'record.sourceUrl',
      'file:',
      (r: Record<string, any>) => (r.sourceUrl = 'file:///etc/passwd'),
      /entry 2 .*record\.sourceUrl "file:\/\/\/etc\/passwd" is not an http\(s\) link/,
    ],
    [
      'record.sourceUrl',
      'not a URL',
      (r: Record<string, any>) => (r.sourceUrl = 'see the source'),
      /entry 2 .*record\.sourceUrl "see the source" is not an http\(s\) link/,
    ],
    [
      'record.original.url',
      'chrome-extension:',
      (r: Record<string, any>) => (r.original.url = 'chrome-extension://abc/options.html'),
      /record\.original\.url .* is not an http\(s\) link/,
    ],
  ])('%s: %s', async (_field, _kind, change, message) => {
    expect(await refused(file(record(), record(change, 'https://copy.example/b')))).toMatch(message);
  });
});

describe('every string of an import has a length limit', () => {
  it.each([
    ['record.page.headline', (r: Record<string, any>) => (r.page.headline = 'x'.repeat(IMPORT_LIMITS.text + 1))],
    ['record.page.authors[0]', (r: Record<string, any>) => (r.page.authors = ['y'.repeat(IMPORT_LIMITS.text + 1)])],
    ['record.original.publisher', (r: Record<string, any>) => (r.original.publisher = 'p'.repeat(IMPORT_LIMITS.text + 1))],
    ['record.copyright', (r: Record<string, any>) => (r.copyright = '©'.repeat(IMPORT_LIMITS.text + 1))],
    ['record.signals[0].evidence.text', (r: Record<string, any>) => (r.signals[0].evidence.text = 'e'.repeat(IMPORT_LIMITS.text + 1))],
    ['record.signals[0].kind', (r: Record<string, any>) => (r.signals[0].kind = 'k'.repeat(IMPORT_LIMITS.kind + 1))],
    ['record.url', (r: Record<string, any>) => (r.url = `https://copy.example/${'a'.repeat(IMPORT_LIMITS.url)}`)],
  ])('%s', async (field, change) => {
    const message = await refused(file(record(change)));
    expect(message).toContain(`entry 1 `);
    expect(message).toContain(`${field} has `);
    expect(message).toMatch(/characters; at most [\d,]+ are allowed/);
  });

  it('lists too: authors, chain, signals', async () => {
    const chain = record((r) => (r.chain = Array.from({ length: 17 }, () => r.chain[0])));
    expect(await refused(file(chain))).toMatch(/entry 1 is not a valid provenance record: record\.chain has 17 items; at most 16 are allowed/);
    const authors = record((r) => (r.page.authors = Array.from({ length: 51 }, () => 'A')));
    expect(await refused(file(authors))).toMatch(/record\.page\.authors has 51 items/);
    const signals = record((r) => (r.signals = Array.from({ length: 201 }, () => r.signals[0])));
    expect(await refused(file(signals))).toMatch(/record\.signals has 201 items/);
  });

  it('a wrong type is named with its field', async () => {
    expect(await refused(file(record((r) => (r.confidence = 'high'))))).toBe(
      'entry 1 is not a valid provenance record: record.confidence is the text "high", not a number from 0 to 1',
    );
    expect(await refused(file(record((r) => (r.page = null))))).toBe('entry 1 is not a valid provenance record: record.page is null, not an object');
    expect(await refused(file(record((r) => delete r.syndicated)))).toBe(
      'entry 1 is not a valid provenance record: record.syndicated is missing, not true or false',
    );
  });
});

describe('the file as a whole', () => {
  it(`a file over ${IMPORT_MAX_MB} MB is refused before it is parsed`, async () => {
    const huge = ' '.repeat(IMPORT_LIMITS.bytes + 1);
    expect(() => parseHistoryExport(huge)).toThrow(
      new ImportError(`the file is ${IMPORT_MAX_MB + 1} MB; an import file can be at most ${IMPORT_MAX_MB} MB`),
    );
  });

  it(`more than ${IMPORT_LIMITS.entries.toLocaleString('en')} entries are refused`, async () => {
    const many = JSON.stringify({ format: 'provenance-history', version: 1, entries: Array.from({ length: IMPORT_LIMITS.entries + 1 }, () => 0) });
    expect(await refused(many)).toBe('the file has 100,001 entries; an import can hold at most 100,000');
  });

  it('impossible dates and visit counts say what is wrong', async () => {
    const bad = (entry: object) => JSON.stringify({ format: 'provenance-history', version: 1, entries: [entry] });
    expect(await refused(bad({ firstSeen: 5, lastSeen: 1, visits: 1, record: record() }))).toBe(
      'entry 1 has impossible dates (firstSeen 5 is after lastSeen 1)',
    );
    expect(await refused(bad({ firstSeen: 'yesterday', lastSeen: 1, visits: 1, record: record() }))).toMatch(/^entry 1 has impossible dates/);
    expect(await refused(bad({ firstSeen: 1, lastSeen: 2, visits: 0, record: record() }))).toMatch(/^entry 1 has no visit count/);
    expect(await refused(JSON.stringify({ format: 'provenance-history', version: 1, entries: [[1, 2]] }))).toBe('entry 1 is not an object');
  });
});

describe('what an accepted import stores', () => {
  it('bidirectional and control characters are removed from every string; unknown fields are dropped', async () => {
    const db = fresh();
    const hostile = record((r) => {
      r.page.headline = 'Talks \u202eaidar\u202c in\u0000 Riyadh\u0007';
      r.page.siteName = 'moc.\u202etsopnotgnihsaw';
      r.page.authors = ['Jean\u2066-Pierre\u2069'];
      r.original.publisher = 'The\u0085 Washington\u009b Post\r\nWire';
      r.chain[0].publisher = 'USA\u200e NEWS';
      r.signals[0].evidence.text = 'Source link\u202d : x';
      r.injected = '<img src=x onerror=alert(1)>';
      r.page.html = '<script>';
    });
    expect(await importHistory(db, file(hostile))).toMatchObject({ added: 1 });
    const stored = (await getEntry(db, pageKey('https://copy.example/a')))!.record;
    expect(stored.page.headline).toBe('Talks aidar in Riyadh');
    expect(stored.page.siteName).toBe('moc.tsopnotgnihsaw');
    expect(stored.page.authors).toEqual(['Jean-Pierre']);
    expect(stored.original?.publisher).toBe('The Washington Post  Wire');
    // The left-to-right mark stays: mixed-script text needs it, and it overrides nothing.
    expect(stored.chain[0]?.publisher).toBe('USA\u200e NEWS');
    expect(stored.signals[0]?.evidence.text).toBe('Source link : x');
    expect(JSON.stringify(stored)).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0000-\u0008\u007f-\u009f]/);
    expect(stored).not.toHaveProperty('injected');
    expect(stored.page).not.toHaveProperty('html');
    expect(Object.keys(stored).sort()).toEqual(Object.keys(sampleRecord()).sort());
  });

  it("an export of the extension's own records comes back unchanged", async () => {
    const own: Provenance = sampleRecord({ url: 'https://copy.example/own' });
    const parsed = parseHistoryExport(file(own));
    expect(parsed.entries[0]!.record).toEqual(own);
  });

  it('an import beyond the history size limit keeps the most recently seen and says how many went', async () => {
    const db = fresh();
    const records = Array.from({ length: 8 }, (_, i) => record(undefined, `https://copy.example/${i}`));
    expect(await importHistory(db, file(...records), 5)).toEqual({ added: 8, updated: 0, unchanged: 0, dropped: 3, maxEntries: 5 });
    expect((await db.history.toArray()).map((entry) => entry.key)).toEqual([3, 4, 5, 6, 7].map((i) => `https://copy.example/${i}`));
  });
});
