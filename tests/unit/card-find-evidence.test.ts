/**
 * Finding a piece of evidence in the page's text (lib/find-evidence.ts), the
 * content script's half of "click the evidence, see it on the page": across
 * nodes, whitespace ignored, never in what a reader does not see.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { locateEvidence } from '@/lib/find-evidence';
import { clip } from '@/core/text';

const page = (body: string) =>
  parseHTML(
    `<!doctype html><html><head><title>T</title><meta name="syndication-source" content="https://example.org/a"></head><body>${body}</body></html>`,
  ).document as unknown as Document;

/** The text between the found first and last characters, as the range would hold it. */
function quoted(found: ReturnType<typeof locateEvidence>, doc: Document): string | null {
  if (!found) return null;
  const walker = doc.createTreeWalker(doc.body, 4);
  let out = '';
  let inside = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const from = node === found.first[0] ? found.first[1] : 0;
    if (node === found.first[0]) inside = true;
    if (!inside) continue;
    if (node === found.last[0]) return out + node.data.slice(from, found.last[1] + 1);
    out += node.data.slice(from);
  }
  return null;
}

describe('locateEvidence', () => {
  it('finds a quote split over a link and inline elements, whitespace and line breaks ignored', () => {
    const doc = page('<article><p>Intro.</p><p>Source link :\n  <a href="https://usa-news.biz/a">https://usa<b>-news</b>.biz/a</a></p></article>');
    const found = locateEvidence(doc, 'Source link : https://usa-news.biz/a');
    expect(found).not.toBeNull();
    expect(found!.first[0].data).toBe('Source link :\n  ');
    expect(found!.first[1]).toBe(0);
    expect(found!.last[0].data).toBe('.biz/a');
    expect(found!.last[1]).toBe(5);
    expect(quoted(found, doc)).toBe('Source link :\n  https://usa-news.biz/a');
  });

  it('finds a quote the engine clipped with an ellipsis, and one in quotation marks', () => {
    const long = 'Copyright for syndicated content belongs to the linked Source. '.repeat(6).trim();
    const doc = page(`<footer><p>${long}</p></footer>`);
    const clipped = clip(long, 100);
    expect(clipped.endsWith('…')).toBe(true);
    expect(quoted(locateEvidence(doc, clipped), doc)).toBe(clipped.slice(0, -1));
    expect(locateEvidence(doc, '“Copyright for syndicated content”')).not.toBeNull();
  });

  it('finds a quoted link by its text, and nothing for a tag alone', () => {
    const doc = page(
      '<p>This story was originally published by <a href="https://www.propublica.org/article/x">ProPublica</a>, a nonprofit newsroom.</p>',
    );
    const found = locateEvidence(doc, '<a href="https://www.propublica.org/article/x">ProPublica</a>');
    expect(found!.first[0].data).toBe('ProPublica');
    expect(quoted(found, doc)).toBe('ProPublica');
    expect(locateEvidence(doc, '<link rel="canonical" href="https://www.propublica.org/article/x">')).toBeNull();
  });

  it('starts at the quote, not at an earlier partial match', () => {
    const doc = page('<p>The post was seen.</p><p>The post U.S. talks first appeared on USA NEWS.</p>');
    const found = locateEvidence(doc, 'The post U.S. talks first appeared on USA NEWS.');
    expect(found!.first[0].data).toBe('The post U.S. talks first appeared on USA NEWS.');
  });

  it('does not find what is only in the markup: meta tags, scripts, styles, the title', () => {
    const doc = page('<script>var credit = "Washington Post wire";</script><style>.x{content:"Reuters"}</style><p>Local news.</p>');
    expect(locateEvidence(doc, 'https://example.org/a')).toBeNull();
    expect(locateEvidence(doc, 'Washington Post wire')).toBeNull();
    expect(locateEvidence(doc, 'Reuters')).toBeNull();
    expect(locateEvidence(doc, 'T')).toBeNull();
    expect(locateEvidence(doc, '<meta name="syndication-source" content="https://example.org/a">')).toBeNull();
  });

  it('refuses an empty or one-character quote rather than matching anywhere', () => {
    const doc = page('<p>a b c</p>');
    expect(locateEvidence(doc, '')).toBeNull();
    expect(locateEvidence(doc, ' … ')).toBeNull();
    expect(locateEvidence(doc, 'a')).toBeNull();
  });
});
