/**
 * The report's queries (`provenance report`), one figure each, in crawl/sql/report/: plain SQL a researcher
 * can rerun or change with the duckdb CLI. They are imported as text at build time (crawl/sql.d.ts) so the
 * bundled CLI carries them. Each file opens with `-- title:` (the question, in words) and `-- about:` (how it
 * is computed and its caveats); a comment line that names no field continues the one before.
 */
/// <reference path="./sql.d.ts" />
import overview from './sql/report/01-overview.sql';
import kinds from './sql/report/02-kinds.sql';
import mostCopied from './sql/report/03-most-copied.sql';
import contentFarms from './sql/report/04-content-farms.sql';
import copyDelay from './sql/report/05-copy-delay.sql';
import longChains from './sql/report/06-long-chains.sql';
import skipped from './sql/report/07-skipped.sql';

export interface ReportQuery {
  /** The file's name without its order and extension: "most-copied". */
  id: string;
  /** Its path in the repository, for the reader who reruns it. */
  file: string;
  title: string;
  about: string;
  /** The whole file, comments included. */
  sql: string;
}

export const REPORT_DIR = 'crawl/sql/report';

const FILES: [string, string][] = [
  ['01-overview.sql', overview],
  ['02-kinds.sql', kinds],
  ['03-most-copied.sql', mostCopied],
  ['04-content-farms.sql', contentFarms],
  ['05-copy-delay.sql', copyDelay],
  ['06-long-chains.sql', longChains],
  ['07-skipped.sql', skipped],
];

export const REPORT_QUERIES: ReportQuery[] = FILES.map(([name, sql]) => parseQuery(name, sql));

/** The fields of a query file's leading comment lines, and its id from its name. */
export function parseQuery(name: string, sql: string): ReportQuery {
  const fields: Record<string, string> = {};
  let last: string | null = null;
  for (const line of sql.split(/\r?\n/)) {
    const comment = /^\s*--\s?(.*)$/.exec(line);
    if (!comment) {
      if (line.trim()) break;
      continue;
    }
    const text = comment[1]!.trim();
    const field = /^([a-z]+):\s*(.*)$/.exec(text);
    if (field) {
      last = field[1]!;
      fields[last] = field[2]!;
    } else if (last && text) fields[last] = `${fields[last]} ${text}`.trim();
  }
  const id = name.replace(/^\d+-/, '').replace(/\.sql$/, '');
  return { id, file: `${REPORT_DIR}/${name}`, title: fields.title ?? id, about: fields.about ?? '', sql };
}
