#!/usr/bin/env node
// Runs the command line's bundle, dist/cli.mjs: cli/main.ts and the engine built
// into plain JavaScript by `npm run build:cli` (scripts/build-cli.mjs), so no
// TypeScript loader runs here. `npm run provenance` builds it, then runs this.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('provenance: the command line is not built: run npm run build:cli (npm run provenance builds it first)\n');
  process.exit(70);
}
// A reader that stops early (`| head`) closes the pipe: stop quietly, as `cat` would.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
