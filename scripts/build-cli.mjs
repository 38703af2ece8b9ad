#!/usr/bin/env node
/**
 * Bundles the command line (cli/main.ts, the engine it runs and its packages)
 * into one plain JavaScript file, dist/cli.mjs, that Node runs as it is: no
 * TypeScript loader and no node_modules at run time. bin/provenance.mjs runs it.
 *
 *   npm run build:cli                           # → dist/cli.mjs
 *   node scripts/build-cli.mjs <out.mjs>        # elsewhere (the CLI's tests bundle into a temp dir)
 *
 * Plain JavaScript so that building needs nothing but esbuild, and `npm run provenance` builds first.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
const outfile = process.argv[2] ?? fileURLToPath(new URL('dist/cli.mjs', root));

// esbuild prints what went wrong (logLevel); the exit code says it failed.
await build({
  entryPoints: [fileURLToPath(new URL('cli/main.ts', root))],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  // package.json's engines.node
  target: 'node20.19',
  logLevel: 'warning',
}).catch(() => process.exit(1));
