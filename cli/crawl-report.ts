/** `provenance report`: the questions people ask of a crawl database, as text or one self-contained HTML page (crawl/report.ts). */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { crawlReport, reportHtml, reportText } from '../crawl/report';
import { CliError } from './load';
import type { OptionSpecs } from './args';
import type { Command } from './main';

const USAGE = `usage: provenance report [options] <crawl.duckdb>

Print what a crawl database ('provenance crawl --db') says: the share of copies by kind, the outlets most
copied and by whom, the sites whose pages are mostly copies (content-farm candidates) with their evidence,
how long copies lag behind their originals, chains longer than one hop, and the records skipped. Each figure
is one SQL query in crawl/sql/report/, named under its table: run or change it with any DuckDB client.

options:
      --html <file>   also write the report as one self-contained HTML page with charts
  -h, --help          print this help and exit`;

const OPTIONS = { html: { type: 'string' } } satisfies OptionSpecs;

export const reportCommand: Command<typeof OPTIONS> = {
  name: 'report',
  summary: "answer the usual questions about a crawl's database",
  usage: USAGE,
  options: OPTIONS,
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new CliError('usage', 'report needs one crawl database');
    const db = positionals[0]!;
    if (!existsSync(db)) throw new CliError('read-failed', `cannot read ${db}: no such file`);
    let data;
    try {
      data = await crawlReport(db);
    } catch (error) {
      throw new CliError('read-failed', `cannot read ${db} as a crawl database: ${(error as Error)?.message ?? String(error)}`);
    }
    io.out(reportText(data));
    if (values.html) {
      await writeFile(values.html, reportHtml(data));
      io.err(`provenance report: wrote ${values.html}`);
    }
    return data.sections.some((section) => section.error) ? 1 : 0;
  },
};
