/**
 * The running example seen on the content farm's own site (its "Source link" and feed footer name only
 * itself, its headline ends "– The Washington Post": core/signals/headline-credit.ts); a publisher is a
 * name, checked where it is set (core/names.ts, core/detect.ts); when credits disagree the record says so.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isPublisherName } from '../../../core/names';
import { page, run } from './helpers';

const FARM = 'https://usa-news.biz/2025/02/22/washington/u-s-russia-hold-first-talks-on-ukraine-without-nato-allies-kyiv-the-washington-post/';

describe("a headline suffix where the page's own credits name only itself", () => {
  it("the running example on the farm's own address names The Washington Post, with the headline as evidence", () => {
    const html = readFileSync(new URL('../../fixtures/engine/running-example.html', import.meta.url), 'utf8');
    const r = run(html, FARM);
    expect(r.syndicated).toBe(true);
    expect(r.original?.publisher).toBe('The Washington Post');
    expect(r.original?.headline).toBe('U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv');
    const evidence = r.signals.find((s) => s.kind === 'headline-credit');
    expect(evidence?.evidence.text).toContain('– The Washington Post');
    expect(r.signals.map((s) => s.kind)).toContain('self-reference');
  });
  it('a farm page in its own words: self-referential source link, feed footer naming itself', () => {
    const html = page(
      '<p>Source link : <a href="https://dailywire-hub.example/2024/05/06/markets/">https://dailywire-hub.example/2024/05/06/markets/</a></p>' +
        '<p>The post <a href="https://dailywire-hub.example/2024/05/06/markets/">Stocks slide as rate fears return – Financial Times</a> first appeared on <a href="https://dailywire-hub.example">Daily Wire Hub</a>.</p>' +
        '<p>Copyright for syndicated content belongs to the linked Source.</p>',
      '<meta property="og:title" content="Stocks slide as rate fears return – Financial Times"><meta property="og:site_name" content="Daily Wire Hub">',
    );
    const r = run(html, 'https://dailywire-hub.example/2024/05/06/markets/');
    expect(r.original?.publisher).toBe('Financial Times');
    expect(r.original?.headline).toBe('Stocks slide as rate fears return');
  });
  it("not: a suffix naming the site itself, a suffix that is a date, a suffix without the farm's self-credits", () => {
    const own = page(
      '<p>Source link : <a href="https://dailywire-hub.example/x/">https://dailywire-hub.example/x/</a></p>',
      '<meta property="og:title" content="Stocks slide as rate fears return – Daily Wire Hub"><meta property="og:site_name" content="Daily Wire Hub">',
    );
    expect(run(own, 'https://dailywire-hub.example/x/').signals.map((s) => s.kind)).not.toContain('headline-credit');
    const dated = page(
      '<p>Source link : <a href="https://dailywire-hub.example/x/">https://dailywire-hub.example/x/</a></p><p>Copyright for syndicated content belongs to the linked Source.</p>',
      '<meta property="og:title" content="Council approves the new budget for the harbour – Apr 8">',
    );
    const record = run(dated, 'https://dailywire-hub.example/x/');
    expect(record.original?.publisher ?? null).toBeNull();
    expect(record.signals.map((s) => s.kind)).not.toContain('headline-credit');
    const plain = page('<p>Our review of the new phone.</p>', '<meta property="og:title" content="The new phone, reviewed – Financial Times">');
    expect(run(plain, 'https://www.gadgetdesk.example/review/').syndicated).toBe(false);
  });
});

describe('a publisher is a name', () => {
  it('dates, times, datelines and labels are not names', () => {
    for (const text of [
      'Apr 8',
      'April 8, 2020',
      '8 avril 2020',
      'Freitag, 04.02.2022',
      '10:46 PM',
      '2020-02-19',
      'WASHINGTON (AP) —',
      'Hamburg (dpa/lno)',
      'Source',
      'Quelle',
      '',
    ])
      expect(isPublisherName(text), text).toBe(false);
    for (const text of ['The Washington Post', 'dpa', 'ABC News (Australia)', '半月谈', '뉴스타파', 'brandeins.de', '20 Minutes', 'USA Today'])
      expect(isPublisherName(text), text).toBe(true);
  });
  it('every publisher reported comes with the evidence it was read from', () => {
    const r = run(page('<p>LOS ANGELES (AP) -- The studio said Tuesday that the premiere would go ahead.</p>'), 'https://www.valleytimes.example/x/');
    expect(r.original?.publisher).toBe('The Associated Press');
    expect(r.signals.some((s) => s.weight > 0 && s.evidence.text.includes('(AP)'))).toBe(true);
  });
});

describe('credits that disagree', () => {
  it('a dateline naming one agency and a byline another: a conflict signal (weight 0) and lower confidence', () => {
    const agreeing = run(
      page('<p>Jane Doe, Reuters</p><p>LONDON (Reuters) - Oil prices rose on Monday as supply worries returned.</p>'),
      'https://www.valleytimes.example/x/',
    );
    const disagreeing = run(
      page('<p>Jane Doe, Reuters</p><p>LONDON (AP) - Oil prices rose on Monday as supply worries returned.</p>'),
      'https://www.valleytimes.example/x/',
    );
    expect(agreeing.signals.map((s) => s.kind)).not.toContain('conflict');
    const conflict = disagreeing.signals.find((s) => s.kind === 'conflict');
    expect(conflict?.weight).toBe(0);
    expect(conflict?.detail).toMatch(/Reuters|Associated Press/);
    expect(disagreeing.confidence).toBeLessThan(agreeing.confidence);
    expect(disagreeing.syndicated).toBe(true);
  });
  it("an agency story on a partner's page with a canonical to the partner is one story, named after the agency", () => {
    const r = run(
      page(
        '<p>Hamburg (dpa/lno) – Trotz eines Gesprächs bleiben die Fronten verhärtet.</p>',
        '<link rel="canonical" href="https://www.regionalsender.example/newsticker/verhaertete-fronten-nach-tumulten/">',
      ),
      'https://www.stadtzeitung.example/hamburg/article202159566/',
    );
    expect(r.original?.publisher).toBe('dpa');
    expect(r.signals.map((s) => s.kind)).not.toContain('conflict');
  });
});
