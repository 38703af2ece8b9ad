#!/usr/bin/env node
// Runs the TypeScript CLI (cli/main.ts) through tsx's ESM API, so the CLI and
// the extension share one engine source with no build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
