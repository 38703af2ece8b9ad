/**
 * `provenance report`: the figures of a crawl database. A small DuckDB file is built from crawl/sql/schema.sql
 * with a crawl a researcher could meet: a content farm copying The Washington Post and Reuters (one story by
 * way of another farm, one with a credited chain through Yahoo), a local paper running AP wire copy among its
 * own stories, a nonprofit republishing ProPublica, a portal partner page, web archive snapshots, the originals
 * of some copies in the crawl, dates known and unknown, a copy dated before its original, skipped records, and
 * hostile strings. Each figure is checked exactly, then the text and HTML reports, then an empty database.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlReport, reportHtml, reportIsEmpty, reportText, type Cell, type ReportData } from '../../crawl/report';
import { REPORT_QUERIES } from '../../crawl/report-queries';

const ROOT = join(__dirname, '../..');
const SCHEMA = readFileSync(join(ROOT, 'crawl/sql/schema.sql'), 'utf8');
const NOW = new Date('2025-06-01T12:00:00Z');

const A = '/data/crawl/CC-MAIN-20250501-00001.warc.gz';
const B = '/data/crawl/CC-MAIN-20250501-00002.warc.gz';
const HOSTILE_HEADLINE = 'Senate passes <img src=x onerror=alert(1)>';
const HOSTILE_DETAIL = '</td><script>alert(2)</script>\u001b]0;pwned\u0007\u001b[2J';

const WP1 = 'https://www.washingtonpost.com/politics/2025/02/22/senate-bill/';
const WP2 = 'https://www.washingtonpost.com/climate/2025/02/23/heat-record/';
const REUTERS = 'https://www.reuters.com/markets/rally-2025-03-01/';
const DAILY_FEED = 'https://daily-feed.net/senate-passes-the-bill/';
const PROPUBLICA = 'https://www.propublica.org/article/housing-report';
const G1 = 'https://www.localgazette.com/news/council-budget/';

type Row = Record<string, string | number | boolean | null>;

interface Page {
  shard?: string;
  url: string;
  site: string;
  is_article?: boolean;
  syndicated?: boolean;
  kind?: string | null;
  headline?: string;
  published_at?: string | null;
  original_url?: string | null;
  original_site?: string | null;
  original_publisher?: string | null;
  original_published_at?: string | null;
  chain_length?: number;
}

const offsets = new Map<string, number>();
/** The page's WARC record offset in its shard, made up in order. */
function offsetIn(shard: string): number {
  const next = (offsets.get(shard) ?? 0) + 1;
  offsets.set(shard, next);
  return next * 4096;
}

const pages: Row[] = [];
const byUrl = new Map<string, Row>();
function page(p: Page): Row {
  const shard = p.shard ?? A;
  const copy = Boolean(p.syndicated) || (p.kind ?? null) !== null;
  const row: Row = {
    shard,
    record_offset: offsetIn(shard),
    url: p.url,
    site: p.site,
    fetched_at: '2025-05-01 03:00:00',
    http_status: 200,
    charset: 'utf-8',
    bytes: 48_000,
    is_article: p.is_article ?? true,
    syndicated: p.syndicated ?? false,
    kind: p.kind ?? null,
    confidence: copy ? 0.9 : 0,
    headline: p.headline ?? `Story at ${p.url}`,
    published_at: p.published_at ?? null,
    original_url: p.original_url ?? null,
    original_site: p.original_site ?? null,
    original_publisher: p.original_publisher ?? null,
    original_published_at: p.original_published_at ?? null,
    chain_length: p.chain_length ?? (copy ? 1 : 0),
    engine_ms: 3.5,
  };
  pages.push(row);
  byUrl.set(p.url, row);
  return row;
}

const copyOf = (url: string, site: string, publisher: string | null) => ({ original_url: url, original_site: site, original_publisher: publisher });
const scraped = { syndicated: true, kind: 'scraped' };

// The Washington Post's two stories, in the crawl.
page({ url: WP1, site: 'washingtonpost.com', headline: 'Senate passes the bill', published_at: '2025-02-22 10:00:00' });
page({ url: WP2, site: 'washingtonpost.com', headline: 'Heat record broken', published_at: '2025-02-23 08:00:00' });
// The content farm: a home page and four copies.
page({ url: 'https://usa-news.biz/', site: 'usa-news.biz', is_article: false, headline: 'USA NEWS' });
page({
  url: 'https://usa-news.biz/senate-passes-the-bill/',
  site: 'usa-news.biz',
  ...scraped,
  ...copyOf(WP1, 'washingtonpost.com', 'The Washington Post'),
  published_at: '2025-02-22 10:30:00',
});
page({
  url: 'https://usa-news.biz/heat-record/',
  site: 'usa-news.biz',
  ...scraped,
  ...copyOf(WP2, 'washingtonpost.com', 'The Washington Post'),
  published_at: '2025-02-23 11:00:00',
  original_published_at: '2025-02-23 08:00:00',
});
page({
  url: 'https://usa-news.biz/markets-rally/',
  site: 'usa-news.biz',
  ...scraped,
  ...copyOf(REUTERS, 'reuters.com', 'Reuters'),
  published_at: '2025-03-02 14:00:00',
  original_published_at: '2025-03-01 12:00:00',
  chain_length: 2,
});
page({
  url: 'https://usa-news.biz/senate-bill-copy/',
  site: 'usa-news.biz',
  ...scraped,
  ...copyOf(DAILY_FEED, 'daily-feed.net', 'Daily Feed'),
  headline: HOSTILE_HEADLINE,
});
// Another farm, whose copy the first farm copied: dated a day before the original (a wrong date).
page({
  url: DAILY_FEED,
  site: 'daily-feed.net',
  ...scraped,
  ...copyOf(WP1, 'washingtonpost.com', 'The Washington Post'),
  published_at: '2025-02-21 09:00:00',
});
page({
  url: 'https://evil.example/heat/',
  site: 'evil.example',
  ...scraped,
  ...copyOf(WP2, 'washingtonpost.com', 'The Washington Post'),
  published_at: '2025-05-01 08:00:00',
});
// A portal's partner page of the Reuters story.
page({
  url: 'https://www.msn.com/en-us/money/markets/rally/ar-AA1xyz',
  site: 'msn.com',
  syndicated: true,
  kind: 'partner',
  ...copyOf(REUTERS, 'reuters.com', 'Reuters'),
  published_at: '2025-03-01 12:30:00',
  original_published_at: '2025-03-01 12:00:00',
});
// The local paper: a home page, five stories of its own, two AP stories (credited, not linked).
page({ shard: B, url: 'https://www.localgazette.com/', site: 'localgazette.com', is_article: false });
page({ shard: B, url: G1, site: 'localgazette.com', published_at: '2025-03-03 07:00:00' });
for (const slug of ['school-board', 'high-school-football', 'road-works', 'obituaries-march']) {
  page({ shard: B, url: `https://www.localgazette.com/news/${slug}/`, site: 'localgazette.com', published_at: '2025-03-04 07:00:00' });
}
const ap = { syndicated: true, kind: 'wire', original_site: 'apnews.com', original_publisher: 'Associated Press' };
page({
  shard: B,
  url: 'https://www.localgazette.com/news/ap-storm/',
  site: 'localgazette.com',
  ...ap,
  published_at: '2025-03-05 15:00:00',
  original_published_at: '2025-03-05 09:00:00',
});
page({
  shard: B,
  url: 'https://www.localgazette.com/news/ap-election/',
  site: 'localgazette.com',
  ...ap,
  published_at: '2025-03-10 12:00:00',
  original_published_at: '2025-03-06 12:00:00',
});
// The nonprofit: two stories of its own and one republished from ProPublica under Creative Commons.
page({ shard: B, url: 'https://citylimits.org/2025/04/18/tenants/', site: 'citylimits.org', published_at: '2025-04-18 09:00:00' });
page({ shard: B, url: 'https://citylimits.org/2025/04/19/zoning/', site: 'citylimits.org', published_at: '2025-04-19 09:00:00' });
page({
  shard: B,
  url: 'https://citylimits.org/2025/04/20/housing-report/',
  site: 'citylimits.org',
  syndicated: true,
  kind: 'republication',
  ...copyOf(PROPUBLICA, 'propublica.org', 'ProPublica'),
  published_at: '2025-04-20 12:00:00',
  original_published_at: '2025-04-01 12:00:00',
});
// Web archive snapshots: copies, but nobody republished them.
for (const [url, site, date] of [
  [WP2, 'washingtonpost.com', '2025-02-23 08:00:00'],
  [WP1, 'washingtonpost.com', '2025-02-22 10:00:00'],
  [G1, 'localgazette.com', '2025-03-03 07:00:00'],
] as const) {
  page({
    shard: B,
    url: `https://web.archive.org/web/20250301000000/${url}`,
    site: 'archive.org',
    kind: 'archive',
    ...copyOf(url, site, null),
    published_at: date,
  });
}

const at = (url: string) => byUrl.get(url)!;
const signals: Row[] = [];
function signal(url: string, kind: string, detail: string, weight: number) {
  const p = at(url);
  signals.push({ shard: p.shard!, record_offset: p.record_offset!, url, kind, detail, weight });
}
const HEADLINE_CREDIT = 'The headline ends with “– The Washington Post” but the page credits only itself';
signal('https://usa-news.biz/senate-passes-the-bill/', 'content-farm-footer', 'Source link points to washingtonpost.com', 0.9);
signal('https://usa-news.biz/senate-passes-the-bill/', 'headline-credit', HEADLINE_CREDIT, 0.6);
signal('https://usa-news.biz/heat-record/', 'content-farm-footer', 'Source link points to washingtonpost.com', 0.9);
signal('https://usa-news.biz/heat-record/', 'headline-credit', HEADLINE_CREDIT, 0.6);
signal('https://usa-news.biz/markets-rally/', 'content-farm-footer', 'Source link points to finance.yahoo.com', 0.9);
signal('https://usa-news.biz/senate-bill-copy/', 'content-farm-footer', 'Source link points to daily-feed.net', 0.9);
signal('https://usa-news.biz/senate-bill-copy/', 'conflict', 'The credits name different originals', 0);
signal('https://usa-news.biz/senate-bill-copy/', 'conflict', 'The credits name different originals', 0);
signal('https://usa-news.biz/senate-bill-copy/', 'conflict', 'The credits name different originals', 0);
signal('https://www.localgazette.com/news/ap-storm/', 'wire', 'An AP dateline opens the story', 0.8);
signal('https://citylimits.org/2025/04/20/housing-report/', 'republication-credit', 'Originally published by ProPublica', 0.9);

const farm3 = at('https://usa-news.biz/markets-rally/');
const chains: Row[] = [
  {
    shard: A,
    record_offset: farm3.record_offset!,
    url: farm3.url!,
    hop: 1,
    hop_url: 'https://finance.yahoo.com/news/markets-rally.html',
    hop_site: 'yahoo.com',
    publisher: 'Yahoo Finance',
  },
  { shard: A, record_offset: farm3.record_offset!, url: farm3.url!, hop: 2, hop_url: REUTERS, hop_site: 'reuters.com', publisher: 'Reuters' },
];

// Every skipped record is counted by reason; the archive's problems are also listed one by one.
const skipCounts: Row[] = [
  { shard: A, reason: 'not-html', records: 2 },
  { shard: A, reason: 'http-status', records: 2 },
  { shard: A, reason: 'corrupt-gzip', records: 1 },
  { shard: A, reason: 'truncated', records: 0 },
  { shard: B, reason: 'not-html', records: 1 },
  { shard: B, reason: 'engine-error', records: 1 },
];
const skipped: Row[] = [
  { shard: A, record_offset: 7_340_032, url: null, reason: 'corrupt-gzip', detail: 'invalid gzip header at member 5' },
  { shard: B, record_offset: 6_291_456, url: 'https://citylimits.org/broken/', reason: 'engine-error', detail: HOSTILE_DETAIL },
];

const shards: Row[] = [
  { shard: A, bytes: 1_200_000, records: 15, pages: 10, copies: 7, skipped: 5, engine_version: '0.1.0', finished_at: '2025-06-01 10:00:00' },
  { shard: B, bytes: 900_000, records: 16, pages: 14, copies: 6, skipped: 2, engine_version: '0.1.0', finished_at: '2025-06-01 10:05:00' },
];

function literal(value: Row[string]): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}

function insert(table: string, rows: Row[]): string {
  if (!rows.length) return '';
  const columns = Object.keys(rows[0]!);
  const values = rows.map((row) => `(${columns.map((column) => literal(row[column] ?? null)).join(', ')})`);
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(',\n')};`;
}

async function makeDatabase(path: string, fill: boolean): Promise<void> {
  const db = await DuckDBInstance.create(path);
  const connection = await db.connect();
  try {
    await connection.run(SCHEMA);
    if (fill) {
      for (const [table, rows] of [
        ['shards', shards],
        ['pages', pages],
        ['signals', signals],
        ['chains', chains],
        ['skip_counts', skipCounts],
        ['skipped', skipped],
      ] as const) {
        await connection.run(insert(table, rows));
      }
    }
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

/** A section's rows as objects by column. */
function table(data: ReportData, id: string): Record<string, Cell>[] {
  const section = data.sections.find((s) => s.id === id);
  expect(section, id).toBeDefined();
  expect(section!.error, id).toBeUndefined();
  return section!.rows.map((row) => Object.fromEntries(section!.columns.map((column, i) => [column, row[i]!])));
}

let dir = '';
let full: ReportData;
let empty: ReportData;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'provenance-crawl-report-'));
  await makeDatabase(join(dir, 'crawl.duckdb'), true);
  await makeDatabase(join(dir, 'empty.duckdb'), false);
  full = await crawlReport(join(dir, 'crawl.duckdb'), { now: NOW });
  empty = await crawlReport(join(dir, 'empty.duckdb'), { now: NOW });
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the query files', () => {
  it('are every file of crawl/sql/report, in order, each with a title and an about', () => {
    const files = readdirSync(join(ROOT, 'crawl/sql/report')).filter((name) => name.endsWith('.sql'));
    expect(REPORT_QUERIES.map((q) => q.file)).toEqual(files.sort().map((name) => `crawl/sql/report/${name}`));
    expect(REPORT_QUERIES.map((q) => q.id)).toEqual(['overview', 'kinds', 'most-copied', 'content-farms', 'copy-delay', 'long-chains', 'skipped']);
    for (const query of REPORT_QUERIES) {
      expect(query.title, query.file).toMatch(/\?/);
      expect(query.about.length, query.file).toBeGreaterThan(60);
      expect(query.sql).toBe(readFileSync(join(ROOT, query.file), 'utf8'));
    }
  });

  it('gives the report its generation time, database and every section', () => {
    expect(full.generatedAt).toBe('2025-06-01T12:00:00.000Z');
    expect(full.database).toBe(join(dir, 'crawl.duckdb'));
    expect(full.sections.map((s) => s.id)).toEqual(REPORT_QUERIES.map((q) => q.id));
    expect(full.sections.filter((s) => s.error)).toEqual([]);
  });
});

describe('the figures', () => {
  it('overview: shards, records, pages, articles, copies and their share, skipped records by reason', () => {
    expect(table(full, 'overview')).toEqual([
      {
        shards: 2,
        records: 31,
        pages: 24,
        articles: 22,
        sites: 8,
        copies: 13,
        copies_pct: 54.2,
        skipped: 7,
        skipped_by_reason: 'not-html 3, http-status 2, corrupt-gzip 1, engine-error 1',
      },
    ]);
  });

  it('kinds: each kind as a share of the pages and of the copies', () => {
    expect(table(full, 'kinds')).toEqual([
      { kind: 'scraped', copies: 6, pct_of_pages: 25, pct_of_copies: 46.2 },
      { kind: 'archive', copies: 3, pct_of_pages: 12.5, pct_of_copies: 23.1 },
      { kind: 'wire', copies: 2, pct_of_pages: 8.3, pct_of_copies: 15.4 },
      { kind: 'partner', copies: 1, pct_of_pages: 4.2, pct_of_copies: 7.7 },
      { kind: 'republication', copies: 1, pct_of_pages: 4.2, pct_of_copies: 7.7 },
    ]);
  });

  it('most copied: the outlets credited, by site or by publisher, and who copies them (archives left out)', () => {
    expect(table(full, 'most-copied')).toEqual([
      {
        outlet: 'washingtonpost.com',
        publisher: 'The Washington Post',
        copies: 4,
        copies_pct: 40,
        copying_sites: 3,
        originals: 2,
        top_copiers: 'usa-news.biz (2), daily-feed.net (1), evil.example (1)',
      },
      {
        outlet: 'apnews.com',
        publisher: 'Associated Press',
        copies: 2,
        copies_pct: 20,
        copying_sites: 1,
        originals: 0,
        top_copiers: 'localgazette.com (2)',
      },
      {
        outlet: 'reuters.com',
        publisher: 'Reuters',
        copies: 2,
        copies_pct: 20,
        copying_sites: 2,
        originals: 1,
        top_copiers: 'msn.com (1), usa-news.biz (1)',
      },
      {
        outlet: 'daily-feed.net',
        publisher: 'Daily Feed',
        copies: 1,
        copies_pct: 10,
        copying_sites: 1,
        originals: 1,
        top_copiers: 'usa-news.biz (1)',
      },
      {
        outlet: 'propublica.org',
        publisher: 'ProPublica',
        copies: 1,
        copies_pct: 10,
        copying_sites: 1,
        originals: 1,
        top_copiers: 'citylimits.org (1)',
      },
    ]);
  });

  it('content farms: the farm is flagged with its kinds, outlets and evidence; the wire-running paper, the republisher and the archive are not', () => {
    expect(table(full, 'content-farms')).toEqual([
      {
        site: 'usa-news.biz',
        pages: 5,
        articles: 4,
        copies: 4,
        copies_pct: 100,
        main_kinds: 'scraped 4',
        copies_most: 'washingtonpost.com (2), daily-feed.net (1), reuters.com (1)',
        evidence: `content-farm-footer ×4: Source link points to washingtonpost.com; headline-credit ×2: ${HEADLINE_CREDIT}`,
      },
    ]);
  });

  it('copy delay: buckets of the copy’s date minus the original’s (given, or from the original’s page), negatives apart, median and p90', () => {
    expect(table(full, 'copy-delay')).toEqual([
      { delay: '< 1 hour', copies: 2, pct_of_dated: 22.2, median_hours: null, p90_hours: null },
      { delay: '1–6 hours', copies: 1, pct_of_dated: 11.1, median_hours: null, p90_hours: null },
      { delay: '6–24 hours', copies: 1, pct_of_dated: 11.1, median_hours: null, p90_hours: null },
      { delay: '1–3 days', copies: 1, pct_of_dated: 11.1, median_hours: null, p90_hours: null },
      { delay: '3–7 days', copies: 1, pct_of_dated: 11.1, median_hours: null, p90_hours: null },
      { delay: '1–4 weeks', copies: 1, pct_of_dated: 11.1, median_hours: null, p90_hours: null },
      { delay: '> 4 weeks', copies: 1, pct_of_dated: 11.1, median_hours: null, p90_hours: null },
      { delay: 'negative: copy dated before the original', copies: 1, pct_of_dated: 11.1, median_hours: null, p90_hours: null },
      // 0.5, 0.5, 3, 6, 26, 96, 456, 1608 hours: the median between 6 and 26, p90 at 456 + 0.3 × 1152.
      { delay: 'all dated copies', copies: 9, pct_of_dated: 100, median_hours: 16, p90_hours: 801.6 },
      { delay: 'date unknown (not counted above)', copies: 1, pct_of_dated: null, median_hours: null, p90_hours: null },
    ]);
  });

  it('long chains: a credited two-hop chain, and a two-hop chain through a copy the crawl holds', () => {
    expect(table(full, 'long-chains')).toEqual([
      {
        how: 'credited',
        hops: 2,
        site: 'usa-news.biz',
        kind: 'scraped',
        path: 'usa-news.biz → yahoo.com → reuters.com',
        url: 'https://usa-news.biz/markets-rally/',
        headline: 'Story at https://usa-news.biz/markets-rally/',
      },
      {
        how: 'through the crawl',
        hops: 2,
        site: 'usa-news.biz',
        kind: 'scraped',
        path: 'usa-news.biz → daily-feed.net → washingtonpost.com',
        url: 'https://usa-news.biz/senate-bill-copy/',
        headline: HOSTILE_HEADLINE,
      },
    ]);
  });

  it('skipped: records by reason, shares of the skipped and of all records, the listed ones with an example', () => {
    expect(table(full, 'skipped')).toEqual([
      { reason: 'not-html', records: 3, pct_of_skipped: 42.9, pct_of_records: 9.7, shards: 2, listed: 0, example: null },
      { reason: 'http-status', records: 2, pct_of_skipped: 28.6, pct_of_records: 6.5, shards: 1, listed: 0, example: null },
      {
        reason: 'corrupt-gzip',
        records: 1,
        pct_of_skipped: 14.3,
        pct_of_records: 3.2,
        shards: 1,
        listed: 1,
        example: 'invalid gzip header at member 5',
      },
      { reason: 'engine-error', records: 1, pct_of_skipped: 14.3, pct_of_records: 3.2, shards: 1, listed: 1, example: HOSTILE_DETAIL },
    ]);
  });

  it('a query that fails leaves its error in its section and the others run', async () => {
    const data = await crawlReport(join(dir, 'crawl.duckdb'), {
      queries: [{ id: 'broken', file: 'x.sql', title: 'Broken?', about: '', sql: 'SELECT * FROM no_such_table' }, REPORT_QUERIES[1]!],
    });
    expect(data.sections[0]!.error).toMatch(/no_such_table/);
    expect(data.sections[1]!.rows).toHaveLength(5);
    expect(reportText(data)).toContain('The query failed');
  });

  it('refuses a database that does not exist, and does not create it', async () => {
    const missing = join(dir, 'missing.duckdb');
    await expect(crawlReport(missing)).rejects.toThrow();
    expect(existsSync(missing)).toBe(false);
  });
});

describe('the text report', () => {
  it('has each question, its figures as a table, and where each query lives', () => {
    const text = reportText(full);
    for (const section of full.sections) expect(text).toContain(section.title);
    expect(text).toMatch(/^ {3}copies %\s+54\.2$/m);
    expect(text).toMatch(/^ {3}scraped\s+6\s+25\.0\s+46\.2$/m);
    expect(text).toContain('usa-news.biz (2), daily-feed.net (1), evil.example (1)');
    expect(text).toMatch(/all dated copies\s+9\s+100\.0\s+16\s+801\.6/);
    expect(text).toContain('usa-news.biz → daily-feed.net → washingtonpost.com');
    for (const query of REPORT_QUERIES) expect(text).toContain(query.file);
    expect(text).toContain(`duckdb -readonly ${join(dir, 'crawl.duckdb')} < crawl/sql/report/01-overview.sql`);
    expect(text).not.toContain('Nothing yet');
  });

  it('lets no page drive the terminal: no control character but the line feed', () => {
    const text = reportText(full);
    expect(text).toContain('</td><script>alert(2)</script>]0;pwned[2J');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('caps a section at 20 rows and says how many more', () => {
    const many = structuredClone(full);
    const kinds = many.sections.find((s) => s.id === 'kinds')!;
    kinds.rows = Array.from({ length: 23 }, (_, i) => [`kind-${i}`, 23 - i, 1, 1]);
    const text = reportText(many);
    expect(text).toContain('kind-19');
    expect(text).not.toContain('kind-20');
    expect(text).toContain('… 3 more rows');
  });
});

describe('the HTML report', () => {
  const sectionHtml = (page: string, id: string) => page.split('<section ').find((part) => part.startsWith(`id="s-${id}"`)) ?? '';

  it('is one self-contained page: no script, nothing fetched, a policy that forbids it', () => {
    const page = reportHtml(full);
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page.match(/<html/g)).toHaveLength(1);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/\s(?:src|href|xlink:href|action|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(page).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*https?:/i);
    expect(page).not.toMatch(/@import|url\(/i);
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:;`,
    );
    expect(page).toContain('prefers-color-scheme:dark');
  });

  it('escapes every string from the database', () => {
    const page = reportHtml(full);
    expect(page).not.toContain('<img');
    expect(page).toContain('Senate passes &lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;/td&gt;&lt;script&gt;alert(2)&lt;/script&gt;]0;pwned[2J');
    expect(page).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
  });

  it('has, for each figure, its question, how it is computed, a real table, and its SQL', () => {
    const page = reportHtml(full);
    for (const section of full.sections) {
      const part = sectionHtml(page, section.id);
      expect(part, section.id).toContain(`. ${section.title.replace(/'/g, '&#39;')}</h2>`);
      expect(part, section.id).toContain('<p class="about">');
      expect(part, section.id).toMatch(/<table[^>]*><caption/);
      expect(part, section.id).toContain('<th scope=');
      expect(part, section.id).toContain(`<details><summary>The query: ${section.file}</summary><pre><code>-- title:`);
    }
    expect(sectionHtml(page, 'overview')).toContain('<tr><th scope="row">copies %</th><td class="num">54.2</td></tr>');
    expect(sectionHtml(page, 'most-copied')).toContain('<th scope="col" class="num">copies</th>');
  });

  it('draws a bar chart for the kinds, the outlets, the farms, the delays and the skipped records, described for a screen reader', () => {
    const page = reportHtml(full);
    const charted = full.sections.filter((section) => sectionHtml(page, section.id).includes('<svg'));
    expect(charted.map((section) => section.id)).toEqual(['kinds', 'most-copied', 'content-farms', 'copy-delay', 'skipped']);
    expect(page.match(/<svg /g)).toHaveLength(5);
    for (const svg of page.match(/<svg [^>]*>/g)!) expect(svg).toMatch(/role="img" aria-label="[^"]+"/);
    expect(sectionHtml(page, 'kinds')).toContain('aria-label="Copies by kind: scraped 6, archive 3, wire 2, partner 1, republication 1."');
    const delay = sectionHtml(page, 'copy-delay');
    expect(delay.match(/<rect /g)).toHaveLength(8);
    expect(delay).toContain('negative: copy dated before the original 1.');
    expect(sectionHtml(page, 'content-farms')).toContain('usa-news.biz 100.0 %');
  });
});

describe('an empty database (the schema only)', () => {
  it('gives zeros and no division by zero', () => {
    expect(reportIsEmpty(empty)).toBe(true);
    expect(reportIsEmpty(full)).toBe(false);
    expect(empty.sections.filter((s) => s.error)).toEqual([]);
    expect(table(empty, 'overview')).toEqual([
      { shards: 0, records: 0, pages: 0, articles: 0, sites: 0, copies: 0, copies_pct: null, skipped: 0, skipped_by_reason: null },
    ]);
    for (const id of ['kinds', 'most-copied', 'content-farms', 'long-chains', 'skipped']) expect(table(empty, id), id).toEqual([]);
    const delay = table(empty, 'copy-delay');
    expect(delay.map((row) => row.copies)).toEqual(Array(10).fill(0));
    expect(delay.every((row) => row.pct_of_dated === null && row.median_hours === null)).toBe(true);
  });

  it('says there is nothing yet, in text and in HTML', () => {
    const text = reportText(empty);
    expect(text).toContain('Nothing yet: the database holds no pages.');
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(text).toContain('1. How big is the crawl');
    expect(text).not.toContain('How long after the original');
    const page = reportHtml(empty);
    expect(page).toContain('<p class="notice">Nothing yet: the database holds no pages.');
    expect(page).not.toMatch(/NaN|Infinity|<svg/);
  });
});
