/**
 * Partners, sister papers, portals and aggregators (core/signals/source-credit.ts, content-farm.ts's
 * "Quelle:" line, portal.ts, canonical.ts): the credit names the original, in real-world wording written
 * for these tests; and the look-alikes (a caption's courtesy, a staff byline, the page's own name).
 */
import { describe, expect, it } from 'vitest';
import { page, run } from './helpers';

const URL = 'https://www.riverside-herald.example/2024/03/18/council-story/';
const prose = 'The council met on Monday evening and heard from residents about the plan for the old mill site. ';

describe('source fields and courtesy lines', () => {
  it("a Chinese portal's source field names another paper", () => {
    const html = `<html><head><title>城市更新进入快车道 - 东方网</title></head><body><div class="info"><span>2024-03-18 09:20:26</span> <span>来源： 解放日报</span></div><p>${'本报讯 城市更新工作稳步推进。'.repeat(20)}</p></body></html>`;
    const r = run(html, 'https://news.eastday.example/a/240318.html');
    expect(r.syndicated).toBe(true);
    expect(r.original?.publisher).toBe('解放日报');
    expect(r.signals.find((s) => s.kind === 'source-credit')?.evidence.text).toContain('来源');
  });
  it("the source field naming the page's own site is not a copy", () => {
    const html = `<html><head><title>城市更新进入快车道 - 东方网</title></head><body><div class="info"><span>2024-03-18 09:20:26</span> <span>来源：东方网</span></div><p>${'本报讯 城市更新工作稳步推进。'.repeat(20)}</p></body></html>`;
    expect(run(html, 'https://news.eastday.example/a/240318.html').syndicated).toBe(false);
  });
  it('"Courtesy of" a partner at the top of a post; not under a picture', () => {
    const r = run(
      page(
        `<p><em>Courtesy of Rainforest Journal</em></p><p><em>Written by: <a href="https://news.rainforestjournal.example/6353/indigenous-land-rights-and-forests">Maria Lopes</a></em></p><p>${prose}</p>`,
      ),
      URL,
    );
    expect(r.syndicated).toBe(true);
    expect(r.original?.publisher).toBe('Rainforest Journal');
    expect(run(page('<figure><img src="/m.jpg" alt=""><figcaption>Courtesy of NASA</figcaption></figure>'), URL).syndicated).toBe(false);
  });
});

describe('openers and bylines naming another outlet', () => {
  it('"<outlet> via JTA —" linked to the outlet\'s story', () => {
    const r = run(
      page(
        `<p><a href="https://www.familyweekly.example/meet-the-new-justice-of-the-state-supreme-court/">FAMILYWEEKLY via JTA</a> — The state has sworn in its first Native American justice of the Supreme Court, who also happens to be Jewish, officials said on Monday.</p>`,
      ),
      URL,
    );
    expect(r.syndicated).toBe(true);
    expect(r.original?.publisher).toBe('FAMILYWEEKLY');
    expect(r.original?.url).toBe('https://www.familyweekly.example/meet-the-new-justice-of-the-state-supreme-court/');
  });
  it('not an opener: a plain dateline, an image credit with a dash', () => {
    expect(
      run(page(`<p>WASHINGTON — The Senate passed the stopgap bill late on Friday after a long day of negotiations between the leaders.</p>`), URL)
        .syndicated,
    ).toBe(false);
    expect(
      run(
        page(
          `<p><a href="https://www.stockpix.example/photo/755112">Stockpix 755112</a> – deadline concept, a clock on a desk with papers and a cup of coffee beside it.</p>`,
        ),
        URL,
      ).syndicated,
    ).toBe(false);
  });
  it('"By Joe Doe, The Washington Post" on another paper', () => {
    const r = run(page(`<p>By Joe Doe, The Washington Post</p><p>${prose}</p>`), URL);
    expect(r.syndicated).toBe(true);
    expect(r.original?.publisher).toBe('The Washington Post');
  });
  it('not: staff roles, the own paper, a sister title "For The Mail On Sunday"', () => {
    expect(run(page(`<p>By Jane Doe, Staff Writer</p><p>${prose}</p>`), URL).syndicated).toBe(false);
    expect(run(page(`<p>By Ron Roe, General Assignment Reporter, HuffPost</p><p>${prose}</p>`), URL).syndicated).toBe(false);
    expect(
      run(page(`<p>By Jane Doe, Riverside Herald</p><p>${prose}</p>`, '<meta property="og:site_name" content="Riverside Herald">'), URL).syndicated,
    ).toBe(false);
    expect(run(page(`<p>By Glen Owen And Brendan Carlin For The Mail On Sunday</p><p>${prose}</p>`), URL).syndicated).toBe(false);
  });
});

describe("aggregators' source lines", () => {
  it('"Quelle: <link to the story>" with the URL, the headline or the site as its text', () => {
    const url = run(
      page(
        `<p>${prose}</p><h3><a href="https://www.wirtschaftsheft.example/magazin/2019/qualitaet/was-wurde-aus-six-sigma">Quelle: https://www.wirtschaftsheft.example/magazin/2019/qualitaet/was-wurde-aus-six-sigma</a></h3>`,
      ),
      URL,
    );
    expect(url.syndicated).toBe(true);
    expect(url.original?.url).toBe('https://www.wirtschaftsheft.example/magazin/2019/qualitaet/was-wurde-aus-six-sigma');
    expect(url.original?.publisher).toBe('wirtschaftsheft.example');
    const headline = run(
      page(
        `<p>${prose}</p><p>Quelle: <a href="https://privacywatch.example/un-program-pushes-digital-id-by-2030">UN Program Pushes Digital Public Infrastructure and Digital ID by 2030</a></p>`,
      ),
      URL,
    );
    expect(headline.syndicated).toBe(true);
  });
  it("an excerpt ending with its source site's name as a link", () => {
    const r = run(
      page(
        `<p>${'Island lockt auch im Winter: Abfahrten über unberührte Hänge und keine Spur vom Massentourismus. '.repeat(3)}<br><a href="https://www.grossezeitung-online.de/reise/island-die-spur-des-trolls-1.3921721">grossezeitung-online.de</a></p>`,
      ),
      URL,
    );
    expect(r.syndicated).toBe(true);
    expect(r.original?.url).toBe('https://www.grossezeitung-online.de/reise/island-die-spur-des-trolls-1.3921721');
  });
  it("not: a chart's source, a list of links ending the page, a citation of another paper", () => {
    expect(run(page(`<p>Source: <a href="https://www.statistics.example/data">Statistics office data</a></p>`), URL).syndicated).toBe(false);
    expect(
      run(
        page(
          `<p><a href="https://shop.example/b/one">Book one</a><br><a href="https://shop.example/b/two">Book two</a></p><p><a href="https://shop.example/new-books-in-our-shop.html">shop.example</a></p>`,
        ),
        URL,
      ).syndicated,
    ).toBe(false);
    expect(run(page(`<p>As reported by the Irish Examiner, the pair will each serve six years. ${prose}</p>`), URL).syndicated).toBe(false);
  });
});

describe('sister papers and portals', () => {
  it("a canonical to a sister paper, named by the article's copyright line", () => {
    const html = page(
      `<p>${prose}</p><div class="article-copyright">Copyright Bay Business Journal</div>`,
      '<link rel="canonical" href="https://www.bayside-tv.example/bay-business-journal/firms-are-shutting-down-heres-a-list/3176723/">',
    );
    const r = run(html, 'https://www.riverside-tv.example/news/firms-are-shutting-down-heres-a-list/3080368/');
    expect(r.syndicated).toBe(true);
    expect(r.original?.publisher).toBe('Bay Business Journal');
    expect(r.original?.url).toBe('https://www.bayside-tv.example/bay-business-journal/firms-are-shutting-down-heres-a-list/3176723/');
  });
  it('portals: Naver\'s provider logo and its "기사원문" link; au\'s service name', () => {
    const naver = `<html><head><title>기사 제목</title></head><body><div id="ct" role="main"><div class="media_end_head"><a href="https://newsroom.example.kr" class="media_end_head_top_logo"><img class="media_end_head_top_logo_img" alt="탐사뉴스"></a><h2>기사 제목</h2><div class="media_end_head_info"><span>2023.11.02. 오후 8:06</span> <a href="https://newsroom.example.kr/article/r8G4m" class="media_end_head_origin_link">기사원문</a></div></div><div id="newsct_article"><p>${'본문 내용입니다. '.repeat(30)}</p></div></div></body></html>`;
    const r = run(naver, 'https://n.news.naver.com/article/607/0000001728');
    expect(r.original?.publisher).toBe('탐사뉴스');
    expect(r.original?.url).toBe('https://newsroom.example.kr/article/r8G4m');
    const au = `<html><head><title>ニュース</title></head><body><article><h1>見出し</h1><p class="article__service-name">ニュース東京</p><p>${'本文です。'.repeat(40)}</p><p class="article__service-link"><a href="https://news.tokyo-tv.example/article?id=123">元記事を読む</a></p></article></body></html>`;
    expect(run(au, 'https://article.auone.jp/detail/1/3/6/307_3_r').original?.publisher).toBe('ニュース東京');
  });
  it('a translated piece linking "Lire l’article original" on the source\'s site', () => {
    const r = run(
      page(
        `<p>${prose}</p><p class="article-vo"><a href="https://www.wsj.com/video/how-the-tunnels-work/786D3FEB.html">Lire l’article original</a></p>`,
      ),
      'https://www.courrier.example/video/gaza-tunnels',
    );
    expect(r.syndicated).toBe(true);
    expect(r.original?.publisher).toBe('The Wall Street Journal');
  });
});
