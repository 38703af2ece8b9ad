/**
 * The kind of copy (core/kind.ts) on pages in real-world wording, its words (core/kind-text.ts, lib/kind-text.ts)
 * and the kind given to records stored before records had one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { isCopyKind, kindOfStored } from '@/core/kind';
import { KIND_ENGLISH, kindEnglish, vowelSound } from '@/core/kind-text';
import { detect } from '@/core/detect';
import type { Provenance } from '@/core/types';
import { COPY_KINDS, kindLine, kindName, kindText } from '@/lib/kind-text';
import { markTab } from '@/lib/toolbar';
import { getMessage, getMessageIn } from './locale-messages';
import { sampleRecord } from './sample-record';

const inspect = (body: string, url: string, head = ''): Provenance =>
  detect(parseHTML(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`).document, url);

const article = (headline: string, ...paragraphs: string[]) =>
  `<main><article><h1>${headline}</h1>${paragraphs.map((text) => (text.startsWith('<') ? text : `<p>${text}</p>`)).join('')}</article></main>`;

const FILLER =
  'The council met on Tuesday evening to hear from residents about the plan, which has been debated for more than two years and would change how the city pays for repairs.';

beforeEach(() => {
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
});

describe('the kind of copy, from the page', () => {
  it('scraped: the running example, a content farm’s feed copy of a Washington Post story', () => {
    const html = readFileSync(join(__dirname, '../fixtures/engine/running-example.html'), 'utf8');
    const record = detect(
      parseHTML(html).document,
      'https://europedailywire.com/2025/02/22/u-s-russia-hold-first-talks-on-ukraine-without-nato-allies-kyiv-the-washington-post/',
    );
    expect(record.kind).toBe('scraped');
    expect(kindEnglish(record)).toEqual({ label: 'Copy of a Washington Post story', detail: 'scraped by a feed site, no licence shown' });
    expect(kindText(record)).toEqual({ label: 'Copy of a Washington Post story', detail: 'scraped by a feed site, no licence shown' });
    expect(kindLine(record)).toBe('Copy of a Washington Post story · scraped by a feed site, no licence shown');
  });

  it('scraped: "The post … appeared first on …" feed footer', () => {
    const record = inspect(
      article(
        'Fed holds rates steady',
        FILLER,
        '<p>The post <a href="https://www.cnbc.com/2025/03/19/fed-rates.html">Fed holds rates steady</a> appeared first on <a href="https://www.cnbc.com">CNBC</a>.</p>',
      ),
      'https://marketnewsdaily.example/fed-holds-rates-steady/',
    );
    expect(record.kind).toBe('scraped');
    expect(kindEnglish(record)?.label).toBe('Copy of a CNBC story');
  });

  it('wire: an AP story on a member paper (dateline, byline, AP’s registry pixel)', () => {
    const record = inspect(
      article(
        'Hollywood actors union reaches tentative deal with studios',
        '<p class="byline">By ANDREW DALTON AP Entertainment Writer</p>',
        'LOS ANGELES (AP) — Hollywood’s actors union reached a tentative deal with studios on Wednesday, an agreement that could end a strike that has lasted nearly four months.',
        FILLER,
        'Copyright 2023 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.',
      ),
      'https://www.dailyherald.example/entertainment/20231108/hollywood-actors-union-reaches-tentative-deal',
      '<meta property="og:site_name" content="Daily Herald">',
    );
    expect(record.kind).toBe('wire');
    expect(kindEnglish(record)).toEqual({ label: 'AP wire story', detail: 'carried by Daily Herald, one of the agency’s clients' });
  });

  it('wire: "Quelle: dpa" after an agency dateline is the agency’s credit, not a scraper’s source link', () => {
    const record = inspect(
      article(
        'Trotz Gespräch: Fronten bleiben verhärtet',
        'Hamburg (dpa/lno) – Trotz eines Gespräches zwischen den beiden Parteien bleiben die Fronten verhärtet, wie ein Sprecher am Montag mitteilte.',
        FILLER,
        '<p>Quelle: <a href="https://www.dpa.com/">dpa</a></p>',
      ),
      'https://www.regionalticker.example/newsticker/fronten-verhaertet',
      '<html lang="de">',
    );
    expect(record.kind).toBe('wire');
    expect(kindEnglish(record)?.label).toBe('dpa wire story');
  });

  it('partner: a Business Insider article on MSN (canonical, provider markup)', () => {
    const record = inspect(
      `<div class="sourcename-txt"><a href="http://www.businessinsider.com">Business Insider</a></div>${article('Super Mario Run comes out December 15', FILLER, '© Provided by Business Insider Inc')}`,
      'https://www.msn.com/en-us/news/technology/super-mario-run-comes-out-december-15/ar-AAk4Y2x',
      '<link rel="canonical" href="http://www.businessinsider.com/super-mario-run-december-15-2016-11"><meta property="og:site_name" content="MSN">',
    );
    expect(record.kind).toBe('partner');
    expect(kindEnglish(record)).toEqual({ label: 'Business Insider article, carried by MSN', detail: 'a licensed partner’s article' });
  });

  it('partner: "This article originally appeared on The Atlantic" on a sister site (no licence named)', () => {
    const record = inspect(
      article(
        'Being and Neon-ness',
        FILLER,
        '<p><em>This article originally appeared on <a href="https://www.theatlantic.com/entertainment/archive/2019/04/being-and-neonness/588184/">The Atlantic</a>.</em></p>',
      ),
      'https://www.citylab.com/design/2019/04/neon-signs-history/588200/',
      '<meta property="og:site_name" content="CityLab">',
    );
    expect(record.kind).toBe('partner');
    expect(kindEnglish(record)?.label).toBe('The Atlantic article, carried by CityLab');
  });

  it('republication: ProPublica’s republish block, and The Conversation’s Creative Commons line', () => {
    const propublica = inspect(
      article(
        'How the IRS audits the poor',
        FILLER,
        '<p>This article was originally published by <a href="https://www.propublica.org/article/irs-audits-poor">ProPublica</a>.</p><img src="https://pixel.propublica.org/pixel.gif?id=123" width="1" height="1" alt="">',
      ),
      'https://www.localgazette.example/news/irs-audits-the-poor',
    );
    expect(propublica.kind).toBe('republication');
    expect(kindEnglish(propublica)).toEqual({ label: 'Republished from ProPublica under its licence', detail: null });

    const conversation = inspect(
      article(
        'Why the ocean is getting louder',
        FILLER,
        '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons license. Read the <a href="https://theconversation.com/why-the-ocean-is-getting-louder-123456">original article</a>.</p>',
      ),
      'https://www.sciencedigest.example/ocean-louder',
    );
    expect(conversation.kind).toBe('republication');
    expect(kindEnglish(conversation)?.label).toBe('Republished from The Conversation under its licence');
  });

  it('republication: "republished here with permission" names the licence; a photo’s CC licence does not', () => {
    const permitted = inspect(
      article(
        'Pregnant panhandler’s car stopped',
        FILLER,
        '<p id="syndication">This article was originally published on <a href="https://www.coolimba.com/view/pregnant-panhandler/">coolimba</a> and has been republished here with permission.</p>',
      ),
      'https://www.chocolate.example/pregnant-panhandler/',
    );
    expect(permitted.kind).toBe('republication');

    const photo = inspect(
      article(
        'Steinmeier warnt vor Radikalisierung',
        '<p>Foto: president.gov.ua, via Wikimedia Commons | Lizenz: <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a></p>',
        'Wiesbaden (KNA/iz). Bundespräsident Frank-Walter Steinmeier sieht nach eigenen Worten eine zunehmende Radikalisierung.',
        FILLER,
      ),
      'https://www.islamische-zeitung.example/steinmeier-radikalisierung/',
    );
    expect(photo.kind).toBe('wire');
  });

  it('cross-post: Medium’s "Originally published at <the author’s site>"', () => {
    const record = inspect(
      article(
        'On Behalf of Literally',
        FILLER,
        '<p><em>Originally published at </em><a href="http://www.courtneykirchoff.com/2011/11/on-behalf-of-literally/">www.courtneykirchoff.com</a> on November 18, 2011.</p>',
      ),
      'https://medium.com/@courtneykirchoff/on-behalf-of-literally-4e7c2f0c7d1b',
    );
    expect(record.kind).toBe('cross-post');
    expect(kindEnglish(record)).toEqual({
      label: 'Cross-posted by the author from their blog',
      detail: 'first published on www.courtneykirchoff.com',
    });
  });

  it('cross-post: the author’s own words, in English and German', () => {
    const english = inspect(
      article(
        'What I learned shipping a browser extension',
        FILLER,
        '<p><em>Cross-posted from <a href="https://janedoe.substack.com/p/shipping-an-extension">my Substack</a>.</em></p>',
      ),
      'https://dev-community.example/janedoe/what-i-learned-shipping-a-browser-extension',
    );
    expect(english.kind).toBe('cross-post');
    expect(kindEnglish(english)?.detail).toBe('first published on janedoe.substack.com');

    const german = inspect(
      article(
        'Warum ich keine Kommentare mehr moderiere',
        FILLER,
        '<p>Dieser Beitrag erschien zuerst auf meinem Blog <a href="https://www.mueller-schreibt.example/2019/kommentare/">Müller schreibt</a>.</p>',
      ),
      'https://www.netzfeuilleton.example/2019/06/kommentare-moderieren/',
    );
    expect(german.kind).toBe('cross-post');
  });

  it('archive: a Wayback Machine snapshot, with the capture time from its address', () => {
    const record = inspect(
      article('U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv', FILLER),
      'https://web.archive.org/web/20250222144226/https://www.washingtonpost.com/world/2025/02/22/us-russia-talks-ukraine/',
      '<link rel="canonical" href="https://www.washingtonpost.com/world/2025/02/22/us-russia-talks-ukraine/">',
    );
    expect(record.syndicated).toBe(false);
    expect(record.kind).toBe('archive');
    expect(record.archive).toEqual({
      service: 'Wayback Machine',
      url: 'https://www.washingtonpost.com/world/2025/02/22/us-russia-talks-ukraine/',
      capturedAt: '2025-02-22T14:42:26Z',
    });
    expect(kindEnglish(record)).toEqual({
      label: 'Archived copy of washingtonpost.com',
      detail: 'captured 22 Feb 2025, 14:42 UTC (Wayback Machine)',
    });
    const words = kindText(record);
    expect(words.label).toBe('Archived copy of washingtonpost.com');
    // In the reader's language and way of writing dates (the fake browser's is en-US), in the archive's UTC.
    const when = new Intl.DateTimeFormat('en-US', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
      timeZoneName: 'short',
    }).format(Date.UTC(2025, 1, 22, 14, 42, 26));
    expect(words.detail).toBe(`captured ${when} (Wayback Machine)`);
    expect(words.detail).toContain('UTC');
  });

  it('archive: archive.today keeps no time in its address; a day-only Wayback address keeps the day', () => {
    const today = inspect(
      article('A story', FILLER),
      'https://archive.ph/Xy12z',
      '<link rel="canonical" href="https://www.nytimes.com/2024/01/02/world/story.html">',
    );
    expect(today.kind).toBe('archive');
    expect(today.archive).toEqual({ service: 'archive.today', url: 'https://www.nytimes.com/2024/01/02/world/story.html', capturedAt: null });
    expect(kindEnglish(today)).toEqual({ label: 'Archived copy of nytimes.com', detail: 'kept by archive.today' });
    const day = inspect(article('A story', FILLER), 'https://web.archive.org/web/20140109/http://example.org/post/');
    expect(day.archive?.capturedAt).toBe('2014-01-09');
    expect(kindEnglish(day)?.detail).toBe('captured 9 Jan 2014 (Wayback Machine)');
    const impossible = inspect(article('A story', FILLER), 'https://web.archive.org/web/20141399000000/http://example.org/post/');
    expect(impossible.archive?.capturedAt).toBeNull();
  });

  it('unknown: a "Courtesy of" credit says a copy, not how it was made', () => {
    const record = inspect(
      article('Management of intact forestlands', '<p><em>Courtesy of Forests News</em></p>', FILLER, FILLER),
      'https://www.planetarypress.example/forestlands/',
    );
    expect(record.kind).toBe('unknown');
    expect(kindEnglish(record)).toEqual({ label: 'Copy of a Forests News story', detail: 'the page does not say how it was copied' });
  });

  it('null: an original article, whatever licence its photo has', () => {
    const record = inspect(
      article('Council approves bridge plan', FILLER, '<p>Photo: Jane Roe, CC BY-SA 4.0</p>', FILLER),
      'https://www.citynews.example/council-bridge-plan/',
    );
    expect(record.syndicated).toBe(false);
    expect(record.kind).toBeNull();
    expect(kindEnglish(record)).toBeNull();
    expect(kindText(record)).toEqual({ label: 'Not a copy', detail: null });
  });
});

describe('the kind in words', () => {
  it('the English twin says what messages.json says, sentence for sentence', () => {
    const messages = JSON.parse(readFileSync(join(__dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Record<
      string,
      { message: string }
    >;
    for (const [id, english] of Object.entries(KIND_ENGLISH)) {
      const args = ['ONE', 'TWO'];
      expect(getMessage(`kind_${id}`, args), id).toBe(english.replace(/\$(\d)/g, (_, n: string) => args[Number(n) - 1]!));
      expect(messages[`kind_${id}`]?.message, id).toBeTruthy();
    }
  });

  it('picks "a" or "an" by sound, and drops "The" before the name', () => {
    expect(vowelSound('AP')).toBe(true);
    expect(vowelSound('NBC News')).toBe(true);
    expect(vowelSound('BBC')).toBe(false);
    expect(vowelSound('USA NEWS')).toBe(false);
    expect(vowelSound('Atlantic')).toBe(true);
    expect(vowelSound('Washington Post')).toBe(false);
    const record = sampleRecord({ kind: 'unknown', original: { url: null, publisher: 'The Associated Press', headline: null, publishedAt: null } });
    expect(kindEnglish(record)?.label).toBe('Copy of an Associated Press story');
  });

  it('falls back to sentences without names', () => {
    const bare = sampleRecord({ url: 'https://10.0.0.1/story', original: null, chain: [], page: { ...sampleRecord().page, siteName: null } });
    expect(kindEnglish({ ...bare, kind: 'scraped' })?.label).toBe('Scraped copy');
    expect(kindEnglish({ ...bare, kind: 'wire' })).toEqual({ label: 'Wire story', detail: null });
    expect(kindEnglish({ ...bare, kind: 'partner' })).toEqual({ label: 'Licensed partner article', detail: null });
    expect(kindEnglish({ ...bare, kind: 'republication' })?.label).toBe('Republished under a licence');
    expect(kindEnglish({ ...bare, kind: 'cross-post' })).toEqual({ label: 'Cross-posted by the author from their blog', detail: null });
    expect(kindEnglish({ ...bare, kind: 'archive' })).toEqual({ label: 'Archived copy', detail: null });
    expect(kindEnglish({ ...bare, kind: 'unknown' })?.label).toBe('Copy of another site’s article');
    expect(kindText({ ...bare, kind: 'unknown' }).label).toBe('Copy of another site’s article');
  });

  it('a carrier’s tagline is left out of its name', () => {
    const record = sampleRecord({
      kind: 'wire',
      url: 'https://news.yahoo.com/x',
      original: { url: null, publisher: 'The Associated Press', headline: null, publishedAt: null },
      page: { ...sampleRecord().page, siteName: 'Yahoo News - Latest News & Headlines' },
    });
    expect(kindEnglish(record)).toEqual({ label: 'AP wire story', detail: 'carried by Yahoo News, one of the agency’s clients' });
  });

  it('names every kind for the history’s filter, in English and French', () => {
    expect(COPY_KINDS.map(kindName)).toEqual([
      'Scraped copy',
      'Wire story',
      'Partner article',
      'Licensed republication',
      'Author’s cross-post',
      'Archived copy',
      'Copy of unknown kind',
    ]);
    fakeBrowser.i18n.getMessage = getMessageIn('fr') as typeof fakeBrowser.i18n.getMessage;
    expect(kindName('wire')).toBe("Dépêche d'agence");
    expect(kindText(sampleRecord()).label).toBe("Copie d'un article de Washington Post");
  });
});

describe('the toolbar button', () => {
  it('says the kind in its title on every kind of copy, an archived snapshot included, and nothing on an original', async () => {
    const action = { setBadgeText: vi.fn(), setBadgeBackgroundColor: vi.fn(), setTitle: vi.fn() };
    Object.assign(fakeBrowser, { action });
    await markTab(3, sampleRecord());
    expect(action.setTitle).toHaveBeenLastCalledWith({
      tabId: 3,
      title: 'Provenance: Copy of a Washington Post story · scraped by a feed site, no licence shown',
    });
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 3, text: getMessage('toolbarBadgeCopy') });
    const archived = sampleRecord({
      syndicated: false,
      kind: 'archive',
      archive: { service: 'archive.today', url: 'https://www.nytimes.com/x.html', capturedAt: null },
    });
    await markTab(3, archived);
    expect(action.setTitle).toHaveBeenLastCalledWith({ tabId: 3, title: 'Provenance: Archived copy of nytimes.com · kept by archive.today' });
    await markTab(3, sampleRecord({ syndicated: false, kind: null }));
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 3, text: '' });
    expect(action.setTitle).toHaveBeenLastCalledWith({ tabId: 3, title: 'Provenance' });
  });
});

describe('records stored before records had a kind', () => {
  it('get one from their signals', () => {
    const { kind: _kind, ...old } = sampleRecord();
    expect(kindOfStored(old as Provenance)).toEqual({ kind: 'scraped' });
    expect(kindOfStored({ ...(old as Provenance), syndicated: false })).toEqual({ kind: null });
    const wire = {
      ...(old as Provenance),
      signals: [
        { kind: 'wire' as const, detail: 'AP dateline', weight: 0.9, evidence: { text: 'LOS ANGELES (AP) —', location: 'start of the article' } },
      ],
    };
    expect(kindOfStored(wire)).toEqual({ kind: 'wire' });
  });

  it('knows the kinds and nothing else', () => {
    for (const kind of COPY_KINDS) expect(isCopyKind(kind)).toBe(true);
    expect(isCopyKind('syndicated')).toBe(false);
    expect(isCopyKind(null)).toBe(false);
  });
});
