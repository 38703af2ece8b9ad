import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMPARE_TEXT,
  authorsMatch,
  compareArticles,
  compareHeadlines,
  compareTexts,
  isTextFingerprint,
  publicationDelay,
  textFingerprint,
  type CompareStrings,
  type DiffSegment,
} from '@/core/compare';

const segmentsOf = (diff: DiffSegment[], op: DiffSegment['op']) => diff.filter((s) => s.op === op).map((s) => s.text);

describe('compareHeadlines', () => {
  it('the running example: the syndicated headline with "– The Washington Post" is the same headline', () => {
    const result = compareHeadlines(
      'U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv – The Washington Post',
      'U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv',
    );
    expect(result.verdict).toBe('same');
    expect(result.similarity).toBe(1);
    expect(result.pageHeadline).toBe('U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv');
    expect(result.diff).toEqual([{ op: 'same', text: 'U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv' }]);
  });

  it('removes a suffix naming a given publisher, in any of its spellings', () => {
    for (const publisher of ['The Washington Post', 'Washington Post', 'washingtonpost.com']) {
      const result = compareHeadlines('Senate passes stopgap bill - the washington post', 'Senate passes stopgap bill', {
        publishers: [publisher],
      });
      expect(result.verdict, publisher).toBe('same');
    }
  });

  it.each([
    ['pipe and a site name', 'Senate passes stopgap funding bill | CNN Politics', 'Senate passes stopgap funding bill'],
    ['two site segments', 'Senate passes stopgap funding bill | Politics | CNN', 'Senate passes stopgap funding bill'],
    ['a domain', 'Senate passes stopgap funding bill – usa-news.biz', 'Senate passes stopgap funding bill'],
    ['a suffix on each side', 'Senate passes stopgap funding bill - Reuters', 'Senate passes stopgap funding bill — AP News'],
    [
      'curly vs straight quotes',
      '‘We will rebuild,’ mayor says after “historic” tornado',
      '\'We will rebuild,\' mayor says after "historic" tornado',
    ],
    ['curly vs straight apostrophe', 'Trump’s tariffs hit Iowa’s farmers', "Trump's tariffs hit Iowa's farmers"],
    ['em dash vs hyphen inside', 'Stocks slide — then rebound — as Fed holds rates', 'Stocks slide - then rebound - as Fed holds rates'],
    [
      'figure dash and minus sign',
      'Temperatures fall to ‒20 as storm − and snow − sweep in',
      'Temperatures fall to -20 as storm - and snow - sweep in',
    ],
    ['case and spacing', 'Fed  Holds Rates Steady', 'Fed holds rates steady'],
    ['full-width characters (NFKC)', 'Ｆｅｄ holds rates steady', 'Fed holds rates steady'],
  ])('same: %s', (_label, page, original) => {
    expect(compareHeadlines(page, original).verdict).toBe('same');
  });

  it('keeps a trailing segment that is part of the headline', () => {
    // "live updates" is not a site name, and in a title-cased headline "Experts Say" is not either.
    expect(compareHeadlines('Tornado hits Oklahoma - live updates', 'Tornado hits Oklahoma').verdict).not.toBe('same');
    expect(compareHeadlines("Trump's Tariffs Hit Farmers – Experts Say", "Trump's Tariffs Hit Farmers").verdict).toBe('lightly-edited');
  });

  it('a headline with words added by the syndicator is lightly edited, and the diff shows them', () => {
    const result = compareHeadlines('Trump’s tariffs hit farmers', "Trump's Tariffs Hit Farmers Hard, Experts Say");
    expect(result.verdict).toBe('lightly-edited');
    expect(result.similarity).toBeCloseTo(8 / 11, 5);
    // Page casing for kept words, the original's wording for removed ones.
    expect(result.diff).toEqual([
      { op: 'same', text: 'Trump’s tariffs hit farmers' },
      { op: 'removed', text: 'Hard, Experts Say' },
    ]);
  });

  it('a one-word change is lightly edited', () => {
    const result = compareHeadlines(
      'Zelensky says Ukraine will not accept deal made without Kyiv',
      'Zelensky says Ukraine won’t accept deal made without Kyiv',
    );
    expect(result.verdict).toBe('lightly-edited');
    expect(segmentsOf(result.diff, 'removed')).toEqual(['won’t']);
    expect(segmentsOf(result.diff, 'added')).toEqual(['will not']);
  });

  it('an AP headline rewritten by a local paper is rewritten', () => {
    // AP's wording; the copy is the kind of rewrite regional sites run on wire stories.
    const result = compareHeadlines(
      'Starliner capsule lands in New Mexico desert without astronauts aboard',
      "Boeing's troubled Starliner capsule returns to Earth without its 2 astronauts",
    );
    expect(result.verdict).toBe('rewritten');
    expect(result.similarity).toBeCloseTo(8 / 21, 5);
    expect(result.diff).toEqual([
      { op: 'removed', text: "Boeing's troubled" },
      { op: 'same', text: 'Starliner capsule' },
      { op: 'removed', text: 'returns to Earth' },
      { op: 'added', text: 'lands in New Mexico desert' },
      { op: 'same', text: 'without' },
      { op: 'removed', text: 'its 2' },
      { op: 'same', text: 'astronauts' },
      { op: 'added', text: 'aboard' },
    ]);
  });

  it('a reordered rewrite still counts as rewritten, not a different story', () => {
    // LCS similarity is low (0.24) because the clauses swapped; the content words are the same.
    const result = compareHeadlines(
      'Winter storm dumps record snow on Buffalo, stranding drivers',
      'Buffalo drivers stranded as record snowfall hits city',
    );
    expect(result.similarity).toBeLessThan(0.35);
    expect(result.verdict).toBe('rewritten');
  });

  it('a content-farm rewrite sharing the key names is rewritten', () => {
    const result = compareHeadlines(
      'U.S. and Russia Engage in Direct Dialogue on Ukraine Conflict',
      'U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv',
    );
    expect(result.verdict).toBe('rewritten');
    expect(result.sharedNames).toEqual(expect.arrayContaining(['us', 'russia', 'ukraine']));
  });

  it.each([
    ['Fed holds interest rates steady as inflation cools', 'Taylor Swift announces new album at the Grammys'],
    ['Trump signs order targeting TikTok', 'Trump meets Zelensky at the White House'],
    ['Storm knocks out power to 200,000 in Texas', 'Apple unveils new iPhone with satellite messaging'],
  ])('different story: %s / %s', (page, original) => {
    expect(compareHeadlines(page, original).verdict).toBe('different-story');
  });

  it('diff segments cover both headlines in order', () => {
    const result = compareHeadlines('Police arrest suspect in downtown Denver shooting', 'Police identify suspect in Denver shooting');
    expect(result.diff).toEqual([
      { op: 'same', text: 'Police' },
      { op: 'removed', text: 'identify' },
      { op: 'added', text: 'arrest' },
      { op: 'same', text: 'suspect in' },
      { op: 'added', text: 'downtown' },
      { op: 'same', text: 'Denver shooting' },
    ]);
    expect(result.verdict).toBe('lightly-edited');
  });

  it('compares Japanese headlines character by character', () => {
    const result = compareHeadlines('速報：東京で震度5弱の地震', '東京で震度5弱の地震');
    expect(result.verdict).toBe('lightly-edited');
    expect(result.diff[0]).toEqual({ op: 'added', text: '速報：' });
  });

  it('empty or punctuation-only headlines do not break it', () => {
    expect(compareHeadlines('', '').verdict).toBe('same');
    expect(compareHeadlines('', 'Fed holds rates').verdict).toBe('different-story');
    expect(compareHeadlines('— | —', '…').verdict).toBe('same');
  });
});

describe('compareHeadlines properties', () => {
  const anyText = fc.string({ unit: 'binary', maxLength: 200 });
  const word = fc.constantFrom(
    'Trump',
    'tariffs',
    'hit',
    'farmers',
    'the',
    'Post',
    '–',
    '|',
    'U.S.',
    'Kyiv',
    'talks',
    'on',
    'NATO',
    '“new”',
    'don’t',
  );
  const headline = fc.array(word, { maxLength: 16 }).map((words) => words.join(' '));

  it('never throws and keeps similarity in [0, 1]', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, headline), fc.oneof(anyText, headline), (a, b) => {
        const result = compareHeadlines(a, b, { publishers: ['The Washington Post'] });
        expect(result.similarity).toBeGreaterThanOrEqual(0);
        expect(result.similarity).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it('a headline is the same as itself', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, headline), (a) => {
        expect(compareHeadlines(a, a).verdict).toBe('same');
      }),
      { numRuns: 500 },
    );
  });

  it('kept + added segments spell the page headline, kept + removed the original', () => {
    fc.assert(
      fc.property(headline, headline, (a, b) => {
        // A headline of punctuation alone has no words to diff; it is shown as is.
        fc.pre(/\p{L}/u.test(a) && /\p{L}/u.test(b));
        const result = compareHeadlines(a, b);
        const spell = (ops: DiffSegment['op'][]) =>
          result.diff
            .filter((s) => ops.includes(s.op))
            .map((s) => s.text)
            .join(' ');
        expect(spell(['same', 'added'])).toBe(result.pageHeadline);
        // 'same' runs carry the page's spelling, so compare the original's words, not its case or punctuation.
        const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
        expect(words(spell(['same', 'removed']))).toEqual(words(result.originalHeadline));
      }),
      { numRuns: 300 },
    );
  });
});

/*
 * Text fixtures. The original is written for these tests in the style of a
 * wire story about the February 2025 Riyadh talks (the running example's
 * subject); the rewrite imitates the content farm in seeds/000_…: synonyms,
 * reordered clauses, the same facts.
 */
const ORIGINAL_PARAGRAPHS = [
  'Officials from the United States and Russia met in Riyadh on Tuesday for their first direct talks on the war in Ukraine, a meeting that did not include representatives from Kyiv or from the NATO allies that have backed Ukraine for three years. The two delegations spent more than four hours at a palace in the Saudi capital and agreed to appoint teams that would work toward ending the conflict, according to officials on both sides.',
  'Secretary of State Marco Rubio said after the meeting that any settlement would have to be acceptable to all parties involved, including Ukraine and the European Union, which has imposed its own sanctions on Moscow. Russian Foreign Minister Sergei Lavrov described the conversation as useful and said the two countries had begun to listen to each other.',
  'In Kyiv, President Volodymyr Zelensky said Ukraine would not accept any agreement reached without its participation, and he postponed a planned visit to Saudi Arabia. European leaders, who gathered in Paris the day before to discuss the talks, voiced concern that Washington might make concessions to Moscow over the heads of the governments most affected by the war.',
  'The meeting followed a telephone call last week between President Trump and President Vladimir Putin, the first publicly acknowledged conversation between the leaders of the two countries since the full-scale invasion began in February 2022. Analysts said the speed of the rapprochement had surprised diplomats in Europe, where many governments had expected the new administration to consult them before opening negotiations.',
];
const ORIGINAL = ORIGINAL_PARAGRAPHS.join('\n\n');

const MACHINE_REWRITE = [
  'In a significant diplomatic development, American and Russian representatives convened on Tuesday in the Saudi capital for an initial round of direct discussions about the conflict in Ukraine. Neither Ukrainian officials nor NATO partners, who have supported Kyiv over the past three years, took part in the gathering. According to both delegations, the parties talked for over four hours inside a Riyadh palace and decided to name negotiating teams tasked with bringing the fighting to an end.',
  'Following the session, Marco Rubio, the top American diplomat, stressed that every party concerned, Ukraine and the European Union among them, would need to find any eventual settlement acceptable, noting that Brussels maintains separate sanctions against Moscow. Sergei Lavrov, who leads Russia’s foreign ministry, called the exchange productive and remarked that both nations had started hearing one another out.',
  'Ukrainian leader Volodymyr Zelensky declared that Kyiv would reject any deal struck in its absence and delayed a trip he had scheduled to Saudi Arabia. Having met in Paris a day earlier to weigh the talks, leaders across Europe expressed worry that the American side could offer Moscow concessions while bypassing the capitals most affected by the fighting.',
  'The discussions came after Donald Trump and Vladimir Putin spoke by phone last week, marking the first acknowledged contact between the two heads of state since Russia launched its full-scale invasion in February 2022. Experts noted that European diplomats were caught off guard by how quickly relations thawed, as many capitals had anticipated being consulted by the new American administration before negotiations began.',
].join('\n\n');

const OWN_COMMENTARY = [
  'For readers in Warsaw and Vilnius the news landed badly. Local commentators on morning radio asked why the governments closest to the front line were left to read about the talks in the press, and several opposition politicians called for an emergency session of parliament to debate the country’s defence budget.',
  'Our correspondent spoke to shop owners near the central station, most of whom said they had stopped following the daily headlines. Prices for heating and bread matter more to them this winter, one baker said, than statements from ministers in distant capitals.',
].join('\n\n');

/** Mulberry32, so generated articles are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY = ORIGINAL.toLowerCase().match(/[a-z]+/g) ?? [];

function generatedArticle(seed: number, words: number): string {
  const random = seededRandom(seed);
  return Array.from({ length: words }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]).join(' ');
}

describe('compareTexts', () => {
  it('a verbatim republication with a republish footer is verbatim, about 1.0 both ways', () => {
    const page = `${ORIGINAL}\n\nThis article was originally published by The Example Tribune and is republished here under a Creative Commons license. Read the original article.`;
    const result = compareTexts(page, ORIGINAL);
    expect(result.verdict).toBe('verbatim');
    expect(result.originalOnPage).toBe(1);
    expect(result.pageFromOriginal).toBeGreaterThan(0.9);
    expect(result.approximate).toBe(false);
  });

  it('curly quotes, line breaks and case do not break verbatim', () => {
    const page = ORIGINAL.replace(/\n\n/g, ' ').replace(/'/g, '’').toUpperCase();
    expect(compareTexts(page, ORIGINAL).originalOnPage).toBe(1);
  });

  it('a machine rewrite shares almost no wording', () => {
    const result = compareTexts(MACHINE_REWRITE, ORIGINAL);
    expect(result.verdict).toBe('rewritten');
    expect(result.originalOnPage).toBeLessThan(0.05);
    expect(result.pageFromOriginal).toBeLessThan(0.05);
  });

  it('a page mixing copied paragraphs with its own is partial', () => {
    const page = [ORIGINAL_PARAGRAPHS[0], OWN_COMMENTARY, ORIGINAL_PARAGRAPHS[2]].join('\n\n');
    const result = compareTexts(page, ORIGINAL);
    expect(result.verdict).toBe('partial');
    expect(result.originalOnPage).toBeGreaterThan(0.4);
    expect(result.originalOnPage).toBeLessThan(0.6);
    expect(result.pageFromOriginal).toBeGreaterThan(0.45);
    expect(result.pageFromOriginal).toBeLessThan(0.7);
  });

  it('an excerpt republished word for word is verbatim one way', () => {
    const page = `${ORIGINAL_PARAGRAPHS[0]}\n\nRead more at The Example Tribune.`;
    const result = compareTexts(page, ORIGINAL);
    expect(result.verdict).toBe('verbatim');
    expect(result.pageFromOriginal).toBeGreaterThan(0.85);
    expect(result.originalOnPage).toBeLessThan(0.35);
  });

  it('is unknown when either text is under 40 words', () => {
    const result = compareTexts('U.S. and Russian officials met in Riyadh on Tuesday.', ORIGINAL);
    expect(result.verdict).toBe('unknown');
    expect(result.unknownBecause).toBe('too-short');
    expect(compareTexts('', '').originalOnPage).toBeNull();
  });

  it('a fingerprint of a short article keeps every hash, so the numbers are exact', () => {
    const page = [ORIGINAL_PARAGRAPHS[0], OWN_COMMENTARY, ORIGINAL_PARAGRAPHS[2]].join('\n\n');
    const fingerprint = textFingerprint(ORIGINAL);
    expect(fingerprint.sampled).toBe(false);
    expect(compareTexts(page, fingerprint)).toEqual(compareTexts(page, ORIGINAL));
    expect(compareTexts(textFingerprint(page), fingerprint)).toEqual(compareTexts(page, ORIGINAL));
  });

  it('fingerprint vs text gives about the same numbers as text vs text on long articles', () => {
    const original = generatedArticle(7, 10_000);
    const words = original.split(' ');
    // Keep 60% of the original in 100-word blocks, replace the rest.
    const replacement = generatedArticle(9, 10_000).split(' ');
    const page = words.map((word, index) => (Math.floor(index / 100) % 5 < 3 ? word : replacement[index])).join(' ');
    const exact = compareTexts(page, original);
    const fromFingerprint = compareTexts(page, textFingerprint(original));
    const bothFingerprints = compareTexts(textFingerprint(page), textFingerprint(original));
    for (const estimate of [fromFingerprint, bothFingerprints]) {
      expect(estimate.approximate).toBe(true);
      expect(Math.abs((estimate.originalOnPage ?? 0) - (exact.originalOnPage ?? 0))).toBeLessThan(0.06);
      expect(Math.abs((estimate.pageFromOriginal ?? 0) - (exact.pageFromOriginal ?? 0))).toBeLessThan(0.06);
      expect(estimate.verdict).toBe(exact.verdict);
    }
  });

  it('a short excerpt of a long original still compares against its sampled fingerprint', () => {
    const original = generatedArticle(11, 10_000);
    const excerpt = original.split(' ').slice(2_000, 2_300).join(' ');
    const result = compareTexts(excerpt, textFingerprint(original));
    expect(result.pageFromOriginal).toBeGreaterThan(0.9);
    expect(result.originalOnPage).toBeLessThan(0.1);
    expect(result.verdict).toBe('verbatim');
  });

  it('a 10,000-word article fingerprints to plain JSON of at most ~8 KB', () => {
    const fingerprint = textFingerprint(generatedArticle(3, 10_000));
    const json = JSON.stringify(fingerprint);
    expect(json.length).toBeLessThanOrEqual(8 * 1024);
    expect(fingerprint.wordCount).toBe(10_000);
    expect(fingerprint.sampled).toBe(true);
    expect(fingerprint.hashGaps).toHaveLength(1024);
    const restored: unknown = JSON.parse(json);
    expect(isTextFingerprint(restored)).toBe(true);
    expect(compareTexts(generatedArticle(3, 10_000), restored as typeof fingerprint).originalOnPage).toBe(1);
  });

  it('refuses damaged or mismatched fingerprints instead of guessing', () => {
    const fingerprint = textFingerprint(ORIGINAL);
    expect(isTextFingerprint({ ...fingerprint, hashGaps: [1, 0, 2] })).toBe(false);
    expect(isTextFingerprint({ ...fingerprint, version: 2 })).toBe(false);
    expect(compareTexts(ORIGINAL, { ...fingerprint, hashGaps: ['x'] } as never).unknownBecause).toBe('incompatible-fingerprints');
    const sevenWord = textFingerprint(ORIGINAL, { shingleSize: 7 });
    expect(compareTexts(fingerprint, sevenWord).unknownBecause).toBe('incompatible-fingerprints');
    // Full text is shingled with the fingerprint's own size.
    expect(compareTexts(ORIGINAL, sevenWord).originalOnPage).toBe(1);
  });

  it('never throws, and shares stay in [0, 1]', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 120 }).map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(text, text, fc.boolean(), (a, b, fingerprintOriginal) => {
        const result = compareTexts(a, fingerprintOriginal ? textFingerprint(b, { exactLimit: 20, sampleSize: 10 }) : b);
        for (const share of [result.originalOnPage, result.pageFromOriginal]) {
          if (share !== null) {
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('publicationDelay', () => {
  it('the running example: a UTC original and a zone-less copy → approximate, 4 days later', () => {
    const delay = publicationDelay('2025-02-18T10:00:00Z', '2025-02-22T14:42:26');
    expect(delay).toEqual({ ms: ((4 * 24 + 4) * 60 + 42) * 60_000 + 26_000, text: '4 days later', approximate: true });
  });

  it.each([
    ['2025-02-22T10:00:00+01:00', '2025-02-22T13:30:00Z', '4 hours later', false],
    ['2025-02-22T10:00:00Z', '2025-02-22T10:00:30Z', 'at the same time', false],
    ['2025-02-22T10:00:00Z', '2025-02-22T10:45:00Z', '45 minutes later', false],
    ['2025-02-22T10:00:00Z', '2025-02-23T10:00:00Z', '1 day later', false],
    ['2025-02-22', '2025-02-22T23:10:00', 'the same day', true],
    ['2025-02-22', '2025-02-20T10:00:00Z', 'published 2 days before the original', true],
    ['2025-02-22T14:00:00-05:00', '2025-02-20T09:00:00-05:00', 'published 2 days before the original', false],
    ['2025-01-01', '2025-03-15', '2 months later', true],
    ['2023-02-22', '2025-03-01', '2 years later', true],
    ['2025-02-22 14:42:26', '2025-02-22 17:42:26', '3 hours later', true],
  ])('%s → %s: %s', (original, copy, text, approximate) => {
    const delay = publicationDelay(original, copy);
    expect(delay.text).toBe(text);
    expect(delay.approximate).toBe(approximate);
  });

  it('is null when a date is missing or not a real date', () => {
    for (const [a, b] of [
      [null, '2025-02-22'],
      ['2025-02-22', null],
      ['2025-02-30', '2025-03-01'],
      ['yesterday', '2025-03-01'],
      ['2025-02-22T25:00:00Z', '2025-03-01'],
    ] as const) {
      expect(publicationDelay(a, b)).toEqual({ ms: null, text: null, approximate: false });
    }
  });

  it('takes its words from one translatable object', () => {
    const french: CompareStrings = {
      ...COMPARE_TEXT,
      locale: 'fr',
      delay: {
        sameTime: 'au même moment',
        sameDay: 'le même jour',
        later: '{amount} {unit} plus tard',
        before: "publié {amount} {unit} avant l'original",
        units: {
          minute: { one: 'minute', other: 'minutes' },
          hour: { one: 'heure', other: 'heures' },
          day: { one: 'jour', other: 'jours' },
          month: { one: 'mois', other: 'mois' },
          year: { one: 'an', other: 'ans' },
        },
      },
    };
    expect(publicationDelay('2025-02-18T10:00:00Z', '2025-02-22T14:42:26', french).text).toBe('4 jours plus tard');
    expect(publicationDelay('2025-02-22', '2025-02-21', french).text).toBe("publié 1 jour avant l'original");
  });

  it('never throws and is antisymmetric', () => {
    const date = fc
      .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true })
      .chain((d) => fc.constantFrom(d.toISOString(), d.toISOString().slice(0, 19), d.toISOString().slice(0, 10)));
    fc.assert(
      fc.property(fc.oneof(date, fc.string()), fc.oneof(date, fc.string()), (a, b) => {
        const forward = publicationDelay(a, b);
        const backward = publicationDelay(b, a);
        expect(forward.ms === null).toBe(backward.ms === null);
        if (forward.ms !== null && backward.ms !== null) expect(forward.ms + backward.ms).toBe(0);
        expect(forward.approximate).toBe(backward.approximate);
      }),
      { numRuns: 300 },
    );
  });
});

describe('authorsMatch', () => {
  it.each([
    [['Jean-Pierre CHALLOT'], ['By Jean Pierre Challot'], ['Jean Pierre Challot']],
    [['By John F. Smith'], ['John Smith'], ['John Smith']],
    [['J. Smith'], ['John Smith'], ['John Smith']],
    [['José Álvarez'], ['Jose Alvarez'], ['Jose Alvarez']],
    [['Smith, John'], ['John Smith'], ['John Smith']],
    [['By Jane Doe and John Roe'], ['John Roe', 'Ann Lee'], ['John Roe']],
    [['John Smith, Associated Press'], ['JOHN SMITH'], ['JOHN SMITH']],
  ])('%j matches %j', (page, original, matched) => {
    expect(authorsMatch(page, original)).toEqual({ verdict: 'match', matched });
  });

  it('a syndicator crediting its own account is a different author', () => {
    expect(authorsMatch(['Jean-Pierre CHALLOT'], ['Francesca Ebel', 'Natalia Abbakumova'])).toEqual({ verdict: 'different', matched: [] });
    expect(authorsMatch(['John Smith'], ['Jane Smith']).verdict).toBe('different');
  });

  it('is unknown when either side has no author', () => {
    expect(authorsMatch([], ['John Smith']).verdict).toBe('unknown');
    expect(authorsMatch(['By '], ['John Smith']).verdict).toBe('unknown');
    expect(authorsMatch(['John Smith'], []).verdict).toBe('unknown');
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' })), fc.array(fc.string({ unit: 'binary' })), (a, b) => {
        expect(['match', 'different', 'unknown']).toContain(authorsMatch(a, b).verdict);
      }),
    );
  });
});

describe('compareArticles', () => {
  it('bundles the comparisons for the running example against a cached original', () => {
    const result = compareArticles(
      {
        headline: 'U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv – The Washington Post',
        text: MACHINE_REWRITE,
        publishedAt: '2025-02-22T14:42:26',
        authors: ['Jean-Pierre CHALLOT'],
        publisher: 'USA NEWS',
      },
      {
        headline: 'U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv',
        fingerprint: textFingerprint(ORIGINAL),
        publishedAt: '2025-02-18T10:00:00Z',
        authors: ['Francesca Ebel'],
        publisher: 'The Washington Post',
      },
    );
    expect(result.headline?.verdict).toBe('same');
    expect(result.text?.verdict).toBe('rewritten');
    expect(result.delay).toMatchObject({ text: '4 days later', approximate: true });
    expect(result.authors.verdict).toBe('different');
  });

  it('leaves out what it cannot compare', () => {
    const result = compareArticles({ headline: 'A headline' }, {});
    expect(result.headline).toBeNull();
    expect(result.text).toBeNull();
    expect(result.delay.ms).toBeNull();
    expect(result.authors.verdict).toBe('unknown');
  });
});
