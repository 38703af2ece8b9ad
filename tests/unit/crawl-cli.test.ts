/**
 * The crawl as a researcher runs it: the bundled CLI (dist/cli.mjs and its worker, dist/crawl-worker.mjs) in a
 * real process, on WARC files built here. Two worker threads give the database one thread gives; --jsonl and
 * --parquet hold every page; `report --html` writes one self-contained page; and a crawl killed with SIGKILL in
 * the middle leaves a database of whole shards, which the same command then completes without reading a shard
 * twice. The bundle goes under .tmp/ in the repository, where Node finds DuckDB in node_modules.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrawlDb } from '../../crawl/db';
import { crawl } from '../../crawl/run';
import { pageRecords, warcBytes } from '../crawl/warc-builder';
import { fixtureWebPages, loadHtmldateCorpus } from './corpus-helpers';

const ROOT = join(__dirname, '../..');
interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

let cli = '';
let data = '';
let bin = '';

function provenance(args: string[], onErr?: (text: string, kill: () => void) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
      onErr?.(err, () => child.kill('SIGKILL'));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
}

type PageRow = { shard: string; url: string; kind: string | null; record: string };

async function pages(db: string): Promise<PageRow[]> {
  const read = await CrawlDb.open(db, { readOnly: true });
  try {
    return await read.rows<PageRow>('SELECT shard, url, kind, record::VARCHAR AS record FROM pages ORDER BY url');
  } finally {
    read.close();
  }
}

const withoutTiming = (rows: PageRow[]) =>
  rows.map((row) => {
    const { engineMs: _, ...record } = JSON.parse(row.record) as { engineMs: number };
    return { url: row.url, kind: row.kind, record };
  });

beforeAll(async () => {
  await mkdir(join(ROOT, '.tmp'), { recursive: true });
  cli = await mkdtemp(join(ROOT, '.tmp', 'crawl-cli-'));
  data = await mkdtemp(join(tmpdir(), 'provenance-crawl-cli-'));
  await mkdir(join(cli, 'bin'));
  bin = join(cli, 'bin/provenance.mjs');
  await copyFile(join(ROOT, 'bin/provenance.mjs'), bin);
  const built = await new Promise<number | null>((resolve) =>
    spawn(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), join(cli, 'dist/cli.mjs')], { stdio: 'inherit' }).on('close', resolve),
  );
  expect(built).toBe(0);
}, 120_000);

afterAll(async () => {
  if (cli) await rm(cli, { recursive: true, force: true });
  if (data) await rm(data, { recursive: true, force: true });
});

describe('provenance crawl, the bundled command line', () => {
  it('two worker threads write what one thread writes; --jsonl and --parquet hold every page; report --html is one page', async () => {
    const web = pageRecords(fixtureWebPages());
    const dir = join(data, 'shards');
    await mkdir(dir);
    for (let i = 0; i < 4; i++) await writeFile(join(dir, `part-${i}.warc.gz`), await warcBytes(web.filter((_, n) => n % 4 === i)));
    await crawl({ inputs: [dir], db: join(data, 'inline.duckdb'), workers: 0, engineVersion: 'test' });

    const run = await provenance([
      'crawl',
      '--workers',
      '2',
      '--db',
      join(data, 'threads.duckdb'),
      '--jsonl',
      join(data, 'pages.jsonl'),
      '--parquet',
      join(data, 'parquet'),
      dir,
    ]);
    expect(run.code, run.err).toBe(0);
    expect(run.err).toMatch(
      new RegExp(`4 shards read in [\\d.]+ s: ${web.length} records, ${web.length} pages, \\d+ copies, 0 skipped; peak memory \\d+ MB`),
    );
    expect(withoutTiming(await pages(join(data, 'threads.duckdb')))).toEqual(withoutTiming(await pages(join(data, 'inline.duckdb'))));

    const lines = (await readFile(join(data, 'pages.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(web.length);
    expect(new Set(lines.map((line) => (JSON.parse(line) as { url: string }).url))).toEqual(new Set(web.map((p) => p.url)));
    for (const table of ['shards', 'pages', 'signals', 'chains', 'skipped', 'skip_counts', 'originals'])
      expect(existsSync(join(data, 'parquet', `${table}.parquet`)), table).toBe(true);

    const report = await provenance(['report', '--html', join(data, 'report.html'), join(data, 'threads.duckdb')]);
    expect(report.code, report.err).toBe(0);
    expect(report.out).toContain('What kinds of copies does the crawl hold?');
    const html = await readFile(join(data, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/<script|(?:src|href)=["']?https?:/i);
    expect(html).toContain('<svg');

    const missing = await provenance(['report', join(data, 'nope.duckdb')]);
    expect(missing).toMatchObject({ code: 3, out: '' });
    expect(missing.err).toContain('no such file');
  }, 180_000);

  it('killed with SIGKILL mid-run, it leaves whole shards only; the same command then finishes without reading a shard twice', async () => {
    const corpus = loadHtmldateCorpus().slice(0, 240);
    const dir = join(data, 'kill');
    await mkdir(dir);
    for (let i = 0; i < 8; i++) await writeFile(join(dir, `part-${i}.warc.gz`), await warcBytes(pageRecords(corpus.filter((_, n) => n % 8 === i))));
    const db = join(data, 'kill.duckdb');
    // Killed once the first shards are in: the progress line says how many shards are done.
    const killed = await provenance(['crawl', '--workers', '1', '--db', db, dir], (err, kill) => {
      if (/\b[2-9]\/8 shards/.test(err)) kill();
    });
    expect(killed.signal).toBe('SIGKILL');

    const read = await CrawlDb.open(db);
    let done: { shard: string; pages: number }[];
    try {
      done = await read.rows<{ shard: string; pages: number }>('SELECT shard, pages::INTEGER AS pages FROM shards');
      expect(done.length).toBeGreaterThanOrEqual(2);
      expect(done.length).toBeLessThan(8);
      // Every shard listed is whole, and no page belongs to a shard not listed.
      const counts = await read.rows<{ shard: string; n: number }>('SELECT shard, count(*)::INTEGER AS n FROM pages GROUP BY shard');
      expect(new Map(counts.map((c) => [c.shard, c.n]))).toEqual(new Map(done.map((d) => [d.shard, d.pages])));
    } finally {
      read.close();
    }

    const again = await provenance(['crawl', '--workers', '1', '--db', db, dir]);
    expect(again.code, again.err).toBe(0);
    expect(again.err).toContain(`(${done.length} already done)`);
    const rows = await pages(db);
    expect(rows).toHaveLength(corpus.length);
    expect(new Set(rows.map((r) => `${r.shard} ${r.url}`)).size).toBe(corpus.length);
  }, 240_000);
});
