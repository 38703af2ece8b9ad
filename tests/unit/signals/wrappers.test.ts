/**
 * Not copies: the URL a page was reached by is a wrapper (a web archive's snapshot, an AMP cache, a
 * translation proxy, a feed's or a news aggregator's redirect), a blog's mirror under another suffix, or a
 * template naming the page's own URL (core/url.ts pageWrapper, core/scan.ts, core/signals/archive.ts,
 * core/signals/canonical.ts). An archived copy gets an informational signal of its own, never `syndicated`.
 */
import { describe, expect, it } from 'vitest';
import { pageWrapper, sameOutlet } from '../../../core/url';
import { page, run } from './helpers';

const OWN = 'https://www.modeblog.example/paris-haute-couture-fruehjahr/';
const canonical = (href: string) => `<link rel="canonical" href="${href}">`;

describe('web archives', () => {
  it("a Wayback snapshot whose canonical is the archived page's own URL: an archived copy, not syndication", () => {
    const r = run(page('<p>Unsere Eindrücke von der Schau.</p>', canonical(OWN)), `https://web.archive.org/web/20190717140047/${OWN}`);
    expect(r.syndicated).toBe(false);
    const archived = r.signals.find((s) => s.kind === 'archived-copy');
    expect(archived?.weight).toBe(0);
    expect(archived?.detail).toContain(OWN);
  });
  it('links rewritten by the archive stand for the archived URLs; archive.today snapshots are archived copies too', () => {
    const rewritten = run(
      page(
        '<p>Source link : <a href="/web/20190717140047/https://www.modeblog.example/2019/05/other-post/">our earlier post</a></p>',
        canonical(`https://web.archive.org/web/20190717140047/${OWN}`),
      ),
      `https://web.archive.org/web/20190717140047/${OWN}`,
    );
    expect(rewritten.syndicated).toBe(false);
    expect(rewritten.signals.map((s) => s.kind)).toEqual(expect.arrayContaining(['self-reference', 'archived-copy']));
    const today = run(page('<p>Text.</p>', canonical(OWN)), 'https://archive.ph/Xy12Z');
    expect(today.syndicated).toBe(false);
    expect(today.signals.map((s) => s.kind)).toContain('archived-copy');
  });
  it('a copy that was archived is still a copy, and says it is archived', () => {
    const r = run(
      page('<p>This article originally appeared on <a href="https://www.theatlantic.com/ideas/archive/2019/04/x/588184/">The Atlantic</a>.</p>'),
      'https://web.archive.org/web/20200101000000/https://www.citynotes.example/2019/04/x/',
    );
    expect(r.syndicated).toBe(true);
    expect(r.original?.publisher).toBe('The Atlantic');
    expect(r.signals.map((s) => s.kind)).toContain('archived-copy');
  });
});

describe("proxies and redirects: the page's own canonical is the page", () => {
  it('FeedBurner, Google News, an AMP cache, Google Translate', () => {
    for (const via of [
      'http://feedproxy.google.com/~r/Modeblog/~3/AbCdEf/paris-haute-couture',
      'https://news.google.com/articles/CBMiK2h0dHBzOi8vd3d3Lm1vZGVibG9nLmV4YW1wbGUv?hl=de&gl=DE',
      'https://www-modeblog-example.cdn.ampproject.org/c/s/www.modeblog.example/paris-haute-couture-fruhjahr/amp/',
      'https://www-modeblog-example.translate.goog/paris-haute-couture-fruhjahr/?_x_tr_sl=de&_x_tr_tl=en',
    ]) {
      const r = run(page('<p>Unsere Eindrücke von der Schau.</p>', canonical('https://www.modeblog.example/paris-haute-couture-fruhjahr/')), via);
      expect(r.syndicated, via).toBe(false);
    }
  });
  it('what each wrapper stands for', () => {
    expect(pageWrapper('https://web.archive.org/web/20130307194448/the-pain.example/2008/05/quests.html')?.target).toBe(
      'http://the-pain.example/2008/05/quests.html',
    );
    expect(pageWrapper('https://www-example-com.cdn.ampproject.org/c/s/www.example.com/amp/story.html')?.target).toBe(
      'https://www.example.com/amp/story.html',
    );
    expect(pageWrapper('https://my--site-example-com.translate.goog/a?_x_tr_sl=de')?.target).toBe('https://my-site.example.com/a');
    expect(pageWrapper('http://feedproxy.google.com/~r/Blog/~3/abc/post')).toMatchObject({ kind: 'feed-redirect', target: null });
    expect(pageWrapper('https://www.example.com/news/story')).toBeNull();
  });
});

describe("the same outlet under another suffix; the page's own URL in provenance fields", () => {
  it("a blog's .de address with its .com canonical, a site's .de with its .com", () => {
    expect(
      run(page('<p>Archiv 2011</p>', canonical('http://unexpecteduser.blogspot.com/2011/')), 'http://unexpecteduser.blogspot.de/2011/').syndicated,
    ).toBe(false);
    expect(
      run(page('<p>Text</p>', canonical('https://www.stadtwerk.com/news/neue-tarife-2024')), 'https://www.stadtwerk.de/news/neue-tarife-2024')
        .syndicated,
    ).toBe(false);
    expect(sameOutlet('http://a.blogspot.de/', 'http://b.blogspot.com/')).toBe(false);
  });
  it('isBasedOn, original-source and syndication-source naming the page itself', () => {
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","isBasedOn":"${OWN}"}</script>`;
    expect(run(page('<p>Text</p>', ld), OWN).syndicated).toBe(false);
    expect(run(page('<p>Text</p>', `<meta property="original-source" content="${OWN}">`), OWN).syndicated).toBe(false);
    expect(run(page('<p>Text</p>', `<link rel="original-source" href="${OWN}">`), OWN).syndicated).toBe(false);
    expect(run(page('<p>Text</p>', `<meta name="syndication-source" content="${OWN}">`), OWN).syndicated).toBe(false);
  });
});
