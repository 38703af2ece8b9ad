/**
 * `npm run bench`: everything the engine's budgets are measured by, in one report.
 *
 *   1. detect() per page in Node (linkedom), corpus + fixture web pages;
 *   2. inside real Chromium, on fresh copies of each page's document (see
 *      docs/PERFORMANCE.md): digestPage() (what the content script runs on the
 *      page) and detect() (the digest and the rules the background runs on it:
 *      the whole engine), beside @mozilla/readability on the same pages, the
 *      cold first calls of both, plus the cost on a non-article page;
 *   3. the content script in the real built extension (scripts/bench-content.ts): its main-thread time per
 *      page load, cold (the first page in a renderer) and warm, beside isProbablyReaderable and Readability
 *      timed the same way; then the bundle sizes: the built content script and the engine alone;
 *   4. the text-comparison benchmark (scripts/bench-compare.ts);
 *   5. the surfaces at scale (scripts/bench-ui.ts): the options page and its
 *      search over 100,000 generated history records, storage per record,
 *      and the popup on a cached verification (BENCH_UI_RECORDS changes the count;
 *      BENCH_SKIP_UI=1 leaves it out, it takes minutes to fill the database).
 *
 * A report, not a test: MISS is printed next to a missed target and the exit code stays 0.
 * Env: CHROMIUM_PATH (browser, default /usr/bin/chromium).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { chromium } from 'playwright';
import { detect } from '../core/detect';
import { loadCorpus } from '../tests/unit/corpus-helpers';
import { buildExtension, stageBuild } from '../tests/e2e/support/build';
import { CONTENT_SCRIPT_LIMIT } from '../tests/e2e/support/content-size';
import { benchContentScript, contentReport, nonArticlePage } from './bench-content';
import { bundleEngine } from './bench-engine';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const RUNS = 7;

interface BenchPage {
  name: string;
  url: string;
  html: string;
}
interface Stats {
  median: number;
  p95: number;
  max: number;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}
const median = (values: number[]) => stats(values).median;
const ms = (n: number) => `${n.toFixed(3)} ms`;
const fmt = (s: Stats) => `median ${ms(s.median)}   p95 ${ms(s.p95)}   max ${ms(s.max)}`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const line = (label: string, value: string, target?: string, ok?: boolean) =>
  console.log(`  ${label.padEnd(34)} ${value}${target ? `   [target ${target}: ${verdict(!!ok)}]` : ''}`);

function loadPages(): BenchPage[] {
  const pages: BenchPage[] = [];
  for (const page of loadCorpus()) pages.push({ name: page.name, url: page.url, html: page.html });
  const web = join(repoRoot, 'tests/fixtures/web');
  const walk = (folder: string): string[] =>
    readdirSync(folder).flatMap((entry) => {
      const path = join(folder, entry);
      return statSync(path).isDirectory() ? walk(path) : entry === 'index.html' ? [path] : [];
    });
  if (existsSync(web)) {
    for (const file of walk(web)) {
      const path = relative(web, file).replace(/index\.html$/, '');
      pages.push({ name: `web/${path}`, url: `https://${path}`, html: readFileSync(file, 'utf8') });
    }
  }
  return pages;
}

function benchNode(pages: BenchPage[]): { all: Stats; nonArticle: Stats; slowest: string } {
  const perPage: { name: string; ms: number }[] = [];
  const timeOne = (html: string, url: string) => {
    const { document } = parseHTML(html);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      detect(document as unknown as Document, url);
      times.push(performance.now() - started);
    }
    return median(times);
  };
  for (const page of pages.slice(0, 10)) timeOne(page.html, page.url); // warm-up
  for (const page of pages) perPage.push({ name: page.name, ms: timeOne(page.html, page.url) });
  const home = nonArticlePage();
  const nonArticle = stats(Array.from({ length: 20 }, () => timeOne(home, 'https://shop.example/')));
  const slowest = [...perPage]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((p) => `${p.name} ${ms(p.ms)}`)
    .join(', ');
  return { all: stats(perPage.map((p) => p.ms)), nonArticle, slowest };
}

/**
 * Timed inside the page. A string, not a function: the TypeScript loader would
 * otherwise add helpers to it that do not exist in the page.
 */
const IN_PAGE = `(url, runs) => {
  const middle = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const engine = [];
  const digest = [];
  let syndicated = false;
  // performance.now() ticks in 0.1 ms steps here: each sample times a batch of calls and divides. A batch
  // of 20 puts the step at 0.005 ms, under 2 % of a typical page's time (5 calls left it at about 6 %).
  const BATCH = 20;
  // Both sides are timed with their code warmed up: V8 optimises a function after enough calls. Measured on
  // a sixth of the corpus, the engine's time per call falls for about 600 calls, Readability's for about
  // 10 parses (its loops warm up within one).
  const ENGINE_WARM_CALLS = 600;
  const READABILITY_WARM_PARSES = 10;
  // Every timed call gets a document it has never seen: a copy of the page made before the clock starts.
  // Called again on one document, the engine reuses what its first call made the browser build (the
  // JavaScript objects for each element it touched, the cached tag and class lists): that took half the time
  // of a first call, and a content script gets one call per page. Readability gets fresh copies the same way.
  const copies = () => Array.from({ length: BATCH }, () => document.cloneNode(true));
  let started = performance.now();
  ProvenanceEngine.digestPage(document, url);
  const first = performance.now() - started;
  syndicated = ProvenanceEngine.detect(document, url).syndicated;
  for (let i = 0; i < ENGINE_WARM_CALLS; i++) ProvenanceEngine.detect(document, url);
  for (let i = 0; i < runs; i++) {
    let docs = copies();
    started = performance.now();
    for (const doc of docs) ProvenanceEngine.digestPage(doc, url);
    digest.push((performance.now() - started) / BATCH);
    docs = copies();
    started = performance.now();
    for (const doc of docs) ProvenanceEngine.detect(doc, url);
    engine.push((performance.now() - started) / BATCH);
  }
  const readability = [];
  let readabilityFirst = 0;
  for (let i = 0; i < READABILITY_WARM_PARSES; i++) {
    const doc = document.cloneNode(true);
    started = performance.now();
    try { new Readability(doc).parse(); } catch {}
    if (i === 0) readabilityFirst = performance.now() - started;
  }
  for (let i = 0; i < runs; i++) {
    const doc = document.cloneNode(true);
    started = performance.now();
    try { new Readability(doc).parse(); } catch {}
    readability.push(performance.now() - started);
  }
  return { engine: middle(engine), digest: middle(digest), first, readability: middle(readability), readabilityFirst, syndicated };
}`;

interface BrowserResult {
  /** detect(): digest + rules, the whole engine. */
  engine: number;
  /** digestPage(): the content script's share, on the page's thread. */
  digest: number;
  /** The first digestPage() on the page: cold code, as a content script runs once per page. */
  first: number;
  readability: number;
  /** Readability's first parse on the page, cold like the engine's first call. */
  readabilityFirst: number;
  syndicated: boolean;
}

interface ChromiumFigures {
  engine: Stats;
  digest: Stats;
  first: Stats;
  readability: Stats;
  readabilityFirst: Stats;
  /** Readability's first parse ÷ the first digestPage(), per page: both cold. */
  coldRatio: Stats;
  /** Readability ÷ detect per page, and ÷ digestPage. */
  ratio: Stats;
  lowestRatio: number;
  digestRatio: Stats;
  nonArticle: Stats;
  nonArticleDigest: Stats;
  slowest: string;
  failed: number;
}

async function benchChromium(pages: BenchPage[]): Promise<ChromiumFigures | string> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return `no Chromium at ${executablePath} (set CHROMIUM_PATH)`;
  const engineJs = await bundleEngine('iife');
  const readabilityJs = readFileSync(join(repoRoot, 'node_modules/@mozilla/readability/Readability.js'), 'utf8');
  const browser = await chromium.launch({ executablePath, args: BROWSER_ARGS, headless: true });
  try {
    // The page's own scripts stay off (nothing of theirs should run in the timing); evaluate() still runs ours.
    const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', bypassCSP: true });
    const page = await context.newPage();
    let current: BenchPage | null = null;
    // Serve the page under its real URL; every other request (images, styles, scripts) is refused: no network.
    await page.route('**/*', (route) => {
      const request = route.request();
      if (current && request.isNavigationRequest() && request.frame() === page.mainFrame()) {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: current.html });
      }
      return route.abort();
    });
    const measure = async (item: BenchPage): Promise<BrowserResult | null> => {
      current = item;
      try {
        await page.goto(item.url, { waitUntil: 'domcontentloaded', timeout: 15_000 });
      } catch {
        return null;
      }
      // The engine and Readability are loaded fresh into each page, then timed on its document.
      return page.evaluate(
        `(() => {\n${engineJs}\n${readabilityJs}\nreturn (${IN_PAGE})(${JSON.stringify(item.url)}, ${RUNS});\n})()`,
      ) as Promise<BrowserResult>;
    };
    const results: { name: string; result: BrowserResult }[] = [];
    let failed = 0;
    for (const item of pages) {
      const result = await measure(item);
      if (result) results.push({ name: item.name, result });
      else failed++;
    }
    const nonArticle: number[] = [];
    const nonArticleDigest: number[] = [];
    const home: BenchPage = { name: 'home', url: 'https://shop.example/', html: nonArticlePage() };
    for (let i = 0; i < 5; i++) {
      const result = await measure(home);
      if (result) nonArticle.push(result.engine);
      if (result) nonArticleDigest.push(result.digest);
    }
    const slowest = [...results]
      .sort((a, b) => b.result.engine - a.result.engine)
      .slice(0, 3)
      .map((r) => `${r.name} ${ms(r.result.engine)}`)
      .join(', ');
    return {
      engine: stats(results.map((r) => r.result.engine)),
      digest: stats(results.map((r) => r.result.digest)),
      digestRatio: stats(results.map((r) => r.result.readability / Math.max(r.result.digest, 0.001))),
      nonArticleDigest: stats(nonArticleDigest),
      first: stats(results.map((r) => r.result.first)),
      readability: stats(results.map((r) => r.result.readability)),
      readabilityFirst: stats(results.map((r) => r.result.readabilityFirst)),
      coldRatio: stats(results.map((r) => r.result.readabilityFirst / Math.max(r.result.first, 0.001))),
      ratio: stats(results.map((r) => r.result.readability / Math.max(r.result.engine, 0.001))),
      lowestRatio: Math.min(...results.map((r) => r.result.readability / Math.max(r.result.engine, 0.001))),
      nonArticle: stats(nonArticle),
      slowest,
      failed,
    };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const pages = loadPages();
  console.log(
    `Provenance engine bench — ${pages.length} pages (corpus + tests/fixtures/web), ${RUNS} runs per page (in Chromium each run times a batch of 20 calls, each on a fresh copy of the page, after warming up), median per page\n`,
  );

  console.log("Node (linkedom DOM; pure JS, slower than a browser — for trends, the budget is Chromium's):");
  const node = benchNode(pages);
  line('detect() per page', fmt(node.all));
  line('non-article page', fmt(node.nonArticle));
  line('slowest', node.slowest);

  console.log('\nChromium (the bundled engine in the page; each timed call on a fresh copy of its document, the cold call on the page itself):');
  const browser = await benchChromium(pages);
  if (typeof browser === 'string') {
    console.log(`  skipped: ${browser}`);
  } else {
    console.log("  the digest, digestPage() (run in the background on the page's HTML):");
    line('digestPage() median', ms(browser.digest.median), '≤ 1 ms', browser.digest.median <= 1);
    line('digestPage() p95', ms(browser.digest.p95), '≤ 5 ms', browser.digest.p95 <= 5);
    line('digestPage() max', ms(browser.digest.max));
    line('digestPage() first call (cold)', fmt(browser.first));
    line('Readability first parse (cold)', fmt(browser.readabilityFirst));
    line('Readability ÷ digestPage, both cold', `per page median ${browser.coldRatio.median.toFixed(1)}×`);
    line('Readability ÷ digestPage, per page', `median ${browser.digestRatio.median.toFixed(1)}×`);
    line('non-article page, digestPage()', fmt(browser.nonArticleDigest), '≤ 0.3 ms (median)', browser.nonArticleDigest.median <= 0.3);
    console.log('  the whole engine — detect() = digestPage() + the rules (which the background runs):');
    line('detect() median', ms(browser.engine.median), '≤ 1 ms', browser.engine.median <= 1);
    line('detect() p95', ms(browser.engine.p95), '≤ 5 ms', browser.engine.p95 <= 5);
    line('detect() max', ms(browser.engine.max));
    line('slowest', browser.slowest);
    line('Readability parse()', fmt(browser.readability));
    line('Readability ÷ detect, per page', `median ${browser.ratio.median.toFixed(1)}×   lowest ${browser.lowestRatio.toFixed(1)}×`);
    line('Readability ÷ detect (medians)', `${(browser.readability.median / Math.max(browser.engine.median, 0.001)).toFixed(1)}×`);
    line('non-article page, detect()', fmt(browser.nonArticle), '≤ 0.3 ms (median)', browser.nonArticle.median <= 0.3);
    if (browser.failed) line('pages that failed to load', String(browser.failed));
  }

  // Built now, so the figures are this code's, never an earlier build's left in .output; staged, because others
  // may rebuild .output/ while the browser loads it.
  let built: string | null = null;
  try {
    buildExtension('chrome');
    built = stageBuild(join(repoRoot, '.output/chrome-mv3'), 'bench');
  } catch (error) {
    console.log(`\nNo build: ${String(error).split('\n')[0]}`);
  }

  if (built && existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    console.log('\nThe content script in the built extension (Chromium; main-thread time per page load, see docs/PERFORMANCE.md):');
    const figures = await benchContentScript({ extensionDir: built, log: console.log });
    for (const text of contentReport(figures)) console.log(text);
  }

  console.log('\nBundle size:');
  if (built) {
    const bytes = readFileSync(join(built, 'content-scripts/content.js'));
    line(
      'content script (content.js)',
      `${bytes.length.toLocaleString('en')} bytes minified, ${(gzipSync(bytes).length / 1024).toFixed(1)} KB gzip`,
      '≤ 25 KB',
      bytes.length <= CONTENT_SCRIPT_LIMIT,
    );
    const onDemand = readFileSync(join(built, 'content-scripts/content-ui.js'));
    line(
      'its on-demand half (content-ui.js)',
      `${onDemand.length.toLocaleString('en')} bytes minified, loaded on a copy, or to read a page too big to send`,
    );
  }
  for (const [part, label] of [
    ['digest', 'the digest (core/digest.ts; in the background, in content-ui.js for a page too big to send)'],
    ['rules', 'engine in the background (analyse)'],
  ] as const) {
    const bundle = await bundleEngine('esm', part);
    line(label, `${(bundle.length / 1024).toFixed(1)} KB minified, ${(gzipSync(bundle).length / 1024).toFixed(1)} KB gzip`);
  }

  console.log('\nText comparison (scripts/bench-compare.ts):');
  const compare = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts/bench-compare.ts')], { cwd: repoRoot, encoding: 'utf8' });
  process.stdout.write((compare.stdout || compare.stderr || '').replace(/^/gm, '  '));

  if (process.env.BENCH_SKIP_UI !== '1') {
    console.log('\nSurfaces at scale (scripts/bench-ui.ts):');
    spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts/bench-ui.ts')], { cwd: repoRoot, stdio: 'inherit' });
  }
}

await main();
