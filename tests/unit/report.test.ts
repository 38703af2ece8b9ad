/**
 * The report that travels (core/report.ts): Markdown and one self-contained
 * HTML file, built from the running example as the engine reads it and as a
 * real verification against the fixture web finds it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPage } from '@/core/read-page';
import { failureForStatus } from '@/core/fetch-failures';
import { markdownText, reportFileName, reportHtml, reportMarkdown, REPORT_TEXT, type ReportInput } from '@/core/report';
import type { Provenance } from '@/core/types';
import { verifyProvenance, type CachedOriginal, type FetchPage, type Verification } from '@/core/verify';
import { sampleRecord } from './sample-record';
import { main } from '../../cli/main';

const WEB = join(__dirname, '..', 'fixtures', 'web');
const RUNNING_EXAMPLE = 'https://newsharbordaily.com/2025/02/22/u-s-russia-hold-first-talks-on-ukraine-without-nato-allies-kyiv-the-washington-post/';
const NOW = Date.UTC(2026, 11, 5, 8, 0, 0);
const READ_AT = Date.UTC(2026, 11, 5, 7, 55, 0);

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

function fixtureFile(url: string): string | null {
  const { hostname, pathname } = new URL(url);
  const file = join(WEB, hostname.replace(/^www\./, ''), pathname, pathname.endsWith('/') ? 'index.html' : '');
  return existsSync(file) ? file : null;
}

const fetchPage: FetchPage = async (url) => {
  const file = fixtureFile(url);
  if (!file) return failureForStatus(404, url);
  return { ok: true, finalUrl: url, status: 200, redirects: [], html: readFileSync(file, 'utf8'), etag: null, lastModified: null };
};

async function verified(record: Provenance, text: string): Promise<Verification> {
  const memory = new Map<string, CachedOriginal>();
  return verifyProvenance(record, text, {
    fetchPage,
    parsePage: async (html, url) => readPage(parse(html), url),
    cache: { get: async (key) => memory.get(key), put: async (entry) => void memory.set(entry.key, entry) },
    ttlMs: 0,
    now: () => NOW - 60_000,
  });
}

let record: Provenance;
let verification: Verification;
let input: ReportInput;

beforeAll(async () => {
  const page = readPage(parse(readFileSync(fixtureFile(RUNNING_EXAMPLE)!, 'utf8')), RUNNING_EXAMPLE);
  record = page.record;
  verification = await verified(record, page.text);
  expect(verification.outcome).toBe('verified');
  input = {
    record,
    verification,
    verdict: { label: 'Copy of a Washington Post story', detail: 'scraped by a feed site, no licence shown' },
    readAt: READ_AT,
    now: NOW,
    version: '9.8.7',
  };
});

/** The visible text of an HTML report, as a reader sees it. */
function htmlText(html: string): string {
  return (parse(html).body.textContent ?? '').replace(/\s+/g, ' ');
}

/** Markdown as a reader sees it once rendered: backslash escapes removed. */
const unescapeMd = (text: string) => text.replace(/\\([\\`*_[\]<>#|!~&:.+\-)])/g, '$1');

describe('the Markdown report', () => {
  it('has the verdict and kind, the chain with URLs, every piece of evidence with where it was found, dates, comparison, times and version', () => {
    const md = reportMarkdown(input);
    const seen = unescapeMd(md);
    expect(md.startsWith('# Provenance report: ')).toBe(true);
    expect(seen).toContain('**Copy of a Washington Post story** · scraped by a feed site, no licence shown');
    // The chain: this page, USA NEWS, the Post, each with its address as a link.
    expect(md).toContain(`(${RUNNING_EXAMPLE})`);
    for (const hop of record.chain) if (hop.url) expect(md).toContain(`(${hop.url})`);
    for (const hop of verification.hops) expect(md).toContain(`(${hop.finalUrl})`);
    // Every signal, quoted, with its location.
    expect(record.signals.length).toBeGreaterThanOrEqual(3);
    for (const signal of record.signals) {
      expect(seen).toContain(signal.detail.replace(/\s+/g, ' '));
      expect(seen).toContain(`> ${signal.evidence.text.replace(/\s+/g, ' ').trim()}`);
      expect(seen).toContain(`found in ${signal.evidence.location}`);
    }
    expect(seen).toContain('2025-02-22 14:42:26');
    expect(seen).toMatch(/Headline compared with the original:\*\* (Same headline|Lightly edited|Rewritten|A different story) \(\d+ %\)/);
    expect(seen).toMatch(/Text reused:\*\* .+: \d+ % of the original is on this page; \d+ % of this page comes from the original/);
    expect(seen).toContain('Page read: 2026-12-05T07:55:00Z');
    expect(seen).toContain('Compared with the original: 2026-12-05T07:59:00Z');
    expect(seen).toContain('Made with Provenance 9.8.7 on 2026-12-05T08:00:00Z');
  });

  it('the self-reference of a content farm is a finding of its own, not in the evidence', () => {
    const selfRef = {
      kind: 'self-reference' as const,
      detail: 'The source link points back to this site (farm.example)',
      evidence: { text: 'Source link : https://farm.example/x/', location: 'footer paragraph' },
      weight: 0,
    };
    const md = reportMarkdown({ ...input, record: { ...record, signals: [...record.signals, selfRef] } });
    const findings = md.indexOf('## Findings');
    const evidence = md.indexOf('## Evidence');
    expect(findings).toBeGreaterThan(0);
    expect(md.indexOf('points back to this site')).toBeGreaterThan(findings);
    expect(md.indexOf('points back to this site')).toBeLessThan(evidence);
    expect(md).toContain(`## Evidence (${record.signals.length})`);
  });

  it('says when nothing was checked, and names a step without a link', () => {
    const md = reportMarkdown({ record: sampleRecord(), verification: null, readAt: null, now: NOW, version: '1.0.0' });
    expect(md).toContain('Not checked against the original: nothing was fetched.');
    expect(md).toContain('The Washington Post (named but not linked)');
    // Without a verdict from the caller, the record's kind is worded in English.
    expect(md).toContain('**Copy of a Washington Post story** · scraped by a feed site, no licence shown');
  });

  it('keeps page text from becoming markup, links or images', () => {
    const hostile = sampleRecord({
      page: {
        ...sampleRecord().page,
        headline: '<img src=x onerror=alert(1)> ![x](https://evil.example/t.png) [click](https://evil.example) **bold** `code` # Heading',
      },
      signals: [
        {
          kind: 'copyright',
          detail: '| table | row |',
          evidence: { text: '<script>alert(1)</script>\n- item\n> quote https://evil.example', location: '<footer>' },
          weight: 0.3,
        },
      ],
      chain: [{ url: 'javascript:alert(1)', publisher: '[x](https://evil.example)', site: null }],
    });
    const md = reportMarkdown({ record: hostile, verification: null, readAt: null, now: NOW, version: '1' });
    // No raw HTML, image or link syntax made from the page: every bracket, angle bracket and bang escaped.
    expect(md).not.toMatch(/(^|[^\\])<(img|script)/m);
    expect(md).not.toMatch(/(^|[^\\])!\[/m);
    expect(md).not.toMatch(/(^|[^\\])\[(x|click)(\\?)\]\(/m);
    expect(md).not.toMatch(/(^|[^\\])\*\*bold/m);
    expect(md).not.toContain('](javascript:');
    expect(md).not.toMatch(/https:\/\/evil/);
    // A line break in the page's quote cannot start a list or a heading: the quote stays on its line.
    expect(md).toContain('> \\<script\\>alert(1)\\</script\\> - item \\> quote https\\://evil.example');
    expect(markdownText('1. not a list')).toBe('1\\. not a list');
    expect(markdownText('- not a list')).toBe('\\- not a list');
  });
});

describe('the HTML report', () => {
  it('is one self-contained file: inline style, no script, no external resource, a policy that forbids them', () => {
    const html = reportHtml(input);
    const doc = parse(html);
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed, svg, video, audio, source, form, base').length).toBe(0);
    expect(doc.querySelectorAll('style').length).toBe(1);
    expect(doc.querySelectorAll('[src], [style], [srcset], [background]').length).toBe(0);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/url\(|@import/);
    const policy = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(policy).toContain("default-src 'none'");
    for (const a of doc.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
  });

  it('holds the same facts as the Markdown report', () => {
    const text = htmlText(reportHtml(input));
    expect(text).toContain('Copy of a Washington Post story · scraped by a feed site, no licence shown');
    for (const signal of record.signals) {
      expect(text).toContain(signal.evidence.text.replace(/\s+/g, ' ').trim());
      expect(text).toContain(`found in ${signal.evidence.location}`);
    }
    const links = [...parse(reportHtml(input)).querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toContain(RUNNING_EXAMPLE);
    for (const hop of verification.hops) expect(links).toContain(hop.finalUrl);
    expect(text).toContain('2025-02-22 14:42:26');
    expect(text).toMatch(/Text reused.+% of the original is on this page/);
    expect(text).toContain('Made with Provenance 9.8.7 on 2026-12-05T08:00:00Z');
  });

  it('shows a hostile headline, credit and address as text and makes nothing of them', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const hostile = sampleRecord({
      url: 'https://evil.example/"><script>alert(1)</script>',
      page: { ...sampleRecord().page, headline: payload, siteName: `"><svg onload=alert(1)>` },
      signals: [
        {
          kind: 'copyright',
          detail: `</title><script>alert(1)</script>`,
          evidence: { text: `</style><img src=x onerror=alert(2)>`, location: '<footer onclick=x>' },
          weight: 0.3,
        },
      ],
      chain: [{ url: 'javascript:alert(1)', publisher: payload, site: null }],
    });
    const html = reportHtml({ record: hostile, verification: null, readAt: null, now: NOW, version: '1' });
    const doc = parse(html);
    expect(doc.querySelectorAll('img, script, svg').length).toBe(0);
    expect(doc.querySelector('h1')?.textContent).toBe(`Provenance report: ${payload}`);
    expect(doc.querySelector('title')?.textContent).toBe(`Provenance report: ${payload}`);
    expect(doc.body.textContent).toContain('</style><img src=x onerror=alert(2)>');
    expect(doc.body.textContent).toContain('found in <footer onclick=x>');
    // A step whose address is not a web address is named as text, never a link.
    expect(html).not.toMatch(/href="(?!https?:)/);
    expect(doc.body.textContent).toContain(`${payload} — javascript:alert(1)`);
    expect([...doc.querySelectorAll('[onerror], [onload], [onclick]')].length).toBe(0);
    expect(doc.querySelectorAll('style').length).toBe(1);
  });

  it("takes another language's strings", () => {
    const html = reportHtml({ ...input, strings: { ...REPORT_TEXT, locale: 'fr', title: 'Rapport de provenance' } });
    expect(parse(html).documentElement.getAttribute('lang')).toBe('fr');
    expect(parse(html).querySelector('h1')?.textContent).toMatch(/^Rapport de provenance: /);
  });

  it('is saved under a name made of the site and the date only', () => {
    expect(reportFileName(record, NOW)).toBe('provenance-report-newsharbordaily.com-2026-12-05.html');
    expect(reportFileName(sampleRecord({ url: 'https://a.example/../../etc' }), NOW)).toBe('provenance-report-a.example-2026-12-05.html');
  });
});

describe('the command line', () => {
  async function run(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('prints the report as Markdown or HTML: provenance inspect <file> --report md|html', async () => {
    const file = fixtureFile(RUNNING_EXAMPLE)!;
    const md = await run(['inspect', file, '--url', RUNNING_EXAMPLE, '--report', 'md']);
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/^# Provenance report: U\.S\., Russia hold first talks/);
    expect(md.out).toMatch(/Made with Provenance \d+\.\d+\.\d+ \(command line\) on \d{4}-\d\d-\d\dT/);
    expect(md.out).toContain('Not checked against the original');
    const html = await run(['inspect', file, '--url', RUNNING_EXAMPLE, '--report', 'html']);
    expect(html.code).toBe(0);
    const doc = parse(html.out);
    expect(doc.querySelectorAll('script').length).toBe(0);
    expect(doc.querySelector('h1')?.textContent).toMatch(/^Provenance report: U\.S\., Russia/);
  });

  it('refuses an unknown format and a report mixed with JSON', async () => {
    const file = fixtureFile(RUNNING_EXAMPLE)!;
    const bad = await run(['inspect', file, '--report', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--report needs md or html, got pdf');
    const mixed = await run(['verify', file, '--url', RUNNING_EXAMPLE, '--report', 'md', '--json']);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain('--report and --json are two outputs');
  });
});
