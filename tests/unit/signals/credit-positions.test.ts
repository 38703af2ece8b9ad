/**
 * Where credits stand in real templates, and that the digest (core/digest.ts) reads them there: the
 * article's header outside its body, the story in the middle of a page whose root is the whole body or a
 * teaser card, a credit box just below the body, an article's own footer (not the site's).
 */
import { describe, expect, it } from 'vitest';
import { run } from './helpers';

const para = (text: string, n = 4) => `<p>${text.repeat(n)}</p>`;
const nav = Array.from({ length: 14 }, (_, i) => `<li><a href="/rubrik/${i}">Rubrik ${i}</a></li>`).join('');
const siteFooter = Array.from({ length: 30 }, (_, i) => `<p><a href="/service/${i}">Service-Link ${i}</a></p>`).join('');

describe("credits outside the article's body", () => {
  it("an editor's note between the headline and the body", () => {
    const html = `<html><head><title>Emissions dipped in 2019 | Weekly Review</title></head><body><header><ul>${nav}</ul></header><main><h1>Emissions dipped in 2019</h1><section class="writer"><h5><a href="/writer/nate">Nate Jones</a></h5></section><section class="source_section"><p class="editors_note">This post originally appeared on <a href="https://grist.org/energy/emissions-dipped-in-2019/">Grist</a>.</p></section><article>${para("Just a week into the new year, the first estimate of last year's pollution is in. ")}${para('Emissions fell two percent compared with the year before. ')}</article></main></body></html>`;
    const r = run(html, 'https://www.weeklyreview.example/2020/01/10/emissions-dipped_partner/');
    expect(r.syndicated).toBe(true);
    expect(r.original?.publisher).toBe('Grist');
  });
  it('a page without an article container: the closing credit in the middle of the page', () => {
    const html = `<html><head><title>Industriestrompreis: kein Ende der Debatte</title></head><body><ul>${nav}</ul><h1>Industriestrompreis: kein Ende der Debatte</h1><div>${para('Die Debatte über einen staatlich subventionierten Strompreis für die Industrie geht weiter. ')}${para('Der Minister drängt auf eine schnelle Entscheidung. ')}<p>Der Kanzler hat sich dazu bisher skeptisch geäußert. (dpa)</p></div><div>${siteFooter}</div></body></html>`;
    const r = run(html, 'https://wirtschaftsnachrichten.example/706332/industriestrompreis');
    expect(r.syndicated).toBe(true);
    expect(r.original?.publisher).toBe('dpa');
  });
  it("a teaser card taken for the article: the story's end is still read", () => {
    const html = `<html><head><title>Alleinerziehende entlasten</title></head><body><article class="teaser"><p>Mehr Kinderbetreuung gefordert</p></article><div class="content"><h1>Alleinerziehende entlasten</h1>${para('Die Familienverbände fordern einen flächendeckenden Ausbau der Kinderbetreuung. ')}${para('Alleinerziehende sollen rechtlich und sozial gleichgestellt werden. ')}<p style="text-align:right;">Quelle: <a href="https://www.kathpress.at">kathpress</a></p></div><footer>${siteFooter}</footer></body></html>`;
    const r = run(html, 'https://www.kirchenportal.example/aktuelles/136290/alleinerziehende');
    expect(r.syndicated).toBe(true);
    expect(r.original?.publisher).toBe('Kathpress');
  });
  it("an article's own footer holds its credit; the site's footer does not", () => {
    const own = `<html><head><title>Zug fällt aus</title></head><body><article><h1>Zug fällt aus</h1>${para('Die Strecke bleibt bis Freitag gesperrt, teilte die Bahn mit. ')}<footer class="entry-footer"><p>(dpa)</p></footer></article></body></html>`;
    expect(run(own, 'https://www.kreisbote.example/zug/').original?.publisher).toBe('dpa');
    const site = `<html><head><title>Zug fällt aus</title></head><body><article><h1>Zug fällt aus</h1>${para('Die Strecke bleibt bis Freitag gesperrt, teilte die Bahn mit. ')}</article><footer class="site-footer"><p>Agenturmeldungen: © dpa-infocom</p><p>(dpa)</p></footer></body></html>`;
    expect(run(site, 'https://www.kreisbote.example/zug/').syndicated).toBe(false);
  });
});
