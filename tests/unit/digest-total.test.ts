/**
 * The digest's total size (issue 16): each field has its limit (DIGEST_LIMITS),
 * and the whole digest has one too (DIGEST_LIMITS.total, characters of its
 * JSON), which the content script keeps to and the background holds it to.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { digestPage } from '@/core/digest';
import { DIGEST_LIMITS } from '@/core/digest-limits';
import { digestSizeProblem, parseRequest, toPageDigest } from '@/lib/messages';
import { sampleDigest } from './sample-record';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const chars = (value: unknown) => JSON.stringify(value).length;

/**
 * An article whose head holds as much as each field may keep: 400 meta tags with long names and values, 50
 * link tags with long addresses, two JSON-LD scripts just under their own limit. 1.2 million characters in
 * all, every field within its limit.
 */
function heavyPage(): string {
  const blob = (n: number) => JSON.stringify({ '@type': 'NewsArticle', headline: `Heavy ${n}`, articleBody: 'w'.repeat(299_000) });
  const metas = Array.from({ length: 400 }, (_, i) => `<meta name="k${i}-${'n'.repeat(280)}" content="${'v'.repeat(1_000)}">`).join('');
  const links = Array.from({ length: 50 }, (_, i) => `<link rel="r${i}" href="https://example.com/${i}/${'p'.repeat(1_950)}">`).join('');
  return `<!doctype html><html><head><title>Heavy</title>${metas}${links}
<script type="application/ld+json">${blob(1)}</script><script type="application/ld+json">${blob(2)}</script></head>
<body><article><h1>Heavy</h1><p>${'The council met on Tuesday. '.repeat(20)}</p>
<p>Source link : <a href="https://usa-news.biz/first/">USA NEWS</a></p>
<p>Copyright for syndicated content belongs to the linked Source.</p></article></body></html>`;
}

describe('the digest as a whole', () => {
  it('a page built to exceed the total gives a digest within it, which the background accepts: the last JSON-LD goes, the lines stay', () => {
    const digest = digestPage(doc(heavyPage()), 'https://heavy.example/story/');
    expect(chars(digest)).toBeLessThanOrEqual(DIGEST_LIMITS.total);
    expect(digest.jsonLd).toHaveLength(1);
    expect(digest.jsonLd[0]).toContain('Heavy 1');
    expect(digest.meta).toHaveLength(400);
    expect(digest.lines.map((line) => line.text)).toEqual([
      'Source link : USA NEWS',
      'Copyright for syndicated content belongs to the linked Source.',
    ]);
    expect(digestSizeProblem(digest)).toBeNull();
    expect(parseRequest(JSON.parse(JSON.stringify({ type: 'page-scanned', digest })))).not.toBeNull();
  });

  it('an ordinary page loses nothing to the total', () => {
    const digest = sampleDigest();
    expect(chars(digest)).toBeLessThan(DIGEST_LIMITS.total / 10);
    expect(digest.lines.map((line) => line.text)).toContain('Copyright for syndicated content belongs to the linked Source.');
  });

  it('the background refuses a digest over the total though each field keeps its limit, and says why', () => {
    // 400 lines of 4,000 characters: every field within its limit, 1.6 million characters in all.
    const line = { text: 'x'.repeat(DIGEST_LIMITS.lineChars), links: [], region: 'article-end' as const };
    const oversized = { ...sampleDigest(), lines: Array.from({ length: DIGEST_LIMITS.lines }, () => line) };
    expect(chars(oversized)).toBeGreaterThan(DIGEST_LIMITS.total);
    expect(toPageDigest(oversized)).toBeNull();
    expect(parseRequest({ type: 'page-scanned', digest: oversized })).toBeNull();
    expect(digestSizeProblem(oversized)).toBe(
      `The page's digest is ${chars(oversized)} characters long as JSON, over the ${DIGEST_LIMITS.total} a digest may hold: refused.`,
    );

    // The same lines, as many as fit: accepted.
    const fitting = { ...oversized, lines: oversized.lines.slice(0, 200) };
    expect(chars(fitting)).toBeLessThanOrEqual(DIGEST_LIMITS.total);
    expect(digestSizeProblem(fitting)).toBeNull();
    expect(toPageDigest(fitting)).not.toBeNull();
  });
});
