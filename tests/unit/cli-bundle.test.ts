/**
 * The CLI is bundled at build time (scripts/build-cli.mjs → dist/cli.mjs) and bin/provenance.mjs runs the
 * bundle: no TypeScript loader at run time. Here the bundle is built into a temp dir with a copy of the bin
 * beside it, far from the repository's node_modules, and run as a real process: help and version, a batch
 * piped into standard input, a reader that stops early, the message when the bundle is not built, and the
 * same records as the engine run from source (the bundle edits linkedom for speed: scripts/build-cli.mjs).
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../cli/main';
import { inspectOne } from '../../cli/inspect';
import { unpackedCorpusDir } from '../corpus/corpus';
import { htmldateIndex, readabilityIndex } from './corpus-helpers';
import packageJson from '../../package.json';
import { KIND_PAGES } from '../e2e/support/pages';

const ROOT = join(__dirname, '../..');
let dir = '';
let bin = '';
let bundle = '';

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** Runs `node <script> ...args` with no loader and no inherited NODE_OPTIONS, `stdin` piped in. */
function node(args: string[], stdin = '', cwd = dir): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}

function fixtureFile(url: string): string {
  const { hostname, pathname } = new URL(url);
  return join(ROOT, 'tests/fixtures/web', hostname.replace(/^www\./, ''), pathname, 'index.html');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'provenance-cli-bundle-'));
  await mkdir(join(dir, 'bin'));
  bin = join(dir, 'bin/provenance.mjs');
  bundle = join(dir, 'dist/cli.mjs');
  await copyFile(join(ROOT, 'bin/provenance.mjs'), bin);
  const built = await node([join(ROOT, 'scripts/build-cli.mjs'), bundle], '', ROOT);
  expect(built, built.err).toMatchObject({ code: 0, err: '' });
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the bundled command line', () => {
  it('is plain JavaScript that imports only Node built-ins (and DuckDB, loaded by the crawl commands alone): no tsx, no TypeScript file', async () => {
    const code = await readFile(bundle, 'utf8');
    // DuckDB is a native library: not bundled, and only imported when a crawl command runs.
    expect(code).not.toMatch(/^\s*import\s+[^;]*["']@duckdb\/node-api["']/m);
    const worker = await readFile(join(dir, 'dist/crawl-worker.mjs'), 'utf8');
    expect(worker).not.toMatch(/@duckdb/);
    const specifiers = [
      ...code.matchAll(/^\s*import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["']/gm),
      ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    ].map((m) => m[1]!);
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((specifier) => !isBuiltin(specifier) && specifier !== '@duckdb/node-api')).toEqual([]);
    expect(code).not.toMatch(/\btsx\/(esm|cjs)|tsImport\(/);
    expect(code).not.toMatch(/["'][^"'\s]+\.tsx?["']\s*\)/);
  });

  it('bin/provenance.mjs runs the bundle, not TypeScript', async () => {
    expect(await readFile(join(ROOT, 'bin/provenance.mjs'), 'utf8')).not.toMatch(/tsx|\.ts['"]/);
    // `npm run provenance` builds the bundle first, so a fresh clone needs no other step.
    expect(packageJson.scripts.provenance).toBe(`${packageJson.scripts['build:cli']} && node ${packageJson.bin.provenance.replace(/^\.\//, '')}`);
  });

  it('--version and --help on standard output, exit 0; no command: usage on standard error, exit 2', async () => {
    expect(await node([bin, '--version'])).toEqual({ code: 0, out: `provenance ${packageJson.version}\n`, err: '' });
    expect(await node([bin, '-V'])).toEqual({ code: 0, out: `provenance ${packageJson.version}\n`, err: '' });
    const help = await node([bin, '--help']);
    expect(help).toMatchObject({ code: 0, err: '' });
    expect(help.out).toMatch(/^usage: provenance <command>/);
    for (const command of COMMANDS) {
      for (const flag of ['--help', '-h']) expect(await node([bin, command.name, flag])).toEqual({ code: 0, out: `${command.usage}\n`, err: '' });
    }
    const none = await node([bin]);
    expect(none.code).toBe(2);
    expect(none.out).toBe('');
    expect(none.err).toMatch(/^provenance: missing command\n\nusage: provenance <command>/);
    const unknown = await node([bin, 'inspect', '--nope']);
    expect(unknown).toEqual({
      code: 2,
      out: '',
      err: "provenance inspect: unknown option --nope\nTry 'provenance inspect --help' for more information.\n",
    });
  });

  it('sits in a pipe: `find … | provenance inspect --batch -`, one JSON line a page, exit 1 when one failed', async () => {
    const pages = [KIND_PAGES.scraped.url, KIND_PAGES.wire.url].map(fixtureFile);
    const list = `# from find\n${pages.join('\n')}\n\n${join(dir, 'gone.html')}\n`;
    const { code, out, err } = await node([bin, 'inspect', '--batch', '-'], list);
    expect(err).toBe('');
    expect(code).toBe(1);
    const lines = out
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string; kind: string | null; error?: { code: string } });
    expect(lines.map((r) => [r.file, r.kind, r.error?.code ?? null])).toEqual([
      [pages[0], 'scraped', null],
      [pages[1], 'wire', null],
      [join(dir, 'gone.html'), null, 'read-failed'],
    ]);
    const clean = await node([bin, 'inspect', '--batch', '-'], `${pages[0]}\n`);
    expect(clean.code).toBe(0);
  });

  it('gives the records the engine gives from source, on real pages (its linkedom edits change no answer)', async () => {
    const pages = [
      ...readabilityIndex().map((p) => ({ file: join(unpackedCorpusDir('readability'), p.file), url: p.url })),
      ...htmldateIndex()
        .filter((_, i) => i % 8 === 0)
        .map((p) => ({ file: join(unpackedCorpusDir('htmldate'), p.file), url: p.url })),
    ];
    const { code, out, err } = await node([bin, 'inspect', '--batch', '-'], pages.map((p) => JSON.stringify(p)).join('\n'));
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const timeless = (record: { engineMs?: number }) => ({ ...record, engineMs: 0 });
    const bundled = out
      .trimEnd()
      .split('\n')
      .map((line) => timeless(JSON.parse(line) as { engineMs: number }));
    const fromSource: { engineMs: number }[] = [];
    for (const page of pages) fromSource.push(timeless(JSON.parse(JSON.stringify(await inspectOne(page.file, page.url))) as { engineMs: number }));
    expect(bundled.length).toBe(pages.length);
    const differ = pages.filter((_, i) => JSON.stringify(bundled[i]) !== JSON.stringify(fromSource[i])).map((p) => p.url);
    expect(differ).toEqual([]);
  }, 300_000);

  it('a reader that stops early (`| head -1`) ends the run quietly', async () => {
    const list = `${fixtureFile(KIND_PAGES.scraped.url)}\n`.repeat(400);
    const result = await new Promise<{ code: number | null; err: string; first: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [bin, 'inspect', '--batch', '-'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
      let err = '';
      let first = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      child.stdout.setEncoding('utf8').once('data', (chunk: string) => {
        first = chunk.split('\n')[0]!;
        child.stdout.destroy();
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, err, first }));
      child.stdin.on('error', () => undefined).end(list);
    });
    expect(JSON.parse(result.first)).toMatchObject({ kind: 'scraped' });
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
  });

  it('without the bundle, says how to build it', async () => {
    const bare = join(dir, 'bare');
    await mkdir(join(bare, 'bin'), { recursive: true });
    await copyFile(join(ROOT, 'bin/provenance.mjs'), join(bare, 'bin/provenance.mjs'));
    const { code, out, err } = await node([join(bare, 'bin/provenance.mjs'), '--version']);
    expect(code).toBe(70);
    expect(out).toBe('');
    expect(err).toContain('the command line is not built: run npm run build:cli');
  });
});
