/** `--report md|html` for `inspect` and `verify`: the report the extension's popup copies or saves (core/report.ts). */
import { reportHtml, reportMarkdown } from '../core/report';
import type { Provenance } from '../core/types';
import type { Verification } from '../core/verify';
import { CliError } from './load';
import { VERSION } from './version';

export type ReportFormat = 'md' | 'html';

export const REPORT_USAGE = '      --report md|html   print the report a fact-checker can paste (Markdown) or attach (one self-contained HTML file)';

export function reportFormat(value: string | undefined): ReportFormat {
  if (value === 'md' || value === 'markdown') return 'md';
  if (value === 'html') return 'html';
  throw new CliError('usage', `--report needs md or html${value ? `, got ${value}` : ''}`);
}

export function cliReport(format: ReportFormat, record: Provenance, verification: Verification | null, now = Date.now()): string {
  const input = { record, verification, readAt: now, now, version: `${VERSION} (command line)` };
  return format === 'md' ? reportMarkdown(input) : reportHtml(input);
}
