/**
 * `provenance crawl` on WARC files built here with warcio's writer (tests/crawl/warc-builder.ts): the fixture
 * web's pages (the running example's chain, every kind of copy, the originals) and real pages of both corpora.
 * The database must hold, page by page, the record the engine gives for the same bytes; the archive's
 * problems (corrupt and cut-off gzip members, wrong lengths, a 2 GB record, an empty file) are skipped with
 * their reason and cost nothing else; a stopped run resumes where it stopped.
 */
import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHtml } from '../../core/decode';
import { detect } from '../../core/detect';
import { parseHtml } from '../../cli/load';
import { toRecord, type InspectRecord } from '../../cli/inspect';
import { CrawlDb } from '../../crawl/db';
import { crawl, shardPaths } from '../../crawl/run';
import { readWarc, type WarcItem } from '../../crawl/warc';
import { concat, corrupt, pageRecords, plainWrongLength, recordBytes, type RecordSpec, warcBytes, wrongLength } from '../crawl/warc-builder';
import { fixtureWebPages, loadCorpus } from './corpus-helpers';
import { RUNNING_EXAMPLE } from '../e2e/support/pages';
import { GENERATED, generatedSql } from '../../scripts/gen-crawl-sql';

/** The engine's record for a page's bytes, as `provenance inspect --json` gives it, without its timing. */
function engineRecord(spec: RecordSpec): Omit<InspectRecord, 'engineMs'> {
  const bytes = typeof spec.body === 'string' ? new TextEncoder().encode(spec.body) : spec.body;
  const { engineMs: _, ...record } = toRecord(null, detect(parseHtml(decodeHtml(bytes, 'utf-8')), spec.url));
  return record;
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'provenance-crawl-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function items(path: string, maxPageBytes?: number): Promise<WarcItem[]> {
  const out: WarcItem[] = [];
  for await (const item of readWarc(path, { maxPageBytes })) out.push(item);
  return out;
}

const summaryOf = (list: WarcItem[]) => list.map((item) => (item.kind === 'page' ? `page ${item.url}` : `skip ${item.reason} ${item.url ?? '-'}`));

describe('provenance crawl: the database holds the engine’s record for every page', () => {
  it('the fixture web and 40 corpus pages, in .warc.gz and .warc shards: the same record as the engine, page by page', async () => {
    const web = pageRecords(fixtureWebPages());
    const corpus = loadCorpus()
      .slice(0, 40)
      .map((page): RecordSpec => ({ url: page.url, body: page.html }));
    const noise: RecordSpec[] = [
      { url: 'https://usa-news.biz/style.css', body: 'body{}', contentType: 'text/css' },
      { url: 'https://usa-news.biz/missing/', body: '<h1>Not found</h1>', status: 404 },
      { url: 'https://usa-news.biz/', body: 'GET', type: 'request' },
      { url: 'urn:meta', body: 'outlinks: …', type: 'metadata' },
    ];
    await writeFile(join(dir, 'web.warc.gz'), await warcBytes([...web, ...noise]));
    await writeFile(join(dir, 'corpus-a.warc.gz'), await warcBytes(corpus.slice(0, 20)));
    await writeFile(join(dir, 'corpus-b.warc'), await warcBytes(corpus.slice(20), false));
    const db = join(dir, 'equal.duckdb');
    const summary = await crawl({ inputs: [dir], db, workers: 0, engineVersion: 'test' });
    expect(summary).toMatchObject({ shards: 3, done: 3, failed: [], pages: web.length + corpus.length, records: web.length + corpus.length + 4 });
    expect(summary.reasons).toEqual({ 'not-html': 1, 'http-status': 1, 'not-response': 2 });

    const read = await CrawlDb.open(db, { readOnly: true });
    try {
      const rows = await read.rows<{
        url: string;
        record: string;
        kind: string | null;
        syndicated: boolean;
        original_url: string | null;
        chain_length: number;
      }>('SELECT url, record::VARCHAR AS record, kind, syndicated, original_url, chain_length FROM pages');
      expect(rows).toHaveLength(web.length + corpus.length);
      const byUrl = new Map(rows.map((row) => [row.url, row]));
      for (const spec of [...web, ...corpus]) {
        const row = byUrl.get(spec.url);
        expect(row, spec.url).toBeDefined();
        const { engineMs: _, ...stored } = JSON.parse(row!.record) as InspectRecord;
        const expected = engineRecord(spec);
        expect(stored, spec.url).toEqual(expected);
        expect([row!.kind, row!.syndicated, row!.original_url, row!.chain_length], spec.url).toEqual([
          expected.kind,
          expected.syndicated,
          expected.original?.url ?? null,
          expected.chain.length,
        ]);
      }
      // The running example is a scraped copy; each original a copy names is counted, and known to be in the crawl or not.
      expect(byUrl.get(RUNNING_EXAMPLE.syndicatedPage)!.kind).toBe('scraped');
      const originals = await read.rows<{ url: string; copies: number; in_crawl: boolean }>(
        'SELECT url, copies::INTEGER AS copies, in_crawl FROM originals',
      );
      expect(originals.length).toBeGreaterThan(0);
      for (const original of originals) {
        expect(original.copies, original.url).toBe(rows.filter((row) => row.original_url === original.url).length);
        expect(original.in_crawl, original.url).toBe(byUrl.has(original.url));
      }
      const copy = byUrl.get(RUNNING_EXAMPLE.syndicatedPage)!;
      // Each signal and hop of a page is a row of its own.
      const [{ n }] = (await read.rows<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM signals WHERE url = '${RUNNING_EXAMPLE.syndicatedPage}'`,
      )) as [{ n: number }];
      expect(n).toBe((JSON.parse(copy.record) as InspectRecord).signals.length);
    } finally {
      read.close();
    }
  }, 240_000);
});

describe('bad archives: each problem is skipped with its reason, and the rest is read', () => {
  const page = (n: number): RecordSpec => ({
    url: `https://news.example.org/story-${n}/`,
    body: `<html><head><title>Story ${n}</title></head><body><article><h1>Story ${n}</h1><p>Text.</p></article></body></html>`,
  });

  it('a corrupt gzip member, a wrong Content-Length either way, a cut-off last member', async () => {
    const good = await Promise.all([1, 2, 3, 4].map((n) => recordBytes(page(n), true)));
    const plain5 = await recordBytes(page(5), false);
    const plain6 = await recordBytes(page(6), false);
    const truncated = (await recordBytes(page(7), true)).subarray(0, 60);
    const path = join(dir, 'broken.warc.gz');
    await writeFile(path, concat([good[0]!, corrupt(good[1]!), good[2]!, wrongLength(plain5, -10), wrongLength(plain6, +25), good[3]!, truncated]));
    expect(summaryOf(await items(path))).toEqual([
      'page https://news.example.org/story-1/',
      'skip corrupt-gzip -',
      'page https://news.example.org/story-3/',
      'skip bad-length https://news.example.org/story-5/',
      'skip bad-length https://news.example.org/story-6/',
      'page https://news.example.org/story-4/',
      'skip truncated -',
    ]);
  });

  it('bytes between members, and a file that is not gzip or WARC at all', async () => {
    const good = await Promise.all([1, 2].map((n) => recordBytes(page(n), true)));
    const path = join(dir, 'garbage.warc.gz');
    await writeFile(path, concat([good[0]!, new TextEncoder().encode('\0\0garbage\x1f\x8b\x08 not a member'), good[1]!]));
    expect(summaryOf(await items(path))).toEqual([
      'page https://news.example.org/story-1/',
      'skip corrupt-gzip -',
      'page https://news.example.org/story-2/',
    ]);
    const text = join(dir, 'notes.warc');
    await writeFile(text, 'these are my notes\r\n\r\nnot an archive\r\n');
    const read = await items(text);
    expect(read.map((item) => item.kind === 'skip' && item.reason)).toEqual(['bad-record']);
  });

  it('a plain .warc: a wrong Content-Length either way, bytes that are no record, a cut-off last record; the records after each are read', async () => {
    const plain = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => recordBytes(page(n), false)));
    const path = join(dir, 'broken.warc');
    const garbage = new TextEncoder().encode('leftover bytes\r\nWARC-Type: response\r\n\r\n');
    const parts = [
      plain[0]!,
      plainWrongLength(plain[4]!, -10),
      plainWrongLength(plain[5]!, +25),
      plain[1]!,
      garbage,
      plain[2]!,
      plain[6]!.subarray(0, plain[6]!.length - 20),
    ];
    await writeFile(path, concat(parts));
    const read = await items(path);
    expect(summaryOf(read)).toEqual([
      'page https://news.example.org/story-1/',
      'skip bad-length https://news.example.org/story-5/',
      'skip bad-length https://news.example.org/story-6/',
      'page https://news.example.org/story-2/',
      'skip bad-record -',
      'page https://news.example.org/story-3/',
      'skip truncated https://news.example.org/story-7/',
    ]);
    // Each item at its record's byte offset; the pages with their bytes whole.
    const offsets = parts.map((_, n) => parts.slice(0, n).reduce((sum, bytes) => sum + bytes.length, 0));
    expect(read.map((item) => item.offset)).toEqual(offsets);
    const pages = read.filter((item): item is Extract<WarcItem, { kind: 'page' }> => item.kind === 'page');
    expect(new TextDecoder().decode(pages[0]!.body)).toBe(page(1).body);
  });

  it('a 2 GB record in a plain .warc is skipped as too large without being read, and the next record is read', async () => {
    // A sparse file: the headers, a 2 GiB hole for the page, then the next record.
    const path = join(dir, 'huge.warc');
    const size = 2 * 1024 ** 3;
    const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${size}\r\n\r\n`;
    const head = `WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://huge.example.org/\r\nWARC-Date: 2024-05-01T12:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${http.length + size}\r\n\r\n${http}`;
    const fs = await import('node:fs/promises');
    await writeFile(path, head);
    await fs.truncate(path, head.length + size);
    await fs.appendFile(path, concat([new TextEncoder().encode('\r\n\r\n'), await recordBytes(page(9), false)]));
    const before = process.memoryUsage().rss;
    const read = await items(path);
    expect(summaryOf(read)).toEqual(['skip too-large https://huge.example.org/', 'page https://news.example.org/story-9/']);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    await rm(path);
  });

  it('an empty archive gives no record and no error; the crawl records it as done', async () => {
    const path = join(dir, 'empty-dir');
    await import('node:fs/promises').then((fs) => fs.mkdir(path));
    await writeFile(join(path, 'empty.warc.gz'), new Uint8Array(0));
    expect(await items(join(path, 'empty.warc.gz'))).toEqual([]);
    const summary = await crawl({ inputs: [path], db: join(dir, 'empty.duckdb'), workers: 0, engineVersion: 'test' });
    expect(summary).toMatchObject({ shards: 1, done: 1, records: 0, failed: [] });
  });

  it('a 2 GB record is skipped as too large without being inflated whole, and the next record is read', async () => {
    // One gzip member: WARC and HTTP headers, then 2 GiB of page, written through zlib in 1 MiB pieces.
    const path = join(dir, 'huge.warc.gz');
    const size = 2 * 1024 ** 3;
    const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${size}\r\n\r\n`;
    const head = `WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://huge.example.org/\r\nWARC-Date: 2024-05-01T12:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${http.length + size}\r\n\r\n${http}`;
    const out = createWriteStream(path);
    const gzip = createGzip({ level: 1 });
    gzip.pipe(out);
    gzip.write(head);
    const piece = Buffer.alloc(1024 * 1024, ' ');
    piece.write('<html><body><p>');
    for (let i = 0; i < size / piece.length; i++) if (!gzip.write(piece)) await once(gzip, 'drain');
    gzip.end('\r\n\r\n');
    await once(out, 'finish');
    const after = await recordBytes(page(9), true);
    await import('node:fs/promises').then((fs) => fs.appendFile(path, after));
    const before = process.memoryUsage().rss;
    const read = await items(path);
    expect(summaryOf(read)).toEqual(['skip too-large https://huge.example.org/', 'page https://news.example.org/story-9/']);
    expect((read[0] as { detail: string }).detail).toMatch(/limit/);
    // Bounded: far less than the record's 2 GiB was ever held.
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  }, 120_000);
});

describe('resuming', () => {
  it('a stopped run leaves whole shards only; the next run reads the rest and nothing twice', async () => {
    const shards = join(dir, 'resume');
    await import('node:fs/promises').then((fs) => fs.mkdir(shards));
    const web = pageRecords(fixtureWebPages());
    for (let i = 0; i < 3; i++) await writeFile(join(shards, `part-${i}.warc.gz`), await warcBytes(web.slice(i * 4, i * 4 + 4)));
    const db = join(dir, 'resume.duckdb');
    const stop = new AbortController();
    const first = await crawl({
      inputs: [shards],
      db,
      workers: 0,
      engineVersion: 'test',
      signal: stop.signal,
      status: () => stop.abort(),
    });
    expect(first.stopped).toBe(true);
    expect(first.done).toBe(1);
    const second = await crawl({ inputs: [shards], db, workers: 0, engineVersion: 'test' });
    expect(second).toMatchObject({ shards: 3, resumed: 1, done: 2 });
    const third = await crawl({ inputs: [shards], db, workers: 0, engineVersion: 'test' });
    expect(third).toMatchObject({ shards: 3, resumed: 3, done: 0, records: 0 });
    const read = await CrawlDb.open(db, { readOnly: true });
    try {
      const [row] = await read.rows<{ pages: number; distinct_pages: number }>(
        'SELECT count(*)::INTEGER AS pages, count(DISTINCT url)::INTEGER AS distinct_pages FROM pages',
      );
      expect(row).toEqual({ pages: 12, distinct_pages: 12 });
    } finally {
      read.close();
    }
  }, 120_000);

  it('inputs: folders, list files (with comments) and files, each archive once, a missing one named', async () => {
    const list = join(dir, 'list.txt');
    await writeFile(list, `# shards\n${join(dir, 'resume')}\nweb.warc.gz\n`);
    const paths = await shardPaths([list, join(dir, 'web.warc.gz')]);
    expect(paths.map((p) => relative(dir, p))).toEqual(['resume/part-0.warc.gz', 'resume/part-1.warc.gz', 'resume/part-2.warc.gz', 'web.warc.gz']);
    await expect(shardPaths([join(dir, 'nope.warc.gz')])).rejects.toThrow(/cannot read .*nope\.warc\.gz: no such file/);
  });
});

describe('encodings, as a browser finds them', () => {
  it('undeclared legacy pages (GBK, Big5, Shift_JIS, EUC-KR, windows-1251 …) are read in their encoding; a header charset wins', async () => {
    const encodings = join(__dirname, '../fixtures/encodings');
    const fixtures = JSON.parse(readFileSync(join(encodings, 'fixtures.json'), 'utf8')) as { file: string; encoding: string; headline: string }[];
    const specs: RecordSpec[] = fixtures.map((f, i) => ({
      url: `https://news-${i}.example/story/`,
      body: readFileSync(join(encodings, f.file)),
      contentType: 'text/html',
    }));
    // The same GBK bytes, served with a header that says so.
    specs.push({ ...specs[0]!, url: 'https://declared.example/story/', contentType: 'text/html; charset=GBK' });
    const shard = join(dir, 'encodings.warc.gz');
    await writeFile(shard, await warcBytes(specs));
    const db = join(dir, 'encodings.duckdb');
    await crawl({ inputs: [shard], db, workers: 0, engineVersion: 'test' });
    const read = await CrawlDb.open(db, { readOnly: true });
    try {
      const rows = await read.rows<{ url: string; charset: string; headline: string }>('SELECT url, charset, headline FROM pages');
      const byUrl = new Map(rows.map((row) => [row.url, row]));
      // The engine folds every kind of space (an ideographic one too) into a plain one.
      const spaced = (text: string) => text.replace(/\s+/gu, ' ');
      fixtures.forEach((f, i) => expect(byUrl.get(`https://news-${i}.example/story/`)?.headline, f.file).toBe(spaced(f.headline)));
      expect(byUrl.get('https://news-0.example/story/')?.charset).toBe(fixtures[0]!.encoding);
      expect(byUrl.get('https://declared.example/story/')).toMatchObject({ charset: 'gbk', headline: fixtures[0]!.headline });
    } finally {
      read.close();
    }
  });
});

describe('the SQL', () => {
  it('crawl/sql.generated.ts is up to date with crawl/sql/*.sql (npx tsx scripts/gen-crawl-sql.ts)', () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(generatedSql());
  });
});
