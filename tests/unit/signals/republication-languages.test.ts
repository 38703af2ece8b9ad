/**
 * "First published in …" credits in the languages real pages use, reblogs and reposts
 * (core/signals/republication.ts), with the look-alikes: an update of the site's own article, a
 * first-publication date, the page's own blog.
 */
import { describe, expect, it } from 'vitest';
import { page, run } from './helpers';

const URL = 'https://www.autorenblog.example/2017/06/07/sorgfaltspflicht/';
const credit = (line: string, head = '') =>
  run(page(`<p>${'Ein längerer Absatz des Beitrags mit seinem eigentlichen Inhalt. '.repeat(3)}</p><p><em>${line}</em></p>`, head), URL);

describe('"first published in" in other languages', () => {
  it('German: "Dieser Beitrag ist am … in der Wochenzeitung „…“ erschienen.", "erschien zuerst bei …"', () => {
    const weekly = credit('Dieser Beitrag ist am 1. Juni 2017 in der Wochenzeitung „der Sonntagsbote“ erschienen.');
    expect(weekly.syndicated).toBe(true);
    expect(weekly.original?.publisher).toBe('der Sonntagsbote');
    expect(credit('Dieser Artikel erschien zuerst bei Stadtmagazin Nord.').original?.publisher).toBe('Stadtmagazin Nord');
  });
  it('French, Spanish, Italian, Portuguese, Dutch, Polish', () => {
    expect(credit('Cet article a été initialement publié dans Le Courrier du Lac.').original?.publisher).toBe('Le Courrier du Lac');
    expect(credit('Este artículo fue publicado originalmente en El Diario del Sur.').original?.publisher).toBe('El Diario del Sur');
    expect(credit('Questo articolo è stato pubblicato originariamente su Il Gazzettino Verde.').original?.publisher).toBe('Il Gazzettino Verde');
    expect(credit('Este artigo foi publicado originalmente no Jornal da Serra.').original?.publisher).toBe('Jornal da Serra');
    expect(credit('Dit artikel verscheen eerder in De Noorderkrant.').original?.publisher).toBe('De Noorderkrant');
    expect(credit('Artykuł ukazał się pierwotnie w Gazeta Pomorska.').original?.publisher).toBe('Gazeta Pomorska');
  });
  it("not: an update of the site's own article, a first-publication date, the page's own blog", () => {
    expect(credit('* Cet article, initialement publié en avril 2017, a fait l’objet d’une mise à jour.').syndicated).toBe(false);
    expect(credit('Erstveröffentlichung: 25. März 2020').syndicated).toBe(false);
    const own = credit('Dieser Beitrag erschien zuerst im Blog Autorenblog.example', '<meta property="og:site_name" content="Autorenblog">');
    expect(own.syndicated).toBe(false);
    expect(own.signals.map((s) => s.kind)).toContain('self-reference');
  });
});

describe('reblogs and reposts', () => {
  it('a WordPress.com reblog names the blog and links its post', () => {
    const html = `<html><head><title>Rebloggt von Gartenfreunde Nord: Tomaten im Herbst | Der Stadtgärtner</title><meta property="og:title" content="Rebloggt von Gartenfreunde Nord: Tomaten im Herbst"><meta property="og:site_name" content="Der Stadtgärtner"></head><body><article><h1>Rebloggt von Gartenfreunde Nord: Tomaten im Herbst</h1><p>Ein schöner Beitrag, den ich gern teile.</p><div class="wpcom-reblog-snapshot"><p><a href="https://gartenfreundenord.wordpress.com/2013/12/08/tomaten-im-herbst/">Rebloggt von Gartenfreunde Nord: Tomaten im Herbst:</a></p><p>${'Im Herbst reifen die letzten Tomaten nach. '.repeat(5)}</p></div></article></body></html>`;
    const r = run(html, 'https://stadtgaertner.wordpress.com/2013/12/09/rebloggt-von-gartenfreunde-nord-tomaten-im-herbst/');
    expect(r.syndicated).toBe(true);
    expect(r.original?.publisher).toBe('Gartenfreunde Nord');
    expect(r.original?.url).toBe('https://gartenfreundenord.wordpress.com/2013/12/08/tomaten-im-herbst/');
  });
  it('"Reposted from …" and "Cross-posted from …"', () => {
    expect(credit('Reposted from the Harbor Policy Review.').original?.publisher).toBe('Harbor Policy Review');
    expect(credit('Cross-posted from Lake Country Notes.').original?.publisher).toBe('Lake Country Notes');
  });
});
