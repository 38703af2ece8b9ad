/**
 * One block per signal family: the real-world wording it was written for
 * (positives) and the look-alikes that must not count (negatives).
 */
import { describe, expect, it } from 'vitest';
import { kinds, page, run } from './helpers';

const URL = 'https://www.localpaper.example/2025/03/01/story/';

describe('content-farm footers', () => {
  it('reads "Source link :" with a bare-text link, author, date and the disclaimer', () => {
    const r = run(
      page(
        `<p>Source link : https://usa-news.biz/2025/02/22/washington/story/</p><p>Author : Jean-Pierre CHALLOT</p><p>Publish date : 2025-02-22 14:42:26</p><p>Copyright for syndicated content belongs to the linked Source.</p>`,
      ),
      URL,
    );
    expect(r.syndicated).toBe(true);
    expect(r.sourceUrl).toBe('https://usa-news.biz/2025/02/22/washington/story/');
    expect(r.page.author).toBe('Jean-Pierre CHALLOT');
    expect(r.page.publishedAt).toBe('2025-02-22T14:42:26');
    expect(r.page.publishedAtText).toBe('2025-02-22 14:42:26');
    expect(r.copyright).toBe('Copyright for syndicated content belongs to the linked Source.');
  });
  it('reads French and German labels, lines split by <br>', () => {
    const fr = run(
      page(
        `<p>Lien source : <a href="https://www.lemonde.fr/a/b.html">lemonde.fr</a><br>Auteur : Marie Dupont<br>Date de publication : 2025-03-01 08:00:00</p>`,
      ),
      URL,
    );
    expect(fr.syndicated).toBe(true);
    expect(fr.chain.at(-1)?.publisher).toBe('Le Monde');
    const de = run(
      page(
        `<p>Quelle : <a href="https://www.spiegel.de/politik/x">spiegel.de</a></p><p>Copyright for syndicated content belongs to the linked Source.</p>`,
      ),
      URL,
    );
    expect(de.syndicated).toBe(true);
  });
  it("a source link to the page's own site is self-reference", () => {
    const r = run(page(`<p>Source link : <a href="https://localpaper.example/2025/other/">our earlier story</a></p>`), URL);
    expect(r.syndicated).toBe(false);
    expect(r.signals.map((s) => s.kind)).toContain('self-reference');
  });
  it('a chart citation "Source: CDC" is not a copy', () => {
    const r = run(page(`<p>Source: <a href="https://www.cdc.gov/data">CDC data</a></p>`), URL);
    expect(r.syndicated).toBe(false);
  });
});

describe('WordPress feed footers', () => {
  it('"The post X first appeared on Y." names the intermediate and the publisher suffix', () => {
    const r = run(
      page(
        `<p>The post <a href="https://usa-news.biz/2025/02/22/x/">Talks begin – The Washington Post</a> first appeared on <a href="https://usa-news.biz">USA NEWS</a>.</p>`,
      ),
      URL,
    );
    expect(r.syndicated).toBe(true);
    expect(r.original?.publisher).toBe('The Washington Post');
    expect(r.original?.headline).toBe('Talks begin');
    expect(r.chain.map((h) => h.publisher)).toEqual(['USA NEWS', 'The Washington Post']);
  });
  it('the footer naming the original outranks a canonical to a third site; a canonical to the named outlet still links it', () => {
    // An aggregator whose SEO plugin points the canonical at another copy of the feed item.
    const footer =
      '<p>The post <a href="https://thehill.com/homenews/senate/5123456-senate-passes-stopgap/">Senate passes stopgap funding bill</a> appeared first on <a href="https://thehill.com">The Hill</a>.</p>';
    const third = run(
      page(footer, '<link rel="canonical" href="https://www.newsfeedhub.example/2025/03/01/senate-passes-stopgap-funding-bill/">'),
      URL,
    );
    expect(third.syndicated).toBe(true);
    expect(third.original?.publisher).toBe('The Hill');
    expect(third.original?.url).toBe('https://thehill.com/homenews/senate/5123456-senate-passes-stopgap/');
    expect(third.chain.map((hop) => hop.site)).toEqual(['thehill.com']);
    expect(third.signals.map((s) => s.kind)).toContain('canonical');
    const agreeing = run(page(footer, '<link rel="canonical" href="https://thehill.com/homenews/senate/5123456-senate-passes-stopgap/">'), URL);
    expect(agreeing.original?.url).toBe('https://thehill.com/homenews/senate/5123456-senate-passes-stopgap/');
    // The publisher in the post title's suffix is the original; the canonical to the intermediate does not replace it.
    const suffix = run(
      page(
        '<p>The post <a href="https://usa-news.biz/2025/02/22/x/">Talks begin – The Washington Post</a> first appeared on <a href="https://usa-news.biz">USA NEWS</a>.</p>',
        '<link rel="canonical" href="https://worldnewsera.example/2025/02/22/talks-begin/">',
      ),
      URL,
    );
    expect(suffix.original?.publisher).toBe('The Washington Post');
    expect(suffix.chain.map((h) => h.publisher)).toEqual(['USA NEWS', 'The Washington Post']);
  });
  it('Yoast\'s "appeared first on" naming the page\'s own site is not syndication', () => {
    const r = run(
      page(
        `<p>The post <a href="https://localpaper.example/x/">Our story</a> appeared first on <a href="https://localpaper.example">Local Paper</a>.</p>`,
        '<meta property="og:site_name" content="Local Paper">',
      ),
      URL,
    );
    expect(r.syndicated).toBe(false);
    expect(r.signals.map((s) => s.kind)).toContain('self-reference');
  });
});

describe('canonical', () => {
  it('counts a canonical on another registrable domain', () => {
    const r = run(
      page('', '<link rel="canonical" href="http://www.businessinsider.com/super-mario-run-december-15-2016-11">'),
      'https://www.msn.com/en-us/news/ar-AAkm7Xj',
    );
    expect(r.syndicated).toBe(true);
    expect(r.original?.publisher).toBe('Business Insider');
    expect(r.original?.url).toBe('http://www.businessinsider.com/super-mario-run-december-15-2016-11');
  });
  it('amp./m./www. hosts are the same site; a section-page canonical is a template default', () => {
    expect(run(page('', '<link rel="canonical" href="https://amp.localpaper.example/2025/03/01/story/">'), URL).syndicated).toBe(false);
    expect(run(page('', '<link rel="canonical" href="https://m.localpaper.example/story">'), URL).syndicated).toBe(false);
    expect(run(page('', '<link rel="canonical" href="//us.yahoo.com/news/">'), URL).syndicated).toBe(false);
  });
});

describe('syndication meta', () => {
  it('counts <meta name="syndication-source"> and <link rel="syndication-source"> to another site', () => {
    const r = run(
      page('', '<link rel="syndication-source" href="http://abcnews.go.com/US/story?id=29557727">'),
      'https://gma.yahoo.com/veteran.html',
    );
    expect(r.original?.publisher).toBe('ABC News');
    expect(run(page('', '<meta name="original-source" content="https://www.propublica.org/article/x">'), URL).original?.publisher).toBe('ProPublica');
  });
  it("ignores a template that fills in the page's own URL", () => {
    const r = run(page('', `<meta name="syndication-source" content="${URL}">`), URL);
    expect(r.syndicated).toBe(false);
  });
});

describe('JSON-LD', () => {
  const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;
  it('isBasedOn in an @graph, and the metadata fields', () => {
    const r = run(
      page(
        '',
        ld(
          `{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Local Paper"},{"@type":"NewsArticle","headline":"Graph headline","isBasedOn":"https://www.reuters.com/world/x-2025-03-01/","datePublished":"2025-03-01T09:30:00+01:00","dateModified":"2025-03-04T10:00:00Z","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}]}]}`,
        ),
      ),
      URL,
    );
    expect(r.syndicated).toBe(true);
    expect(r.original?.publisher).toBe('Reuters');
    expect(r.page.publishedAt).toBe('2025-03-01T09:30:00+01:00');
    expect(r.page.authors).toEqual(['Ann Lee', 'Bo Chen']);
  });
  it("tolerates malformed JSON and a provider naming the page's own publisher", () => {
    const r = run(
      page(
        '',
        ld('{"@type": "NewsArticle", broken') +
          ld('{"@type":"NewsArticle","headline":"H","publisher":{"name":"Local Paper"},"provider":{"name":"Local Paper"}}'),
      ),
      URL,
    );
    expect(r.syndicated).toBe(false);
  });
});

describe('republication credits', () => {
  it('The Conversation', () => {
    const r = run(
      page(
        `<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons license. Read the <a href="https://theconversation.com/why-x-123456">original article</a>.</p>`,
      ),
      URL,
    );
    expect(r.syndicated).toBe(true);
    expect(r.original?.publisher).toBe('The Conversation');
  });
  it('INN tracker and CityLab-style credits', () => {
    const inn = run(
      page(
        `<p>This article first appeared on <a href="https://stateline.org/2025/03/01/x/">Stateline</a> and is republished here under a Creative Commons Attribution-NoDerivatives 4.0 International License.</p>`,
      ),
      URL,
    );
    expect(inn.original?.publisher).toBe('Stateline');
    expect(inn.original?.url).toBe('https://stateline.org/2025/03/01/x/');
    const city = run(
      page(`<p><em>This article originally appeared on <a href="https://www.theatlantic.com/x/588184/">The Atlantic</a>.</em></p>`),
      URL,
    );
    expect(city.original?.publisher).toBe('The Atlantic');
  });
  it('"Originally published at" and "Read the original article on Business Insider"', () => {
    expect(
      run(
        page(
          `<p><em>Originally published at </em><a href="http://www.courtneykirchoff.com/2011/11/x/"><em>www.courtneykirchoff.com</em></a> on November 18, 2011.</p>`,
        ),
        'https://medium.com/@c/x',
      ).original?.publisher,
    ).toBe('courtneykirchoff.com');
    expect(run(page(`<p>Read the original article on Business Insider</p>`), URL).original?.publisher).toBe('Business Insider');
  });
  it('prose about a book "originally published in 1962" is not a credit', () => {
    expect(
      run(
        page(
          `<p>Originally published in 1962, the novel sold a million copies.</p><p>The book was originally published by a small press in Ohio.</p>`,
        ),
        URL,
      ).syndicated,
    ).toBe(false);
  });
});

describe('wire copy', () => {
  it('AP and Reuters datelines', () => {
    const ap = run(
      `<html><body><article><h1>Ship breaks up</h1><p>MOSCOW (AP) — An unmanned Russian cargo spaceship broke up in the atmosphere.</p><p>${'More text. '.repeat(30)}</p></article></body></html>`,
      URL,
    );
    expect(ap.syndicated).toBe(true);
    expect(ap.original?.publisher).toBe('The Associated Press');
    const reuters = run(
      `<html><body><article><h1>Talks</h1><p>WASHINGTON, Feb 22 (Reuters) - U.S. officials said on Saturday…</p><p>${'More text. '.repeat(30)}</p></article></body></html>`,
      URL,
    );
    expect(reuters.original?.publisher).toBe('Reuters');
  });
  it('AP copyright line in the article, Tribune Content Agency', () => {
    expect(
      kinds(
        run(
          page(
            '<p>Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</p>',
          ),
          URL,
        ),
      ),
    ).toContain('wire');
    expect(
      run(page('<p>©2025 The Seattle Times. Visit seattletimes.com. Distributed by Tribune Content Agency, LLC.</p>'), URL).original?.publisher,
    ).toBe('The Seattle Times');
  });
  it('not: a site-wide AP terms footer, a photo credit "(AP)", the agency\'s own site', () => {
    const footer =
      '<footer><p>Associated Press articles: Copyright © 2015 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</p></footer>';
    expect(run(page('', '', footer), URL).syndicated).toBe(false);
    expect(run(page('<figure><figcaption>Workers remove a sign in 1989. (AP)</figcaption></figure>'), URL).syndicated).toBe(false);
    const own = `<html><body><article><h1>x</h1><p>MOSCOW (AP) — A story on AP's own site.</p><p>${'More text. '.repeat(30)}</p><p>Copyright 2025 The Associated Press. All rights reserved.</p></article></body></html>`;
    expect(run(own, 'https://apnews.com/article/x').syndicated).toBe(false);
  });
});

describe('tracking pixels', () => {
  it('The Conversation and ProPublica pixels on another site', () => {
    expect(
      run(page('<img src="https://counter.theconversation.com/content/123/count.gif?distributor=republish-lightbox-basic" alt="">'), URL).original
        ?.publisher,
    ).toBe('The Conversation');
    expect(run(page('<img src="https://pixel.propublica.org/pixel.gif?x=1" width="1" height="1">'), URL).original?.publisher).toBe('ProPublica');
  });
  it("not on the publisher's own site", () => {
    expect(run(page('<img src="https://counter.theconversation.com/content/123/count.gif">'), 'https://theconversation.com/x-123').syndicated).toBe(
      false,
    );
  });
});

describe('portal partner pages', () => {
  it('Yahoo provider markup', () => {
    const r = run(
      page('<div><a href="http://abcnews.go.com/GMA/"><span class="provider-name">Good Morning America</span></a></div>'),
      'https://gma.yahoo.com/veteran.html',
    );
    expect(r.syndicated).toBe(true);
    // The provider as the portal credits it. (Before the publishers table left the content script, the
    // table's name for the link's host, "ABC News", replaced it; the record no longer carries that host.)
    expect(r.original?.publisher).toBe('Good Morning America');
    expect(r.chain.at(-1)?.site).toBe('go.com');
  });
  it('Yahoo!ニュース title', () => {
    const html =
      '<html><head><title>アプリ「フリーWi-Fiプロテクション」 （CNET Japan） - Yahoo!ニュース</title></head><body><p>本文</p></body></html>';
    expect(run(html, 'http://headlines.yahoo.co.jp/hl?a=20170309-35097838-cnetj-sci').original?.publisher).toBe('CNET Japan');
  });
  it("the portal's own story is not a copy; provider markup off portals is ignored", () => {
    expect(run(page('<span class="provider-name">Yahoo News</span>'), 'https://news.yahoo.com/x.html').syndicated).toBe(false);
    expect(run(page('<span class="provider-name">Reuters</span>'), URL).syndicated).toBe(false);
  });
});
