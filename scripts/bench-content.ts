/**
 * The content script's cost where a reader pays it: in the real built extension in Chromium, the main-thread
 * time of content.js per page load (compiling and running the script, serialising the page and its message to
 * the background, which reads it; the on-demand module on a copy), beside Firefox's reader-mode check
 * (`isProbablyReaderable`, which Firefox runs on every page load) and a Readability parse, on the same pages,
 * each cold (the first page in a new renderer process) and warm (a second load of the page in that renderer).
 * How and why: docs/PERFORMANCE.md.
 *
 * Each page (the Readability corpus, the fixture web's pages, and a shop's home page that is no article) is
 * served by the fixture web under its own URL, its own scripts left out (their time is not ours; JSON-LD and
 * other data blocks stay). Each tab is traced (Chrome's trace, as DevTools records it) over two loads of the
 * page; the time counted is the renderer main thread's CPU time (the trace's thread time, so that other work
 * on the machine does not count) in script work whose URL is the extension's (the EvaluateScript of
 * content.js: compile, run, the page's HTML and its message; callbacks; the on-demand half's module), nested
 * events counted once. The reader-mode check and Readability run from scripts added at
 * the end of the page, in a tab of their own (so that none of them warms up the other's renderer), and
 * are timed the same way: the trace's EvaluateScript events of their script files.
 *
 *   npx tsx scripts/bench-content.ts [--pages N] [--extension DIR] [--parts] [--js-flags FLAGS]
 *
 * --parts also prints where the time goes: each script file's evaluation, compile and callbacks.
 * --js-flags passes V8 flags to Chromium, for experiments (e.g. --js-flags=--no-lazy, --js-flags=--regexp-interpret-all).
 *
 * Exported for scripts/bench.ts (npm run bench), which runs it on the build it makes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from '@playwright/test';
import { loadCorpus } from '../tests/unit/corpus-helpers';
import { CHROME_BUILD_DIR, launchWithExtension } from '../tests/e2e/support/browser';
import { FixtureWeb } from '../tests/e2e/support/fixture-web';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the bench's own scripts are served (a host no page uses). */
const TOOLS = 'https://bench-tools.test';
/** After the load event: content scripts run at document_idle (by load at the latest); the background answers within this. */
const SETTLE_MS = 400;
/** DevTools' timeline events only: V8's own categories add instrumentation that slows the code being timed. */
const TRACE_CATEGORIES = 'devtools.timeline';

export interface ContentFigures {
  /** Per page, ms of main-thread time: the content script, the reader-mode check, Readability. */
  ours: { cold: number[]; warm: number[] };
  nonArticle: { cold: number[]; warm: number[] };
  /** Per load, the content script's time by part (partsOf), beside `ours` and `nonArticle`. */
  parts: Record<'ours' | 'nonArticle', { cold: Record<string, number>[]; warm: Record<string, number>[] }>;
  readerable: { cold: number[]; warm: number[] };
  readability: { cold: number[]; warm: number[] };
  /** Loads counted cold that the trace shows in a renderer already used (then left out), and pages that failed. */
  notFresh: number;
  failed: string[];
}

interface BenchPage {
  name: string;
  url: string;
  html: string;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time over the event: what the script cost, whatever else the machine was doing. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; frame?: string }; name?: string };
}

/** The page's own scripts out (classic and module scripts); JSON-LD and other data blocks stay. */
function withoutScripts(html: string): string {
  return html.replace(/<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi, (whole, attributes: string) => {
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase() ?? '';
    return type && !/javascript|ecmascript|module|^jscript/.test(type) ? whole : '';
  });
}

/** The reader-mode check and Readability, as Firefox would run them, each from a file of its own (timed by its EvaluateScript). */
function toolScripts(): Record<string, string> {
  const readerable = readFileSync(path.join(repoRoot, 'node_modules/@mozilla/readability/Readability-readerable.js'), 'utf8');
  const readability = readFileSync(path.join(repoRoot, 'node_modules/@mozilla/readability/Readability.js'), 'utf8');
  return {
    '/readerable.js': `${readerable}\nwindow.__readerable = isProbablyReaderable(document);`,
    // Readability changes the document it reads: it gets a copy, made by a script of its own (not counted).
    '/copy.js': 'window.__copy = document.cloneNode(true);',
    '/readability.js': `${readability}\ntry { window.__article = !!new Readability(window.__copy).parse(); } catch { window.__article = false; }`,
  };
}

const TOOL_TAGS = ['/readerable.js', '/copy.js', '/readability.js'].map((file) => `<script src="${TOOLS}${file}"></script>`).join('');

/** A shop's home page: navigation, cards, links, a footer; no article markup at all. */
export function nonArticlePage(): string {
  const nav = Array.from({ length: 60 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join('');
  const cards = Array.from(
    { length: 120 },
    (_, i) =>
      `<div class="card"><a href="/item/${i}"><img src="/i/${i}.png" alt=""><span class="title">Item number ${i} on sale today</span></a><span class="price">$${i}.99</span></div>`,
  ).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Example Shop – Home</title><meta name="description" content="Shop everything"></head><body><header><nav><ul>${nav}</ul></nav></header><div id="grid">${cards}</div><footer><p>© 2025 Example Shop. All rights reserved.</p><p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p></footer></body></html>`;
}

/** The corpus pages and the fixture web's article pages, each under its own URL. */
function benchPages(limit: number): BenchPage[] {
  const pages: BenchPage[] = loadCorpus().map((page) => ({ name: page.name, url: page.url, html: page.html }));
  return pages.slice(0, limit);
}

/** Collects a tab's trace between start() and stop(). */
async function traced(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const onData = (data: { value: object[] }) => void events.push(...(data.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  try {
    await run();
  } finally {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  return events;
}

/** The outermost events (events nest: a compile inside an evaluation). */
function outermost(events: TraceEvent[]): TraceEvent[] {
  const kept: TraceEvent[] = [];
  let end = -Infinity;
  for (const event of [...events].sort((a, b) => a.ts - b.ts)) {
    if (event.ts < end) continue;
    kept.push(event);
    end = event.ts + event.dur!;
  }
  return kept;
}
const cpuMs = (event: TraceEvent) => (event.tdur ?? event.dur!) / 1000;

/**
 * Where a load's time went: each outermost event by its kind and script file ("EvaluateScript content.js",
 * "FunctionCall content.js": a callback, such as the background's answer), and inside the content script's
 * evaluation, the compile V8 reports (v8.compile) apart from the rest.
 */
function partsOf(events: TraceEvent[], all: TraceEvent[]): Record<string, number> {
  const parts: Record<string, number> = {};
  const add = (key: string, ms: number) => (parts[key] = (parts[key] ?? 0) + ms);
  for (const event of outermost(events)) {
    const file = (event.args?.data?.url ?? '').split('/').pop() || '?';
    const compiled = all
      .filter(
        (e) =>
          e !== event && e.name === 'v8.compile' && e.tid === event.tid && e.pid === event.pid && e.ts >= event.ts && e.ts < event.ts + event.dur!,
      )
      .reduce((sum, e) => sum + cpuMs(e), 0);
    add(`${event.name} ${file}`, cpuMs(event) - compiled);
    if (compiled) add(`  of which compiling ${file}`, compiled);
  }
  return parts;
}

interface Load {
  ms: number;
  pid: number;
  parts: Record<string, number>;
}

/** Script events on renderer main threads whose script URL passes `ours`, grouped by load (the marker event opening each). */
function perLoad(events: TraceEvent[], ours: (url: string) => boolean, opensLoad: (url: string) => boolean): Load[] {
  const scripted = events
    .filter(
      (e) => e.ph === 'X' && e.dur !== undefined && /^(?:EvaluateScript|FunctionCall|v8\.compileModule|v8\.evaluateModule|v8\.compile)$/.test(e.name),
    )
    .filter((e) => ours(e.args?.data?.url ?? ''));
  const openings = scripted.filter((e) => e.name === 'EvaluateScript' && opensLoad(e.args?.data?.url ?? '')).sort((a, b) => a.ts - b.ts);
  return openings.map((open, i) => {
    const until = openings[i + 1]?.ts ?? Infinity;
    const mine = scripted.filter((e) => e.pid === open.pid && e.tid === open.tid && e.ts >= open.ts && e.ts < until);
    return { ms: outermost(mine).reduce((sum, e) => sum + cpuMs(e), 0), pid: open.pid, parts: partsOf(mine, events) };
  });
}

async function loadTwice(page: Page, cdp: CDPSession, url: string): Promise<TraceEvent[]> {
  return traced(cdp, async () => {
    for (let i = 0; i < 2; i++) {
      await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
      await page.waitForTimeout(SETTLE_MS);
    }
  });
}

export async function benchContentScript(
  options: { extensionDir?: string; pages?: number; jsFlags?: string; log?: (line: string) => void } = {},
): Promise<ContentFigures> {
  const log = options.log ?? (() => {});
  const pages = benchPages(options.pages ?? Infinity);
  // By host, path and query: the fixture web answers http and https on one port.
  const key = (url: URL) => `${url.host}${url.pathname}${url.search}`;
  const byUrl = new Map(pages.map((page) => [key(new URL(page.url)), page]));
  const home: BenchPage = { name: 'non-article', url: 'https://shop.example/', html: nonArticlePage() };
  byUrl.set(key(new URL(home.url)), home);
  const tools = toolScripts();
  const web = await new FixtureWeb().start();
  const serve = (html: string) => ({ kind: 'body' as const, body: html, contentType: 'text/html; charset=utf-8' });
  web.route({
    path: /.*/,
    behaviour: (match) => {
      const url = new URL(match.url.href);
      if (url.origin === TOOLS) {
        const body = tools[url.pathname];
        return body ? { kind: 'body', body, contentType: 'text/javascript; charset=utf-8' } : { kind: 'status', status: 404 };
      }
      const withTools = url.searchParams.get('bench') === 'reader';
      url.searchParams.delete('bench');
      const page = byUrl.get(key(url));
      if (!page) return { kind: 'status', status: 404 };
      const html = withoutScripts(page.html);
      return serve(
        withTools ? (/<\/body>/i.test(html) ? html.replace(/<\/body>(?![\s\S]*<\/body>)/i, `${TOOL_TAGS}</body>`) : `${html}${TOOL_TAGS}`) : html,
      );
    },
  });
  const browser = await launchWithExtension({
    fixturePort: web.port,
    extensionDir: options.extensionDir ?? CHROME_BUILD_DIR,
    args: options.jsFlags ? [`--js-flags=${options.jsFlags}`] : [],
  });
  const figures: ContentFigures = {
    ours: { cold: [], warm: [] },
    nonArticle: { cold: [], warm: [] },
    parts: { ours: { cold: [], warm: [] }, nonArticle: { cold: [], warm: [] } },
    readerable: { cold: [], warm: [] },
    readability: { cold: [], warm: [] },
    notFresh: 0,
    failed: [],
  };
  const seenPids = new Set<number>();
  const extensionUrl = `chrome-extension://${browser.extensionId}/`;
  const record = (loads: Load[], kind: 'ours' | 'nonArticle') => {
    const [into, parts] = [figures[kind], figures.parts[kind]];
    const [cold, warm] = loads;
    if (cold) {
      if (seenPids.has(cold.pid)) figures.notFresh++;
      else {
        into.cold.push(cold.ms);
        parts.cold.push(cold.parts);
      }
    }
    if (warm && warm.pid === cold?.pid) {
      into.warm.push(warm.ms);
      parts.warm.push(warm.parts);
    }
    for (const load of loads) seenPids.add(load.pid);
  };
  try {
    const { context } = browser;
    const measure = async (item: BenchPage, reader: boolean) => {
      // A new tab for each page and kind: a new renderer process, so its first load is cold.
      const page = await context.newPage();
      try {
        const cdp = await context.newCDPSession(page);
        const target = reader ? `${item.url}${item.url.includes('?') ? '&' : '?'}bench=reader` : item.url;
        const events = await loadTwice(page, cdp, target);
        // Every page load of every tab runs the extension: pids seen in a trace are used renderers.
        if (reader) {
          for (const [file, into] of [
            ['/readerable.js', figures.readerable],
            ['/readability.js', figures.readability],
          ] as const) {
            const loads = perLoad(
              events,
              (url) => url === `${TOOLS}${file}`,
              (url) => url === `${TOOLS}${file}`,
            );
            const [cold, warm] = loads;
            if (cold && !seenPids.has(cold.pid)) into.cold.push(cold.ms);
            if (warm && warm.pid === cold?.pid) into.warm.push(warm.ms);
          }
          for (const e of events) if (e.name === 'EvaluateScript') seenPids.add(e.pid);
        } else {
          // A load opens with early.js (document_start), its first script: then content.js, its callbacks, the badge's module.
          const loads = perLoad(
            events,
            (url) => url.startsWith(extensionUrl),
            (url) => url === `${extensionUrl}content-scripts/early.js`,
          );
          if (loads.length < 2) throw new Error(`${loads.length} content-script runs traced (expected 2)`);
          record(loads, item === home ? 'nonArticle' : 'ours');
        }
      } catch (error) {
        figures.failed.push(`${item.name}${reader ? ' (reader)' : ''}: ${String(error).split('\n')[0]}`);
      } finally {
        await page.close();
      }
    };
    for (let i = 0; i < 5; i++) await measure(home, false);
    let done = 0;
    for (const item of pages) {
      await measure(item, false);
      await measure(item, true);
      if (++done % 20 === 0) log(`  … ${done} of ${pages.length} pages`);
    }
  } finally {
    await browser.context.close();
    await web.stop();
  }
  return figures;
}

export function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** The report's lines, with the targets of issue 18 (benchmark figures, not timed tests). */
export function contentReport(figures: ContentFigures): string[] {
  const f = (n: number) => `${n.toFixed(2)} ms`;
  const row = (label: string, values: number[], target?: [string, boolean]) =>
    `  ${label.padEnd(44)} median ${f(percentile(values, 0.5)).padStart(9)}   p95 ${f(percentile(values, 0.95)).padStart(9)}   (${values.length} loads)${target ? `   [target ${target[0]}: ${target[1] ? 'PASS' : 'MISS'}]` : ''}`;
  const { ours, nonArticle, readerable, readability } = figures;
  return [
    row('content script, cold (first page in a renderer)', ours.cold, [
      'median ≤ 3 ms, p95 ≤ 8 ms',
      percentile(ours.cold, 0.5) <= 3 && percentile(ours.cold, 0.95) <= 8,
    ]),
    row('content script, warm (a later page)', ours.warm),
    row('isProbablyReaderable, cold', readerable.cold),
    row('isProbablyReaderable, warm', readerable.warm),
    row('Readability parse, cold', readability.cold),
    row('Readability parse, warm', readability.warm),
    row('content script, non-article page, cold', nonArticle.cold, ['≤ 1.5 ms (median)', percentile(nonArticle.cold, 0.5) <= 1.5]),
    row('content script, non-article page, warm', nonArticle.warm),
    ...(figures.notFresh ? [`  (${figures.notFresh} first loads ran in a renderer already used: left out of the cold figures)`] : []),
    ...figures.failed.map((failure) => `  failed: ${failure}`),
  ];
}

/** Where the content script's time goes, part by part (median over the loads; a part a load lacks counts 0 there). */
export function partsReport(figures: ContentFigures): string[] {
  const lines: string[] = [];
  const { ours, nonArticle } = figures.parts;
  const sets = [
    ['articles, cold', ours.cold],
    ['articles, warm', ours.warm],
    ['non-article page, cold', nonArticle.cold],
    ['non-article page, warm', nonArticle.warm],
  ] as const;
  for (const [label, loads] of sets) {
    if (!loads.length) continue;
    lines.push(`  ${label} (${loads.length} loads), median ms by part:`);
    const keys = [...new Set(loads.flatMap((load) => Object.keys(load)))].sort();
    for (const key of keys)
      lines.push(
        `    ${key.padEnd(46)} ${percentile(
          loads.map((load) => load[key] ?? 0),
          0.5,
        )
          .toFixed(2)
          .padStart(7)}`,
      );
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: { pages: { type: 'string' }, extension: { type: 'string' }, parts: { type: 'boolean' }, 'js-flags': { type: 'string' } },
  });
  const figures = await benchContentScript({
    pages: values.pages ? Number(values.pages) : undefined,
    extensionDir: values.extension,
    jsFlags: values['js-flags'],
    log: console.log,
  });
  console.log('Content script in the built extension (Chromium), main-thread time per page load:');
  for (const line of contentReport(figures)) console.log(line);
  if (values.parts) for (const line of partsReport(figures)) console.log(line);
}
