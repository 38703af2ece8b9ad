/**
 * `provenance report out.duckdb [--html report.html]`: the figures of a crawl database (crawl/sql/schema.sql),
 * one SQL query each (crawl/sql/report/, through crawl/report-queries.ts), as a plain text report for the
 * terminal or one self-contained HTML page.
 *
 * The database holds what hostile web pages wrote (headlines, site names, credits, signal sentences): in the
 * text report every string is flattened to one line and stripped of the controls a terminal acts on; in the
 * HTML every string is escaped, nothing is a link, and the page forbids itself any script or request (its
 * Content-Security-Policy) should anything slip.
 */
import { REPORT_DIR, REPORT_QUERIES, type ReportQuery } from './report-queries';

/** A value of the report: DuckDB's BIGINTs, timestamps, lists… made plain (see `plain`). */
export type Cell = string | number | boolean | null;

export interface ReportSection {
  /** The query file's name without order and extension: "most-copied". */
  id: string;
  /** crawl/sql/report/03-most-copied.sql */
  file: string;
  title: string;
  about: string;
  sql: string;
  columns: string[];
  rows: Cell[][];
  /** The query failed (an older database, a query edited wrong): the other sections still ran. */
  error?: string;
}

export interface ReportData {
  /** ISO-8601. */
  generatedAt: string;
  /** The database's path as given. */
  database: string;
  sections: ReportSection[];
}

export interface CrawlReportOptions {
  queries?: ReportQuery[];
  now?: Date;
}

/** Opens the database read-only, runs each query and gives back their rows as plain values. */
export async function crawlReport(dbPath: string, options: CrawlReportOptions = {}): Promise<ReportData> {
  const { queries = REPORT_QUERIES, now = new Date() } = options;
  // Loaded here, not at the top: only `report` and `crawl` load DuckDB's native library.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  try {
    const connection = await db.connect();
    try {
      const sections: ReportSection[] = [];
      for (const { id, file, title, about, sql } of queries) {
        try {
          const reader = await connection.runAndReadAll(sql);
          const rows = reader.getRowsJS().map((row) => row.map(plain));
          sections.push({ id, file, title, about, sql, columns: reader.columnNames(), rows });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          sections.push({ id, file, title, about, sql, columns: [], rows: [], error: message });
        }
      }
      return { generatedAt: now.toISOString(), database: dbPath, sections };
    } finally {
      connection.closeSync();
    }
  } finally {
    db.closeSync();
  }
}

/** A DuckDB value as JSON would hold it: integers as numbers (as text past 2^53), times as ISO strings. */
function plain(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return Array.from(value, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item));
}

/** True when the database holds no page yet: the report then says so instead of showing empty figures. */
export function reportIsEmpty(data: ReportData): boolean {
  const overview = data.sections.find((section) => section.id === 'overview');
  const pages = overview?.columns.indexOf('pages') ?? -1;
  if (overview && pages >= 0 && overview.rows.length) return overview.rows[0]![pages] === 0;
  return data.sections.every((section) => section.rows.length === 0);
}

const EMPTY =
  'Nothing yet: the database holds no pages. Run `provenance crawl` on WARC files first; the figures appear once a shard with HTML pages is committed.';

/** The figures that say something when there are no pages: how much was read, and what was skipped. */
const WITHOUT_PAGES = new Set(['overview', 'skipped']);

/** The sections to show: all of them, or with no page yet the few that still say something (and failures). */
function shownSections(data: ReportData): ReportSection[] {
  if (!reportIsEmpty(data)) return data.sections;
  return data.sections.filter((section) => section.error || (WITHOUT_PAGES.has(section.id) && (section.id === 'overview' || section.rows.length)));
}

// ---------------------------------------------------------------------------------------------------------
// Shared formatting

/** C0 controls, DEL and C1 controls; bidirectional embeddings, overrides, isolates and marks; line separators. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A database string as it may be shown: on one line, with no control a terminal or a renderer acts on. */
function clean(text: string): string {
  return text
    .replace(/[\t\r\n\u000b\u000c\u0085\u2028\u2029]+/g, ' ')
    .replace(CONTROLS, '')
    .trim();
}

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const PERCENT = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 3 });

const isPercent = (column: string) => column.split('_').includes('pct');

/** "copies_pct" → "copies %", "pct_of_pages" → "% of pages". */
function columnLabel(column: string): string {
  return column
    .split('_')
    .map((word) => (word === 'pct' ? '%' : word))
    .join(' ');
}

function formatCell(value: Cell, column: string): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return (isPercent(column) ? PERCENT : NUMBER).format(value);
  return clean(value);
}

/** Columns whose every value is a number (or empty): aligned to the right. */
function numericColumns(section: ReportSection): boolean[] {
  return section.columns.map(
    (_, i) => section.rows.some((row) => typeof row[i] === 'number') && section.rows.every((row) => row[i] === null || typeof row[i] === 'number'),
  );
}

/** One wide row (the overview) reads better as a list of label and value. */
const isRecord = (section: ReportSection) => section.rows.length === 1 && section.columns.length > 3;

// ---------------------------------------------------------------------------------------------------------
// Text

const TEXT_ROWS = 20;
const TEXT_CELL = 60;

/** A string cut to `max` characters (code points), with an ellipsis when cut. */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

const width = (text: string) => Array.from(text).length;
const pad = (text: string, size: number, right: boolean) => (right ? ' '.repeat(size - width(text)) + text : text + ' '.repeat(size - width(text)));

function wrap(text: string, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && width(line) + 1 + width(word) > size) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function textTable(section: ReportSection): string[] {
  if (isRecord(section)) {
    const labels = section.columns.map(columnLabel);
    const size = Math.max(...labels.map(width));
    return section.columns.map((column, i) => `${pad(labels[i]!, size, false)}  ${cut(formatCell(section.rows[0]![i]!, column), 100)}`);
  }
  const numeric = numericColumns(section);
  const shown = section.rows.slice(0, TEXT_ROWS);
  const header = section.columns.map(columnLabel);
  const cells = shown.map((row) => section.columns.map((column, i) => cut(formatCell(row[i] ?? null, column), TEXT_CELL)));
  const sizes = header.map((label, i) => Math.max(width(label), ...cells.map((row) => width(row[i]!))));
  const line = (row: string[]) =>
    row
      .map((cell, i) => pad(cell, sizes[i]!, numeric[i]!))
      .join('  ')
      .trimEnd();
  const lines = [line(header), sizes.map((size) => '-'.repeat(size)).join('  '), ...cells.map(line)];
  const more = section.rows.length - shown.length;
  if (more > 0) lines.push(`… ${NUMBER.format(more)} more ${more === 1 ? 'row' : 'rows'} (the HTML report has them all)`);
  return lines;
}

/** A path as a POSIX shell reads it. */
function shellWord(text: string): string {
  return /^[\w./:@%+,=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The report for the terminal: each figure's question, how it is computed, and its rows as a table. */
export function reportText(data: ReportData): string {
  const empty = reportIsEmpty(data);
  const out = ['Provenance crawl report', `Database: ${clean(data.database)}`, `Generated: ${data.generatedAt}`, ''];
  if (empty) out.push(...wrap(EMPTY, 100), '');
  for (const section of shownSections(data)) {
    out.push(`${data.sections.indexOf(section) + 1}. ${clean(section.title)}`);
    out.push(...wrap(clean(section.about), 96).map((line) => `   ${line}`), '');
    if (section.error) out.push(`   The query failed: ${cut(clean(section.error), 200)}`);
    else if (!section.rows.length) out.push('   Nothing to show.');
    else out.push(...textTable(section).map((line) => `   ${line}`));
    out.push('');
  }
  out.push(
    `Each figure is one query in ${REPORT_DIR}/ of the Provenance repository; rerun or change it with the duckdb CLI, e.g.`,
    `  duckdb -readonly ${shellWord(clean(data.database))} < ${data.sections[0]?.file ?? `${REPORT_DIR}/01-overview.sql`}`,
    ...data.sections.map((section, index) => `  ${index + 1}. ${section.file}`),
  );
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// HTML

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every string that reaches the page goes through here. */
const esc = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
/** A database string for the page: escaped, with its controls removed (the line breaks of SQL are kept apart). */
const html = (text: string) => esc(clean(text));

/** Prose with `code` spans, as the query files' `about` lines write it. */
function prose(text: string): string {
  return clean(text)
    .split('`')
    .map((part, i) => (i % 2 ? `<code>${esc(part)}</code>` : esc(part)))
    .join('');
}

interface ChartSpec {
  /** The column naming each bar, and the one giving its length. */
  label: string;
  value: string;
  /** What the bars show, for the chart's accessible name. */
  caption: string;
  /** A fixed scale (percentages); otherwise the longest bar is the largest value. */
  max?: number;
  /** Rows of the table that are not bars (totals). */
  exclude?: string[];
}

/** Which figures get a bar chart. */
const CHARTS: Record<string, ChartSpec> = {
  kinds: { label: 'kind', value: 'copies', caption: 'Copies by kind' },
  'most-copied': { label: 'outlet', value: 'copies', caption: 'Copies of each outlet' },
  'content-farms': { label: 'site', value: 'copies_pct', caption: 'Share of each site’s articles that are copies, in percent', max: 100 },
  'copy-delay': {
    label: 'delay',
    value: 'copies',
    caption: 'Copies by delay after the original',
    exclude: ['all dated copies', 'date unknown (not counted above)'],
  },
  skipped: { label: 'reason', value: 'records', caption: 'Skipped records by reason' },
};

const CHART_BARS = 25;
const HTML_ROWS = 500;

/** The controls of `CONTROLS` but the tab and line breaks a query's layout needs. */
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function chartSvg(section: ReportSection, spec: ChartSpec): string {
  const label = section.columns.indexOf(spec.label);
  const value = section.columns.indexOf(spec.value);
  if (label < 0 || value < 0) return '';
  const bars = section.rows
    .filter((row) => typeof row[value] === 'number' && !spec.exclude?.includes(String(row[label])))
    .slice(0, CHART_BARS)
    .map((row) => ({ name: row[label] === null ? '—' : formatCell(row[label]!, spec.label), value: row[value] as number }));
  const largest = Math.max(0, ...bars.map((bar) => bar.value));
  if (!bars.length || largest <= 0) return '';
  const max = Math.max(spec.max ?? 0, largest);
  const unit = isPercent(spec.value) ? ' %' : '';
  const shown = (n: number) => `${formatCell(n, spec.value)}${unit}`;
  const name = `${spec.caption}: ${bars.map((bar) => `${bar.name} ${shown(bar.value)}`).join(', ')}.`;
  const row = 24;
  const [labelEnd, barStart, barRoom] = [204, 212, 340];
  const items = bars.map((bar, i) => {
    const y = 4 + i * row;
    const length = Math.max(0, (bar.value / max) * barRoom);
    return (
      `<g><title>${esc(`${bar.name}: ${shown(bar.value)}`)}</title>` +
      `<text x="${labelEnd}" y="${y + 12}" text-anchor="end" dominant-baseline="middle">${esc(cut(bar.name, 30))}</text>` +
      `<rect class="bar" x="${barStart}" y="${y + 3}" width="${length.toFixed(1)}" height="18" rx="2"></rect>` +
      `<text x="${(barStart + length + 6).toFixed(1)}" y="${y + 12}" dominant-baseline="middle">${esc(shown(bar.value))}</text></g>`
    );
  });
  const height = 8 + bars.length * row;
  return (
    `<svg class="chart" role="img" aria-label="${esc(name)}" viewBox="0 0 640 ${height}" width="640" height="${height}">` +
    `<title>${esc(name)}</title>${items.join('')}</svg>`
  );
}

function htmlTable(section: ReportSection): string {
  const caption = `<caption class="sr">${html(section.title)}</caption>`;
  const numeric = numericColumns(section);
  const td = (value: Cell, column: string, i: number) => `<td${numeric[i] ? ' class="num"' : ''}>${html(formatCell(value, column))}</td>`;
  if (isRecord(section)) {
    const body = section.columns.map(
      (column, i) => `<tr><th scope="row">${html(columnLabel(column))}</th>${td(section.rows[0]![i]!, column, i)}</tr>`,
    );
    return `<table class="record">${caption}<tbody>${body.join('')}</tbody></table>`;
  }
  const head = section.columns.map((column, i) => `<th scope="col"${numeric[i] ? ' class="num"' : ''}>${html(columnLabel(column))}</th>`);
  const shown = section.rows.slice(0, HTML_ROWS);
  const body = shown.map(
    (row) =>
      `<tr>${section.columns
        .map((column, i) =>
          i === 0
            ? `<th scope="row"${numeric[i] ? ' class="num"' : ''}>${html(formatCell(row[i] ?? null, column))}</th>`
            : td(row[i] ?? null, column, i),
        )
        .join('')}</tr>`,
  );
  const more = section.rows.length - shown.length;
  const note = more > 0 ? `<p class="note">… ${NUMBER.format(more)} more rows: run the query to see them.</p>` : '';
  return `<table>${caption}<thead><tr>${head.join('')}</tr></thead><tbody>${body.join('')}</tbody></table>${note}`;
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1c1917;--bg:#fff;--muted:#57534e;--line:#d6d3d1;--panel:#f5f5f4;--link:#1d4ed8;--bar:#2563eb}
@media (prefers-color-scheme:dark){:root{--fg:#f5f5f4;--bg:#1c1917;--muted:#d6d3d1;--line:#44403c;--panel:#292524;--link:#93c5fd;--bar:#60a5fa}}
body{margin:0 auto;max-width:72rem;padding:24px 16px;font:15px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:24px;line-height:1.3;margin:0 0 8px}h2{font-size:18px;line-height:1.35;margin:36px 0 6px;border-bottom:1px solid var(--line);padding-bottom:4px}
a{color:var(--link)}.meta,.about,.note,footer{color:var(--muted)}.about{max-width:48rem;margin:0 0 12px}
.notice{padding:10px 12px;border:1px solid var(--line);border-left:4px solid var(--bar);background:var(--panel)}
nav ol{padding-left:1.4em;margin:8px 0}code,pre{font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.scroll{overflow-x:auto;margin:8px 0}table{border-collapse:collapse;font-size:14px;min-width:16rem}
th,td{text-align:left;vertical-align:top;padding:5px 10px;border-bottom:1px solid var(--line);overflow-wrap:anywhere;max-width:36rem}
thead th{border-bottom:2px solid var(--line);white-space:nowrap}.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tbody th{font-weight:600}table.record th{font-weight:normal;color:var(--muted)}
.chart{display:block;width:100%;max-width:640px;height:auto;margin:12px 0}.chart text{fill:currentColor;font-size:12px}.bar{fill:var(--bar)}
details{margin:10px 0}summary{cursor:pointer;color:var(--muted)}pre{background:var(--panel);padding:10px 12px;overflow-x:auto;border-radius:4px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.error{color:#b91c1c}@media (prefers-color-scheme:dark){.error{color:#fca5a5}}footer{margin-top:36px;font-size:13px}
`.trim();

const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The report as one HTML page: inline style and SVG, no script, no link out, a policy that forbids requests. */
export function reportHtml(data: ReportData): string {
  const empty = reportIsEmpty(data);
  const shown = shownSections(data);
  const sections = shown.map((section) => {
    const number = data.sections.indexOf(section) + 1;
    const id = `s-${section.id.replace(/[^a-z0-9-]/gi, '')}`;
    const spec = CHARTS[section.id];
    const body = section.error
      ? `<p class="error">The query failed: ${html(section.error)}</p>`
      : section.rows.length
        ? `${spec ? chartSvg(section, spec) : ''}<div class="scroll" role="region" aria-labelledby="${id}-h" tabindex="0">${htmlTable(section)}</div>`
        : '<p class="note">Nothing to show.</p>';
    return (
      `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${number}. ${html(section.title)}</h2>` +
      `<p class="about">${prose(section.about)}</p>${body}` +
      `<details><summary>The query: ${html(section.file)}</summary><pre><code>${esc(section.sql.replace(CONTROLS_BUT_LINES, ''))}</code></pre></details></section>`
    );
  });
  const nav = shown.map((section) => `<li><a href="#s-${esc(section.id.replace(/[^a-z0-9-]/gi, ''))}">${html(section.title)}</a></li>`);
  const command = `duckdb -readonly ${shellWord(clean(data.database))} < ${data.sections[0]?.file ?? `${REPORT_DIR}/01-overview.sql`}`;
  const page = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(POLICY)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Provenance crawl report: ${html(data.database)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    '<h1>Provenance crawl report</h1>',
    `<p class="meta">Database <code>${html(data.database)}</code>, generated ${html(data.generatedAt)}.</p>`,
    empty ? `<p class="notice">${prose(EMPTY)}</p>` : '',
    `<nav aria-label="Figures"><ol>${nav.join('')}</ol></nav>`,
    '</header>',
    `<main>${sections.join('\n')}</main>`,
    `<footer><p>Each figure is one SQL query in <code>${esc(REPORT_DIR)}/</code> of the Provenance repository, shown under its table; ` +
      `rerun or change it with the duckdb CLI, e.g. <code>${esc(command)}</code>.</p></footer>`,
    '</body>',
    '</html>',
  ];
  return `${page.filter(Boolean).join('\n')}\n`;
}
