/** `provenance inspect`: run the engine on a saved page or a URL and print a report or JSON. */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { detect } from '../core/detect';
import { kindEnglish } from '../core/kind-text';
import type { CopyKind, Provenance } from '../core/types';
import { CliError, loadPage, parseForEngine } from './load';
import type { OptionSpecs } from './args';
import type { Command, CommandIO } from './main';
import type { NodeFetcherOptions } from './node-fetcher';
import { cliReport, reportFormat, REPORT_USAGE } from './report';
import { jsonText, oneLine } from './terminal';

/** The CLI's JSON record. Field names and order are a contract: scripts parse them. */
export interface InspectRecord {
  file: string | null;
  url: string | null;
  syndicated: boolean;
  /** The kind of copy (core/types.ts CopyKind), null when the page is not a copy. */
  kind: CopyKind | null;
  /** The kind in words: "Copy of a Washington Post story · scraped by a feed site, no licence shown". */
  kindText: string | null;
  /** An archived snapshot's service, archived page and capture time, else null. */
  archive: { service: string; url: string | null; capturedAt: string | null } | null;
  confidence: number;
  page: { headline: string | null; author: string | null; publishedAt: string | null; siteName: string | null };
  original: { url: string | null; publisher: string | null; headline: string | null; publishedAt: string | null } | null;
  chain: { url: string | null; publisher: string | null }[];
  copyright: string | null;
  signals: { kind: string; detail: string }[];
  engineMs: number;
  error?: { code: string; message: string };
}

const USAGE = `usage: provenance inspect [options] <file-or-http-url>
       provenance inspect --batch <list> [--allow-private]

Detect syndication, the original and the page metadata of a saved page or an http(s) URL.

options:
      --url <page-url>   the address a saved file was served at (default: file://<file>)
      --json             print the record as JSON (its field names and order are a contract)
${REPORT_USAGE}
      --batch <list>     inspect every page in <list> ("-": standard input), one JSON record per line out
      --allow-private    also fetch from private networks (localhost, 192.168.x.x, intranet names), refused otherwise
  -h, --help             print this help and exit

A batch list has one page a line: a file, an http(s) URL, or {"file": "...", "url": "..."}. Empty lines and
lines starting with # are skipped. A page that fails gives a record with "error" and the batch goes on:
  find pages -name '*.html' | provenance inspect --batch -

Exit status: 0 ok, 1 some batch pages failed, 2 usage error, 3 the page could not be loaded.`;

const OPTIONS = {
  url: { type: 'string' },
  json: { type: 'boolean' },
  report: { type: 'string' },
  batch: { type: 'string' },
  'allow-private': { type: 'boolean' },
} satisfies OptionSpecs;

export const inspectCommand: Command<typeof OPTIONS> = {
  name: 'inspect',
  summary: 'detect syndication, the original and the page metadata',
  usage: USAGE,
  options: OPTIONS,
  async run({ values, positionals }, io) {
    const fetching = { allowPrivate: values['allow-private'] ?? false };
    const report = values.report === undefined ? undefined : reportFormat(values.report);
    if (positionals.length > 1) throw new CliError('usage', `one page at a time (got ${positionals.join(' and ')}); use --batch for many`);
    const target = positionals[0];
    if (values.batch !== undefined) {
      if (target !== undefined) throw new CliError('usage', `--batch reads the pages from its list: not with a page (${target}) too`);
      if (values.url !== undefined)
        throw new CliError('usage', '--url is one page\'s address: in a batch, give it on the line ({"file": "...", "url": "..."})');
      if (report) throw new CliError('usage', "--report prints one page's report: not with --batch");
      return runBatch(values.batch, io, fetching);
    }
    if (target === undefined) throw new CliError('usage', 'inspect needs a file or an http(s) URL');
    if (report && values.json) throw new CliError('usage', "--report prints one page's report: not with --json");
    if (report) {
      const { provenance } = await inspectPage(target, values.url, fetching);
      io.out(cliReport(report, provenance, null));
      return 0;
    }
    const record = await inspectOne(target, values.url, fetching);
    io.out(values.json ? jsonText(record, 2) : reportText(record));
    return 0;
  },
};

async function inspectPage(
  target: string,
  pageUrl?: string,
  fetching: NodeFetcherOptions = {},
): Promise<{ file: string | null; provenance: Provenance }> {
  const isUrl = /^https?:\/\//i.test(target);
  const loaded = await loadPage(target, fetching, pageUrl ?? null);
  // A saved file's address is its absolute file: URL (a relative path, spaces and # escaped as URLs need them).
  const url = pageUrl ?? loaded.servedAt ?? pathToFileURL(resolve(target)).href;
  if (pageUrl && !/^https?:\/\//i.test(pageUrl)) throw new CliError('usage', `--url must be an http(s) URL, got ${pageUrl}`);
  return { file: isUrl ? null : target, provenance: detect(parseForEngine(loaded.html), url) };
}

export async function inspectOne(target: string, pageUrl?: string, fetching: NodeFetcherOptions = {}): Promise<InspectRecord> {
  const { file, provenance } = await inspectPage(target, pageUrl, fetching);
  return toRecord(file, provenance);
}

export function toRecord(file: string | null, p: Provenance): InspectRecord {
  return {
    file,
    url: p.url || null,
    syndicated: p.syndicated,
    kind: p.kind,
    kindText: kindLine(p),
    archive: p.archive ? { service: p.archive.service, url: p.archive.url, capturedAt: p.archive.capturedAt } : null,
    confidence: p.confidence,
    page: { headline: p.page.headline, author: p.page.author, publishedAt: p.page.publishedAt, siteName: p.page.siteName },
    original: p.original
      ? { url: p.original.url, publisher: p.original.publisher, headline: p.original.headline, publishedAt: p.original.publishedAt }
      : null,
    chain: p.chain.map((hop) => ({ url: hop.url, publisher: hop.publisher })),
    copyright: p.copyright,
    signals: p.signals.map((signal) => ({ kind: signal.kind, detail: signal.detail })),
    engineMs: p.engineMs,
  };
}

function kindLine(p: Provenance): string | null {
  const words = kindEnglish(p);
  return words ? (words.detail ? `${words.label} · ${words.detail}` : words.label) : null;
}

function errorRecord(file: string | null, url: string | null, error: unknown): InspectRecord {
  const cliError = error instanceof CliError ? error : new CliError('internal', (error as Error)?.message ?? String(error));
  return {
    file,
    url,
    syndicated: false,
    kind: null,
    kindText: null,
    archive: null,
    confidence: 0,
    page: { headline: null, author: null, publishedAt: null, siteName: null },
    original: null,
    chain: [],
    copyright: null,
    signals: [],
    engineMs: 0,
    error: { code: cliError.code, message: cliError.message },
  };
}

/** The lines of a batch list, as they arrive: a file, or standard input for "-" (so the CLI can sit in a pipe). */
async function* listLines(list: string, io: Required<CommandIO>): AsyncGenerator<string> {
  const stdin = list === '-' ? io.input() : null;
  if (stdin?.isTTY) io.err('provenance inspect: reading the list from standard input (one page a line; end with Ctrl-D)');
  const input = stdin ?? createReadStream(list, { encoding: 'utf8' });
  try {
    yield* createInterface({ input, crlfDelay: Infinity });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    throw new CliError('read-failed', `cannot read ${list === '-' ? 'standard input' : list}: ${reason}`);
  }
}

/** One batch line: a JSON object {"file", "url"}, or a file or http(s) URL as written. */
function batchEntry(line: string, where: string): { target: string; url?: string } {
  if (!line.startsWith('{')) return { target: line };
  let entry: { file?: unknown; url?: unknown };
  try {
    entry = JSON.parse(line) as { file?: unknown; url?: unknown };
  } catch {
    throw new CliError('bad-line', `${where}: not a JSON object`);
  }
  if (typeof entry.file !== 'string' || !entry.file) throw new CliError('bad-line', `${where}: "file" is missing`);
  if (entry.url !== undefined && typeof entry.url !== 'string') throw new CliError('bad-line', `${where}: "url" is not a string`);
  return { target: entry.file, url: entry.url };
}

/** Every page of the list, in order, one JSON record a line; a page that fails is a record with "error", and the batch goes on. */
async function runBatch(list: string, io: Required<CommandIO>, fetching: NodeFetcherOptions): Promise<number> {
  let failures = 0;
  let n = 0;
  for await (const raw of listLines(list, io)) {
    n++;
    const line = (n === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (!line || line.startsWith('#')) continue;
    let entry: { target: string; url?: string } | null = null;
    try {
      entry = batchEntry(line, `${list === '-' ? '(standard input)' : list}:${n}`);
      io.out(jsonText(await inspectOne(entry.target, entry.url, fetching)));
    } catch (error) {
      failures++;
      const isUrl = entry !== null && /^https?:\/\//i.test(entry.target);
      io.out(jsonText(errorRecord(entry && !isUrl ? entry.target : null, entry ? (entry.url ?? (isUrl ? entry.target : null)) : null, error)));
    }
  }
  return failures ? 1 : 0;
}

function reportText(r: InspectRecord): string {
  const lines: string[] = [];
  const value = (v: string | null | undefined) => v ?? '—';
  lines.push(`${r.file ?? r.url ?? ''}`);
  lines.push(
    r.syndicated ? `SYNDICATED (confidence ${Math.round(r.confidence * 100)} %)` : `not syndicated (confidence ${Math.round(r.confidence * 100)} %)`,
  );
  if (r.kind) lines.push(`kind: ${r.kind} — ${r.kindText ?? ''}`);
  lines.push('', 'This page');
  lines.push(
    `  headline   ${value(r.page.headline)}`,
    `  author     ${value(r.page.author)}`,
    `  published  ${value(r.page.publishedAt)}`,
    `  site       ${value(r.page.siteName)}`,
  );
  if (r.original) {
    lines.push('', 'Original');
    lines.push(
      `  publisher  ${value(r.original.publisher)}`,
      `  headline   ${value(r.original.headline)}`,
      `  url        ${value(r.original.url)}`,
      `  published  ${value(r.original.publishedAt)}`,
    );
  }
  if (r.chain.length) {
    lines.push('', 'Chain');
    lines.push(`  this page`);
    for (const hop of r.chain) lines.push(`  → ${hop.publisher ?? '(unnamed)'}${hop.url ? `  ${hop.url}` : ''}`);
  }
  if (r.copyright) lines.push('', `Copyright  ${r.copyright}`);
  if (r.signals.length) {
    lines.push('', 'Evidence');
    for (const signal of r.signals) lines.push(`  [${signal.kind}] ${signal.detail}`);
  }
  lines.push('', `engine ${r.engineMs} ms`);
  // Each entry is one line: a line break in it came from the page.
  return lines.map(oneLine).join('\n');
}
