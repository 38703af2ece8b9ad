/**
 * The report's queries (`provenance report`), one figure each, in crawl/sql/report/: plain SQL a researcher
 * can rerun or change with the duckdb CLI. The code reads them from crawl/sql.generated.ts (written from the
 * .sql files by scripts/gen-crawl-sql.ts), so the CLI's bundle and the tests need no SQL loader. Each file
 * opens with `-- title:` (the question, in words) and `-- about:` (how it is computed and its caveats); a
 * comment line that names no field continues the one before.
 */
import { REPORT_QUERIES as FILES } from './sql.generated';

export interface ReportQuery {
  /** The file's name without its order and extension: "most-copied". */
  id: string;
  /** Its path in the repository, for the reader who reruns it: "crawl/sql/report/03-most-copied.sql". */
  file: string;
  title: string;
  about: string;
  /** The whole file, comments included. */
  sql: string;
}

export const REPORT_DIR = 'crawl/sql/report';

export const REPORT_QUERIES: ReportQuery[] = FILES.map(({ file, sql }) => parseQuery(file, sql));

/** The fields of a query file's leading comment lines, and its id from its name. */
function parseQuery(file: string, sql: string): ReportQuery {
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
  const id = file
    .replace(/^.*\//, '')
    .replace(/^\d+-/, '')
    .replace(/\.sql$/, '');
  return { id, file, title: fields.title ?? id, about: fields.about ?? '', sql };
}
