/** Property tests: hostile input never breaks the engine, and output always fits the schema. */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detect } from '../../core/detect';
import type { Provenance } from '../../core/types';

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function checkSchema(r: Provenance): void {
  expect(typeof r.url).toBe('string');
  expect(typeof r.syndicated).toBe('boolean');
  expect(typeof r.isArticle).toBe('boolean');
  expect(r.confidence).toBeGreaterThanOrEqual(0);
  expect(r.confidence).toBeLessThanOrEqual(1);
  expect(Array.isArray(r.chain) && Array.isArray(r.signals) && Array.isArray(r.page.authors)).toBe(true);
  for (const link of [r.sourceUrl, r.original?.url, ...r.chain.map((h) => h.url)]) {
    if (link !== null && link !== undefined) expect(link).toMatch(/^https?:\/\//);
  }
  expect(() => JSON.parse(JSON.stringify(r))).not.toThrow();
}

const fragment = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '<p>Source link : <a href="javascript:alert(1)">x</a></p>',
    '<p>Source link : data:text/html,evil</p>',
    '<link rel="canonical" href="javascript:alert(1)">',
    '<meta name="syndication-source" content="vbscript:x">',
    '<p>This article originally appeared on <a href="data:text/html,x">The Atlantic</a>.</p>',
    '<script type="application/ld+json">{"@type":"NewsArticle","isBasedOn":"javascript:alert(1)","author":[null,1,{"name":{}}]}</script>',
    '<script type="application/ld+json">[[[[{"@graph":[{"@graph":null}]}]]]]</script>',
    '<p>The post <a href="file:///x">X – The Washington Post</a> first appeared on <a href="chrome-extension://a/b">Y</a>.</p>',
    '<p>MOSCOW (AP) — </p>',
    '<br><br><br>',
    '<div><p><div>',
    '</article></body>',
    '<article>',
    '<time datetime="9999-99-99">x</time>',
  ),
);

describe('detect on arbitrary markup', () => {
  it('never throws and always fits the schema; javascript:/data: never become links', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 12 }), fc.oneof(fc.webUrl(), fc.string()), (parts, url) => {
        const r = detect(parse(`<html><head></head><body><article>${parts.join('')}</article></body></html>`), url);
        checkSchema(r);
      }),
      { numRuns: 300 },
    );
  });

  it('a 5 MB JSON-LD blob is skipped within budget', () => {
    const blob = `{"@type":"NewsArticle","headline":"x","filler":"${'a'.repeat(5_000_000)}"}`;
    const doc = parse(`<html><head><script type="application/ld+json">${blob}</script><title>Big</title></head><body><p>Hi</p></body></html>`);
    const r = detect(doc, 'https://example.com/a');
    checkSchema(r);
    expect(r.engineMs).toBeLessThan(100);
  });

  it('a 10,000-deep DOM finishes within budget', () => {
    const depth = 10_000;
    const doc = parse(`<html><body>${'<div>'.repeat(depth)}<p>Source link : https://other.example/x</p>${'</div>'.repeat(depth)}</body></html>`);
    const r = detect(doc, 'https://example.com/a');
    checkSchema(r);
    expect(r.engineMs).toBeLessThan(500);
  });

  it('returns a valid record for a document with nothing in it', () => {
    checkSchema(detect(parse(''), ''));
    checkSchema(detect({} as Document, 'https://example.com/'));
  });
});
