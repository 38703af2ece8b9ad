/**
 * Publish dates: the text reader (core/dates.ts findDates, dateFromUrlPath, parseDate) and the order of trust
 * between sources (core/publish-date.ts), each pattern on a small page worded the way real templates word it.
 */
import { describe, expect, it } from 'vitest';
import { dateFromUrlPath, findDates, parseDate } from '../../core/dates';
import { page, run } from './signals/helpers';

const day = (iso: string | null | undefined) => iso?.slice(0, 10) ?? null;
const dateOf = (html: string, url = 'https://news.example/story/one') => run(html, url).page;
/** A page whose headline sits in a header with the given markup after it, and a long story below. */
const article = (afterHeadline: string, { head = '', lang = 'de', beforeHeadline = '', tail = '' } = {}) =>
  `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Story</title>${head}</head><body><nav><a href="/">Home</a></nav><main><article><header>${beforeHeadline}<h1>Story headline for the test page</h1>${afterHeadline}</header><div class="body"><p>${'The story goes on with enough words to be an article. '.repeat(6)}</p><p>${'More of the story follows here. '.repeat(6)}</p></div>${tail}</article></main></body></html>`;

describe('findDates: dates written in running text', () => {
  it.each([
    ['Veröffentlicht am 2. Januar 2020', 'de', '2020-01-02'],
    ['Publié le 2 janvier 2020', 'fr', '2020-01-02'],
    ['Publicado el 2 de enero de 2020', 'es', '2020-01-02'],
    ['Pubblicato il 3 marzo 2021', 'it', '2021-03-03'],
    ['Publicado em 4 de março de 2021', 'pt', '2021-03-04'],
    ['Opublikowano: 12 stycznia 2021', 'pl', '2021-01-12'],
    ['Udgivet 4. maj 2020', 'da', '2020-05-04'],
    ['Gepubliceerd op 7 mei 2020', 'nl', '2020-05-07'],
    ['Posted on December 29th 2019', 'en', '2019-12-29'],
    ['Jan. 18, 2019', 'en', '2019-01-18'],
    ['21. Jan. 2015', 'de', '2015-01-21'],
    ['26 Okt, 2018', 'de', '2018-10-26'],
    ['Datum: 22.12.2012, Rubrik: USA', 'de', '2012-12-22'],
    ['Donnerstag, 15.2.2018', 'de', '2018-02-15'],
    ['Party, 30.10.23', 'de', '2023-10-30'],
    ['公開日：2017年3月9日', 'ja', '2017-03-09'],
    ['입력 2023.11.02. 오후 8:06', 'ko', '2023-11-02'],
    ['2020. 1. 2.', 'ko', '2020-01-02'],
    ['Written: 2023-11-07 15:03:30', 'en', '2023-11-07'],
  ])('%s', (text, lang, expected) => {
    expect(day(findDates(text, lang)[0]?.iso)).toBe(expected);
  });

  it('keeps a clock time written right after the date, without inventing a zone', () => {
    expect(findDates('Publié le 9 juin 2019 à 10:30', 'fr')[0]?.iso).toBe('2019-06-09T10:30:00');
    expect(findDates('8 January 2020, 3:51 pm', 'en')[0]?.iso).toBe('2020-01-08T15:51:00');
    expect(findDates('Von Christian am 03.05.2013, 11:51 | 0 Meinungen', 'de')[0]?.iso).toBe('2013-05-03T11:51:00');
  });

  it('reads d/m or m/d by a part over 12, else only by the page language (m/d on en-US pages only)', () => {
    expect(day(findDates('26/10/2018')[0]?.iso)).toBe('2018-10-26');
    expect(day(findDates('6/13/2019')[0]?.iso)).toBe('2019-06-13');
    expect(day(findDates('02/10/2020', 'en-us')[0]?.iso)).toBe('2020-02-10');
    expect(day(findDates('02/10/2020', 'en-gb')[0]?.iso)).toBe('2020-10-02');
    expect(day(findDates('02/10/2020', 'de')[0]?.iso)).toBe('2020-10-02');
    expect(findDates('02/10/2020', 'en')).toEqual([]);
    expect(findDates('02/10/2020', '')).toEqual([]);
  });

  it('does not read version numbers, scores or a month name alone as dates', () => {
    expect(findDates('Proudly powered by WordPress 4.8.12')).toEqual([]);
    expect(findDates('Archiv: Juli 2018 (1 Eintrag)', 'de')).toEqual([]);
    expect(findDates('Marathon 12 Mars 3000')).toEqual([]);
  });
});

describe('dateFromUrlPath', () => {
  it.each([
    ['https://example.com/2020/01/02/story/', '2020-01-02'],
    ['https://example.com/home/2017/7/12/unter-uns', '2017-07-12'],
    ['https://example.com/news/2020-01-02-the-story', '2020-01-02'],
    ['https://example.se/20200428/meet-the-swede', '2020-04-28'],
    ['https://example.de/texte/22/20220127-gedenkstunde.html', '2022-01-27'],
    ['https://example.cn/local/2020-02/19/c_1125597921.htm', '2020-02-19'],
    ['https://example.it/de/newsroom/23-01-2022-wierer-jubelt/17-378.html', '2022-01-23'],
    ['https://example.com/artikel/bericht_vom_22.04.2020_lage', '2020-04-22'],
  ])('%s', (url, expected) => {
    expect(dateFromUrlPath(url)).toBe(expected);
  });

  it('gives nothing for a month alone, an issue number, a slug that starts with a number, or an ambiguous day-month', () => {
    expect(dateFromUrlPath('https://example.com/2019/10/')).toBeNull();
    expect(dateFromUrlPath('https://example.de/2019/43/klimaschutz')).toBeNull();
    expect(dateFromUrlPath('https://example.de/2023/10/3-fragen-an-tina/')).toBeNull();
    expect(dateFromUrlPath('https://example.de/meldung/02-03-2021')).toBeNull();
  });
});

describe('parseDate: metadata values', () => {
  it('reads Java Date.toString() as some CMSs print it', () => {
    expect(parseDate('Mon Oct 11 14:57:21 CEST 2021')).toBe('2021-10-11T14:57:21+02:00');
  });
});

describe('publish date: the order of trust between sources', () => {
  it('takes article:published_time, never og:updated_time', () => {
    expect(dateOf(page('', '<meta property="og:updated_time" content="2021-05-05T10:00:00+02:00">')).publishedAt).toBeNull();
    const both = dateOf(
      page(
        '',
        '<meta property="og:updated_time" content="2021-05-05T10:00:00+02:00"><meta property="article:published_time" content="2021-04-01T09:30:00+02:00">',
      ),
    );
    expect(both.publishedAt).toBe('2021-04-01T09:30:00+02:00');
  });

  it('reads JSON-LD datePublished nested in @graph, Parse.ly pub_date, citation and Dublin Core dates', () => {
    const graph =
      '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":"NewsArticle","headline":"Story","dateModified":"2020-03-02T08:00:00+01:00","datePublished":"2020-02-28T17:45:00+01:00"}]}</script>';
    expect(dateOf(page('', graph)).publishedAt).toBe('2020-02-28T17:45:00+01:00');
    expect(day(dateOf(page('', `<meta name="parsely-page" content='{"title":"Story","pub_date":"2019-07-04T12:00:00Z"}'>`)).publishedAt)).toBe(
      '2019-07-04',
    );
    expect(dateOf(page('', '<meta name="citation_publication_date" content="2009/09/15">')).publishedAt).toBe('2009-09-15');
    expect(dateOf(page('', '<meta name="DC.date.issued" content="2022-02-04T15:33:00+01:00">')).publishedAt).toBe('2022-02-04T15:33:00+01:00');
  });

  it('reads microdata datePublished from an element’s text, and hAtom’s abbr.published title on a blog without a headline', () => {
    const microdata = article('<div class="info"><div class="date" itemprop="datePublished">20.06.2019 11:43</div></div>');
    expect(dateOf(microdata).publishedAt).toBe('2019-06-20T11:43:00');
    const blog = `<html><body><div class="blog-posts hfeed"><h2 class="date-header"><span>Friday, December 23, 2016</span></h2><div class="post hentry"><h3 class="post-title">Python 3.6.0 is now available</h3><div class="post-body"><p>${'Release notes. '.repeat(20)}</p></div><div class="post-footer">Posted at <abbr class="published" title="2016-12-23T05:11:00-05:00">5:11 AM</abbr></div></div></div></body></html>`;
    expect(dateOf(blog, 'https://blog.example/2016/12/python-360.html').publishedAt).toBe('2016-12-23T05:11:00-05:00');
  });

  it('reads a labelled date next to the headline, in the major languages, as written', () => {
    expect(dateOf(article('<p class="meta">Veröffentlicht am 5. April 2017 von Redaktion</p>')).publishedAt).toBe('2017-04-05');
    expect(dateOf(article('<div class="publi_infos">Publié le 9 juin 2019 à 10:30</div>', { lang: 'fr' })).publishedAt).toBe('2019-06-09T10:30:00');
    expect(dateOf(article('<p>Por María López | Publicado el 2 de enero de 2020</p>', { lang: 'es' })).publishedAt).toBe('2020-01-02');
    expect(dateOf(article('<p class="autore">di Mario Rossi - Pubblicato il 3 marzo 2021</p>', { lang: 'it' })).publishedAt).toBe('2021-03-03');
    expect(dateOf(article('<p>Opublikowano: 12 stycznia 2021</p>', { lang: 'pl' })).publishedAt).toBe('2021-01-12');
    expect(dateOf(article('<p class="byline">Af Jens Hansen. Udgivet 4. maj 2020</p>', { lang: 'da' })).publishedAt).toBe('2020-05-04');
    expect(dateOf(article('<p>Gepubliceerd op 7 mei 2020</p>', { lang: 'nl' })).publishedAt).toBe('2020-05-07');
    expect(dateOf(article('<p class="date">公開日：2017年3月9日</p>', { lang: 'ja' })).publishedAt).toBe('2017-03-09');
    expect(dateOf(article('<span class="media_end_head_info_datestamp_time">입력 2023.11.02. 오후 8:06</span>', { lang: 'ko' })).publishedAt).toBe(
      '2023-11-02',
    );
  });

  it('reads a date line in date markup just before or after the headline, and a plain dateline', () => {
    expect(dateOf(article('', { beforeHeadline: '<div class="meta-date"><i class="icon-calendar"></i> 19.11.2021</div>' })).publishedAt).toBe(
      '2021-11-19',
    );
    expect(dateOf(article('<p><span class="author">Von Fred Muster</span> <em>31.10.2023</em></p>')).publishedAt).toBe('2023-10-31');
    expect(dateOf(article('<p>January 22, 2014</p>', { lang: 'en-US' })).publishedAt).toBe('2014-01-22');
  });

  it('reads a labelled line at the article’s end ("Erstellt am: …") when nothing nearer says', () => {
    const html = article('', { tail: '<p>Erstellt am: 01.11.2023</p>' });
    expect(dateOf(html).publishedAt).toBe('2023-11-01');
  });

  it('never takes an update: "Aktualisiert", "Letzte Änderung", "Updated" dates are passed over', () => {
    expect(dateOf(article('<p class="date">Aktualisiert am 12.01.2022</p>')).publishedAt).toBeNull();
    expect(dateOf(article('<p class="rez_footer">Letzte Änderung: 31.10.2023 - 14:49:39 Erschienen am: 01.11.2023</p>')).publishedAt).toBe(
      '2023-11-01',
    );
    expect(dateOf(article('<p class="byline">By Jane Doe | Updated May 6, 2019</p>', { lang: 'en-US' })).publishedAt).toBeNull();
  });

  it('never takes a comment’s date, a related story’s, or a list of stories’', () => {
    const comments = article('', {
      tail: '<section id="comments"><article class="comment"><footer class="comment-meta"><time datetime="2021-02-01T10:00:00+01:00">1. Februar 2021</time></footer><p>Toller Artikel!</p></article></section>',
    });
    expect(dateOf(comments).publishedAt).toBeNull();
    const related = article(
      '<div class="related-posts"><ul><li><a href="/a">Older story</a> <time class="entry-date published" datetime="2020-12-03T07:32:49">3. Dezember 2020</time></li></ul></div>',
    );
    expect(dateOf(related).publishedAt).toBeNull();
    const list = article(
      '<ul><li><time datetime="2019-07-30">30 juil. 2019</time> Un billet</li><li><time datetime="2019-08-04">4 août 2019</time> Un autre</li><li><time datetime="2019-08-03">3 août 2019</time> Encore un</li></ul>',
      { lang: 'fr' },
    );
    expect(dateOf(list).publishedAt).toBeNull();
  });

  it('takes the day a <time> shows when its machine value says another', () => {
    const html = article('<div class="infos"><time datetime="2019-07-03T12:00:00Z">Publié le 29 juin 2019</time></div>', { lang: 'fr' });
    expect(day(dateOf(html).publishedAt)).toBe('2019-06-29');
  });

  it('keeps the page’s own day when a UTC time falls on the next day: the URL’s day, or a local time shown a whole zone away', () => {
    const url = 'https://paper.example/2023/11/08/mayor-elected/';
    expect(day(dateOf(page('', '<meta property="article:published_time" content="2023-11-09T03:28:35+00:00">'), url).publishedAt)).toBe('2023-11-08');
    const local = article('<p class="posted">Posted: Nov 8, 2023 / 10:35 PM</p>', {
      lang: 'en-US',
      head: '<meta property="article:published_time" content="2023-11-09T06:35:29+00:00">',
    });
    expect(day(dateOf(local).publishedAt)).toBe('2023-11-08');
    // A shown date without a time proves nothing about the zone: the metadata stands.
    const dateOnly = article('<p>Nov. 8, 2023</p>', {
      lang: 'en-US',
      head: '<meta property="article:published_time" content="2023-11-09T04:15:00Z">',
    });
    expect(day(dateOf(dateOnly).publishedAt)).toBe('2023-11-09');
  });

  it('prefers the URL’s day when the metadata is later by more than a day (a later edit)', () => {
    const html = page('', '<meta property="article:published_time" content="2019-06-17T18:28:00+02:00">');
    expect(dateOf(html, 'https://blog.example/home/2017/7/12/unter-uns').publishedAt).toBe('2017-07-12');
  });

  it('abstains when the page shows a later date that is its modification date, and takes a later marked date that is not', () => {
    const head =
      '<meta property="article:published_time" content="2021-11-29T14:13:37+00:00"><meta property="article:modified_time" content="2022-01-12T14:27:30+00:00">';
    expect(dateOf(article('<div class="post-date">12.01.2022</div>', { head })).publishedAt).toBeNull();
    const stale = '<meta property="article:published_time" content="2011-02-21T17:47:28+01:00">';
    expect(day(dateOf(article('<div class="date">03.03.2011, 14:17</div>', { head: stale })).publishedAt)).toBe('2011-03-03');
  });

  it('prefers the page’s marked date to a generic name="date" meta, which is as often the last change', () => {
    const html = article('<p class="date">29.04.2020, 12:01 Uhr</p>', { head: '<meta name="date" content="2020-04-30">' });
    expect(dateOf(html).publishedAt).toBe('2020-04-29T12:01:00');
  });

  it('drops dates in the future and before 1995', () => {
    expect(dateOf(article('<p class="date">Veröffentlicht am 01.03.2199</p>')).publishedAt).toBeNull();
    expect(dateOf(article('<p class="date">Veröffentlicht am 01.03.1989</p>')).publishedAt).toBeNull();
  });

  it('settles 02/10/2020 by the page language, and abstains where none is declared', () => {
    expect(dateOf(article('<p class="date">02/10/2020</p>', { lang: 'en-GB' })).publishedAt).toBe('2020-10-02');
    expect(dateOf(article('<p class="date">02/10/2020</p>', { lang: 'en-US' })).publishedAt).toBe('2020-02-10');
    expect(dateOf(article('<p class="date">02/10/2020</p>', { lang: '' }).replace(' lang=""', '')).publishedAt).toBeNull();
  });

  it('falls back on the URL, then on a date in the headline', () => {
    expect(dateOf(page(''), 'https://example.se/20200428/meet-the-swede').publishedAt).toBe('2020-04-28');
    const headline = article('').replace('Story headline for the test page', 'Bericht zur Coronalage vom 22.04.2020');
    expect(dateOf(headline).publishedAt).toBe('2020-04-22');
  });
});
