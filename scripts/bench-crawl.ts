/**
 * `npm run bench:crawl`: the crawl's throughput, end to end, on real pages. Both corpora's pages (930, as
 * served) are written into .warc.gz shards with warcio's writer, then run through the bundled CLI
 * (`provenance crawl`, a child process: decompress, parse, detect, write to DuckDB) with one worker and with
 * two, and through a Readability + linkedom pipeline over the same archives on one thread (the usual way to
 * "read an article" in Node). Prints pages per second per core, the speed-up of two workers, the ratio to
 * the Readability pipeline, and the crawl's peak memory for the archive and for one three times its size.
 *
 *   npm run bench:crawl [-- --rounds N]
 *
 * Figures, not pass/fail: docs/CRAWL.md keeps the last ones and what they extrapolate to.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { parseHtml } from '../cli/load';
import { decodeHtml } from '../core/decode';
import { readWarc } from '../crawl/warc';
import { repoRoot, unpackedCorpusDir } from '../tests/corpus/corpus';
import { htmldateIndex, readabilityIndex } from '../tests/unit/corpus-helpers';
import { warcBytes, type RecordSpec } from '../tests/crawl/warc-builder';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '2' } } });
const rounds = Math.max(1, Number(values.rounds));
const SHARDS = 8;

function corpusRecords(): RecordSpec[] {
  const readability = unpackedCorpusDir('readability');
  const htmldate = unpackedCorpusDir('htmldate');
  return [
    // Readability's pages are kept as UTF-8 whatever they declare: served so.
    ...readabilityIndex().map((p) => ({ url: p.url, body: readFileSync(join(readability, p.file)), contentType: 'text/html; charset=utf-8' })),
    // htmldate's are saved as served, without the server's header: the page's own declaration (or sniffing) decides.
    ...htmldateIndex().map((p) => ({ url: p.url, body: readFileSync(join(htmldate, p.file)), contentType: 'text/html' })),
  ];
}

async function writeShards(dir: string, records: RecordSpec[], copies: number): Promise<{ files: string[]; bytes: number }> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  const all = Array.from({ length: copies }, (_, c) => records.map((r) => ({ ...r, url: copies > 1 ? `${r.url}#copy${c}` : r.url }))).flat();
  for (let s = 0; s < SHARDS; s++) {
    const file = join(dir, `corpus-${s}.warc.gz`);
    const data = await warcBytes(all.filter((_, i) => i % SHARDS === s));
    await writeFile(file, data);
    files.push(file);
    bytes += data.length;
  }
  return { files, bytes };
}

interface CrawlRun {
  seconds: number;
  pages: number;
  peakMb: number;
}

function runCrawl(bin: string, files: string[], db: string, workers: number): CrawlRun {
  for (const path of [db, `${db}.wal`, `${db}.work`]) rmSync(path, { recursive: true, force: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, [bin, 'crawl', '--workers', String(workers), '--db', db, ...files], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`crawl failed (${run.status}): ${run.stderr}`);
  const summary = /(\d+) pages, .*peak memory (\d+) MB/.exec(run.stderr);
  if (!summary) throw new Error(`no summary line in: ${run.stderr}`);
  return { seconds, pages: Number(summary[1]), peakMb: Number(summary[2]) };
}

async function readabilityPipeline(files: string[]): Promise<{ seconds: number; pages: number }> {
  const started = performance.now();
  let pages = 0;
  for (const file of files)
    for await (const item of readWarc(file)) {
      if (item.kind !== 'page') continue;
      const doc = parseHtml(decodeHtml(item.body, item.charset));
      new Readability(doc as never).parse();
      pages++;
    }
  return { seconds: (performance.now() - started) / 1000, pages };
}

const best = <T extends { seconds: number }>(runs: T[]): T => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));

const work = join(repoRoot, '.tmp', 'bench-crawl');
await rm(work, { recursive: true, force: true });
await mkdir(join(work, 'bin'), { recursive: true });
execFileSync(process.execPath, [join(repoRoot, 'scripts/build-cli.mjs'), join(work, 'dist/cli.mjs')], { stdio: 'inherit' });
await copyFile(join(repoRoot, 'bin/provenance.mjs'), join(work, 'bin/provenance.mjs'));
const bin = join(work, 'bin/provenance.mjs');

const records = corpusRecords();
const one = await writeShards(join(work, 'warc-1x'), records, 1);
console.log(`Crawl benchmark: Node ${process.version}, ${cpus()[0]?.model ?? 'CPU'} × ${availableParallelism()}`);
console.log(
  `  archive: ${records.length} corpus pages (readability 130 + htmldate 800) in ${SHARDS} .warc.gz shards, ${(one.bytes / 1e6).toFixed(1)} MB compressed`,
);

const db = join(work, 'bench.duckdb');
const w1 = best(Array.from({ length: rounds }, () => runCrawl(bin, one.files, db, 1)));
const w2 = best(Array.from({ length: rounds }, () => runCrawl(bin, one.files, db, 2)));
const readability: { seconds: number; pages: number }[] = [];
for (let r = 0; r < rounds; r++) readability.push(await readabilityPipeline(one.files));
const rd = best(readability);

const perCore = w1.pages / w1.seconds;
const rdRate = rd.pages / rd.seconds;
const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED');
console.log(
  `  provenance crawl, 1 worker:  ${w1.pages} pages in ${w1.seconds.toFixed(2)} s = ${perCore.toFixed(1)} pages/s per core (target ≥ 100: ${verdict(perCore >= 100)})`,
);
console.log(
  `  provenance crawl, 2 workers: ${w2.pages} pages in ${w2.seconds.toFixed(2)} s = ${(w2.pages / w2.seconds).toFixed(1)} pages/s; speed-up ${(w1.seconds / w2.seconds).toFixed(2)}× (target ≥ 1.8: ${verdict(w1.seconds / w2.seconds >= 1.8)})`,
);
console.log(
  `  Readability + linkedom, 1 thread: ${rd.pages} pages in ${rd.seconds.toFixed(2)} s = ${rdRate.toFixed(1)} pages/s; crawl / Readability = ${(perCore / rdRate).toFixed(2)}× (target ≥ 3: ${verdict(perCore / rdRate >= 3)})`,
);
console.log(`  peak memory (whole crawl process): 1 worker ${w1.peakMb} MB, 2 workers ${w2.peakMb} MB`);

const three = await writeShards(join(work, 'warc-3x'), records, 3);
const big = runCrawl(bin, three.files, db, 2);
console.log(`  peak memory on an archive 3× the size (${(three.bytes / 1e6).toFixed(1)} MB, ${big.pages} pages), 2 workers: ${big.peakMb} MB`);
await rm(work, { recursive: true, force: true });
