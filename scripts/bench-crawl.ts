/**
 * `npm run bench:crawl`: the crawl's throughput, end to end, on real pages. Both corpora's pages (930, as
 * served) are written into .warc.gz shards with warcio's writer, then run through the bundled CLI
 * (`provenance crawl`, a child process: decompress, parse, detect, write to DuckDB) with one worker and with
 * two, and through a Readability + linkedom pipeline over the same archives on one thread (the usual way to
 * "read an article" in Node; scripts/readability-pipeline.ts, bundled with the same linkedom and run as its
 * own process too). Rounds are interleaved and the best of each kind is kept, as this machine's speed drifts
 * from minute to minute. Prints pages per second per core, the CPU time a page costs, the speed-up of two
 * workers beside the machine's own ceiling for this work (the same halves of the archive crawled by two
 * separate one-worker processes at once), the ratio to the Readability pipeline, and the crawl's peak memory
 * for the archive and for one three times its size.
 *
 *   npm run bench:crawl [-- --rounds N]
 *
 * Figures, not pass/fail: docs/CRAWL.md keeps the last ones and what they extrapolate to.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { repoRoot, unpackedCorpusDir } from '../tests/corpus/corpus';
import { htmldateIndex, readabilityIndex } from '../tests/unit/corpus-helpers';
import { warcBytes, type RecordSpec } from '../tests/crawl/warc-builder';
import { linkedomEdits } from './linkedom-edits.mjs';

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

interface Timed {
  seconds: number;
  pages: number;
}

interface CrawlRun extends Timed {
  peakMb: number;
  cpuSeconds: number;
}

/** Runs a command and gives its standard output and error when it exits 0. */
function run(args: string[]): Promise<{ out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ out, err }) : reject(new Error(`${args.join(' ')} failed (${code}): ${err}`))));
  });
}

async function runCrawl(bin: string, files: string[], db: string, workers: number): Promise<CrawlRun> {
  for (const path of [db, `${db}.wal`, `${db}.work`]) rmSync(path, { recursive: true, force: true });
  const started = performance.now();
  const { err } = await run([bin, 'crawl', '--workers', String(workers), '--db', db, ...files]);
  const seconds = (performance.now() - started) / 1000;
  const summary = /(\d+) pages, .*peak memory (\d+) MB, CPU ([\d.]+) s/.exec(err);
  if (!summary) throw new Error(`no summary line in: ${err}`);
  return { seconds, pages: Number(summary[1]), peakMb: Number(summary[2]), cpuSeconds: Number(summary[3]) };
}

/** Two one-worker crawls at once, each on half the shards: what two separate processes get from this machine. */
async function runTwoProcesses(bin: string, files: string[], db: string): Promise<Timed> {
  const started = performance.now();
  const halves = await Promise.all(
    [0, 1].map((h) =>
      runCrawl(
        bin,
        files.filter((_, i) => i % 2 === h),
        `${db}.${h}`,
        1,
      ),
    ),
  );
  return { seconds: (performance.now() - started) / 1000, pages: halves[0]!.pages + halves[1]!.pages };
}

async function readabilityPipeline(script: string, files: string[]): Promise<Timed> {
  const started = performance.now();
  const { out } = await run([script, ...files]);
  const { pages } = JSON.parse(out) as { pages: number };
  return { seconds: (performance.now() - started) / 1000, pages };
}

const best = <T extends Timed>(runs: T[]): T => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));

const work = join(repoRoot, '.tmp', 'bench-crawl');
await rm(work, { recursive: true, force: true });
await mkdir(join(work, 'bin'), { recursive: true });
execFileSync(process.execPath, [join(repoRoot, 'scripts/build-cli.mjs'), join(work, 'dist/cli.mjs')], { stdio: 'inherit' });
await copyFile(join(repoRoot, 'bin/provenance.mjs'), join(work, 'bin/provenance.mjs'));
const bin = join(work, 'bin/provenance.mjs');
// The pipeline twice: with linkedom as published (as people run it) and with the CLI's edited linkedom.
const readabilityScripts = { stock: join(work, 'dist/readability-stock.mjs'), edited: join(work, 'dist/readability-edited.mjs') };
for (const [kind, outfile] of Object.entries(readabilityScripts))
  await build({
    entryPoints: [join(repoRoot, 'scripts/readability-pipeline.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    logLevel: 'warning',
    plugins: kind === 'edited' ? [linkedomEdits] : [],
  });

const records = corpusRecords();
const one = await writeShards(join(work, 'warc-1x'), records, 1);
console.log(
  `Crawl benchmark: Node ${process.version}, ${cpus()[0]?.model ?? 'CPU'} × ${availableParallelism()}, ${rounds} rounds (best of each kind)`,
);
console.log(
  `  archive: ${records.length} corpus pages (readability 130 + htmldate 800) in ${SHARDS} .warc.gz shards, ${(one.bytes / 1e6).toFixed(1)} MB compressed`,
);

const db = join(work, 'bench.duckdb');
const runs = { w1: [] as CrawlRun[], w2: [] as CrawlRun[], two: [] as Timed[], stock: [] as Timed[], edited: [] as Timed[] };
for (let r = 0; r < rounds; r++) {
  runs.w1.push(await runCrawl(bin, one.files, db, 1));
  runs.w2.push(await runCrawl(bin, one.files, db, 2));
  runs.two.push(await runTwoProcesses(bin, one.files, db));
  runs.stock.push(await readabilityPipeline(readabilityScripts.stock, one.files));
  runs.edited.push(await readabilityPipeline(readabilityScripts.edited, one.files));
}
const [w1, w2, two, stock, edited] = [best(runs.w1), best(runs.w2), best(runs.two), best(runs.stock), best(runs.edited)];

const perCore = w1.pages / w1.seconds;
const rdRate = stock.pages / stock.seconds;
const editedRate = edited.pages / edited.seconds;
const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED');
console.log(
  `  provenance crawl, 1 worker:  ${w1.pages} pages in ${w1.seconds.toFixed(2)} s = ${perCore.toFixed(1)} pages/s per core (target ≥ 100: ${verdict(perCore >= 100)})`,
);
console.log(
  `    CPU time, all threads: ${w1.cpuSeconds.toFixed(1)} s = ${((1000 * w1.cpuSeconds) / w1.pages).toFixed(1)} ms a page, ${(w1.pages / w1.cpuSeconds).toFixed(1)} pages per CPU-second (the collector's helper threads run on the other core)`,
);
console.log(
  `  provenance crawl, 2 workers: ${w2.pages} pages in ${w2.seconds.toFixed(2)} s = ${(w2.pages / w2.seconds).toFixed(1)} pages/s; speed-up ${(w1.seconds / w2.seconds).toFixed(2)}× (target ≥ 1.8: ${verdict(w1.seconds / w2.seconds >= 1.8)})`,
);
console.log(
  `    two separate 1-worker processes on the two halves at once: ${two.seconds.toFixed(2)} s = ${(w1.seconds / two.seconds).toFixed(2)}× one worker (this machine's own ceiling for the work)`,
);
console.log(
  `  Readability + linkedom, 1 thread: ${stock.pages} pages in ${stock.seconds.toFixed(2)} s = ${rdRate.toFixed(1)} pages/s; crawl / Readability = ${(perCore / rdRate).toFixed(2)}× (target ≥ 3: ${verdict(perCore / rdRate >= 3)})`,
);
console.log(
  `    the same on the crawl's edited linkedom (scripts/linkedom-edits.mjs): ${edited.seconds.toFixed(2)} s = ${editedRate.toFixed(1)} pages/s; crawl / it = ${(perCore / editedRate).toFixed(2)}×`,
);
console.log(`  peak memory (whole crawl process): 1 worker ${w1.peakMb} MB, 2 workers ${w2.peakMb} MB`);

const three = await writeShards(join(work, 'warc-3x'), records, 3);
const big = await runCrawl(bin, three.files, db, 2);
console.log(
  `  an archive 3× the size (${(three.bytes / 1e6).toFixed(1)} MB, ${big.pages} pages), 2 workers, one run: ${big.seconds.toFixed(2)} s = ${(big.pages / big.seconds).toFixed(1)} pages/s (start-up and the compiler's warm-up spread thinner); peak memory ${big.peakMb} MB`,
);
await rm(work, { recursive: true, force: true });
