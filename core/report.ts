/**
 * A report of one page's provenance that travels: Markdown for a ticket or a
 * chat, one self-contained HTML file to attach. The popup and the command line
 * build it from the same record and verification, here.
 *
 * Pure: no browser APIs. The caller passes the time, the extension's version,
 * the verdict as it words it and, for another language, the strings.
 *
 * Everything a page wrote (headline, credits, quoted evidence, names, URLs) is
 * data: in Markdown it is escaped so it cannot become a link, an image or
 * markup; in HTML every text goes through one escaping builder, the only
 * links are http(s) addresses, and the file forbids itself any script, frame,
 * image or request (its Content-Security-Policy) should anything slip.
 */
import type { ArticleComparison } from './compare';
import { kindEnglish } from './kind-text';
import type { Provenance, Signal } from './types';
import { displayHost } from './url';
import type { Verification, VerificationOutcome } from './verify';

export interface ReportStrings {
  /** BCP 47 tag of the language, for <html lang>. */
  locale: string;
  title: string;
  page: string;
  site: string;
  verdict: string;
  confidence: string;
  confidenceLevels: { high: string; medium: string; low: string };
  findings: string;
  chain: string;
  thisPage: string;
  /** A step the page names without a link. */
  namedNotLinked: string;
  itselfACopy: string;
  original: string;
  originalPublisher: string;
  pageHeadline: string;
  originalHeadline: string;
  author: string;
  copyright: string;
  dates: string;
  pagePublished: string;
  originalPublished: string;
  evidence: string;
  /** "found in {where}" */
  foundIn: string;
  check: string;
  notChecked: string;
  outcome: Record<VerificationOutcome, string>;
  problem: string;
  search: string;
  headlineComparison: string;
  headlineVerdict: Record<'same' | 'lightly-edited' | 'rewritten' | 'different-story', string>;
  diffLegend: string;
  textReuse: string;
  textVerdict: Record<'verbatim' | 'partial' | 'rewritten' | 'unknown', string>;
  /** "{original} of the original is on this page; {page} of this page comes from the original" */
  textShares: string;
  approximate: string;
  delay: string;
  authors: string;
  authorsVerdict: Record<'match' | 'different' | 'unknown', string>;
  checkedAt: string;
  pageReadAt: string;
  madeWith: string;
}

export const REPORT_TEXT: ReportStrings = {
  locale: 'en',
  title: 'Provenance report',
  page: 'Page',
  site: 'Site',
  verdict: 'Verdict',
  confidence: 'Confidence',
  confidenceLevels: { high: 'High confidence', medium: 'Medium confidence', low: 'Low confidence' },
  findings: 'Findings',
  chain: 'Chain back to the original',
  thisPage: 'This page',
  namedNotLinked: 'named but not linked',
  itselfACopy: 'itself a copy',
  original: 'Original',
  originalPublisher: 'Original publisher',
  pageHeadline: 'Headline on this page',
  originalHeadline: 'Original headline',
  author: 'Credited author',
  copyright: 'Copyright notice',
  dates: 'Dates as stated',
  pagePublished: 'This page',
  originalPublished: 'The original',
  evidence: 'Evidence',
  foundIn: 'found in {where}',
  check: 'Check against the original',
  notChecked: 'Not checked against the original: nothing was fetched.',
  outcome: {
    verified: 'Original found and compared',
    'named-not-linked': 'Original named but not linked',
    failed: 'Could not check',
    loop: 'The chain goes round in a loop',
    'too-long': 'The chain is longer than 4 copies; stopped there',
    'nothing-to-verify': 'Nothing to check: no source is named',
  },
  problem: 'Problem',
  search: 'Search for the original',
  headlineComparison: 'Headline compared with the original',
  headlineVerdict: { same: 'Same headline', 'lightly-edited': 'Lightly edited', rewritten: 'Rewritten', 'different-story': 'A different story' },
  diffLegend: 'Headline differences: [+ only on this page] [− only in the original]',
  textReuse: 'Text reused',
  textVerdict: {
    verbatim: 'Copied word for word',
    partial: 'Partly copied',
    rewritten: 'Rewritten (little wording reused)',
    unknown: 'Too short to compare',
  },
  textShares: '{original} of the original is on this page; {page} of this page comes from the original',
  approximate: '(approximate)',
  delay: 'Published after the original',
  authors: 'Author',
  authorsVerdict: { match: 'Same author as the original', different: 'A different author from the original', unknown: 'Not known for both' },
  checkedAt: 'Compared with the original',
  pageReadAt: 'Page read',
  madeWith: 'Made with Provenance {version} on {time}',
};

export interface ReportInput {
  record: Provenance;
  verification: Verification | null;
  /** The verdict in the caller's words (the kind of copy and its detail); English from the record when absent. */
  verdict?: { label: string; detail: string | null };
  /** When the page was read (its history entry's last visit), ms since the epoch. */
  readAt: number | null;
  /** When the report is made, ms since the epoch. */
  now: number;
  /** The extension's (or the command line's) version. */
  version: string;
  strings?: ReportStrings;
}

/** One section of the report, format-neutral: the two writers below render the same content. */
type Block =
  | { type: 'fields'; rows: [label: string, value: Inline][] }
  | { type: 'list'; ordered: boolean; items: Inline[] }
  | { type: 'quotes'; items: { lead: Inline; quote: string; where: string }[] }
  | { type: 'para'; text: Inline };

/** A run of text parts: plain text (escaped by the writer), a link, or emphasis. */
type Part = string | { link: string; text: string } | { strong: string } | { code: string };
type Inline = Part[];

interface Section {
  title: string;
  blocks: Block[];
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);

/** Only web addresses become links; anything else stays text. */
function webUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

const linkOrText = (url: string | null | undefined, text?: string): Part => {
  const safe = webUrl(url);
  return safe ? { link: safe, text: text ?? safe } : (text ?? url ?? '');
};

function confidenceLevel(confidence: number, s: ReportStrings): string {
  if (confidence >= 0.85) return s.confidenceLevels.high;
  if (confidence >= 0.6) return s.confidenceLevels.medium;
  return s.confidenceLevels.low;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** English verdict for a record when the caller gives none (the command line): the kind of copy (core/kind-text.ts). */
function defaultVerdict(record: Provenance): { label: string; detail: string | null } {
  return kindEnglish(record) ?? { label: record.isArticle ? 'Not a copy' : 'No article found', detail: null };
}

/** What the report says, section by section. */
function sections(input: ReportInput): { title: string; lead: Section; body: Section[]; footer: string } {
  const s = input.strings ?? REPORT_TEXT;
  const { record, verification } = input;
  const verdict = input.verdict ?? defaultVerdict(record);
  const site = record.page.siteName ? `${record.page.siteName} (${hostOf(record.url)})` : hostOf(record.url);

  const lead: Section = {
    title: s.title,
    blocks: [
      {
        type: 'fields',
        rows: [
          [s.page, [linkOrText(record.url)]],
          [s.site, [site]],
          [s.verdict, [{ strong: verdict.label }, ...(verdict.detail ? [` · ${verdict.detail}`] : [])]],
          [s.confidence, [`${confidenceLevel(record.confidence, s)} (${Math.round(record.confidence * 100)} %)`]],
        ],
      },
    ],
  };

  const body: Section[] = [];
  const findings = record.signals.filter((signal) => signal.kind === 'self-reference' || signal.kind === 'conflict');
  if (findings.length) body.push({ title: s.findings, blocks: [quoteBlock(findings, s)] });

  if (record.chain.length) {
    const items: Inline[] = [[s.thisPage, ' — ', linkOrText(record.url)]];
    for (const hop of record.chain) {
      const name = hop.publisher ?? (hop.site ? displayHost(hop.site) : null) ?? hop.url ?? '?';
      items.push(hop.url ? [name, ' — ', linkOrText(hop.url)] : [name, ` (${s.namedNotLinked})`]);
    }
    body.push({ title: s.chain, blocks: [{ type: 'list', ordered: true, items }] });
  }

  const facts: [string, Inline][] = [];
  const original = record.original;
  if (original?.publisher) facts.push([s.originalPublisher, [original.publisher]]);
  if (original?.url) facts.push([s.original, [linkOrText(original.url)]]);
  if (record.page.headline) facts.push([s.pageHeadline, [record.page.headline]]);
  if (original?.headline) facts.push([s.originalHeadline, [original.headline]]);
  if (record.page.author) facts.push([s.author, [record.page.author]]);
  if (record.copyright) facts.push([s.copyright, [record.copyright]]);
  if (facts.length) body.push({ title: s.original, blocks: [{ type: 'fields', rows: facts }] });

  const dates: [string, Inline][] = [];
  const pageDate = record.page.publishedAtText ?? record.page.publishedAt;
  if (pageDate) dates.push([s.pagePublished, [pageDate]]);
  const originalDate = (verification?.outcome === 'verified' ? verification.original?.publishedAt : null) ?? original?.publishedAt;
  if (originalDate) dates.push([s.originalPublished, [originalDate]]);
  if (dates.length) body.push({ title: s.dates, blocks: [{ type: 'fields', rows: dates }] });

  const evidence = record.signals.filter((signal) => !findings.includes(signal));
  if (evidence.length) body.push({ title: `${s.evidence} (${evidence.length})`, blocks: [quoteBlock(evidence, s)] });

  body.push({ title: s.check, blocks: checkBlocks(verification, s) });

  const times: string[] = [];
  if (input.readAt !== null) times.push(`${s.pageReadAt}: ${isoTime(input.readAt)}`);
  if (verification) times.push(`${s.checkedAt}: ${isoTime(verification.checkedAt)}`);
  const footer = [...times, fill(s.madeWith, { version: input.version, time: isoTime(input.now) })].join(' · ');
  return { title: `${s.title}: ${record.page.headline ?? record.url}`, lead, body, footer };
}

function quoteBlock(signals: Signal[], s: ReportStrings): Block {
  return {
    type: 'quotes',
    items: signals.map((signal) => ({
      lead: [signal.detail],
      quote: signal.evidence.text,
      where: fill(s.foundIn, { where: signal.evidence.location }),
    })),
  };
}

function checkBlocks(verification: Verification | null, s: ReportStrings): Block[] {
  if (!verification) return [{ type: 'para', text: [s.notChecked] }];
  const blocks: Block[] = [{ type: 'para', text: [{ strong: s.outcome[verification.outcome] }] }];
  if (verification.hops.length) {
    const items: Inline[] = [[s.thisPage]];
    for (const hop of verification.hops) {
      const notes = [hop.syndicated ? s.itselfACopy : null, hop.publishedAt].filter(Boolean).join('; ');
      items.push([hop.publisher ?? hop.site ?? hostOf(hop.finalUrl), ' — ', linkOrText(hop.finalUrl), ...(notes ? [` (${notes})`] : [])]);
    }
    if (verification.search) items.push([verification.search.publisher, ` (${s.namedNotLinked})`]);
    blocks.push({ type: 'list', ordered: true, items });
  }
  if (verification.failure) blocks.push({ type: 'fields', rows: [[s.problem, [verification.failure.message]]] });
  if (verification.search) blocks.push({ type: 'fields', rows: [[s.search, [linkOrText(verification.search.url)]]] });
  if (verification.comparison) blocks.push(comparisonBlock(verification.comparison, s));
  return blocks;
}

function comparisonBlock(comparison: ArticleComparison, s: ReportStrings): Block {
  const rows: [string, Inline][] = [];
  const { headline, text, delay, authors } = comparison;
  if (headline) {
    rows.push([s.headlineComparison, [`${s.headlineVerdict[headline.verdict]} (${percent(headline.similarity)})`]]);
    rows.push([s.pageHeadline, [headline.pageHeadline]]);
    rows.push([s.originalHeadline, [headline.originalHeadline]]);
    const diff = headline.diff
      .map((segment) => (segment.op === 'same' ? segment.text : segment.op === 'added' ? `[+ ${segment.text}]` : `[− ${segment.text}]`))
      .join(' ');
    if (headline.diff.some((segment) => segment.op !== 'same')) rows.push([s.diffLegend, [{ code: diff }]]);
  }
  if (text) {
    const shares = fill(s.textShares, { original: percent(text.originalOnPage), page: percent(text.pageFromOriginal) });
    rows.push([s.textReuse, [`${s.textVerdict[text.verdict]}: ${shares}${text.approximate ? ` ${s.approximate}` : ''}`]]);
  }
  if (delay.text) rows.push([s.delay, [`${delay.text}${delay.approximate ? ` ${s.approximate}` : ''}`]]);
  rows.push([s.authors, [s.authorsVerdict[authors.verdict] + (authors.matched.length ? ` (${authors.matched.join(', ')})` : '')]]);
  return { type: 'fields', rows };
}

/** A time as ISO 8601 in UTC, to the second: unambiguous in any ticket. */
function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// ---------------------------------------------------------------- Markdown

/** Page text as Markdown text: one line, every character Markdown or HTML could read as syntax escaped. */
export function markdownText(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      // Emphasis, links, images, code, HTML, entities, tables, strikethrough, headings.
      .replace(/[\\`*_[\]<>#|!~&]/g, (ch) => `\\${ch}`)
      // Bare addresses GFM would turn into links ("https://…", "www.…").
      .replace(/\b(https?|ftp|www)([:.])/gi, '$1\\$2')
      // A list item or quote at the start ("- ", "+ ", "1. ", "> " is escaped above).
      .replace(/^([-+])(?=\s)/, '\\$1')
      .replace(/^(\d+)([.)])(?=\s)/, '$1\\$2')
  );
}

/** An address inside a Markdown link's parentheses: nothing in it can close the link or open another. */
function markdownUrl(url: string): string {
  return url.replace(/[()<>\s\\`[\]"']/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function markdownInline(parts: Inline): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return markdownText(part);
      if ('link' in part) return `[${markdownText(part.text)}](${markdownUrl(part.link)})`;
      if ('strong' in part) return `**${markdownText(part.strong)}**`;
      // Inline code shows its text as is: a fence longer than any run of backticks inside.
      const text = part.code.replace(/\s+/g, ' ');
      const fence = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
      return `${fence} ${text} ${fence}`;
    })
    .join('');
}

function markdownBlock(block: Block): string[] {
  switch (block.type) {
    case 'fields':
      return block.rows.map(([label, value]) => `- **${markdownText(label)}:** ${markdownInline(value)}`);
    case 'list':
      return block.items.map((item, index) => `${block.ordered ? `${index + 1}.` : '-'} ${markdownInline(item)}`);
    case 'quotes':
      return block.items.flatMap((item) => [
        `- ${markdownInline(item.lead)}`,
        `  > ${markdownText(item.quote)}`,
        `  > — *${markdownText(item.where)}*`,
      ]);
    case 'para':
      return [markdownInline(block.text)];
  }
}

export function reportMarkdown(input: ReportInput): string {
  const { title, lead, body, footer } = sections(input);
  const lines = [`# ${markdownText(title)}`, ''];
  for (const block of lead.blocks) lines.push(...markdownBlock(block), '');
  for (const section of body) {
    lines.push(`## ${markdownText(section.title)}`, '');
    for (const block of section.blocks) lines.push(...markdownBlock(block), '');
  }
  lines.push(`*${markdownText(footer)}*`, '');
  return lines.join('\n');
}

// ---------------------------------------------------------------- HTML

/** Markup made by the builder below; a plain string is always text. */
class Html {
  constructor(readonly markup: string) {}
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

type Child = Html | string | null | false | Child[];

/** An element: the tag and attribute names are the code's own; every value and text child is escaped. */
function el(tag: string, attributes: Record<string, string | null>, ...children: Child[]): Html {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return new Html(`<${tag}${attrs}>${render(children)}</${tag}>`);
}

function render(children: Child[]): string {
  return children
    .map((child) => (child instanceof Html ? child.markup : Array.isArray(child) ? render(child) : child ? escapeHtml(child) : ''))
    .join('');
}

function htmlInline(parts: Inline): Html[] {
  return parts.map((part) => {
    if (typeof part === 'string') return new Html(escapeHtml(part));
    if ('link' in part) return el('a', { href: part.link, rel: 'noopener noreferrer' }, part.text);
    if ('strong' in part) return el('strong', {}, part.strong);
    return el('code', {}, part.code);
  });
}

function htmlBlock(block: Block): Html {
  switch (block.type) {
    case 'fields':
      return el(
        'dl',
        {},
        block.rows.map(([label, value]) => el('div', {}, el('dt', {}, label), el('dd', {}, htmlInline(value)))),
      );
    case 'list':
      return el(
        block.ordered ? 'ol' : 'ul',
        {},
        block.items.map((item) => el('li', {}, htmlInline(item))),
      );
    case 'quotes':
      return el(
        'ul',
        { class: 'quotes' },
        block.items.map((item) =>
          el('li', {}, el('p', {}, htmlInline(item.lead)), el('blockquote', {}, item.quote), el('p', { class: 'where' }, item.where)),
        ),
      );
    case 'para':
      return el('p', {}, htmlInline(block.text));
  }
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1c1917;--bg:#fff;--muted:#57534e;--line:#d6d3d1;--panel:#f5f5f4;--link:#1d4ed8}
@media (prefers-color-scheme:dark){:root{--fg:#f5f5f4;--bg:#1c1917;--muted:#d6d3d1;--line:#44403c;--panel:#292524;--link:#93c5fd}}
body{margin:0 auto;max-width:46rem;padding:24px 16px;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:22px;line-height:1.3;margin:0 0 12px}h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
a{color:var(--link);overflow-wrap:anywhere}dl{margin:0}dl div{padding:4px 0;border-bottom:1px solid var(--line)}
dt{font-size:13px;color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}ol,ul{padding-left:1.4em}
.quotes{list-style:none;padding:0}.quotes li{padding:6px 0;border-bottom:1px solid var(--line)}.quotes p{margin:0 0 4px}
blockquote{margin:0;padding:4px 8px;border-left:3px solid var(--line);background:var(--panel);font-style:italic;overflow-wrap:anywhere;white-space:pre-wrap}
.where{font-size:13px;color:var(--muted)}code{overflow-wrap:anywhere;white-space:pre-wrap}footer{margin-top:24px;font-size:13px;color:var(--muted)}
`.trim();

/** The report as one HTML file: inline style, no script, no external resource, and a policy that forbids them. */
export function reportHtml(input: ReportInput): string {
  const s = input.strings ?? REPORT_TEXT;
  const { title, lead, body, footer } = sections(input);
  const policy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
  const doc = el(
    'html',
    { lang: s.locale },
    el(
      'head',
      {},
      new Html('<meta charset="utf-8">'),
      new Html(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`),
      new Html('<meta name="referrer" content="no-referrer">'),
      new Html('<meta name="viewport" content="width=device-width, initial-scale=1">'),
      el('title', {}, title),
      el('style', {}, new Html(STYLE)),
    ),
    el(
      'body',
      {},
      el(
        'main',
        {},
        el('h1', {}, title),
        lead.blocks.map(htmlBlock),
        body.map((section) => el('section', {}, el('h2', {}, section.title), section.blocks.map(htmlBlock))),
      ),
      el('footer', {}, footer),
    ),
  );
  return `<!doctype html>\n${doc.markup}\n`;
}

/** A file name for the saved report: the site and the date, nothing else from the page. */
export function reportFileName(record: Provenance, now: number): string {
  const site =
    hostOf(record.url)
      .replace(/[^a-z0-9.-]/gi, '_')
      .slice(0, 60) || 'page';
  return `provenance-report-${site}-${isoTime(now).slice(0, 10)}.html`;
}
