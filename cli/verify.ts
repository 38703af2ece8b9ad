/**
 * `provenance verify`: follow a page's source back to the original, the same
 * way the extension does (core/verify), and print the chain and the comparison.
 */
import { articleText } from '../core/article-text';
import { readPage } from '../core/read-page';
import { displayHost } from '../core/url';
import { verifyProvenance, type CachedOriginal, type Verification } from '../core/verify';
import { CliError, loadPage, parseHtml, PRIVATE_HINT } from './load';
import type { OptionSpecs } from './args';
import type { Command } from './main';
import { createNodeFetcher } from './node-fetcher';
import { cliReport, reportFormat, REPORT_USAGE } from './report';
import { jsonText, oneLine } from './terminal';

const USAGE = `usage: provenance verify [options] <file-or-http-url>

Fetch the original(s) the page credits, follow the chain back and compare the page with the original,
the way the extension's "Find and compare the original" does. Progress goes to standard error.

options:
      --url <page-url>   the address a saved file was served at (needed for a file)
      --json             print the verification as JSON
${REPORT_USAGE}
      --allow-private    also fetch from private networks (localhost, 192.168.x.x, intranet names), refused otherwise
  -h, --help             print this help and exit

Exit status: 0 done, 1 the source could not be checked (COULD NOT CHECK), 2 usage error, 3 the page could not be loaded.`;

const OPTIONS = {
  url: { type: 'string' },
  json: { type: 'boolean' },
  report: { type: 'string' },
  'allow-private': { type: 'boolean' },
} satisfies OptionSpecs;

export const verifyCommand: Command<typeof OPTIONS> = {
  name: 'verify',
  summary: 'fetch the original(s) the page credits, follow the chain and compare',
  usage: USAGE,
  options: OPTIONS,
  async run({ values, positionals }, io) {
    const json = values.json ?? false;
    const allowPrivate = values['allow-private'] ?? false;
    const format = values.report === undefined ? null : reportFormat(values.report);
    const pageUrl = values.url;
    if (pageUrl !== undefined && !/^https?:\/\//i.test(pageUrl)) throw new CliError('usage', `--url needs an http(s) URL, got ${pageUrl}`);
    if (positionals.length > 1) throw new CliError('usage', `one page at a time (got ${positionals.join(' and ')})`);
    const target = positionals[0];
    if (target === undefined) throw new CliError('usage', 'verify needs a file or an http(s) URL');
    if (format && json) throw new CliError('usage', '--report and --json are two outputs: choose one');

    const loaded = await loadPage(target, { allowPrivate });
    const url = pageUrl ?? loaded.servedAt;
    if (!url) throw new CliError('usage', 'a saved file needs --url <page-url>: the address it was served at');
    const doc = parseHtml(loaded.html);
    const { record } = readPage(doc, url);
    const memory = new Map<string, CachedOriginal>();
    const verification = await verifyProvenance(record, articleText(doc), {
      fetchPage: createNodeFetcher({ allowPrivate }),
      parsePage: async (html, at) => readPage(parseHtml(html), at),
      cache: { get: async (key) => memory.get(key), put: async (entry) => void memory.set(entry.key, entry) },
      ttlMs: 0,
      onProgress: ({ url: hopUrl }) => {
        if (!json) io.err(oneLine(`fetching ${hopUrl}`));
      },
    });
    io.out(format ? cliReport(format, record, verification) : json ? jsonText(verification, 2) : report(verification));
    return verification.outcome === 'failed' ? 1 : 0;
  },
};

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);

function report(v: Verification): string {
  const lines = [v.pageUrl, OUTCOME[v.outcome], '', 'Chain', '  this page'];
  for (const hop of v.hops) {
    const notes = [
      hop.syndicated ? 'itself a copy' : null,
      hop.redirectedAcrossSites ? `redirected from ${displayHost(hop.url)}` : null,
      /^http:/i.test(hop.finalUrl) ? 'fetched without encryption (http): it may have been changed on the way' : null,
      hop.impersonates ? `calls itself ${hop.impersonates}, but ${displayHost(hop.site ?? hop.finalUrl)} is not ${hop.impersonates}'s site` : null,
    ].filter(Boolean);
    lines.push(`  → ${hop.publisher ?? hop.site ?? '?'}  ${hop.finalUrl}${notes.length ? `  (${notes.join('; ')})` : ''}`);
  }
  if (v.search) lines.push(`  → ${v.search.publisher} (named, not linked)`, '', `Search for it: ${v.search.url}`);
  if (v.failure) lines.push('', `Problem: ${v.failure.message}${v.failure.code === 'private-address' ? ` ${PRIVATE_HINT}` : ''}`);
  const c = v.comparison;
  if (c) {
    lines.push('', 'Compared with the original');
    if (c.headline) {
      const diff = c.headline.diff.map((s) => (s.op === 'same' ? s.text : s.op === 'added' ? `[+${s.text}]` : `[-${s.text}]`)).join(' ');
      lines.push(`  headline   ${c.headline.verdict} (${percent(c.headline.similarity)})`, `             ${diff}`);
    }
    if (c.text)
      lines.push(
        `  text       ${c.text.verdict}: ${percent(c.text.originalOnPage)} of the original on the page, ${percent(c.text.pageFromOriginal)} of the page from the original`,
      );
    if (c.delay.text) lines.push(`  delay      ${c.delay.text}${c.delay.approximate ? ' (approximate: a date has no time zone)' : ''}`);
    lines.push(`  author     ${c.authors.verdict}`);
  }
  // Each entry is one line: a line break in it came from a page.
  return lines.map(oneLine).join('\n');
}

const OUTCOME: Record<Verification['outcome'], string> = {
  verified: 'ORIGINAL FOUND and compared',
  'named-not-linked': 'the original is named but not linked',
  failed: 'COULD NOT CHECK',
  loop: 'the chain goes round in a loop',
  'too-long': 'the chain is longer than 4 copies; stopped',
  'nothing-to-verify': 'nothing to verify: the page names no source',
};
