/**
 * The quiet check (core/quiet.ts), run by the content script before it sends a page: a page it finds quiet
 * sends its URL alone ('page-quiet'), and the background analyses the quiet digest of that URL. That must
 * give the page's verdict: on every page of both corpora, the fixture web and the signal families' examples,
 * a page found quiet gets from its full digest the verdict its URL alone gets. And each thing that makes a
 * page worth reading, in the wordings real pages use, makes it not quiet.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyse } from '@/core/detect';
import { digestPage, quietDigest } from '@/core/digest';
import { literalAlternatives, quietPage } from '@/core/quiet';
import { PIXEL_SCRIPT_SRC, PIXEL_SRC } from '@/core/digest-keep.generated';
import type { Provenance } from '@/core/types';
import { pageWrapper } from '@/core/url';
import { loadCorpus, loadHtmldateCorpus } from './corpus-helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const doc = (html: string) => parseHTML(html).document as unknown as Document;

/** What the reader is told of a page: article or not, copy or not, its kind, the findings that count. */
const verdict = (record: Provenance) => ({
  isArticle: record.isArticle,
  syndicated: record.syndicated,
  kind: record.kind,
  findings: record.signals.filter((signal) => signal.weight > 0).map((signal) => signal.kind),
});

function filesUnder(dir: string, name: (file: string) => boolean): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full, name) : name(entry) ? [full] : [];
  });
}

/** The fixture web's pages, each at the address it is served under (tests/e2e/support/fixture-web.ts). */
function fixtureWebPages(): { name: string; url: string; html: string }[] {
  const web = path.join(root, 'tests/fixtures/web');
  return filesUnder(web, (file) => file === 'index.html').map((file) => {
    const rel = path.relative(web, path.dirname(file)).split(path.sep);
    return {
      name: `web/${rel.join('/')}`,
      url: `https://${rel[0]}/${rel
        .slice(1)
        .map((part) => `${part}/`)
        .join('')}`,
      html: readFileSync(file, 'utf8'),
    };
  });
}

/** The signal families' examples, each at the address its first line gives. */
function signalExamples(): { name: string; url: string; html: string }[] {
  const dir = path.join(root, 'tests/fixtures/signals');
  return filesUnder(dir, (file) => file.endsWith('.html')).map((file) => {
    const text = readFileSync(file, 'utf8');
    const url = /^<!-- url: (\S+) -->\n/.exec(text)?.[1] ?? 'https://example.org/';
    return { name: path.relative(dir, file), url, html: text };
  });
}

/** A shop's home page, as the bench's (scripts/bench-content.ts): navigation, cards, a footer, no article. */
const SHOP = (extra = '', head = '', url = 'https://shop.example/') => ({
  url,
  html: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Example Shop – Home</title><meta name="description" content="Shop everything">${head}</head><body><header><nav><ul><li><a href="/new">New in</a></li><li><a href="/sale">Sale</a></li></ul></nav></header><div id="grid">${Array.from({ length: 40 }, (_, i) => `<div class="card"><a href="/item/${i}"><img src="/i/${i}.png" alt=""><span>Item ${i}</span></a><span class="price">$${i}.99</span></div>`).join('')}</div>${extra}<footer><p>© 2025 Example Shop. All rights reserved.</p></footer></body></html>`,
});

describe('the quiet check', () => {
  it('gives each page it finds quiet the verdict of its full digest (both corpora, the fixture web, the families’ examples)', () => {
    const pages = [
      ...loadCorpus().map((page) => ({ name: `readability/${page.name}`, url: page.url, html: page.html, syndicated: page.syndicated })),
      ...loadHtmldateCorpus().map((page) => ({ name: `htmldate/${page.name}`, url: page.url, html: page.html, syndicated: page.syndicated })),
      ...fixtureWebPages(),
      ...signalExamples(),
      { name: 'shop', ...SHOP() },
    ];
    const quietOnes: string[] = [];
    const wrong: string[] = [];
    for (const page of pages) {
      const document = doc(page.html);
      const quiet = quietPage(document, page.url);
      const digest = digestPage(document, page.url);
      // The digest runs the same check (on a page under its huge-page bound, as all of these are).
      if (digest.quiet !== quiet) wrong.push(`${page.name}: digest quiet ${digest.quiet}, check ${quiet}`);
      if (!quiet) continue;
      quietOnes.push(page.name);
      const full = verdict(analyse(digest));
      const fromUrl = verdict(analyse(quietDigest(page.url)));
      if (JSON.stringify(full) !== JSON.stringify(fromUrl))
        wrong.push(`${page.name}: ${JSON.stringify(full)} read in full, ${JSON.stringify(fromUrl)} from its URL`);
      if ('syndicated' in page && page.syndicated) wrong.push(`${page.name}: labelled a copy, found quiet`);
    }
    console.log(`quiet: ${quietOnes.length} of ${pages.length} pages (${quietOnes.slice(0, 12).join(', ')}${quietOnes.length > 12 ? ', …' : ''})`);
    expect(wrong).toEqual([]);
    // Not a check that never says yes: the shop and the corpora's front pages and listings are quiet.
    expect(quietOnes).toContain('shop');
    expect(quietOnes.length).toBeGreaterThan(5);
  }, 240_000);

  it('finds a shop page quiet, with a copyright line, and credit words in its scripts and styles', () => {
    expect(quietPage(doc(SHOP().html), SHOP().url)).toBe(true);
    const scripts = SHOP('<script>window.config = {"source": "x", "url": "y", "title": "Sale"};</script><style>.a:hover{color:red}</style>');
    expect(quietPage(doc(scripts.html), scripts.url)).toBe(true);
    // A canonical to the page's own host, and JSON-LD that describes a product or the site.
    const own = SHOP(
      '',
      '<link rel="canonical" href="/"><script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite","name":"Example Shop","url":"https://shop.example/"}</script>',
    );
    expect(quietPage(doc(own.html), own.url)).toBe(true);
  });

  const notQuiet: [string, ReturnType<typeof SHOP>][] = [
    ['an <h1>', SHOP('<h1>Council approves bridge</h1>')],
    ['a heading inside <article>', SHOP('<article><h2>Council approves bridge</h2><p>Text</p></article>')],
    ['og:type article', SHOP('', '<meta property="og:type" content="article">')],
    ['og:type article, upper case and spaced', SHOP('', '<meta property="og:type" content=" Article ">')],
    ['og:type news', SHOP('', '<meta property="og:type" content="news">')],
    ['og:type under RDFa with several properties', SHOP('', '<meta property="og:description og:type" content="article">')],
    ['og:type by name', SHOP('', '<meta name="og:type" content="article">')],
    ['a publish-date meta tag', SHOP('', '<meta property="article:published_time" content="2025-02-22T10:00:00Z">')],
    ['parsely-pub-date', SHOP('', '<meta name="parsely-pub-date" content="2025-02-22">')],
    ['JSON-LD NewsArticle', SHOP('', '<script type="application/ld+json">{"@type":"NewsArticle","name":"x"}</script>')],
    ['JSON-LD with a charset', SHOP('', '<script type="application/ld+json; charset=utf-8">{"@type":["BlogPosting"]}</script>')],
    ['JSON-LD WebPage with a headline', SHOP('', '<script type="application/ld+json">{"@type":"WebPage","headline":"x"}</script>')],
    ['a canonical on another host', SHOP('', '<link rel="canonical" href="https://www.washingtonpost.com/world/2025/02/22/story/">')],
    ['a syndication-source meta tag', SHOP('', '<meta name="syndication-source" content="https://apnews.com/article/x">')],
    ['an original-source link', SHOP('', '<link rel="original-source" href="https://apnews.com/article/x">')],
    ['a republication pixel', SHOP('<img src="https://counter.theconversation.com/content/12345/count.gif" width="1" height="1">')],
    ['ProPublica’s pixel', SHOP('<img src="https://pixel.propublica.org/pixel.gif?id=x" alt="">')],
    ['AP’s registry script', SHOP('<script src="https://apnewsregistry.com/x.js"></script>')],
    ['“The post … appeared first on …”', SHOP('<p>The post Talks resume appeared first on The Washington Post.</p>')],
    ['“This article was originally published by”', SHOP('<p>This article was originally published by The Conversation.</p>')],
    ['a source label with a colon', SHOP('<p>Source : <a href="https://www.lemonde.fr/x">Le Monde</a></p>')],
    ['a German source label', SHOP('<p>Quelle: dpa</p>')],
    ['a Spanish source label', SHOP('<p>Fuente: EFE</p>')],
    ['a Chinese source label with a full-width colon', SHOP('<p>来源：新华社</p>')],
    ['a German credit', SHOP('<p>Dieser Artikel erschien zuerst bei der Süddeutschen Zeitung.</p>')],
    ['a French credit', SHOP('<p>Cet article a initialement paru dans Le Monde.</p>')],
    ['a credit split over elements', SHOP('<p>Republished from <a href="https://theconversation.com/x">The Conversation</a></p>')],
    ['more text than is read at once', SHOP(`<div>${'word '.repeat(21_000)}</div>`)],
    ['a portal’s address', SHOP('', '', 'https://www.msn.com/en-us/money/companies/ar-BB1kQz7')],
  ];
  for (const [what, page] of notQuiet) {
    it(`is not quiet with ${what}`, () => {
      expect(quietPage(doc(page.html), page.url)).toBe(false);
      // And the digest reads such a page in full.
      expect(digestPage(doc(page.html), page.url).quiet).toBe(false);
    });
  }

  it('reads every page behind a wrapper in full (web archives, caches, AMP caches, translations, feed redirects, Google News)', () => {
    const wrapped = [
      'https://web.archive.org/web/20250306101500/https://www.example.com/news/story/',
      'https://archive.ph/AbC12',
      'https://archive.today/2025.01.01-000000/https://example.com/',
      'https://webcache.googleusercontent.com/search?q=cache:https://example.com/story',
      'https://example-com.cdn.ampproject.org/c/s/example.com/story.amp.html',
      'https://www.google.com/amp/s/example.com/story',
      'https://example-com.translate.goog/story?_x_tr_sl=auto&_x_tr_tl=en',
      'https://translate.google.com/translate?u=https://example.com/story',
      'https://feedproxy.google.com/~r/example/~3/abc/story',
      'https://feeds.feedburner.com/example',
      'https://news.google.com/articles/CBMiabc',
    ];
    for (const url of wrapped) {
      expect(pageWrapper(url), url).not.toBeNull();
      expect(quietPage(doc(SHOP().html), url), url).toBe(false);
    }
  });

  it('looks for each pixel host the families name, as written (in attribute selectors)', () => {
    for (const host of literalAlternatives(PIXEL_SRC)) {
      expect(host).toMatch(/^[\w.-]+$/);
      expect(PIXEL_SRC.test(host)).toBe(true);
    }
    for (const host of literalAlternatives(PIXEL_SCRIPT_SRC)) expect(literalAlternatives(PIXEL_SRC)).toContain(host);
  });

  it('never throws: a document with no body, or an address it cannot parse', () => {
    const bodyless = doc('<html><head><title>x</title></head></html>');
    Object.defineProperty(bodyless, 'body', { value: null });
    expect(quietPage(bodyless, 'https://example.org/')).toBe(false);
    expect(quietPage(doc(SHOP().html), 'not a url')).toBe(true);
    expect(quietPage({} as Document, 'https://example.org/')).toBe(false);
  });
});
