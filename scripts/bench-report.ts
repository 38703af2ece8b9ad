/**
 * `npm run bench:report`: how long `provenance report` takes on a crawl database of a research crawl's size.
 * A database of N pages (10 million by default) is made with DuckDB itself, in the crawl's schema
 * (crawl/sql/schema.sql): sites and outlets drawn with a long tail, one page in twelve a copy (of the kinds
 * the engine gives, with dates, chains of one to three hops, and originals that are often pages of the crawl,
 * some of them copies too), about two signals a page. The pages' whole records (`record`) are left out:
 * the report never reads them. Then each of the report's queries (crawl/sql/report/) runs on it, timed, and
 * the whole report is rendered as text and HTML, as `provenance report --html` does.
 *
 *   npm run bench:report [-- --pages N] [-- --keep]
 *
 * Prints the time to make the database, its size, each query's time, the whole report's and the peak memory.
 * Figures, not pass/fail: docs/CRAWL.md keeps the last ones.
 */
import { statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { CrawlDb } from '../crawl/db';
import { crawlReport, reportHtml, reportText } from '../crawl/report';
import { REPORT_QUERIES } from '../crawl/report-queries';
import { repoRoot } from '../tests/corpus/corpus';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '10000000' }, keep: { type: 'boolean', default: false } } });
const pages = Math.max(1000, Math.round(Number(values.pages)));
const work = join(repoRoot, '.tmp', 'bench-report');
const dbPath = join(work, 'report.duckdb');
await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
console.log(`Report benchmark: ${pages.toLocaleString('en')} pages, Node ${process.version}`);

// The schema, exactly as the crawl makes it.
(await CrawlDb.open(dbPath)).close();

let started = performance.now();
const db = await DuckDBInstance.create(dbPath);
const c = await db.connect();
// Skewed draws: a site or outlet number from 0 to n-1, small numbers far more often (about Zipf's shape).
const skewed = (seed: string, n: number) => `least(${n - 1}, floor(pow(${n}, pow(h(${seed}) % 1000000 / 1000000.0, 2)))::BIGINT - 1)`;
// h(): DuckDB's hash as a signed number, for arithmetic and list indexes.
await c.run(`CREATE TEMP MACRO h(a, b := 0) AS (hash(a, b) >> 1)::BIGINT`);
await c.run(`
  INSERT INTO pages
  SELECT
    'shard-' || (i // 30000) AS shard,
    (i % 30000) * 40000 AS record_offset,
    'https://site' || s || '.example/' || i AS url,
    'site' || s || '.example' AS site,
    TIMESTAMP '2024-03-01' + to_seconds(h(i, 'f') % (30 * 86400)) AS fetched_at,
    200 AS http_status,
    CASE WHEN h(i, 'c') % 20 = 0 THEN 'windows-1252' ELSE 'utf-8' END AS charset,
    20000 + h(i, 'b') % 200000 AS bytes,
    h(i, 'a') % 3 > 0 AS is_article,
    copy AS syndicated,
    CASE WHEN copy THEN ['scraped', 'wire', 'partner', 'republication', 'cross-post', 'archive', 'unknown'][(1 + h(i, 'k') % 7)] END AS kind,
    CASE WHEN copy THEN 'a copy' END AS kind_text,
    CASE WHEN copy THEN 0.6 + (h(i, 'w') % 40) / 100.0 ELSE 0.5 END AS confidence,
    'Headline ' || i AS headline,
    'Author ' || h(i, 'u') % 50000 AS author,
    TIMESTAMP '2024-02-25' + to_seconds(h(i, 'p') % (35 * 86400)) AS published_at,
    'Site ' || s AS site_name,
    CASE WHEN copy THEN 'https://site' || o || '.example/' || j END AS original_url,
    CASE WHEN copy THEN 'site' || o || '.example' END AS original_site,
    CASE WHEN copy THEN 'Outlet ' || o END AS original_publisher,
    CASE WHEN copy THEN 'Headline ' || j END AS original_headline,
    CASE WHEN copy THEN TIMESTAMP '2024-02-25' + to_seconds(h(j, 'p') % (35 * 86400)) END AS original_published_at,
    CASE WHEN copy AND h(i, 'r') % 3 = 0 THEN '© Outlet ' || o END AS copyright,
    CASE WHEN copy THEN 1 + h(i, 'h') % 3 % 2 + (h(i, 'h') % 10 = 0)::INTEGER ELSE 0 END AS chain_length,
    3 + h(i, 'e') % 20 AS engine_ms,
    NULL AS record
  FROM (
    SELECT
      i,
      ${skewed("i, 's'", 200_000)} AS s,
      h(i, 'y') % 12 = 0 AS copy,
      -- The original: most often a page of the crawl (j), on an outlet with a long tail.
      ${skewed("i, 'o'", 5_000)} AS o,
      h(i, 'j') % ${pages} AS j
    FROM range(${pages}) t(i)
  )
`);
await c.run(`
  INSERT INTO signals
  SELECT shard, record_offset, url, ['source-link', 'copyright', 'canonical', 'byline-credit', 'wordpress-feed'][(1 + h(record_offset, n) % 5)], 'a signal', (h(n, url) % 10) / 10.0
  FROM pages, range(CASE WHEN syndicated THEN 4 ELSE 1 + h(url) % 2 END) t(n)
`);
await c.run(`
  INSERT INTO chains
  SELECT shard, record_offset, url, n + 1, CASE WHEN n + 1 = chain_length THEN original_url ELSE 'https://hop' || n || '.example/' || record_offset END,
    CASE WHEN n + 1 = chain_length THEN original_site ELSE 'hop' || n || '.example' END, original_publisher
  FROM pages, range(chain_length) t(n)
  WHERE chain_length > 0
`);
await c.run(`
  INSERT INTO shards SELECT shard, 1e9::BIGINT, count(*) * 3, count(*), count(*) FILTER (syndicated), count(*) * 2, 'bench', now()::TIMESTAMP FROM pages GROUP BY shard;
  INSERT INTO skip_counts SELECT shard, 'not-response', count(*) * 2 FROM pages GROUP BY shard;
  CHECKPOINT;
`);
const counts = (
  await c.runAndReadAll(`SELECT (SELECT count(*) FROM pages), (SELECT count(*) FROM signals), (SELECT count(*) FROM chains)`)
).getRowsJS()[0]!;
c.closeSync();
db.closeSync();
const size = statSync(dbPath).size;
const [pageRows, signalRows, hopRows] = counts.map((n) => Number(n).toLocaleString('en'));
console.log(
  `  database made in ${seconds(started)} s: ${pageRows} pages, ${signalRows} signals, ${hopRows} chain hops; ${(size / 1e9).toFixed(2)} GB on disk`,
);

let total = 0;
for (const query of REPORT_QUERIES) {
  started = performance.now();
  const data = await crawlReport(dbPath, { queries: [query] });
  const ms = performance.now() - started;
  total += ms;
  const section = data.sections[0]!;
  console.log(
    `  ${query.file.padEnd(22)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${section.error ? `ERROR ${section.error}` : `${section.rows.length} rows`}`,
  );
}
started = performance.now();
const data = await crawlReport(dbPath);
const text = reportText(data);
const html = reportHtml(data);
console.log(
  `  the whole report (every query, text ${Math.round(text.length / 1024)} KB and HTML ${Math.round(html.length / 1024)} KB): ${seconds(started)} s (the queries one at a time: ${(total / 1000).toFixed(1)} s)`,
);
console.log(`  peak memory of this process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
if (!values.keep) await rm(work, { recursive: true, force: true });
else console.log(`  kept: ${dbPath}`);
