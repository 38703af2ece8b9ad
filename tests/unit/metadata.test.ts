/**
 * Headline and author extraction (core/metadata.ts, core/authors.ts): the
 * patterns real news pages show, each in a few templates and languages.
 * Fixture pages are in tests/fixtures/metadata/; the short pages below are
 * written for these tests (no wording copied from a corpus page).
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { authorNames, cleanAuthor } from '../../core/authors';
import { digestPage } from '../../core/digest';
import { detect } from '../../core/detect';
import { decodeEntities } from '../../core/text';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/metadata/${name}`, import.meta.url), 'utf8');

interface Parts {
  title?: string;
  head?: string;
  jsonLd?: unknown;
  h1?: string;
  byline?: string;
}

/** A news page: <title>, meta tags, JSON-LD, an <h1> in the article, a byline, two paragraphs. */
function newsPage({ title = '', head = '', jsonLd, h1, byline }: Parts): string {
  const ld =
    jsonLd === undefined ? '' : `<script type="application/ld+json">${typeof jsonLd === 'string' ? jsonLd : JSON.stringify(jsonLd)}</script>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title><meta property="og:type" content="article">${head}${ld}</head><body><main><article>${h1 === undefined ? '' : `<h1>${h1}</h1>`}${byline ?? ''}<p>${'The council met on Tuesday evening and voted on the plan after a long debate about costs. '.repeat(3)}</p><p>${'Residents who spoke at the meeting asked for more time to read the proposal. '.repeat(3)}</p></article></main></body></html>`;
}

const meta = (key: string, value: string) =>
  `<meta ${key.includes(':') && !key.startsWith('twitter') ? 'property' : 'name'}="${key}" content="${value.replace(/"/g, '&quot;')}">`;
const run = (html: string, url = 'https://www.example-news.com/2024/03/04/story/') => detect(doc(html), url).page;
const headline = (parts: Parts, url?: string) => run(newsPage(parts), url).headline;
const authors = (parts: Parts, url?: string) => run(newsPage(parts), url).authors;

describe('headline: character references', () => {
  it('decodes the references WordPress SEO plugins write into JSON-LD strings', () => {
    expect(
      headline({ title: 'x', jsonLd: { '@type': 'NewsArticle', headline: 'Talks resume in Geneva &#8211; &#8220;a long night&#8221; ahead' } }),
    ).toBe('Talks resume in Geneva – “a long night” ahead');
    expect(headline({ title: 'x', jsonLd: { '@type': 'BlogPosting', headline: 'Fish &amp; chips: the town&#8217;s best' } })).toBe(
      'Fish & chips: the town’s best',
    );
    expect(headline({ title: 'x', jsonLd: { '@type': 'NewsArticle', headline: 'Neue Regeln f&uuml;r &#x201E;Mini-Jobs&#x201C;' } })).toBe(
      'Neue Regeln für „Mini-Jobs“',
    );
  });
  it('decodes a meta value escaped twice', () => {
    expect(headline({ title: 'x', head: meta('og:title', 'The mayor&amp;#8217;s last budget') })).toBe('The mayor’s last budget');
  });
  it('leaves an unknown name and a bare ampersand as written', () => {
    expect(decodeEntities('Q&A: rates &madeup; & more')).toBe('Q&A: rates &madeup; & more');
  });
  it('gives the Yoast page its headline, decoded and without the site name', () => {
    const page = run(fixture('wordpress-yoast.html'), 'https://coastlineledger.example/2024/03/04/harbor-pilots-strike-ends/');
    expect(page.headline).toBe('Harbor pilots’ strike ends after 11 days – ferries run again');
  });
});

describe('headline: the site name off either end', () => {
  const site = meta('og:site_name', 'Daily Courier');
  it.each([
    ['Bridge reopens after repairs | Daily Courier'],
    ['Bridge reopens after repairs - Daily Courier'],
    ['Bridge reopens after repairs – Daily Courier'],
    ['Bridge reopens after repairs — Daily Courier'],
    ['Bridge reopens after repairs · Daily Courier'],
    ['Bridge reopens after repairs » Daily Courier'],
    ['Bridge reopens after repairs :: Daily Courier'],
    ['Daily Courier | Bridge reopens after repairs'],
    ['Daily Courier: Bridge reopens after repairs'],
    ['Bridge reopens after repairs [Daily Courier]'],
  ])('%s', (title) => {
    expect(headline({ title, head: site })).toBe('Bridge reopens after repairs');
  });
  it('a site name with its tagline, written whole or after a section', () => {
    const tagline = meta('og:site_name', 'Valley Herald - Good News for the Valley');
    expect(headline({ title: 'Bakery wins prize - Valley Herald - Good News for the Valley', head: tagline })).toBe('Bakery wins prize');
    expect(
      headline(
        { title: 'Markt: Händler ziehen Bilanz - Lokales - Stadtbote.de - Ihr Portal für die Region' },
        'https://www.stadtbote.de/lokales/markt/',
      ),
    ).toBe('Markt: Händler ziehen Bilanz - Lokales');
  });
  it('the host name when no site name is declared ("Salon.com", "Wikimedia Blog")', () => {
    expect(headline({ title: 'Why the night bus matters - Metroline.com' }, 'https://www.metroline.com/story')).toBe('Why the night bus matters');
    expect(headline({ title: 'Maps in every language – Atlasworks Blog' }, 'https://blog.atlasworks.org/maps')).toBe('Maps in every language');
  });
  it('keeps a headline part that only mentions the host ("…: \\"Das Autohaus ist …\\"" on autohaus.example)', () => {
    expect(headline({ title: 'Händler-Chefin Weber: "Das Autohaus bleibt unverzichtbar"' }, 'https://www.autohaus.de/x')).toBe(
      'Händler-Chefin Weber: "Das Autohaus bleibt unverzichtbar"',
    );
    expect(headline({ title: 'Zehn Jahre stadtbote.de' }, 'https://www.stadtbote.de/jubilaeum')).toBe('Zehn Jahre stadtbote.de');
  });
  it("drops an author's name a site puts after the headline", () => {
    expect(
      headline({ title: 'Why I stopped flying | Priya Raman | Opinion', head: meta('author', 'Priya Raman') + meta('og:site_name', 'Opinion') }),
    ).toBe('Why I stopped flying');
  });
  it('drops a separator left where the site name was meant to be', () => {
    expect(headline({ title: 'Reitverband wählt neuen Vorstand -', head: meta('og:title', 'Reitverband wählt neuen Vorstand -') })).toBe(
      'Reitverband wählt neuen Vorstand',
    );
  });
  it('never truncates a long headline', () => {
    const long =
      'Regional transport board approves new timetable after months of complaints about late trains, missed connections and crowded carriages on the coast line';
    expect(headline({ title: `${long} | Daily Courier`, head: site, jsonLd: { '@type': 'NewsArticle', headline: long } })).toBe(long);
  });
});

describe('headline: the visible <h1> as arbiter', () => {
  it('cuts an unknown site suffix or prefix where the <h1> ends', () => {
    expect(headline({ title: 'Parken in der Altstadt – mein kleiner Reiseblog', h1: 'Parken in der Altstadt' })).toBe('Parken in der Altstadt');
    expect(headline({ title: 'Nouvelle piste cyclable sur les quais ‹ Le Vélo Lyonnais', h1: 'Nouvelle piste cyclable sur les quais' })).toBe(
      'Nouvelle piste cyclable sur les quais',
    );
    expect(headline({ title: 'Garden diary, week 12 [The Allotment]', h1: 'Garden diary, week 12' })).toBe('Garden diary, week 12');
    expect(headline({ title: '台风过后的第一天 _本地新闻 _东海网', h1: '台风过后的第一天' })).toBe('台风过后的第一天');
    expect(headline({ title: '新しい駅ビルが開業へ|まちナビ', h1: '新しい駅ビルが開業へ' })).toBe('新しい駅ビルが開業へ');
  });
  it('an <h1> that is the site logo is cut from the title, not taken as the headline', () => {
    expect(headline({ title: 'Circuit Notes: Building a tiny FPGA board at home', h1: 'Circuit Notes' })).toBe('Building a tiny FPGA board at home');
    expect(headline({ title: 'Linsensuppe mit Speck | Kochen bei Tante Erna', h1: 'Kochen bei Tante Erna' })).toBe('Linsensuppe mit Speck');
    const blog = run(fixture('blog-logo-h1.html'), 'https://backstube-deich.example/2023/05/rhabarberkuchen/');
    expect(blog.headline).toBe('Rhabarberkuchen mit Streuseln vom Blech');
  });
  it('an <h1> that is a section or a caption is ignored', () => {
    expect(headline({ title: 'Storm closes mountain pass | Daily Courier', head: meta('og:site_name', 'Daily Courier'), h1: 'Weather' })).toBe(
      'Storm closes mountain pass',
    );
  });
  it('the kicker the <h1> and the other sources write is kept when JSON-LD drops it', () => {
    const kicker = 'Neue Abrechnung: Musiker fordern faire Vergütung';
    expect(
      headline({
        title: kicker,
        head: meta('og:title', kicker),
        h1: kicker,
        jsonLd: { '@type': 'NewsArticle', headline: 'Musiker fordern faire Vergütung' },
      }),
    ).toBe(kicker);
  });
  it('a kicker before the <h1> in the title is cut', () => {
    expect(headline({ title: 'Stadtrat: Mehr Geld für Spielplätze', h1: 'Mehr Geld für Spielplätze' })).toBe('Mehr Geld für Spielplätze');
  });
  it('writes the headline the way most sources do (quotes, dashes)', () => {
    // og:title and <h1> typeset, JSON-LD with straight quotes: the typeset form.
    expect(
      headline({
        title: 'x',
        head: meta('og:title', 'Mayor on the budget: ‘We had no choice’'),
        h1: 'Mayor on the budget: ‘We had no choice’',
        jsonLd: { '@type': 'NewsArticle', headline: "Mayor on the budget: 'We had no choice'" },
      }),
    ).toBe('Mayor on the budget: ‘We had no choice’');
    // Three sources with straight quotes, the <h1> alone typeset: straight.
    const straight = 'Student says the pills "burned her up"';
    expect(
      headline({ title: straight, head: meta('og:title', straight) + meta('twitter:title', straight), h1: 'Student says the pills “burned her up”' }),
    ).toBe(straight);
  });
  it('an <h1> with a subtitle or a date glued on is not taken for a longer headline', () => {
    expect(
      headline({ title: 'Zuschauer kehren in die Hallen zurück', h1: 'Zuschauer kehren in die Hallen zurück 02.02.2022 • Verband, Presse' }),
    ).toBe('Zuschauer kehren in die Hallen zurück');
    expect(
      headline({
        title: 'Night trains are back',
        head: meta('og:title', 'Night trains are back'),
        h1: 'Night trains are back Operators add six routes for the summer',
      }),
    ).toBe('Night trains are back');
  });
  it('a different wording in JSON-LD (SEO) than in og:title and the <h1> (social): JSON-LD, as Readability does', () => {
    expect(
      headline({
        title: 'x',
        head: meta('og:title', 'The 12 best films of the year'),
        h1: 'The 12 best films of the year',
        jsonLd: { '@type': 'NewsArticle', headline: 'How to stream the 12 best films of the year' },
      }),
    ).toBe('How to stream the 12 best films of the year');
  });
});

describe('headline: shortened and generic candidates', () => {
  it('a JSON-LD headline cut with an ellipsis gives way to the full one', () => {
    const full = 'Taiwan’s president says talks with the mainland can resume once both sides agree on the agenda for the first meeting';
    expect(
      headline({
        title: `${full} | Far East Wire`,
        head: meta('og:site_name', 'Far East Wire'),
        jsonLd: { '@type': 'NewsArticle', headline: 'Taiwan’s president says talks with the mainland can resume once both sides agree on the…' },
      }),
    ).toBe(full);
  });
  it('a JSON-LD headline cut at 110 characters without a mark gives way to the <h1>', () => {
    const full = 'Teachers in three districts vote to strike next month unless the state restores the funding it cut from rural schools last spring';
    expect(headline({ title: 'x', h1: full, jsonLd: { '@type': 'NewsArticle', headline: full.slice(0, 110) } })).toBe(full);
  });
  it('skips an og:title that is only the site name', () => {
    expect(
      headline({
        title: 'Hafen meldet Rekordumschlag - Nordsee Kurier',
        head: meta('og:title', 'Nordsee Kurier') + meta('og:site_name', 'Nordsee Kurier'),
      }),
    ).toBe('Hafen meldet Rekordumschlag');
  });
  it('skips an og:title that is the site name and its tagline, and an application-name that is the headline', () => {
    const page = run(fixture('portal-tagline-og.html'), 'https://www.sierravalleynews.com/wildfire-lone-pine-evacuation');
    expect(page.headline).toBe('Wildfire near Lone Pine forces evacuation of 2,000 residents');
  });
  it('takes the <h1> when every other source is the site name', () => {
    expect(
      headline({
        title: 'ACME Widgets',
        head: meta('og:title', 'ACME Widgets') + meta('og:site_name', 'ACME Widgets'),
        h1: 'Our new widget ships in May',
      }),
    ).toBe('Our new widget ships in May');
  });
  it('ignores a JSON-LD "name" that is the site', () => {
    expect(
      headline({
        title: 'Ledger Today',
        head: meta('og:site_name', 'Ledger Today'),
        jsonLd: { '@type': 'NewsArticle', headline: 'Port strike ends', name: 'Ledger Today' },
      }),
    ).toBe('Port strike ends');
  });
});

describe('author: cleaning a written name', () => {
  it.each([
    ['By GRACE OKAFOR March 4, 2024 9:15 AM', 'GRACE OKAFOR'],
    ['By Nathan Hale March 25, 2015', 'Nathan Hale'],
    ['by Lucas Moreno22 Dec 2016651', 'Lucas Moreno'],
    ['Dan Porter - Apr 16, 2015 8:02 pm UTC', 'Dan Porter'],
    ['James Whitby • 8h', 'James Whitby'],
    ['Von Max Mustermann am 26. Januar 2022, 13:36 Uhr', 'Max Mustermann'],
    ['VON PETRA HOLM am 21. April 2020', 'PETRA HOLM'],
    ['Par Jeanne Dupont le 12/02/2021 à 11:30', 'Jeanne Dupont'],
    ['Von Tomas Berger Fr, 18. Oktober 2019', 'Tomas Berger'],
    ['Posted by Andrew Lin', 'Andrew Lin'],
    ['Written by Rob Kessler Edited by Betty Moore', 'Rob Kessler'],
    ['View all posts by Daniel Mercer', 'Daniel Mercer'],
    ['Zeige alle Beiträge von Cem Aydın', 'Cem Aydın'],
    ['Post author By Helga Fink', 'Helga Fink'],
    ['AuthorAndreas Kühn', 'Andreas Kühn'],
    ['Veröffentlicht vonChris Jansen', 'Chris Jansen'],
    ['Author: Bo2man am 29.12.2010, 13:36 Uhr', 'Bo2man'],
    ['Autor/in: Korinna Weiß', 'Korinna Weiß'],
    ['Interview: Julia Lorenz', 'Julia Lorenz'],
    ['Por María Fernández', 'María Fernández'],
    ['di Marco Rinaldi', 'Marco Rinaldi'],
    ['door Sanne de Vries', 'Sanne de Vries'],
    ['erstellt von Dominik — veröffentlicht 28.01.2022 06:00', 'Dominik'],
    ['Jane Okoro | Updated 3 hours ago', 'Jane Okoro'],
    ['Ben Sorensen Games Editor', 'Ben Sorensen'],
    ['Jane Doe, Senior Political Reporter', 'Jane Doe'],
    ['Max Mustermann, Redakteur', 'Max Mustermann'],
    ['Marie Lefèvre, journaliste', 'Marie Lefèvre'],
    ['Dana Whitcomb Associated Press', 'Dana Whitcomb'],
    ['Dana Whitcomb, The Associated Press', 'Dana Whitcomb'],
    ['Rob Picard, CNN', 'Rob Picard'],
    ['Los Angeles Times (TNS)', 'Los Angeles Times'],
    ['Paul Ng | Reuters', 'Paul Ng'],
    ['Julia Brandt Alle Artikel', 'Julia Brandt'],
    ['Sam Ortiz Follow', 'Sam Ortiz'],
    ['Lena Park Twitter Email', 'Lena Park'],
    ['Bradley Kowal (http://kowal.example/about/)', 'Bradley Kowal'],
    ['Lüder Hansen info@hansen-buero.example', 'Lüder Hansen'],
    ['Brenda Goodwin, MA', 'Brenda Goodwin'],
    ['Grant Tilley, PhD', 'Grant Tilley'],
    ['Bündnis 90/Die Grünen Landtagsfraktion', 'Bündnis 90/Die Grünen Landtagsfraktion'],
    ['News4Max Desk', 'News4Max Desk'],
    ['Mac & i', 'Mac & i'],
    ['Antrim Court Reporter', 'Antrim Court Reporter'],
  ])('%s → %s', (raw, clean) => {
    expect(cleanAuthor(raw)).toBe(clean);
  });
  it.each([
    'Follow Author',
    'Staff Writer',
    'No Author',
    'admin',
    'wordpressadmin',
    'Unknown',
    'https://www.facebook.com/coastlineledger',
    'facebook.com/somepage',
    '@handle',
    'Last Updated: January 7, 2025',
    '8. November 2021',
    '5 minutes ago',
  ])('%s is no name', (raw) => {
    expect(cleanAuthor(raw)).toBeNull();
  });
});

describe('author: several names', () => {
  it.each([
    ['Jane Doe and John Roe', ['Jane Doe', 'John Roe']],
    ['Jane Doe, John Roe and Ann Lee', ['Jane Doe', 'John Roe', 'Ann Lee']],
    ['Anna Berg und Jonas Falk', ['Anna Berg', 'Jonas Falk']],
    ['Martin Ulrich (avec Damien Roux et Morgane Petit)', ['Martin Ulrich', 'Damien Roux', 'Morgane Petit']],
    ['Ralph Stein/Carla Notter', ['Ralph Stein', 'Carla Notter']],
    ['Jane Doe & John Roe', ['Jane Doe', 'John Roe']],
    ['Mac & i', ['Mac & i']],
    ['José Ortega y Gasset', ['José Ortega y Gasset']],
    ['Glen Owens And Bren Carlow For The Sunday Courier', ['Glen Owens', 'Bren Carlow']],
    ['Markus Hafner, London, Beat Baumann', ['Markus Hafner', 'Beat Baumann']],
    ['Harm, Robert', ['Robert Harm']],
    ['Jong, Michiel de', ['Michiel de Jong']],
    ['det/dpa', ['det']],
    ['Le Courrier with AFP', ['Le Courrier']],
  ])('%s', (raw, names) => {
    expect(authorNames(raw)).toEqual(names);
  });
  it('lists JSON-LD authors and joins them for display', () => {
    const page = run(
      newsPage({
        title: 'x',
        jsonLd: {
          '@type': 'NewsArticle',
          headline: 'x',
          author: [
            { '@type': 'Person', name: 'Ana Ruiz' },
            { '@type': 'Person', name: 'By Li Wei' },
            { '@type': 'Person', name: 'Tom Field' },
          ],
        },
      }),
    );
    expect(page.authors).toEqual(['Ana Ruiz', 'Li Wei', 'Tom Field']);
    expect(page.author).toBe('Ana Ruiz, Li Wei and Tom Field');
  });
  it('the Yoast page: both JSON-LD authors, "&" kept inside the second', () => {
    const page = run(fixture('wordpress-yoast.html'), 'https://coastlineledger.example/2024/03/04/harbor-pilots-strike-ends/');
    expect(page.authors).toEqual(['Marisol Quintero-Vance', 'Teodor & Anika Brandt']);
  });
});

describe('author: which source', () => {
  const byline = (text: string) => `<p class="byline">${text}</p>`;
  it('prefers a JSON-LD person to byline markup', () => {
    expect(
      authors({
        title: 'x',
        jsonLd: { '@type': 'NewsArticle', headline: 'x', author: { '@type': 'Person', name: 'Ines Kohl' } },
        byline: byline('By Someone Else'),
      }),
    ).toEqual(['Ines Kohl']);
  });
  it('a meta author that is the site itself gives way to the byline, and stands when there is none', () => {
    const site = meta('og:site_name', 'Riverside Evening Post') + meta('author', 'Riverside Evening Post');
    expect(authors({ title: 'x', head: site, byline: byline('By Tom Alder, Staff Writer') })).toEqual(['Tom Alder']);
    expect(authors({ title: 'x', head: site })).toEqual(['Riverside Evening Post']);
    expect(authors({ title: 'x', head: meta('author', 'Stadtwerke Nord GmbH'), byline: byline('Von Jana Wulf') })).toEqual(['Jana Wulf']);
  });
  it('a JSON-LD organisation is the author only when nothing better is there', () => {
    const org = { '@type': 'NewsArticle', headline: 'x', author: { '@type': 'Organization', name: 'Metro Desk News' } };
    expect(authors({ title: 'x', jsonLd: org, byline: byline('By Carla Mendes') })).toEqual(['Carla Mendes']);
    expect(authors({ title: 'x', jsonLd: org })).toEqual(['Metro Desk News']);
  });
  it('an article:author that is a profile URL is no name; the next meta tag is read', () => {
    expect(
      authors({ title: 'x', head: meta('article:author', 'https://www.facebook.com/janedoe.writer') + meta('parsely-author', 'Jane Doe') }),
    ).toEqual(['Jane Doe']);
  });
  it('a meta tag that names more of the same people wins over JSON-LD', () => {
    expect(
      authors({
        title: 'x',
        head: meta('author', "April Rowe, Daniel O'Malley"),
        jsonLd: { '@type': 'NewsArticle', headline: 'x', author: { '@type': 'Person', name: 'April Rowe' } },
      }),
    ).toEqual(['April Rowe', "Daniel O'Malley"]);
  });
  it('the dated byline with a job title and an update stamp', () => {
    const page = run(fixture('byline-dated.html'), 'https://www.riversideeveningpost.com/news/county-flood-barriers/');
    expect(page.authors).toEqual(['GRACE OKAFOR']);
    expect(page.headline).toBe('County approves budget for new flood barriers');
  });
  it('the agency glued to the byline name', () => {
    expect(run(fixture('portal-tagline-og.html'), 'https://www.sierravalleynews.com/wildfire-lone-pine-evacuation').authors).toEqual([
      'Dana Whitcomb',
    ]);
  });
  it('the byline glued to its label on an old blog', () => {
    expect(run(fixture('blog-logo-h1.html'), 'https://backstube-deich.example/2023/05/rhabarberkuchen/').authors).toEqual(['Hannelore Brinkmann']);
  });
  it('a gender-neutral label ("Autor:innen") is no author line', () => {
    const page = newsPage({
      title: 'x',
      jsonLd: { '@type': 'NewsArticle', headline: 'x', author: { '@type': 'Person', name: 'Felix Ebert' } },
    }).replace('<p>', '<p>Autor:innen |</p><p>');
    expect(run(page).authors).toEqual(['Felix Ebert']);
  });
});

describe('author: the digest reads byline markup only when no person is named in structured data', () => {
  const withByline = (head: string) => newsPage({ title: 'x', head, byline: '<p class="byline">By Carla Mendes</p>' });
  it('reads it when the meta author is the site', () => {
    const digest = digestPage(doc(withByline(meta('og:site_name', 'Metro Desk') + meta('author', 'Metro Desk'))), 'https://www.metrodesk.com/a');
    expect(digest.bylines.flat()).toContain('By Carla Mendes');
  });
  it('skips it when the meta author is a person', () => {
    const digest = digestPage(doc(withByline(meta('author', 'Ines Kohl'))), 'https://www.metrodesk.com/a');
    expect(digest.bylines).toEqual([]);
  });
});
