/**
 * Agency and wire copy in several languages (core/signals/wire.ts, core/signals/agencies.ts): the
 * credit where it stands — dateline, closing credit, source line, "with AFP", copyright line, byline,
 * author field — and the look-alikes that are not a copy: citations in the text, photo credits, a teaser
 * list's sources, the agency's own site. Wording written for these tests, in the forms real pages use.
 */
import { describe, expect, it } from 'vitest';
import { kinds, page, run } from './helpers';

const URL = 'https://www.kreisbote.example/politik/2024/05/06/regierung-einigt-sich/';
const story = (first: string, rest = '') =>
  page(`<p>${first}</p><p>${'Die Verhandlungen dauerten bis in die Nacht, hieß es aus Teilnehmerkreisen. '.repeat(3)}</p>${rest}`);
const publisher = (html: string, url = URL) => {
  const record = run(html, url);
  return record.syndicated ? (record.original?.publisher ?? null) : null;
};

describe('agency datelines, any language', () => {
  it('German, Spanish, Polish, English, French, Italian forms', () => {
    expect(publisher(story('BERLIN (dpa) - Die Bundesregierung will den Ausbau der Stromnetze beschleunigen.'))).toBe('dpa');
    expect(publisher(story('Hamburg (dpa/lno) – Nach dem Brand in einer Lagerhalle ermittelt die Polizei.'))).toBe('dpa');
    expect(publisher(story('MADRID, 5 jun (EFE).- El Gobierno aprobó este martes el anteproyecto de ley.'))).toBe('EFE');
    expect(publisher(story('WARSZAWA (PAP) - Rząd przyjął w poniedziałek projekt ustawy o ochronie ludności.'))).toBe('PAP');
    expect(publisher(story('LOS ANGELES (AP) -- The studio said Tuesday that the premiere would go ahead.'))).toBe('The Associated Press');
    expect(publisher(story('Wiesbaden (KNA/iz). Der Bischof hat am Sonntag zu mehr Zusammenhalt aufgerufen.'))).toBe('KNA');
    expect(publisher(story('PARIS, 12 mars (AFP) - Le gouvernement a présenté mercredi son plan.'))).toBe('AFP');
    expect(publisher(story('ROMA (ANSA) - Il governo ha approvato il decreto nella notte.'))).toBe('ANSA');
    expect(publisher(story('Montpellier (SID) – Der Olympiasieger hat das Viertelfinale erreicht.'))).toBe('SID');
  });
  it("agencies' own dateline styles: PTI without a dash, Europa Press on a line of its own, TASS between slashes", () => {
    expect(publisher(story('New Delhi, Jan 5 (PTI) The government on Friday extended the deadline for filing returns.'))).toBe('PTI');
    expect(publisher(story('MADRID, 5 (EUROPA PRESS)', '<p>El Gobierno ha aprobado este martes el proyecto de ley.</p>'))).toBe('Europa Press');
    expect(publisher(story('MOSCOW, January 5. /TASS/. Russia has extended the grain deal for another month.'))).toBe('TASS');
    expect(publisher(story('BEIJING, Jan. 5 (Xinhua) -- China will further open its services sector, officials said.'))).toBe('Xinhua');
  });
  it("The Canadian Press's closing line", () => {
    expect(
      publisher(
        story(
          'OTTAWA — The federal government announced new funding on Friday.',
          '<p><em>This report by The Canadian Press was first published Jan. 5, 2024.</em></p>',
        ),
      ),
    ).toBe('The Canadian Press');
  });
  it("the dateline in the description when the body's start is not read as text", () => {
    const html = page(
      '<p>Weitere Einzelheiten wurden zunächst nicht bekannt.</p>',
      '<meta name="description" content="Bogotá (dpa) - Gebrochene Wirbelsäule, gebrochener Oberschenkel: der Radprofi liegt auf der Intensivstation.">',
    );
    expect(publisher(html)).toBe('dpa');
  });
  it("not: a place name before a bracket that is no agency, a dateline on the agency's own site", () => {
    expect(run(story('ALBANY, NY (NEWS10) — The renovated arena opens next week.'), URL).syndicated).toBe(false);
    expect(run(story('Berlin/Ratingen (DJV/FWR) – Der Verband fordert schärfere Regeln.'), URL).syndicated).toBe(false);
    expect(run(story('BERLIN (dpa) - Die Bundesregierung will den Ausbau beschleunigen.'), 'https://www.dpa.com/de/meldung/123').syndicated).toBe(
      false,
    );
    expect(run(story('LONDON (Reuters) - Shares rose on Monday.'), 'https://www.reuters.com/markets/x-2024-05-06/').syndicated).toBe(false);
  });
});

describe('closing credits', () => {
  it("a credit in brackets after the last sentence, with or without a desk's initials", () => {
    expect(publisher(story('Der Gemeinderat tagt am Dienstag.', '<p>Eine Entscheidung soll im Herbst fallen. (dpa)</p>'))).toBe('dpa');
    expect(publisher(story('Le Conseil fédéral a décidé mercredi.', '<p>Les cantons ont jusqu’à fin juin pour se prononcer. (ats/nxp)</p>'))).toBe(
      'Keystone-ATS',
    );
    expect(publisher(story('Der Vorstand kam zusammen.', '<p>Später kündigte der Manager doch sein Erscheinen an. (dpa/gem)</p>'))).toBe('dpa');
  });
  it('a credit line of its own: desk/agency, a Danish "– Ritzau –", "/ritzau/"', () => {
    expect(publisher(story('Der Zug fiel aus.', '<p>Die Strecke bleibt bis Freitag gesperrt.</p><p>mia/dpa</p>'))).toBe('dpa');
    expect(publisher(story('Regeringen fremlagde i dag sit udspil.', '<p>Forhandlingerne fortsætter i næste uge.</p><p>– Ritzau –</p>'))).toBe(
      'Ritzau',
    );
    expect(publisher(story('Politiet efterlyser vidner.', '<p>Sagen efterforskes fortsat.</p><p>/ritzau/</p>'))).toBe('Ritzau');
  });
  it('labelled source lines: Quelle, Fonte, Źródło, Fuente, 来源', () => {
    expect(publisher(story('Die Synode tagt in Bonn.', '<p>Quelle: epd</p>'))).toBe('epd');
    expect(publisher(story('Il vertice si è chiuso ieri.', '<p>Fonte: ANSA</p>'))).toBe('ANSA');
    expect(publisher(story('Sejm zebrał się w środę.', '<p>Źródło: PAP</p>'))).toBe('PAP');
    expect(publisher(story('El pleno votó la reforma.', '<p>Fuente: EFE</p>'))).toBe('EFE');
    expect(
      publisher(story('Die Bischöfe äußerten sich.', '<p style="text-align:right">Quelle: <a href="https://www.kathpress.at">kathpress</a></p>')),
    ).toBe('Kathpress');
  });
  it('a desk\'s rewrite of an agency\'s copy: "Le Monde avec AFP", "Mit Material von dpa", "Con información de EFE"', () => {
    expect(
      publisher(
        page(
          '<p class="meta__author">Le Kreisbote avec AFP</p><p>Le syndicat a trouvé un accord provisoire.</p>',
          '<meta property="og:site_name" content="Le Kreisbote">',
        ),
      ),
    ).toBe('AFP');
    expect(publisher(page('<p class="byline">Redaktion mit dpa</p><p>Die Preise steigen weiter.</p>'))).toBe('dpa');
    expect(publisher(story('Die Preise stiegen weiter.', '<p>Mit Material von dpa</p>'))).toBe('dpa');
    expect(publisher(story('El Gobierno anunció nuevas medidas.', '<p>Con información de EFE</p>'))).toBe('EFE');
  });
  it('agency copyright lines', () => {
    expect(
      publisher(
        story(
          'Shares fell.',
          '<p>Copyright 2020 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</p>',
        ),
      ),
    ).toBe('The Associated Press');
    expect(publisher(story('Der Radprofi wurde operiert.', '<p>© dpa-infocom, dpa:240124-99-835563/5</p>'))).toBe('dpa');
    expect(publisher(story('Der Flughafen meldet Rekordzahlen.', '<p>© dpa-AFX | Abb.: Flughafen | 07.11.2023 08:03</p>'))).toBe('dpa-AFX');
  });
});

describe('bylines and author fields', () => {
  it('an agency in the byline, after a name, alone, with a role or a date', () => {
    expect(publisher(page('<p>By JANE DOE Associated Press</p><p>The union reached a tentative deal.</p>'))).toBe('The Associated Press');
    expect(publisher(page('<p>Jane Doe, Reuters</p><p>Oil prices rose.</p>'))).toBe('Reuters');
    expect(publisher(page('<p>Von David Hutzler, dpa</p><p>Immer mehr junge Menschen handeln mit Aktien.</p>'))).toBe('dpa');
    expect(publisher(page('<p>ANDREW DALTON AP Entertainment Writer Updated 11/8/2023 10:46 PM</p>'))).toBe('The Associated Press');
    expect(publisher(page('<p class="credit">JIJI</p><p>KOBE – A total of 6,000 masks went missing.</p>'))).toBe('Jiji Press');
    expect(publisher(page('<div class="aut">SID</div><time>Freitag, 04.02.2022 | 11:38 Uhr</time>'))).toBe('SID');
    expect(publisher(page('<p class="article-date">Von: det/dpa</p>'))).toBe('dpa');
    expect(publisher(page('<p>PTI</p><p>The court adjourned the hearing.</p>'))).toBe('PTI');
  });
  it('the author fields: meta author, JSON-LD author (person or organization)', () => {
    expect(publisher(page('', '<meta name="author" content="dpa">'))).toBe('dpa');
    expect(
      publisher(
        page(
          '',
          '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":{"@type":"Person","name":"The Associated Press"}}</script>',
        ),
      ),
    ).toBe('The Associated Press');
    expect(
      publisher(
        page(
          '',
          '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":[{"@type":"Organization","name":"Le Monde with AFP"}]}</script>',
        ),
      ),
    ).toBe('AFP');
    expect(
      publisher(
        page('', '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":{"@type":"Person","name":"det/dpa"}}</script>'),
      ),
    ).toBe('dpa');
  });
  it("not: a person named like an agency, a photographer's credit, the agency listed as one of the site's authors", () => {
    expect(run(page('<p>By Michael Bloomberg</p><p>An essay on cities.</p>'), URL).syndicated).toBe(false);
    expect(run(page('<p>Lynne Sladky/Associated Press</p><p>Candidates met in Miami.</p>'), URL).syndicated).toBe(false);
    const siteAuthor = run(page('<p><a href="https://www.kreisbote.example/autor/afp">AFP</a></p><p>Ein Überblick über den Tag.</p>'), URL);
    expect(siteAuthor.syndicated).toBe(false);
    expect(siteAuthor.signals.some((s) => s.kind === 'wire' && s.weight > 0 && s.weight < 0.6)).toBe(true);
  });
});

describe('a credit, not a citation', () => {
  it('an agency cited in the text of a staff story', () => {
    const cited = page(
      '<p>Von Anna Berger</p>' +
        '<p>Der Konzern will 2.000 Stellen streichen, wie die Deutsche Presse-Agentur (dpa) aus Unternehmenskreisen erfuhr. Ein Sprecher sagte der dpa, man äußere sich nicht.</p>' +
        '<p>The company declined to comment, according to Reuters. A spokesman told AFP the talks would resume.</p>' +
        '<p>Wie der SWR berichtet, wurden die Defekte nicht manipuliert (Quelle: SWR). Die Ermittlungen laufen.</p>' +
        '<p>Die Polizei ermittelt weiter (Quelle: SWR)</p>',
    );
    expect(run(cited, URL).syndicated).toBe(false);
  });
  it("photo credits: in a figure, an image's wrapper, a photographer before the agency", () => {
    expect(
      run(page('<figure><img src="/a.jpg" alt=""><figcaption>Der Kanzler in Berlin. (AP Photo/Jane Doe)</figcaption></figure>'), URL).syndicated,
    ).toBe(false);
    expect(run(page('<figure><img src="/a.jpg" alt=""><figcaption>(afp)</figcaption></figure>'), URL).syndicated).toBe(false);
    expect(run(page('<div class="single-image-origin"><div class="credit">AFP</div></div>'), URL).syndicated).toBe(false);
    expect(run(page('<p>Foto: Soeren Stache/dpa</p><p>© dpa | Kay Nietfeld</p>'), URL).syndicated).toBe(false);
    expect(run(page('<div><a href="/bild.jpg"><img src="/bild.jpg" alt=""></a> <span>© 2012 APA/AP</span></div>'), URL).syndicated).toBe(false);
  });
  it('a heading or a sentence that only mentions an agency with "with"/"mit"', () => {
    expect(
      run(
        story(
          'Die Regierung (dpa) will das Gesetz ändern.',
          `<p>${'Weitere Einzelheiten folgen. '.repeat(8)}</p><h2>Interview with Reuters</h2><p>Ein Gespräch mit dpa</p>`,
        ),
        URL,
      ).syndicated,
    ).toBe(false);
  });
  it("a box of teasers naming each teaser's agency", () => {
    const teasers =
      '<div class="related-articles"><ul><li><a href="/a">Regierung stellt Haushalt vor</a></li><li>Reuters</li><li><a href="/b">Streik bei der Bahn</a></li><li>AFP</li></ul></div>';
    expect(run(page(teasers), URL).syndicated).toBe(false);
  });
  it('kinds: the wire family answers for every credit form', () => {
    expect(kinds(run(story('BERLIN (dpa) - Text.'), URL))).toContain('wire');
  });
});
