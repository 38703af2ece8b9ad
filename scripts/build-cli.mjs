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
 * linkedom goes in with a few edits for speed (scripts/linkedom-edits.mjs) that change no answer the engine
 * gets (tests/unit/cli-bundle.test.ts). Plain JavaScript so that building needs nothing but esbuild, and
 * `npm run provenance` builds first.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { linkedomEdits } from './linkedom-edits.mjs';

const root = new URL('..', import.meta.url);
const outfile = process.argv[2] ?? fileURLToPath(new URL('dist/cli.mjs', root));

// esbuild prints what went wrong (logLevel); the exit code says it failed.
const options = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  // package.json's engines.node
  target: 'node20.19',
  logLevel: 'warning',
  external: ['@duckdb/node-api'],
  plugins: [linkedomEdits],
};
await Promise.all([
  build({ ...options, entryPoints: [fileURLToPath(new URL('cli/main.ts', root))], outfile }),
  build({ ...options, entryPoints: [fileURLToPath(new URL('crawl/worker.ts', root))], outfile: join(dirname(outfile), 'crawl-worker.mjs') }),
]).catch(() => process.exit(1));
