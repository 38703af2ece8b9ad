/** `--report md|html` for `inspect` and `verify`: the report the extension's popup copies or saves (core/report.ts). */
import { readFileSync } from 'node:fs';
import { reportHtml, reportMarkdown } from '../core/report';
import type { Provenance } from '../core/types';
import type { Verification } from '../core/verify';
import { CliError } from './load';

export type ReportFormat = 'md' | 'html';

export const REPORT_USAGE = '       --report md|html  print the report a fact-checker can paste (Markdown) or attach (one self-contained HTML file)';

export function reportFormat(value: string | undefined, usage: string): ReportFormat {
  if (value === 'md' || value === 'markdown') return 'md';
  if (value === 'html') return 'html';
  throw new CliError('usage', `--report needs md or html${value ? `, got ${value}` : ''}\n${usage}`);
}

/** The command line's version: the package's. */
function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function cliReport(format: ReportFormat, record: Provenance, verification: Verification | null, now = Date.now()): string {
  const input = { record, verification, readAt: now, now, version: `${version()} (command line)` };
  return format === 'md' ? reportMarkdown(input) : reportHtml(input);
}
