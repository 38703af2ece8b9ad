/**
 * Issue 16: a page cannot make the engine's JSON-LD readers overflow the
 * stack. JSON.parse reads 20,000 nested objects without recursion, but a
 * reader that recursed into them (textOf following `name` inside `name`…,
 * JSON.stringify of a nested `@type`) threw, and the analysis came back as an
 * empty record: the page escaped detection. Every JSON-LD value is walked to a
 * bounded depth (core/jsonld.ts MAX_DEPTH).
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { DIGEST_LIMITS } from '../../core/digest-limits';
import { namesOf, textOf } from '../../core/jsonld';
import { detect } from '../../core/detect';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const DEPTH = 20_000;

/** `{"name":{"name":…"Jane Doe"…}}`, DEPTH deep. */
const nestedName = (leaf: string) => `${'{"name":'.repeat(DEPTH)}${JSON.stringify(leaf)}${'}'.repeat(DEPTH)}`;
/** `[[[…"x"…]]]`, DEPTH deep. */
const nestedArray = (leaf: string) => `${'['.repeat(DEPTH)}${JSON.stringify(leaf)}${']'.repeat(DEPTH)}`;

/** A syndicated copy (a WordPress feed footer) whose JSON-LD author is nested DEPTH deep. */
function page(jsonLd: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Council votes on the harbour plan</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Daily Harbour Digest">
<script type="application/ld+json">${jsonLd}</script></head>
<body><main><article><h1>Council votes on the harbour plan</h1>
<p>${'The council met on Tuesday evening and voted on the plan after a long debate about costs. '.repeat(3)}</p>
<p>${'Residents who spoke at the meeting asked for more time to read the proposal. '.repeat(3)}</p>
<p>The post <a href="https://www.harbourtimes.example/2024/03/04/council-votes/">Council votes on the harbour plan</a> appeared first on <a href="https://www.harbourtimes.example/">Harbour Times</a>.</p>
</article></main></body></html>`;
}

describe('JSON-LD nested deeper than any real page', () => {
  it('the fixtures fit in the digest: the nesting is inside the size cap', () => {
    const author = `{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council votes on the harbour plan","datePublished":"2024-03-04T09:30:00+00:00","author":${nestedName('Jane Doe')}}`;
    expect(author.length).toBeLessThan(DIGEST_LIMITS.jsonLdChars);
    expect(() => JSON.parse(author)).not.toThrow();
  });

  it('textOf and namesOf stop at a bounded depth instead of overflowing the stack', () => {
    const deep = JSON.parse(nestedName('Jane Doe')) as unknown;
    expect(() => textOf(deep)).not.toThrow();
    expect(textOf(deep)).toBeNull();
    expect(namesOf([deep, 'John Roe'])).toEqual(['John Roe']);
    expect(textOf(JSON.parse(nestedArray('x')))).toBeNull();
    // The shapes real pages use still read.
    expect(textOf({ name: { '@value': 'Jane Doe' } })).toBe('Jane Doe');
    expect(textOf([{ name: 'Jane Doe' }])).toBe('Jane Doe');
  });

  it('a page with a 20,000-deep JSON-LD author keeps its syndication signals and its metadata', () => {
    const jsonLd = `{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council votes on the harbour plan","datePublished":"2024-03-04T09:30:00+00:00","author":${nestedName('Jane Doe')}}`;
    const record = detect(doc(page(jsonLd)), 'https://www.harbourdigest.example/council-votes/');
    expect(record.signals.map((s) => s.detail)).not.toContain('The page could not be analysed');
    expect(record.syndicated).toBe(true);
    expect(record.signals.some((s) => s.kind === 'wordpress-feed-footer')).toBe(true);
    expect(record.original?.publisher).toBe('Harbour Times');
    expect(record.page.headline).toBe('Council votes on the harbour plan');
    expect(record.page.publishedAt).toBe('2024-03-04T09:30:00Z');
    expect(record.page.siteName).toBe('Daily Harbour Digest');
  });

  it('a deep @type, author array or publisher does not cost the analysis either', () => {
    const jsonLd = `[{"@type":"NewsArticle","headline":"Council votes on the harbour plan","datePublished":"2024-03-04T09:30:00+00:00","author":${nestedArray('Jane Doe')},"publisher":${nestedName('Harbour Digest')}},{"@type":${nestedArray('Comment')},"datePublished":"2024-03-05T10:00:00Z"}]`;
    expect(jsonLd.length).toBeLessThan(DIGEST_LIMITS.jsonLdChars);
    const record = detect(doc(page(jsonLd)), 'https://www.harbourdigest.example/council-votes/');
    expect(record.signals.map((s) => s.detail)).not.toContain('The page could not be analysed');
    expect(record.syndicated).toBe(true);
    expect(record.page.headline).toBe('Council votes on the harbour plan');
    expect(record.page.publishedAt).toBe('2024-03-04T09:30:00Z');
  });
});
