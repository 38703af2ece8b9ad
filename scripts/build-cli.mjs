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
 * linkedom gives every node it builds (each element, attribute and text) its own listener Map, kept in a
 * WeakMap, when it is made: about a tenth of a page's parse time, and much of the garbage collector's, for
 * listeners the engine never adds. In the bundle the Map is made on the first addEventListener instead.
 * Each edit must apply, so a linkedom that changed fails the build rather than shipping unpatched.
 */
const lazyListeners = {
  name: 'linkedom-lazy-listeners',
  setup(build) {
    build.onLoad({ filter: /linkedom[\\/]esm[\\/]interface[\\/]event-target\.js$/ }, async (args) => {
      let code = await readFile(args.path, 'utf8');
      const edits = [
        ['  constructor() {\n    wm.set(this, new Map);\n  }', '  constructor() {}'],
        [
          '  addEventListener(type, listener, options) {\n    const map = wm.get(this);',
          '  addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, (map = new Map));',
        ],
        [
          '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {',
          '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {',
        ],
      ];
      for (const [from, to] of edits) {
        if (!code.includes(from)) throw new Error(`linkedom's event-target.js changed: cannot find ${JSON.stringify(from)}`);
        code = code.replace(from, to);
      }
      return { contents: code, loader: 'js' };
    });
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
  plugins: [lazyListeners],
};
await Promise.all([
  build({ ...options, entryPoints: [fileURLToPath(new URL('cli/main.ts', root))], outfile }),
  build({ ...options, entryPoints: [fileURLToPath(new URL('crawl/worker.ts', root))], outfile: join(dirname(outfile), 'crawl-worker.mjs') }),
]).catch(() => process.exit(1));
