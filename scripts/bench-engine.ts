/**
 * Engine benchmark, Node side: time per page for the corpus and fixtures
 * (median, p95, max) beside @mozilla/readability on the same documents, the
 * cost on a non-article page, and the content-script bundle size of the
 * engine. Prints numbers; never fails. The in-Chromium half can reuse
 * `bundleEngine()` to get the minified engine as an IIFE exposing
 * `ProvenanceEngine.detect`.
 *
 *   npm run bench:engine
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { build } from 'esbuild';
import { parseHTML } from 'linkedom';
import { detect } from '../core/detect';
import { loadCorpus } from '../tests/unit/corpus-helpers';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The engine bundled and minified: 'digest' is the half the content script ships
 * (core/digest.ts, the DOM reading), 'rules' the half the background runs on it
 * (analyse), 'all' both — as `ProvenanceEngine.{digestPage, analyse, detect}` in an IIFE.
 */
export async function bundleEngine(format: 'esm' | 'iife' = 'iife', part: 'all' | 'digest' | 'rules' = 'all'): Promise<string> {
  const contents = {
    all: "export { digestPage } from './core/digest'; export { analyse, detect } from './core/detect';",
    digest: "export { digestPage } from './core/digest';",
    rules: "export { analyse } from './core/detect';",
  }[part];
  const result = await build({
    stdin: { contents, resolveDir: repoRoot, loader: 'ts' },
    bundle: true,
    minify: true,
    format,
    globalName: format === 'iife' ? 'ProvenanceEngine' : undefined,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

function stats(values: number[]): { median: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}

const fmt = (s: { median: number; p95: number; max: number }) =>
  `median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, max ${s.max.toFixed(2)} ms`;

function timeEngine(html: string, url: string, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { document } = parseHTML(html);
    const started = performance.now();
    detect(document as unknown as Document, url);
    times.push(performance.now() - started);
  }
  return Math.min(...times);
}

function timeReadability(html: string): number {
  const { document } = parseHTML(html);
  const started = performance.now();
  try {
    new Readability(document as unknown as Document).parse();
  } catch {
    // Readability can throw on linkedom for some pages; the time still counts.
  }
  return performance.now() - started;
}

async function main(): Promise<void> {
  const pages: { name: string; html: string; url: string }[] = [];
  for (const page of loadCorpus()) pages.push({ name: page.name, html: page.html, url: page.url });
  const fixtures = join(repoRoot, 'tests/fixtures/engine');
  for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.html'))) {
    pages.push({ name: `fixture ${file}`, html: readFileSync(join(fixtures, file), 'utf8'), url: `https://fixture.example/${file}` });
  }

  const engine: number[] = [];
  const readability: number[] = [];
  const slowest: { name: string; ms: number }[] = [];
  for (const page of pages) {
    // Warm up the JIT on the first pages before measuring.
    const ms = timeEngine(page.html, page.url);
    engine.push(ms);
    slowest.push({ name: page.name, ms });
    readability.push(timeReadability(page.html));
  }
  const nonArticle = `<!DOCTYPE html><html><head><title>Example Shop</title></head><body><nav>${'<a href="/x">Link</a>'.repeat(50)}</nav><div>${'<div class="card"><img src="/i.png"><span>Item</span></div>'.repeat(200)}</div><footer>© 2025 Example</footer></body></html>`;
  const nonArticleMs = stats(Array.from({ length: 30 }, () => timeEngine(nonArticle, 'https://shop.example/')));

  console.log(`engine (Node + linkedom, ${pages.length} pages, best of 5 each): ${fmt(stats(engine))}`);
  console.log(
    `  slowest: ${slowest
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((s) => `${s.name} ${s.ms.toFixed(1)} ms`)
      .join(', ')}`,
  );
  console.log(`@mozilla/readability parse on the same pages: ${fmt(stats(readability))}`);
  console.log(`non-article page (engine): ${fmt(nonArticleMs)}`);
  console.log(
    "note: linkedom's DOM is pure JS and several times slower than Chromium's native DOM; the in-browser figures are the ones the budget (median ≤ 1 ms, p95 ≤ 5 ms) applies to.",
  );

  const bundle = await bundleEngine('esm', 'digest');
  console.log(
    `content-script half of the engine (esbuild --bundle --minify core/digest.ts): ${(bundle.length / 1024).toFixed(1)} KB, ${(gzipSync(bundle).length / 1024).toFixed(1)} KB gzip`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
