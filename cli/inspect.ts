/** `provenance inspect`: run the engine on a saved page or a URL and print a report or JSON. */
import { readFile } from 'node:fs/promises';
import { detectWithNames } from '../core/publishers';
import { kindEnglish } from '../core/kind-text';
import type { CopyKind, Provenance } from '../core/types';
import { CliError, loadPage, parseHtml } from './load';
import type { Command, CommandIO } from './main';
import type { NodeFetcherOptions } from './node-fetcher';
import { cliReport, reportFormat, REPORT_USAGE, type ReportFormat } from './report';
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

const USAGE = `usage: provenance inspect <file-or-http-url> [--url <page-url>] [--json | --report md|html] [--allow-private]
       provenance inspect --batch <list.jsonl>   (lines {"file": "...", "url": "..."}; one JSON object out per line)
       --allow-private   also fetch from private networks (localhost, 192.168.x.x, intranet names), refused otherwise
${REPORT_USAGE}`;

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'detect syndication, the original and the page metadata',
  usage: USAGE,
  async run(args, io) {
    const options = parseArgs(args);
    const fetching = { allowPrivate: options.allowPrivate };
    if (options.batch) return runBatch(options.batch, io, fetching);
    if (!options.target) throw new CliError('usage', `inspect needs a file or an http(s) URL\n${USAGE}`);
    if (options.report) {
      const { provenance } = await inspectPage(options.target, options.url, fetching);
      io.out(cliReport(options.report, provenance, null));
      return 0;
    }
    const record = await inspectOne(options.target, options.url, fetching);
    io.out(options.json ? jsonText(record, 2) : report(record));
    return 0;
  },
};

interface InspectOptions {
  target?: string;
  url?: string;
  json: boolean;
  report?: ReportFormat;
  batch?: string;
  allowPrivate: boolean;
}

function parseArgs(args: string[]): InspectOptions {
  const options: InspectOptions = { json: false, allowPrivate: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--allow-private') options.allowPrivate = true;
    else if (arg === '--report') options.report = reportFormat(args[++i], USAGE);
    else if (arg === '--url' || arg === '--batch') {
      const value = args[++i];
      if (!value) throw new CliError('usage', `${arg} needs a value\n${USAGE}`);
      if (arg === '--url') options.url = value;
      else options.batch = value;
    } else if (arg.startsWith('--')) throw new CliError('usage', `unknown option ${arg}\n${USAGE}`);
    else if (options.target) throw new CliError('usage', `one page at a time (got ${options.target} and ${arg}); use --batch for many\n${USAGE}`);
    else options.target = arg;
  }
  if (options.report && (options.json || options.batch)) throw new CliError('usage', `--report prints one page's report: not with --json or --batch\n${USAGE}`);
  return options;
}

async function inspectPage(target: string, pageUrl?: string, fetching: NodeFetcherOptions = {}): Promise<{ file: string | null; provenance: Provenance }> {
  const isUrl = /^https?:\/\//i.test(target);
  const loaded = await loadPage(target, fetching);
  const url = pageUrl ?? loaded.servedAt ?? `file://${target}`;
  if (pageUrl && !/^https?:\/\//i.test(pageUrl)) throw new CliError('usage', `--url must be an http(s) URL, got ${pageUrl}`);
  return { file: isUrl ? null : target, provenance: detectWithNames(parseHtml(loaded.html), url) };
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
    original: p.original ? { url: p.original.url, publisher: p.original.publisher, headline: p.original.headline, publishedAt: p.original.publishedAt } : null,
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
    file, url, syndicated: false, kind: null, kindText: null, archive: null, confidence: 0,
    page: { headline: null, author: null, publishedAt: null, siteName: null },
    original: null, chain: [], copyright: null, signals: [], engineMs: 0,
    error: { code: cliError.code, message: cliError.message },
  };
}

async function runBatch(listFile: string, io: CommandIO, fetching: NodeFetcherOptions): Promise<number> {
  let text: string;
  try {
    text = await readFile(listFile, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError('read-failed', `cannot read ${listFile}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let failures = 0;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (!line) continue;
    let entry: { file?: unknown; url?: unknown };
    try {
      entry = JSON.parse(line) as { file?: unknown; url?: unknown };
    } catch {
      failures++;
      io.out(jsonText(errorRecord(null, null, new CliError('bad-line', `${listFile}:${n + 1}: not a JSON object`))));
      continue;
    }
    const file = typeof entry.file === 'string' ? entry.file : null;
    const url = typeof entry.url === 'string' ? entry.url : undefined;
    try {
      if (!file) throw new CliError('bad-line', `${listFile}:${n + 1}: "file" is missing`);
      io.out(jsonText(await inspectOne(file, url, fetching)));
    } catch (error) {
      failures++;
      io.out(jsonText(errorRecord(file, url ?? null, error)));
    }
  }
  return failures ? 1 : 0;
}

function report(r: InspectRecord): string {
  const lines: string[] = [];
  const value = (v: string | null | undefined) => v ?? '—';
  lines.push(`${r.file ?? r.url ?? ''}`);
  lines.push(r.syndicated ? `SYNDICATED (confidence ${Math.round(r.confidence * 100)} %)` : `not syndicated (confidence ${Math.round(r.confidence * 100)} %)`);
  if (r.kind) lines.push(`kind: ${r.kind} — ${r.kindText ?? ''}`);
  lines.push('', 'This page');
  lines.push(`  headline   ${value(r.page.headline)}`, `  author     ${value(r.page.author)}`, `  published  ${value(r.page.publishedAt)}`, `  site       ${value(r.page.siteName)}`);
  if (r.original) {
    lines.push('', 'Original');
    lines.push(`  publisher  ${value(r.original.publisher)}`, `  headline   ${value(r.original.headline)}`, `  url        ${value(r.original.url)}`, `  published  ${value(r.original.publishedAt)}`);
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
