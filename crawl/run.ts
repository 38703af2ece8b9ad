/**
 * `provenance crawl`'s engine room: the shards (WARC files) to read, a pool of worker threads (one parser and
 * engine each, crawl/worker.ts), one writer (crawl/db.ts) committing each finished shard in one transaction,
 * and a progress line. Resumable: shards already in the database are not read again, and a shard in flight
 * when the run stops is read again next time from its start.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CliError } from '../cli/load';
import { CrawlDb } from './db';
import { runShard, type ShardCounts, type ShardResult } from './shard';
import { ROUTINE_SKIPS, type SkipReason } from './warc';

export type ToWorker = { shard: string; workDir: string; engineVersion: string; maxPageBytes: number };
export type FromWorker =
  | { type: 'progress'; shard: string; counts: ShardCounts; position: number }
  | { type: 'done'; result: ShardResult }
  | { type: 'failed'; shard: string; message: string };

export interface CrawlOptions {
  inputs: string[];
  db: string;
  /** Worker threads; 0 runs the shards on this thread (the tests do). Default: one a core. */
  workers?: number;
  maxPageBytes?: number;
  engineVersion: string;
  /** The bundled worker's file (dist/crawl-worker.mjs); needed when workers > 0. */
  workerFile?: URL;
  /** Progress and problems, one line each (a terminal gets one line redrawn). */
  status?: (line: string, final: boolean) => void;
  /** Set to stop after the shards in flight: none is started after it. */
  signal?: AbortSignal;
  now?: () => number;
}

export interface CrawlSummary {
  shards: number;
  /** Shards found already done in the database. */
  resumed: number;
  done: number;
  failed: { shard: string; message: string }[];
  records: number;
  pages: number;
  copies: number;
  skipped: number;
  reasons: Record<string, number>;
  seconds: number;
  stopped: boolean;
}

const WARC_NAME = /\.w?arc(\.gz)?$/i;

/**
 * The WARC files named by the inputs: files, folders (every *.warc and *.warc.gz under them), and list files
 * (any other file: one path or folder a line, # comments). Paths are made absolute: a shard's name.
 */
export async function shardPaths(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    if (!seen.has(path)) {
      seen.add(path);
      out.push(path);
    }
  };
  const visit = async (input: string, fromList: string | null): Promise<void> => {
    const path = resolve(input);
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new CliError('read-failed', `cannot read ${input}${fromList ? ` (listed in ${fromList})` : ''}: no such file or folder`);
    }
    if (info.isDirectory()) {
      const entries = await readdir(path, { recursive: true, withFileTypes: true });
      const files = entries.filter((e) => e.isFile() && WARC_NAME.test(e.name)).map((e) => join(e.parentPath ?? e.path, e.name));
      for (const file of files.sort()) add(file);
    } else if (WARC_NAME.test(path) || fromList !== null || (await looksLikeWarc(path))) add(path);
    else {
      const lines = (await readFile(path, 'utf8')).split(/\r?\n/).map((line) => line.trim());
      for (const line of lines) if (line && !line.startsWith('#')) await visit(resolve(path, '..', line), input);
    }
  };
  for (const input of inputs) await visit(input, null);
  return out;
}

async function looksLikeWarc(path: string): Promise<boolean> {
  const head = (await readFile(path)).subarray(0, 5);
  return (head[0] === 0x1f && head[1] === 0x8b) || head.toString('latin1') === 'WARC/';
}

/** A shard's work folder, beside the database. */
const workDirOf = (db: string, shard: string): string => join(`${db}.work`, createHash('sha256').update(shard).digest('hex').slice(0, 16));

export async function crawl(options: CrawlOptions): Promise<CrawlSummary> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const shards = await shardPaths(options.inputs);
  const db = await CrawlDb.open(options.db);
  const summary: CrawlSummary = {
    shards: shards.length,
    resumed: 0,
    done: 0,
    failed: [],
    records: 0,
    pages: 0,
    copies: 0,
    skipped: 0,
    reasons: {},
    seconds: 0,
    stopped: false,
  };
  try {
    await db.dropUnfinished();
    const done = await db.doneShards();
    const todo = shards.filter((shard) => !done.has(shard));
    summary.resumed = shards.length - todo.length;
    const sizes = new Map<string, number>();
    for (const shard of todo) sizes.set(shard, (await stat(shard)).size);
    const totalBytes = [...sizes.values()].reduce((a, b) => a + b, 0);
    const maxPageBytes = options.maxPageBytes ?? 8 * 1024 * 1024;
    const workers = Math.max(0, Math.min(options.workers ?? availableParallelism(), todo.length || 1));

    // Progress: finished shards' counts plus those in flight.
    const inFlight = new Map<string, { counts: ShardCounts; position: number }>();
    let doneBytes = 0;
    let lastDraw = 0;
    const draw = (final: boolean) => {
      const t = now();
      if (!final && t - lastDraw < 1000) return;
      lastDraw = t;
      let records = summary.records;
      let pages = summary.pages;
      let copies = summary.copies;
      let bytes = doneBytes;
      for (const { counts, position } of inFlight.values()) {
        records += counts.records;
        pages += counts.pages;
        copies += counts.copies;
        bytes += position;
      }
      const seconds = (t - started) / 1000;
      const rate = seconds > 0 ? records / seconds : 0;
      const share = totalBytes > 0 ? bytes / totalBytes : 0;
      const eta = !final && share > 0.01 && share < 1 ? ` · ETA ${duration((seconds / share) * (1 - share))}` : '';
      const errors = summary.failed.length + problemCount(summary.reasons);
      options.status?.(
        `${summary.done + summary.resumed}/${shards.length} shards · ${records} records (${rate.toFixed(0)}/s) · ${pages} pages · ${copies} copies · ${errors} errors${eta}`,
        final,
      );
    };

    let commits = Promise.resolve();
    const finish = (result: ShardResult, workDir: string) => {
      commits = commits.then(async () => {
        await db.commitShard(result, workDir);
        await rm(workDir, { recursive: true, force: true });
        summary.done++;
        summary.records += result.records;
        summary.pages += result.pages;
        summary.copies += result.copies;
        summary.skipped += result.skipped;
        for (const [reason, count] of Object.entries(result.reasons)) summary.reasons[reason] = (summary.reasons[reason] ?? 0) + (count ?? 0);
        doneBytes += sizes.get(result.shard) ?? 0;
        inFlight.delete(result.shard);
        draw(false);
      });
      return commits;
    };
    const fail = (shard: string, message: string) => {
      inFlight.delete(shard);
      summary.failed.push({ shard, message });
      options.status?.(`shard failed: ${shard}: ${message}`, true);
    };

    const queue = [...todo];
    const next = (): string | undefined => (options.signal?.aborted ? undefined : queue.shift());
    const job = (shard: string): ToWorker => ({ shard, workDir: workDirOf(options.db, shard), engineVersion: options.engineVersion, maxPageBytes });

    if (workers === 0) {
      for (let shard = next(); shard !== undefined; shard = next()) {
        const j = job(shard);
        try {
          const result = await runShard(shard, j.workDir, j.engineVersion, {
            maxPageBytes,
            progress: (counts, position) => {
              inFlight.set(shard, { counts, position });
              draw(false);
            },
          });
          await finish(result, j.workDir);
        } catch (error) {
          fail(shard, (error as Error)?.message ?? String(error));
        }
      }
    } else {
      if (!options.workerFile) throw new Error('crawl: the worker file is not known');
      const workerFile = options.workerFile;
      await Promise.all(
        Array.from({ length: workers }, async () => {
          const worker = new Worker(workerFile);
          try {
            for (let shard = next(); shard !== undefined; shard = next()) {
              const j = job(shard);
              const outcome = await new Promise<FromWorker>((resolveJob) => {
                const onMessage = (message: FromWorker) => {
                  if (message.type === 'progress') {
                    inFlight.set(message.shard, { counts: message.counts, position: message.position });
                    draw(false);
                    return;
                  }
                  worker.off('message', onMessage);
                  worker.off('error', onError);
                  resolveJob(message);
                };
                const onError = (error: Error) => {
                  worker.off('message', onMessage);
                  resolveJob({ type: 'failed', shard, message: `worker crashed: ${error.message}` });
                };
                worker.on('message', onMessage);
                worker.once('error', onError);
                worker.postMessage(j);
              });
              if (outcome.type === 'done') await finish(outcome.result, j.workDir);
              else if (outcome.type === 'failed') {
                fail(shard, outcome.message);
                if (outcome.message.startsWith('worker crashed')) return;
              }
            }
          } finally {
            await worker.terminate();
          }
        }),
      );
    }
    await commits;
    summary.stopped = options.signal?.aborted ?? false;
    summary.seconds = (now() - started) / 1000;
    draw(true);
  } finally {
    db.close();
  }
  return summary;
}

/** Skips that are the archive's problems, not the crawl's routine. */
function problemCount(reasons: Record<string, number | undefined>): number {
  let n = 0;
  for (const [reason, count] of Object.entries(reasons)) if (!ROUTINE_SKIPS.has(reason as SkipReason)) n += count ?? 0;
  return n;
}

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
