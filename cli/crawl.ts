/**
 * `provenance crawl`: WARC archives in, a DuckDB database (and Parquet, JSON lines) out, on every core
 * (crawl/run.ts). `provenance merge`: Parquet parts (one a Dask task, scripts/dask_crawl.py) into one database.
 */
import { mkdir } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { availableParallelism, constants as osConstants } from 'node:os';
import { crawl } from '../crawl/run';
import { CrawlDb } from '../crawl/db';
import { CliError } from './load';
import type { OptionSpecs } from './args';
import type { Command } from './main';
import { VERSION } from './version';

const CRAWL_USAGE = `usage: provenance crawl [options] --db <out.duckdb> <warc-file | folder | list-file>...

Run the engine on every HTML page of WARC archives (.warc or .warc.gz, as crawlers and Common Crawl write
them) and write the results into a DuckDB database: pages (one row a page, with its kind of copy), signals,
chains, originals, and the records skipped with their reason. A folder gives every *.warc(.gz) under it; any
other file is a list of archives, one a line. Each archive is a shard: a shard already in the database is
not read again, so an interrupted run is resumed by running it again.

options:
      --db <file>          the DuckDB database to write (created, or added to)
      --jsonl <file>       also write every page as one JSON line (its row and the engine's whole record)
      --parquet <folder>   also write every table as Parquet (pages.parquet, signals.parquet, …)
      --workers <n>        worker threads, one parser and engine each (default: one a core, here ${availableParallelism()})
      --max-page <MB>      skip (and count) pages larger than this (default 8)
  -h, --help               print this help and exit

Progress goes to standard error; then 'provenance report <out.duckdb>' answers the usual questions.
Exit status: 0 done, 1 some shards failed (the others are in the database), 2 usage error, 3 an input cannot be read.`;

const CRAWL_OPTIONS = {
  db: { type: 'string' },
  jsonl: { type: 'string' },
  parquet: { type: 'string' },
  workers: { type: 'string' },
  'max-page': { type: 'string' },
} satisfies OptionSpecs;

const WORKER_FILE = new URL('./crawl-worker.mjs', import.meta.url);

export const crawlCommand: Command<typeof CRAWL_OPTIONS> = {
  name: 'crawl',
  summary: 'run the engine over WARC archives into a DuckDB database',
  usage: CRAWL_USAGE,
  options: CRAWL_OPTIONS,
  async run({ values, positionals }, io) {
    if (!values.db) throw new CliError('usage', 'crawl needs --db <out.duckdb>');
    if (!positionals.length) throw new CliError('usage', 'crawl needs at least one WARC file, folder or list file');
    const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0) throw new CliError('usage', `--workers needs a whole number, got ${values.workers}`);
    const maxPage = values['max-page'] === undefined ? 8 : Number(values['max-page']);
    if (!(maxPage > 0)) throw new CliError('usage', `--max-page needs a size in MB, got ${values['max-page']}`);
    // With an engine on every core, V8's parallel garbage collection only competes with them: measured on 2 cores,
    // two workers read 400 pages in 9.8 s with it and 7.2 s without (one worker: 11.6 s and 12.0 s). The flag
    // must be given when Node starts, so the crawl runs again in a Node started with it.
    if (workers >= availableParallelism() && workers > 1 && !process.execArgv.includes('--single-threaded-gc') && process.argv[1])
      return rerunWith('--single-threaded-gc');
    const tty = process.stderr.isTTY;
    const logLine = logThrottle();
    const stop = new AbortController();
    const onSignal = () => {
      if (stop.signal.aborted) process.exit(130);
      io.err('provenance crawl: stopping after the shards in flight (Ctrl-C again to stop now; a rerun resumes)');
      stop.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    let summary;
    try {
      summary = await crawl({
        inputs: positionals,
        db: values.db,
        workers,
        maxPageBytes: Math.round(maxPage * 1024 * 1024),
        engineVersion: VERSION,
        workerFile: WORKER_FILE,
        signal: stop.signal,
        status: (line, final) => {
          if (tty && !final) process.stderr.write(`\r\x1b[2K${line}`);
          else if (tty) io.err(`\r\x1b[2K${line}`);
          else if (final || logLine.due(line)) io.err(line);
        },
      });
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    // The whole process's: every thread's CPU time (workers, the collector's helpers, DuckDB), for core-hour sums.
    const usage = process.resourceUsage();
    const reasons = Object.entries(summary.reasons)
      .sort((a, b) => b[1] - a[1])
      .map(([reason, n]) => `${reason} ${n}`)
      .join(', ');
    io.err(
      `provenance crawl: ${summary.done} shards read${summary.resumed ? ` (${summary.resumed} already done)` : ''} in ${summary.seconds.toFixed(1)} s: ` +
        `${summary.records} records, ${summary.pages} pages, ${summary.copies} copies, ${summary.skipped} skipped${reasons ? ` (${reasons})` : ''}; ` +
        `peak memory ${Math.round(usage.maxRSS / 1024)} MB, CPU ${((usage.userCPUTime + usage.systemCPUTime) / 1e6).toFixed(1)} s`,
    );
    for (const failure of summary.failed) io.err(`provenance crawl: shard not read: ${failure.shard}: ${failure.message}`);
    if (values.parquet || values.jsonl) {
      const db = await CrawlDb.open(values.db);
      try {
        if (values.parquet) {
          await mkdir(values.parquet, { recursive: true });
          const files = await db.exportParquet(values.parquet);
          io.err(`provenance crawl: wrote ${files.length} Parquet files in ${values.parquet}`);
        }
        if (values.jsonl) {
          await db.exportJsonl(values.jsonl);
          io.err(`provenance crawl: wrote ${values.jsonl}`);
        }
      } finally {
        db.close();
      }
    }
    if (summary.stopped) io.err('provenance crawl: stopped early; run the same command again to read the rest');
    return summary.failed.length ? 1 : 0;
  },
};

/**
 * Into a log (standard error not a terminal), progress is a line when a shard is done, and at most one a
 * minute in between, not one a second.
 */
function logThrottle(): { due(line: string): boolean } {
  let lastShards = '';
  let lastAt = 0;
  return {
    due(line) {
      const shards = /^\S+ shards/.exec(line)?.[0] ?? '';
      const now = Date.now();
      if (shards === lastShards && now - lastAt < 60_000) return false;
      lastShards = shards;
      lastAt = now;
      return true;
    },
  };
}

/** This same command line in a new Node process started with `flag`; its exit code (signals passed on to it). */
function rerunWith(flag: string): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, flag, ...process.argv.slice(1)], { stdio: 'inherit' });
  const pass = (signal: NodeJS.Signals) => () => child.kill(signal);
  const onInt = pass('SIGINT');
  const onTerm = pass('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(code ?? (signal ? 128 + (osConstants.signals[signal] ?? 0) : 70));
    });
  });
}

const MERGE_USAGE = `usage: provenance merge [options] --db <out.duckdb> <part-folder>...

Merge Parquet parts (folders written by 'provenance crawl --parquet', one a Dask task) into one DuckDB
database. A shard already in the database is not added twice, so merging again is safe.

options:
      --db <file>   the DuckDB database to merge into (created if missing)
  -h, --help        print this help and exit`;

const MERGE_OPTIONS = { db: { type: 'string' } } satisfies OptionSpecs;

export const mergeCommand: Command<typeof MERGE_OPTIONS> = {
  name: 'merge',
  summary: 'merge Parquet parts of a crawl into one DuckDB database',
  usage: MERGE_USAGE,
  options: MERGE_OPTIONS,
  async run({ values, positionals }, io) {
    if (!values.db) throw new CliError('usage', 'merge needs --db <out.duckdb>');
    if (!positionals.length) throw new CliError('usage', 'merge needs at least one part folder');
    const db = await CrawlDb.open(values.db);
    let shards = 0;
    let pages = 0;
    try {
      for (const part of positionals) {
        const merged = await db.mergeParquet(part);
        shards += merged.shards;
        pages += merged.pages;
      }
    } finally {
      db.close();
    }
    io.err(`provenance merge: ${shards} shards (${pages} pages) merged from ${positionals.length} parts into ${values.db}`);
    return 0;
  },
};
