/**
 * The engine's two halves: what the content script sends (digestPage) must
 * carry everything the rules need, survive the trip as a message (Chrome
 * serialises messages as JSON) and pass the background's boundary check —
 * on every real page, and within its limits on pages built to exceed them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyse, detect } from '../../core/detect';
import { digestPage } from '../../core/digest';
import { DIGEST_LIMITS } from '../../core/digest-limits';
import { parseRequest } from '../../lib/messages';
import { loadCorpus } from './corpus-helpers';

const fixtures = join(__dirname, '../fixtures');
function htmlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? htmlFiles(path) : entry.endsWith('.html') ? [path] : [];
  });
}

const pages = [
  ...loadCorpus().map((page) => ({ name: page.name, html: page.html, url: page.url })),
  ...htmlFiles(fixtures).map((file) => ({
    name: relative(fixtures, file),
    html: readFileSync(file, 'utf8'),
    url: `https://${relative(fixtures, file).replace(/index\.html$/, '')}`,
  })),
];
const doc = (html: string) => parseHTML(html).document as unknown as Document;
const withoutTime = <T extends { engineMs: number }>(record: T) => ({ ...record, engineMs: 0 });

describe('the digest the content script sends', () => {
  it(`gives the rules everything: analyse(the digest, sent as JSON) is detect(the page) on all ${pages.length} real pages and fixtures`, () => {
    expect(pages.length).toBeGreaterThan(100);
    for (const page of pages) {
      const digest = digestPage(doc(page.html), page.url);
      const sent = JSON.parse(JSON.stringify({ type: 'page-scanned', digest })) as unknown;
      const request = parseRequest(sent);
      expect(request, `${page.name}: the background refused its digest`).not.toBeNull();
      const received = request && 'digest' in request ? request.digest : digest;
      expect(withoutTime(analyse(received)), page.name).toEqual(withoutTime(detect(doc(page.html), page.url)));
    }
  });

  it('stays within its limits on pages built to exceed them, so the background never refuses one', () => {
    const manyLines = `<article><h1>Lines</h1>${`<p>${'Source link : x<br>'.repeat(200)}</p>`.repeat(100)}</article>`;
    const manyKeys = `<head><meta property="${Array.from({ length: 5_000 }, (_, i) => `k${i}`).join(' ')}" content="v"><link rel="${'r '.repeat(2_000)}" href="/x"><meta name="${'n'.repeat(5_000)}" content="long key"></head><body><h1>Keys</h1></body>`;
    const longLink = `<article><h1>Link</h1><p>Source: ${'<a href="https://example.com/">x</a>'.repeat(1_000)}<a href="https://example.com/${'p'.repeat(10_000)}">${'t'.repeat(10_000)}</a></p><p>${' '.repeat(50_000)}${'word '.repeat(20_000)}</p></article>`;
    const portal = `<body><h1>Story</h1><my-very-long-custom-element-name-that-goes-on-and-on-and-on class="provider-name">Partner</my-very-long-custom-element-name-that-goes-on-and-on-and-on></body>`;
    for (const [html, url] of [
      [manyLines, 'https://a.example/'],
      [manyKeys, 'https://b.example/'],
      [longLink, 'https://c.example/'],
      [portal, 'https://www.msn.com/x'],
    ] as const) {
      const digest = digestPage(doc(`<!doctype html><html>${html}</html>`), url);
      expect(digest.lines.length).toBeLessThanOrEqual(DIGEST_LIMITS.lines);
      expect(parseRequest(JSON.parse(JSON.stringify({ type: 'page-scanned', digest }))), url).not.toBeNull();
    }
  });

  it('a page that cannot be read gives an empty, quiet digest, never an exception', () => {
    const broken = {
      querySelectorAll: () => {
        throw new Error('hostile');
      },
    } as unknown as Document;
    const digest = digestPage(broken, 'https://x.example/');
    expect(digest.quiet).toBe(true);
    expect(analyse(digest).isArticle).toBe(false);
  });

  describe("byline markup, read as the rules read it: the article's own before the page's, each selector in order, up to the first name", () => {
    const page = (header: string, article: string) =>
      doc(
        `<html><head><title>T</title></head><body><header>${header}</header><article><h1>Headline</h1>${article}<p>Text of the story.</p></article></body></html>`,
      );
    const url = 'https://news.example/story';

    it("takes the article's own byline over an earlier, more specific one in the site's header, and reads no further", () => {
      const digest = digestPage(page('<div class="byline">By Header Person</div>', '<span class="author">Jane Roe</span>'), url);
      expect(digest.bylines).toHaveLength(1);
      expect(analyse(digest).page.author).toBe('Jane Roe');
    });

    it("falls back to the page's byline when the article has none", () => {
      const digest = digestPage(page('<div class="byline">By Header Person</div>', ''), url);
      expect(digest.bylines).toHaveLength(2);
      expect(analyse(digest).page.author).toBe('Header Person');
    });

    it('goes past a matched text that is no name to the next selector', () => {
      const digest = digestPage(page('', '<div class="byline">Updated 3 hours ago</div><p class="writer">Sam Poe</p>'), url);
      expect(analyse(digest).page.author).toBe('Sam Poe');
    });

    it('a structured author (a meta tag) means no byline markup is read', () => {
      const html = `<html><head><meta name="author" content="Meta Name"></head><body><article><h1>H</h1><span class="author">Jane Roe</span><p>x</p></article></body></html>`;
      const digest = digestPage(doc(html), url);
      expect(digest.bylines).toEqual([]);
      expect(analyse(digest).page.author).toBe('Meta Name');
    });
  });

  describe('credit words: a label just before a colon (any white space between), or a phrase', () => {
    const bare = (body: string) => doc(`<html><head><title>Page</title></head><body><div>Menu</div>${body}</body></html>`);
    const url = 'https://farm.example/story';

    it('a bare page with a label, white space and line breaks before its colon is read, and the line kept', () => {
      const digest = digestPage(bare('<p>Quelle \n\n        ：\n <a href="https://www.spiegel.de/a">spiegel.de</a></p>'), url);
      expect(digest.quiet).toBe(false);
      expect(digest.lines.map((line) => line.text)).toContain('Quelle ： spiegel.de');
    });

    it('a bare page with a credit phrase and no colon is read', () => {
      expect(digestPage(bare('<p>This article originally appeared on <a href="https://x.example/">X</a>.</p>'), url).quiet).toBe(false);
    });

    it('colons after other words, and credit words with no colon, leave a bare page quiet', () => {
      expect(digestPage(bare('<p>Opening hours: 9 to 5. Price: 3 euros.</p><p>Source code and article archive</p>'), url).quiet).toBe(true);
    });

    it('at the end of an article, only blocks holding a credit word, a copyright or a label become lines', () => {
      const html = `<html><body><article><h1>H</h1><p>First paragraph of the story.</p><p>Plain closing paragraph.</p><p>Author\n :  Jane Roe</p><p>© 2025 Some Outlet</p></article></body></html>`;
      const texts = digestPage(doc(html), 'https://news.example/a').lines.map((line) => line.text);
      expect(texts).toEqual(['Author : Jane Roe', '© 2025 Some Outlet']);
    });
  });
});
