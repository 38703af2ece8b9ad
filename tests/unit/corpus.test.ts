/**
 * The engine over 130 real pages (Mozilla Readability's test corpus, with
 * syndication labels in pages.json). Prints the figures and asserts the bars:
 * headline ≥ 95 %, author ≥ 85 % of pages with one, all 6 syndicated pages
 * found with their original publisher, none of the 124 originals flagged.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detect } from '../../core/detect';
import type { Provenance } from '../../core/types';
import { sameAuthor, sameHeadline, sameOutlet } from '../corpus/compare';
import { loadCorpus, type CorpusPage } from './corpus-helpers';

describe('corpus: real pages', () => {
  const pages = loadCorpus();
  const results = new Map<string, Provenance>();
  for (const page of pages) {
    const { document } = parseHTML(page.html);
    results.set(page.name, detect(document as unknown as Document, page.url));
  }

  it('figures', () => {
    const headlineMisses: string[] = [];
    const authorMisses: string[] = [];
    const dateMisses: string[] = [];
    let withAuthor = 0;
    let withDate = 0;
    for (const page of pages) {
      const result = results.get(page.name)!;
      if (page.expected.title && !sameHeadline(result.page.headline, page.expected.title))
        headlineMisses.push(`${page.name}: "${result.page.headline}" ≠ "${page.expected.title}"`);
      if (page.expected.byline) {
        withAuthor++;
        if (!sameAuthor(result.page.author, page.expected.byline))
          authorMisses.push(`${page.name}: "${result.page.author}" ≠ "${page.expected.byline.replace(/\s+/g, ' ')}"`);
      }
      if (page.expected.publishedTime) {
        withDate++;
        if (result.page.publishedAt?.slice(0, 10) !== page.expected.publishedTime.slice(0, 10))
          dateMisses.push(`${page.name}: ${result.page.publishedAt} ≠ ${page.expected.publishedTime}`);
      }
    }
    const withTitle = pages.filter((p) => p.expected.title).length;
    const headlinePct = (100 * (withTitle - headlineMisses.length)) / withTitle;
    const authorPct = (100 * (withAuthor - authorMisses.length)) / withAuthor;
    const datePct = (100 * (withDate - dateMisses.length)) / withDate;
    console.log(
      `headline ${headlinePct.toFixed(1)} % of ${withTitle}; author ${authorPct.toFixed(1)} % of ${withAuthor}; publish date (day) ${datePct.toFixed(1)} % of ${withDate}`,
    );
    if (process.env.PROVENANCE_VERBOSE)
      console.log(['headline misses:', ...headlineMisses, 'author misses:', ...authorMisses, 'date misses:', ...dateMisses].join('\n  '));
    expect(headlinePct).toBeGreaterThanOrEqual(95);
    expect(authorPct).toBeGreaterThanOrEqual(85);
  });

  it('finds every syndicated page with its original publisher', () => {
    const syndicated = pages.filter((p) => p.syndicated);
    const report = syndicated.map((page: CorpusPage) => {
      const result = results.get(page.name)!;
      return {
        name: page.name,
        found: result.syndicated,
        publisher: result.original?.publisher ?? null,
        ok: result.syndicated && sameOutlet(result.original?.publisher, page.originalPublisher ?? ''),
      };
    });
    console.log(
      `syndicated found: ${report.filter((r) => r.found).length}/${syndicated.length}, with the right publisher: ${report.filter((r) => r.ok).length}`,
    );
    for (const r of report) if (!r.ok) console.log(`  missed ${r.name}: found=${r.found} publisher=${r.publisher}`);
    expect(report.filter((r) => !r.ok)).toEqual([]);
  });

  it('flags none of the originals', () => {
    const flagged = pages
      .filter((p) => !p.syndicated && results.get(p.name)!.syndicated)
      .map(
        (p) =>
          `${p.name}: ${results
            .get(p.name)!
            .signals.map((s) => `${s.kind} ${s.detail}`)
            .join('; ')}`,
      );
    console.log(`originals flagged: ${flagged.length}/${pages.filter((p) => !p.syndicated).length}`);
    for (const line of flagged) console.log(`  ${line}`);
    expect(flagged).toEqual([]);
  });
});
