/** The running example end to end, URL helpers, and engine guarantees. */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { detect } from '../../core/detect';
import { digestPage } from '../../core/digest';
import { displayHost, normalizeUrl, registrableDomain, safeHttpUrl, sameSite } from '../../core/url';
import { publisherForDomain } from '../../core/outlets';
import { SAME_OUTLET } from '../../core/url';

const PAGE_URL =
  'https://europedailywire.com/2025/02/22/u-s-russia-hold-first-talks-on-ukraine-without-nato-allies-kyiv-the-washington-post/?utm_source=twitter&fbclid=abc#comments';
const SOURCE = 'https://usa-news.biz/2025/02/22/washington/u-s-russia-hold-first-talks-on-ukraine-without-nato-allies-kyiv-the-washington-post/';

describe('the running example (seeds/000_b9eb4489ecf82cc8.txt as a WordPress page)', () => {
  const html = readFileSync(new URL('../fixtures/engine/running-example.html', import.meta.url), 'utf8');
  const { document } = parseHTML(html);
  const record = detect(document as unknown as Document, PAGE_URL);

  it('is a syndicated copy of a copy, with high confidence', () => {
    expect(record.syndicated).toBe(true);
    expect(record.isArticle).toBe(true);
    expect(record.confidence).toBeGreaterThanOrEqual(0.9);
    expect(record.url).toBe(
      'https://europedailywire.com/2025/02/22/u-s-russia-hold-first-talks-on-ukraine-without-nato-allies-kyiv-the-washington-post/',
    );
    expect(record.sourceUrl).toBe(SOURCE);
  });
  it('gives the chain this page → USA NEWS → The Washington Post', () => {
    expect(record.chain).toEqual([
      { url: SOURCE, publisher: 'USA NEWS', site: 'usa-news.biz' },
      { url: null, publisher: 'The Washington Post', site: 'washingtonpost.com' },
    ]);
    expect(record.original).toEqual({
      url: null,
      publisher: 'The Washington Post',
      headline: 'U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv',
      publishedAt: null,
    });
  });
  it("keeps the syndicator's author, the local date as written, and the copyright notice", () => {
    expect(record.page.author).toBe('Jean-Pierre CHALLOT');
    expect(record.page.publishedAt).toBe('2025-02-22T14:42:26');
    expect(record.page.publishedAtText).toBe('2025-02-22 14:42:26');
    expect(record.copyright).toBe('Copyright for syndicated content belongs to the linked Source.');
  });
  it('gives evidence with text and location for each claim', () => {
    for (const signal of record.signals) {
      expect(signal.evidence.text.length).toBeGreaterThan(0);
      expect(signal.evidence.location.length).toBeGreaterThan(0);
    }
    expect(record.signals.some((s) => s.evidence.text.startsWith('The post U.S., Russia hold first talks'))).toBe(true);
    expect(record.signals.some((s) => s.evidence.text.startsWith('Source link :'))).toBe(true);
  });
});

describe('URL helpers', () => {
  it('normalizeUrl: lower-case host, no fragment, no tracking parameters, no default port', () => {
    expect(normalizeUrl('HTTPS://WWW.Example.COM:443/a/B?utm_source=x&id=2&gclid=1&mc_cid=3#top')).toBe('https://www.example.com/a/B?id=2');
    expect(normalizeUrl('https://example.com/a?b=2&a=1')).toBe('https://example.com/a?b=2&a=1');
  });
  it('safeHttpUrl: http(s) only, resolved, tracking dropped', () => {
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      'chrome-extension://abc/x.html',
      '',
    ]) {
      expect(safeHttpUrl(bad, 'https://a.example/')).toBeNull();
    }
    expect(safeHttpUrl('/x?utm_medium=e', 'https://a.example/y')).toBe('https://a.example/x');
  });
  it('registrableDomain agrees with tldts (private domains allowed) on the hosts news pages use', () => {
    const hosts = [
      'www.bbc.co.uk',
      'abcnews.go.com',
      'headlines.yahoo.co.jp',
      'www.abc.net.au',
      'www.smh.com.au',
      'news.google.com',
      'www.lemonde.fr',
      'www.spiegel.de',
      'edition.cnn.com',
      'amp.theguardian.com',
      'm.nzherald.co.nz',
      'www.folha.uol.com.br',
      'www.thehindu.co.in',
      'www.gov.uk',
      'foo.blogspot.com',
      'a.b.c.example.org',
      'www.nytimes.com',
      'www.elpais.com.co',
      'news.sky.com',
    ];
    for (const host of hosts) expect(registrableDomain(host), host).toBe(getDomain(host, { allowPrivateDomains: true }));
    expect(registrableDomain('127.0.0.1')).toBeNull();
    expect(sameSite('https://amp.example.com/x', 'http://www.example.com')).toBe(true);
  });
  it('displayHost exposes look-alike hosts', () => {
    expect(displayHost('https://аpple.com/')).toBe('xn--pple-43d.com (аpple.com)');
    expect(displayHost('https://www.apple.com/')).toBe('www.apple.com');
  });
  it('the popup and options pages carry no engine: they name outlets and link onward without it', async () => {
    const { build } = await import('esbuild');
    for (const page of ['popup/main.tsx', 'options/main.tsx']) {
      const result = await build({
        entryPoints: [new URL(`../../entrypoints/${page}`, import.meta.url).pathname],
        bundle: true,
        write: false,
        metafile: true,
        logLevel: 'silent',
        format: 'esm',
        external: ['wxt/*', 'preact', 'preact/*', 'dexie'],
        loader: { '.css': 'empty' },
      });
      const inputs = Object.keys(result.metafile.inputs);
      expect(
        inputs.some((input) => input.endsWith('core/next-hop.ts')),
        page,
      ).toBe(true);
      expect(
        inputs.filter((input) => /core\/(?:detect|digest|scan|metadata|verify|publishers)\.ts$|core\/signals\//.test(input)),
        page,
      ).toEqual([]);
    }
  });
  it('the publishers table is in analyse(), and never in the content script, which sends the page to the background', async () => {
    const { build } = await import('esbuild');
    const bundle = async (entry: string) => {
      const result = await build({
        entryPoints: [new URL(entry, import.meta.url).pathname],
        bundle: true,
        write: false,
        metafile: true,
        logLevel: 'silent',
        format: 'esm',
        external: ['wxt/*'],
        loader: { '.css': 'empty' },
      });
      return Object.keys(result.metafile.inputs);
    };
    // analyse() names the outlets itself: the record it returns is the finished one, for every caller.
    expect((await bundle('../../core/detect.ts')).filter((input) => /core\/(?:publishers|outlets|sanitize)\.ts$/.test(input)).length).toBe(3);
    const content = await bundle('../../entrypoints/content/index.ts');
    expect(content.some((input) => input.endsWith('lib/messages.ts'))).toBe(true);
    expect(content.filter((input) => /core\/(?:detect|publishers|outlets|sanitize|url)\.ts$/.test(input))).toEqual([]);
    // The table's names are in the record: the original's hop has the Post's site, found from its name.
    const html = readFileSync(new URL('../fixtures/engine/running-example.html', import.meta.url), 'utf8');
    expect(detect(parseHTML(html).document as unknown as Document, PAGE_URL).chain.at(-1)).toEqual({
      url: null,
      publisher: 'The Washington Post',
      site: 'washingtonpost.com',
    });
  });
  it('SAME_OUTLET lists exactly the outlets that the table puts on several domains', () => {
    const names = new Map<string, string[]>();
    for (const group of SAME_OUTLET) for (const host of group) names.set(host, group);
    for (const group of SAME_OUTLET) {
      const publisher = publisherForDomain(group[0]!);
      expect(publisher, group[0]).not.toBeNull();
      for (const host of group) expect(publisherForDomain(host), host).toBe(publisher);
    }
    // Every pair of table domains with one name is in one group (spot check of the multi-domain outlets).
    for (const [a, b] of [
      ['bbc.com', 'bbc.co.uk'],
      ['ap.org', 'apnewsarchive.com'],
      ['insider.com', 'businessinsider.com'],
      ['khn.org', 'kffhealthnews.org'],
    ])
      expect(names.get(a!)).toBe(names.get(b!));
  });
  it('publishers table', () => {
    expect(publisherForDomain('https://www.washingtonpost.com/world/')).toBe('The Washington Post');
    expect(publisherForDomain('abcnews.go.com')).toBe('ABC News');
    expect(publisherForDomain('go.com')).toBeNull();
  });
});

describe('quiet pages (no article, no credit words) take the fast path without losing signals', () => {
  const run = (html: string, url: string) => detect(parseHTML(html).document as unknown as Document, url);

  it('a shop home page is not an article and carries no signal', () => {
    const cards = Array.from(
      { length: 50 },
      (_, i) => `<div class="card"><a href="/item/${i}"><img src="/i/${i}.png" alt="">Item ${i}</a></div>`,
    ).join('');
    const record = run(
      `<html><head><title>Shop – Home</title></head><body><nav><a href="/a">A</a></nav>${cards}<footer><p>© 2025 Shop</p></footer></body></html>`,
      'https://shop.example/',
    );
    expect(record.isArticle).toBe(false);
    expect(record.syndicated).toBe(false);
    expect(record.signals).toEqual([]);
  });

  it('a bare page (no article markup, no h1) with a content-farm footer is still read in full', () => {
    const html = `<html><head><title>Story</title></head><body><p>${'Text of the story. '.repeat(20)}</p><p>Source link : <a href="https://origin.example/2025/01/01/story/">https://origin.example/2025/01/01/story/</a></p><p>Copyright for syndicated content belongs to the linked Source.</p></body></html>`;
    const record = run(html, 'https://farm.example/story/');
    expect(record.syndicated).toBe(true);
    expect(record.sourceUrl).toBe('https://origin.example/2025/01/01/story/');
  });

  it('a bare page whose only signal needs no text (a cross-site canonical) gets its lines too', () => {
    const html = `<html><head><title>Story</title><link rel="canonical" href="https://origin.example/2025/01/01/story/"></head><body><p>${'Text of the story. '.repeat(20)}</p><p>By Jane Doe</p><p>© 2025 Farm</p></body></html>`;
    const record = run(html, 'https://farm.example/story/');
    expect(record.syndicated).toBe(true);
    expect(record.copyright).toBe('© 2025 Farm');
  });

  it('a bare page with a wire dateline or a republication credit is not quiet', () => {
    const wire = run(
      `<html><body><p>MOSCOW (AP) — An unmanned Russian cargo spaceship broke up.</p><p>${'More text. '.repeat(30)}</p></body></html>`,
      'https://local.example/x',
    );
    expect(wire.syndicated).toBe(true);
    const credit = run(
      `<html><body><p>${'More text. '.repeat(30)}</p><p>This article was originally published by <a href="https://www.propublica.org/article/x">ProPublica</a>.</p></body></html>`,
      'https://local.example/x',
    );
    expect(credit.syndicated).toBe(true);
  });
});

describe('quiet pages: signals that need no text still count', () => {
  it('a bare page with only a republication pixel is read in full', () => {
    const html = `<html><body><p>${'Text of the story. '.repeat(20)}</p><img src="https://pixel.propublica.org/pixel.gif?x=1"></body></html>`;
    const record = detect(parseHTML(html).document as unknown as Document, 'https://local.example/x');
    expect(record.signals.some((s) => s.kind === 'tracking-pixel' && s.weight > 0)).toBe(true);
    expect(record.isArticle).toBe(true);
  });
  it('script text does not make a page look like a credit', () => {
    const html = `<html><body><script>var config = { source: "x", url: "y" };</script><div><a href="/a">Home</a></div></body></html>`;
    const document = parseHTML(html).document as unknown as Document;
    expect(digestPage(document, 'https://app.example/').quiet).toBe(true);
    const record = detect(document, 'https://app.example/');
    expect(record.isArticle).toBe(false);
    expect(record.signals).toEqual([]);
  });
});
