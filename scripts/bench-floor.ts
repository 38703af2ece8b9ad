/**
 * `npm run bench:floor`: where the content script's time goes, and what the
 * cheapest reads it is made of cost, on fresh copies of every corpus page in
 * Chromium, beside Readability's parse (docs/PERFORMANCE.md).
 *
 * It answers one question: how little can a digest cost that still reads what
 * the rules need? (The old goal of 20× Readability on warm repeated calls is
 * retired: it measured reuse, not a reader's cost; `npm run bench` now times
 * the content script cold and warm in the real extension.) Three builds of core/digest.ts are timed:
 *   - as shipped;
 *   - without the text lines (the call that reads them is cut out of the
 *     source at build time): what the digest costs if it read no article text;
 *   - stopping after the metadata, the pixel and the quiet check.
 * Then single reads on their own: the article root, its text, one scan of that
 * text for the line words, and selector lists against separate lookups.
 *
 * Timed like `npm run bench`: each function warmed up on the page, then each
 * timed call on a fresh `document.cloneNode(true)` made before the clock
 * starts (a batch of 20 per sample, 5 samples, their median).
 * A report, not a test. Env: CHROMIUM_PATH.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { chromium } from 'playwright';
import { loadCorpus } from '../tests/unit/corpus-helpers';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIGEST = join(repoRoot, 'core/digest.ts');

/** core/digest.ts with some of its source replaced; stops the bench when a piece is not found, so it never times the wrong thing. */
function edited(replacements: [string, string][]): Plugin {
  return {
    name: 'edited-digest',
    setup(builder) {
      builder.onLoad({ filter: /core[\\/]digest\.ts$/ }, () => {
        let source = readFileSync(DIGEST, 'utf8');
        for (const [from, to] of replacements) {
          if (source.split(from).length !== 2) throw new Error(`bench-floor: "${from}" is not in core/digest.ts exactly once; update this script`);
          source = source.replace(from, to);
        }
        // The line test, for timing one scan of the article's text with it.
        return { contents: `${source}\nexport { LINE_PHRASES as __linePhrases };`, loader: 'ts' };
      });
    },
  };
}

async function bundle(name: string, replacements: [string, string][]): Promise<string> {
  const result = await build({
    stdin: { contents: "export { digestPage, findRoot, __linePhrases } from './core/digest';", resolveDir: repoRoot, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: name,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins: [edited(replacements)],
  });
  return result.outputFiles[0]!.text;
}

/** What is timed, in the order printed: [label, function of (document, url)] as page-side source. */
const PROBES: [string, string][] = [
  ['digestPage, as shipped', '(d, u) => Shipped.digestPage(d, u)'],
  ['digestPage without text lines', '(d, u) => NoLines.digestPage(d, u)'],
  ['metadata, pixel and quiet check only', '(d, u) => MetadataOnly.digestPage(d, u)'],
  ['article root (findRoot)', '(d) => Shipped.findRoot(d)'],
  ["the root's text (textContent)", '(d) => Shipped.findRoot(d).textContent'],
  [
    'root, text, one scan for line words',
    `(d) => {
    const text = Shipped.findRoot(d).textContent || '';
    const words = new RegExp(Shipped.__linePhrases.source, 'gi');
    let hits = 0;
    while (words.exec(text)) hits++;
    return hits;
  }`,
  ],
  [
    'meta, link and script tag lists',
    `(d) => {
    let n = 0;
    for (const tag of ['meta', 'link', 'script']) { const list = d.getElementsByTagName(tag); for (let i = 0, el = list[0]; el; el = list[++i]) n++; }
    return n;
  }`,
  ],
  ['the same as one selector list', `(d) => d.querySelectorAll('meta[content], link[rel][href], script[type="application/ld+json"]').length`],
  [
    'root selectors as one list',
    `(d) => d.querySelectorAll('[itemprop="articleBody"], .entry-content, .post-content, .article-body, .article-content, .story-body, .td-post-content, article, [role="main"], main').length`,
  ],
  ['one absent class (a whole-page pass)', `(d) => d.getElementsByClassName('provenance-absent-class')[0]`],
  [
    'every element touched once',
    `(d) => { const all = d.getElementsByTagName('*'); let n = 0; for (let i = 0, el = all[0]; el; el = all[++i]) n++; return n; }`,
  ],
];

const IN_PAGE = `(url, probes) => {
  const BATCH = 20, SAMPLES = 5, WARM = 300;
  const times = [];
  const values = [];
  for (const probe of probes) {
    for (let i = 0; i < WARM; i++) probe(document, url);
    const samples = [];
    for (let s = 0; s < SAMPLES; s++) {
      const copies = Array.from({ length: BATCH }, () => document.cloneNode(true));
      const started = performance.now();
      for (const copy of copies) probe(copy, url);
      samples.push((performance.now() - started) / BATCH);
    }
    times.push(samples.sort((a, b) => a - b)[2]);
    const value = probe(document.cloneNode(true), url);
    values.push(typeof value === 'number' ? value : null);
  }
  const parses = [];
  for (let i = 0; i < 10 + SAMPLES; i++) {
    const copy = document.cloneNode(true);
    const started = performance.now();
    try { new Readability(copy).parse(); } catch {}
    if (i >= 10) parses.push(performance.now() - started);
  }
  return { times, values, readability: parses.sort((a, b) => a - b)[2] };
}`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

async function main(): Promise<void> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return console.log(`no Chromium at ${executablePath} (set CHROMIUM_PATH)`);
  const scripts = [
    await bundle('Shipped', []),
    await bundle('NoLines', [['digest.lines = collectLines(doc, root);', '']]),
    await bundle('MetadataOnly', [['if (digest.quiet) return digest;', 'return digest;']]),
    readFileSync(join(repoRoot, 'node_modules/@mozilla/readability/Readability.js'), 'utf8'),
  ].join('\n');
  const pages = loadCorpus();
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const rows: { times: number[]; values: (number | null)[]; readability: number }[] = [];
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', bypassCSP: true });
    const page = await context.newPage();
    let html = '';
    await page.route('**/*', (route) =>
      route.request().isNavigationRequest() && route.request().frame() === page.mainFrame()
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
        : route.abort(),
    );
    for (const item of pages) {
      html = item.html;
      try {
        await page.goto(item.url, { waitUntil: 'domcontentloaded', timeout: 15_000 });
      } catch {
        continue;
      }
      const probes = `[${PROBES.map(([, source]) => source).join(',\n')}]`;
      rows.push(
        (await page.evaluate(`(() => {\n${scripts}\nreturn (${IN_PAGE})(${JSON.stringify(item.url)}, ${probes});\n})()`)) as (typeof rows)[number],
      );
    }
  } finally {
    await browser.close();
  }
  const us = (ms: number) => `${Math.round(ms * 1000)} µs`.padStart(8);
  console.log(
    `Where the content script's time goes — Chromium, ${rows.length} corpus pages, every timed call on a fresh copy of the page, code warmed up`,
  );
  console.log(
    `  ${'Readability parse'.padEnd(40)} median ${median(rows.map((row) => row.readability)).toFixed(3)} ms   mean ${mean(rows.map((row) => row.readability)).toFixed(3)} ms`,
  );
  console.log(`  ${''.padEnd(40)} ${'median'.padStart(8)} ${'mean'.padStart(8)}   Readability ÷ it, per page (median)`);
  PROBES.forEach(([label], index) => {
    const values = rows.map((row) => row.times[index]!);
    const ratio = median(rows.map((row) => row.readability / Math.max(row.times[index]!, 0.001)));
    console.log(`  ${label.padEnd(40)} ${us(median(values))} ${us(mean(values))}   ${ratio.toFixed(1)}×`);
  });
  const scan = PROBES.findIndex(([label]) => label.startsWith('root, text, one scan'));
  const holding = rows.filter((row) => (row.values[scan] ?? 0) > 0).length;
  console.log(`  article text holding a line phrase (credit words, ©, copyright; labels not counted): ${holding} of ${rows.length} pages`);
}

await main();
