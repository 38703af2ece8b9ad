/**
 * cli/indexed-dom.ts answers tag and class lookups, and querySelector, from one walk. It must answer exactly
 * what linkedom answers: here the engine's record for every page of both corpora and the fixture web, parsed
 * plain and indexed, and the lookups themselves on awkward markup and on real pages.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../core/detect';
import { parseForEngine, parseHtml } from '../../cli/load';
import { fixtureWebPages, loadCorpus, loadHtmldateCorpus } from './corpus-helpers';

const record = (doc: Document, url: string) => {
  const { engineMs: _, ...rest } = detect(doc, url);
  return rest;
};

/** Selectors of the kinds the digest asks (core/digest.ts), and a few the index leaves to linkedom. */
const SELECTORS = [
  'h1',
  'p',
  'article',
  '[itemprop]',
  '[itemprop="datePublished"]',
  '[itemprop="articleBody"]',
  '[itemprop="author"] [itemprop="name"]',
  '[class*="yline"]',
  '[class*="Byline"]',
  '[class^="art"]',
  '[id$="content"]',
  '[rel="author"]',
  '[role="main"]',
  '.byline',
  'header .byline',
  'div[itemprop]',
  'time[datetime]',
  'a[href*="//"]',
  'main > p',
  'h1, h2',
];

describe('indexed lookups', () => {
  it('answer querySelector as linkedom does on real pages, on the document and inside its elements', () => {
    const pages = [...loadCorpus().filter((_, i) => i % 4 === 0), ...loadHtmldateCorpus().filter((_, i) => i % 40 === 0), ...fixtureWebPages()];
    const differ: string[] = [];
    for (const page of pages) {
      const plain = parseHtml(page.html);
      const indexed = parseForEngine(page.html);
      const everyPlain = Array.from(plain.querySelectorAll('*'));
      const everyIndexed = Array.from(indexed.querySelectorAll('*'));
      const scopes = (doc: Document, every: Element[]) => [
        doc,
        doc.body,
        doc.querySelector('article'),
        doc.querySelector('main'),
        every[Math.floor(every.length / 3)],
      ];
      const plainScopes = scopes(plain, everyPlain);
      const indexedScopes = scopes(indexed, everyIndexed);
      for (const selector of SELECTORS)
        plainScopes.forEach((scope, s) => {
          const want = scope ? everyPlain.indexOf(scope.querySelector(selector)!) : -2;
          const got = indexedScopes[s] ? everyIndexed.indexOf(indexedScopes[s]!.querySelector(selector)!) : -2;
          if (got !== want) differ.push(`${page.url} scope ${s} ${selector}: ${got} ≠ ${want}`);
        });
    }
    expect(pages.length).toBeGreaterThan(50);
    expect(differ).toEqual([]);
  }, 300_000);

  it('give the engine the same record as linkedom’s own, on the corpus and fixture pages', () => {
    // All of the readability corpus and the fixture web, and every third htmldate page (the whole set takes minutes).
    const pages = [...loadCorpus(), ...loadHtmldateCorpus().filter((_, i) => i % 3 === 0), ...fixtureWebPages()];
    expect(pages.length).toBeGreaterThan(400);
    const differ: string[] = [];
    for (const page of pages) {
      if (JSON.stringify(record(parseForEngine(page.html), page.url)) !== JSON.stringify(record(parseHtml(page.html), page.url)))
        differ.push(page.url);
    }
    expect(differ).toEqual([]);
  }, 600_000);

  it('answer each lookup as linkedom does: nesting, case, several classes, templates, a document changed before indexing', () => {
    const html = `<html><head><title>t</title></head><body>
      <div id="a" class="x  y"><p class="x">1</p><section><p class="y z">2</p><P>3</P></section></div>
      <template><p class="x">in template</p></template>
      <svg><linearGradient class="x"></linearGradient></svg>
      <div id="b"><span class="x"></span></div></body></html>`;
    const plain = parseHtml(html);
    const indexed = parseForEngine(html);
    const ids = (list: ArrayLike<Element>) => Array.from(list, (el) => `${el.localName}.${el.getAttribute('class') ?? ''}.${el.textContent}`);
    // `*`: what a browser answers (every element, a template's contents apart), where linkedom answers nothing;
    // the digest falls back to querySelectorAll('*') on linkedom (core/digest.ts allElements), which lists the same.
    expect(ids(plain.getElementsByTagName('*'))).toEqual([]);
    expect(ids(indexed.getElementsByTagName('*'))).toEqual(ids(plain.querySelectorAll('*')));
    expect(ids(indexed.getElementById('a')!.getElementsByTagName('*'))).toEqual(ids(plain.getElementById('a')!.querySelectorAll('*')));
    for (const tag of ['p', 'P', 'div', 'DIV', 'section', 'lineargradient', 'linearGradient', 'LINEARGRADIENT', 'span', 'template', 'nope']) {
      expect(ids(indexed.getElementsByTagName(tag)), tag).toEqual(ids(plain.getElementsByTagName(tag)));
      for (const id of ['a', 'b'])
        expect(ids(indexed.getElementById(id)!.getElementsByTagName(tag)), `${id} ${tag}`).toEqual(
          ids(plain.getElementById(id)!.getElementsByTagName(tag)),
        );
    }
    for (const name of ['x', 'y', 'z', 'x y', 'nope']) {
      expect(ids(indexed.getElementsByClassName(name)), name).toEqual(ids(plain.getElementsByClassName(name)));
      expect(ids(indexed.getElementById('a')!.getElementsByClassName(name)), name).toEqual(
        ids(plain.getElementById('a')!.getElementsByClassName(name)),
      );
    }
    expect(ids(indexed.body.querySelectorAll('*'))).toEqual(ids(plain.body.querySelectorAll('*')));
    // querySelector, on the document and inside an element, for the selectors the index answers and others.
    for (const selector of [
      'p',
      '.x',
      '.y',
      'section p',
      '[class]',
      '[class*="y"]',
      '[class="x"]',
      '[class^="x "]',
      '[class$="z"]',
      'div [class*=""]',
      'nope',
      'p:first-child',
      'P',
    ])
      for (const scope of [(d: Document) => d, (d: Document) => d.getElementById('a')!, (d: Document) => d.querySelector('template')!]) {
        const at = (d: Document, el: Element | null) => (el ? ids([el])[0] : null);
        expect(at(indexed, scope(indexed).querySelector(selector)), selector).toEqual(at(plain, scope(plain).querySelector(selector)));
      }
    // A document not indexed keeps linkedom's own answers, beside an indexed one.
    const other = parseHtml('<p class="x">only</p>');
    expect(ids(other.getElementsByClassName('x'))).toEqual(['p.x.only']);
  });
});
