/**
 * Issue 18: a page's structured data is read once per analysis. The JSON-LD is parsed and flattened once
 * and its article node searched for once (core/structured.ts readStructured, built with the scan), and
 * every rule — page metadata, the article check, the signals — reads that one object: none goes back to
 * core/jsonld.ts. The counts are taken on the running example (meta tags, no JSON-LD) and on a real page
 * with five JSON-LD scripts, one of them a Yoast/AIOSEO @graph.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The real functions, each wrapped in a spy: any module that reaches them through its import is counted.
vi.mock('../../core/jsonld', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../core/jsonld')>();
  return { ...real, flattenJsonLd: vi.fn(real.flattenJsonLd), articleNode: vi.fn(real.articleNode) };
});
vi.mock('../../core/structured', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../core/structured')>();
  return { ...real, readStructured: vi.fn(real.readStructured) };
});

const { detect } = await import('../../core/detect');
const { digestPage } = await import('../../core/digest');
const jsonld = await import('../../core/jsonld');
const structured = await import('../../core/structured');
const { readCorpusPage } = await import('./corpus-helpers');

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const calls = () => ({
  readStructured: vi.mocked(structured.readStructured).mock.calls.length,
  flattenJsonLd: vi.mocked(jsonld.flattenJsonLd).mock.calls.length,
  articleNode: vi.mocked(jsonld.articleNode).mock.calls.length,
});
const ONCE = { readStructured: 1, flattenJsonLd: 1, articleNode: 1 };

describe('structured data read once per analysis', () => {
  beforeEach(() => vi.clearAllMocks());

  it('the running example: one read, and the record still carries what the meta tags say', () => {
    const html = readFileSync(new URL('../fixtures/engine/running-example.html', import.meta.url), 'utf8');
    const record = detect(
      doc(html),
      'https://europedailywire.com/2025/02/22/u-s-russia-hold-first-talks-on-ukraine-without-nato-allies-kyiv-the-washington-post/',
    );
    expect(calls()).toEqual(ONCE);
    expect(record.syndicated).toBe(true);
    expect(record.isArticle).toBe(true);
    expect(record.page.headline).toBeTruthy();
  });

  it('a page with five JSON-LD scripts and a @graph: parsed once, its article found once, its fields used', () => {
    const html = readCorpusPage('htmldate', 'pages/eval/heartlandnewsfeed.com-Christian.html');
    const digest = digestPage(doc(html), 'https://www.heartlandnewsfeed.com/2023/10/27/christian-county-police-blotters/');
    expect(digest.jsonLd).toHaveLength(5);
    expect(digest.jsonLd.filter((text) => text.includes('"@graph"'))).toHaveLength(1);
    vi.clearAllMocks();
    const record = detect(doc(html), 'https://www.heartlandnewsfeed.com/2023/10/27/christian-county-police-blotters/');
    expect(calls()).toEqual(ONCE);
    // What the JSON-LD article gives: its headline and its publish day (htmldate's label: 2023-10-27).
    expect(record.page.headline).toBe('Christian County police blotters');
    expect(record.page.publishedAt?.slice(0, 10)).toBe('2023-10-27');
    // The one read saw every script, the @graph's members included.
    const flattened = vi.mocked(jsonld.flattenJsonLd).mock.results[0]?.value as unknown[];
    expect(flattened.length).toBeGreaterThan(5);
  });

  it('three analyses, three reads: nothing is cached across pages', () => {
    const page = (headline: string) =>
      `<html><head><title>${headline}</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"${headline}","author":{"@type":"Person","name":"Ana Ruiz"}}</script></head><body><article><h1>${headline}</h1><p>${'Text of the story. '.repeat(20)}</p></article></body></html>`;
    const headlines = ['Port strike ends', 'Rail strike begins', 'Bus strike looms'].map(
      (headline) => detect(doc(page(headline)), 'https://news.example/story').page,
    );
    expect(calls()).toEqual({ readStructured: 3, flattenJsonLd: 3, articleNode: 3 });
    expect(headlines.map((page) => page.headline)).toEqual(['Port strike ends', 'Rail strike begins', 'Bus strike looms']);
    expect(headlines.map((page) => page.author)).toEqual(['Ana Ruiz', 'Ana Ruiz', 'Ana Ruiz']);
  });
});
