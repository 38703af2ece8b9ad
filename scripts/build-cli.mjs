#!/usr/bin/env node
/**
 * Bundles the command line (cli/main.ts, the engine it runs and its packages)
 * into one plain JavaScript file, dist/cli.mjs, that Node runs as it is: no
 * TypeScript loader at run time. bin/provenance.mjs runs it. Beside it,
 * dist/crawl-worker.mjs is the crawl's worker thread (crawl/worker.ts). The one
 * package not bundled is DuckDB's (@duckdb/node-api, a native library): only
 * `crawl`, `report` and `merge` load it, from node_modules, when they run.
 *
 *   npm run build:cli                           # → dist/cli.mjs, dist/crawl-worker.mjs
 *   node scripts/build-cli.mjs <out.mjs>        # elsewhere (the CLI's tests bundle into a temp dir)
 *
 * Plain JavaScript so that building needs nothing but esbuild, and `npm run provenance` builds first.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
const outfile = process.argv[2] ?? fileURLToPath(new URL('dist/cli.mjs', root));

// esbuild prints what went wrong (logLevel); the exit code says it failed.
/**
 * Edits to linkedom in the bundle, for the parse's and the queries' time and the garbage collector's, none
 * changing what the engine reads:
 * - event-target.js: linkedom gives every node it builds (each element, attribute and text) its own listener
 *   Map, kept in a WeakMap, when it is made: about a tenth of a page's parse time, for listeners the engine
 *   never adds. The Map is made on the first addEventListener instead.
 * - parse-from-string.js: each parsed class attribute went through the className setter, which builds the
 *   element's DOMTokenList, splits, de-duplicates and joins the value back into the attribute (some 6 % of a
 *   crawl's time). The token list is built from the attribute when first read, as it is for elements made
 *   after the parse, and the attribute keeps the page's own value, as a browser's does.
 * - matches.js: every querySelector, matches and closest compiled its selector again (css-select's compile),
 *   for the few dozen selectors the engine asks on every page. A selector is compiled once and its matcher
 *   kept (it holds no document); `:scope` selectors, bound to their element, are compiled each time as before.
 * Each edit must apply, so a linkedom that changed fails the build rather than shipping unpatched.
 */
const LINKEDOM_EDITS = {
  'interface/event-target.js': [
    ['  constructor() {\n    wm.set(this, new Map);\n  }', '  constructor() {}'],
    [
      '  addEventListener(type, listener, options) {\n    const map = wm.get(this);',
      '  addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, (map = new Map));',
    ],
    [
      '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {',
      '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {',
    ],
  ],
  'shared/parse-from-string.js': [["  if (attribute.name === 'class')\n    element.className = value;\n", '']],
  'shared/matches.js': [
    [
      'export const prepareMatch = (element, selectors) => CSSselect.compile(',
      `const compiled = new Map;
const compiledOnce = (element, selectors) => {
  const xmlMode = !ignoreCase(element);
  const key = (xmlMode ? 'x' : 'h') + selectors;
  let match = compiled.get(key);
  if (!match) {
    if (compiled.size >= 2000) compiled.clear();
    compiled.set(key, (match = CSSselect.compile(selectors, {xmlMode, adapter})));
  }
  return match;
};

export const prepareMatch = (element, selectors) => !selectors.includes(':scope') ? compiledOnce(element, selectors) : CSSselect.compile(`,
    ],
    [
      'export const matches = (element, selectors) => CSSselect.is(',
      "export const matches = (element, selectors) => !selectors.includes(':scope') ? compiledOnce(element, selectors)(element) : CSSselect.is(",
    ],
  ],
};

const patchLinkedom = {
  name: 'linkedom-patches',
  setup(build) {
    build.onLoad(
      { filter: /linkedom[\\/]esm[\\/](interface[\\/]event-target|shared[\\/]parse-from-string|shared[\\/]matches)\.js$/ },
      async (args) => {
        const file = Object.keys(LINKEDOM_EDITS).find((name) => args.path.replaceAll('\\', '/').endsWith(`linkedom/esm/${name}`));
        let code = await readFile(args.path, 'utf8');
        for (const [from, to] of LINKEDOM_EDITS[file]) {
          if (!code.includes(from)) throw new Error(`linkedom's ${file} changed: cannot find ${JSON.stringify(from)}`);
          code = code.replace(from, to);
        }
        return { contents: code, loader: 'js' };
      },
    );
  },
};

const options = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  // package.json's engines.node
  target: 'node20.19',
  logLevel: 'warning',
  external: ['@duckdb/node-api'],
  plugins: [patchLinkedom],
};
await Promise.all([
  build({ ...options, entryPoints: [fileURLToPath(new URL('cli/main.ts', root))], outfile }),
  build({ ...options, entryPoints: [fileURLToPath(new URL('crawl/worker.ts', root))], outfile: join(dirname(outfile), 'crawl-worker.mjs') }),
]).catch(() => process.exit(1));
