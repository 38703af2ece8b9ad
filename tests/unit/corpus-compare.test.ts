/** The scoring the corpus tests and the accuracy report share (tests/corpus/compare.ts). */
import { describe, expect, it } from 'vitest';
import { dayAsWritten, dayAsWrittenOnPage, decodeEntities, sameAuthor, sameHeadline, sameOutlet } from '../corpus/compare';

describe('sameOutlet', () => {
  it('an agency by its abbreviation or its long name', () => {
    expect(sameOutlet('AP', 'The Associated Press')).toBe(true);
    expect(sameOutlet('Associated Press', 'AP')).toBe(true);
    expect(sameOutlet('Deutsche Presse-Agentur', 'dpa')).toBe(true);
    expect(sameOutlet('DPA', 'Deutsche Presse-Agentur')).toBe(true);
    expect(sameOutlet('AFP', 'Agence France-Presse')).toBe(true);
    expect(sameOutlet('Agence France Presse', 'AFP')).toBe(true);
    expect(sameOutlet('SID', 'Sport-Informations-Dienst')).toBe(true);
  });

  it('case and accents folded, a leading "The" dropped, one name inside the other', () => {
    expect(sameOutlet('the washington post', 'The Washington Post')).toBe(true);
    expect(sameOutlet('Suddeutsche Zeitung', 'Süddeutsche Zeitung')).toBe(true);
    expect(sameOutlet('Business Insider Inc', 'Business Insider')).toBe(true);
    expect(sameOutlet('Jiji', 'Jiji Press')).toBe(true);
  });

  it('any of the names a label gives: parentheses, slashes, "via"', () => {
    expect(sameOutlet('dpa', 'dpa-AFX / dpa')).toBe(true);
    expect(sameOutlet('KNA', 'KNA (Katholische Nachrichten-Agentur)')).toBe(true);
    expect(sameOutlet('Katholische Nachrichten-Agentur', 'KNA (Katholische Nachrichten-Agentur)')).toBe(true);
    expect(sameOutlet('JTA', 'Kveller (via JTA)')).toBe(true);
    expect(sameOutlet('Hebei Daily', 'Hebei Daily (河北日报)')).toBe(true);
    expect(sameOutlet('河北日报', 'Hebei Daily (河北日报)')).toBe(true);
  });

  it('a domain for the name it spells', () => {
    expect(sameOutlet('reclaimthenet.org', 'Reclaim The Net')).toBe(true);
    expect(sameOutlet('www.brandeins.de', 'brand eins')).toBe(true);
    expect(sameOutlet('courtneykirchoff.com', 'courtneykirchoff.com')).toBe(true);
    expect(sameOutlet('nbcboston.com', 'Boston Business Journal')).toBe(false);
  });

  it('different outlets, a lone generic word, or no answer do not match', () => {
    expect(sameOutlet('Reuters', 'The Associated Press')).toBe(false);
    expect(sameOutlet('AFP', 'dpa')).toBe(false);
    expect(sameOutlet('Press', 'Jiji Press')).toBe(false);
    expect(sameOutlet('News', 'Kyodo News')).toBe(false);
    expect(sameOutlet('Daily Mail', 'Hebei Daily (河北日报)')).toBe(false);
    expect(sameOutlet(null, 'AP')).toBe(false);
  });
});

describe('dayAsWritten', () => {
  it('the day the page wrote, not shifted to UTC', () => {
    expect(dayAsWritten('2020-01-02T23:30:00-05:00')).toBe('2020-01-02');
    expect(dayAsWritten('2020-01-02T00:30:00+09:00')).toBe('2020-01-02');
    expect(dayAsWritten('2021-11-01T10:52:50+0100')).toBe('2021-11-01');
    expect(dayAsWritten('2019-04-28 06:01:07')).toBe('2019-04-28');
    expect(dayAsWritten('2020-09-21')).toBe('2020-09-21');
  });

  it('other written forms in the offset they give', () => {
    expect(dayAsWritten('Thu, 05 Mar 2015 23:30:00 -0500')).toBe('2015-03-05');
    expect(dayAsWritten('Thu, 05 Mar 2015 00:30:00 +0100')).toBe('2015-03-05');
    expect(dayAsWritten('Thu, 05 Mar 2015 12:00:00 GMT')).toBe('2015-03-05');
  });

  it('null for no date or no day', () => {
    expect(dayAsWritten(null)).toBe(null);
    expect(dayAsWritten('')).toBe(null);
    expect(dayAsWritten('last Tuesday')).toBe(null);
    expect(dayAsWritten('2020-13-45')).toBe(null);
  });
});

describe('dayAsWrittenOnPage', () => {
  it("a UTC answer is read back as the page's own timestamp for the same instant", () => {
    const html = '<meta property="article:published_time" content="2020-01-02T23:30:00-05:00">';
    expect(dayAsWrittenOnPage('2020-01-03T04:30:00.000Z', html)).toBe('2020-01-02');
    expect(dayAsWrittenOnPage('2020-01-03T04:30:00.000Z', '<time datetime="2020-01-03 13:30:00+0900">')).toBe('2020-01-03');
  });

  it('the UTC day when the page writes that instant no other way', () => {
    expect(dayAsWrittenOnPage('2020-01-03T04:30:00.000Z', '<p>Posted 3 January 2020</p>')).toBe('2020-01-03');
    expect(dayAsWrittenOnPage(null, '')).toBe(null);
  });
});

describe('headlines and authors', () => {
  it('entities decoded, twice-escaped ones too', () => {
    expect(decodeEntities('Tom &amp; Jerry &#8211; &#x201C;live&#x201D; &amp;amp; more&nbsp;now')).toBe('Tom & Jerry – “live” & more now');
    expect(sameHeadline('Tom &amp; Jerry’s “Return”', 'Tom & Jerry\'s "Return"')).toBe(true);
  });

  it('a site suffix on either side, but not another headline', () => {
    expect(sameHeadline('Storm hits coast – The Daily Planet', 'Storm hits coast')).toBe(true);
    expect(sameHeadline('Storm hits coast', 'Storm hits coast | Daily Planet')).toBe(true);
    expect(sameHeadline('Storm leaves coast', 'Storm hits coast')).toBe(false);
  });

  it('an author inside a byline', () => {
    expect(sameAuthor('Jane Doe', 'By JANE DOE, Associated Press')).toBe(true);
    expect(sameAuthor(null, 'Jane Doe')).toBe(false);
  });
});
