/**
 * The badge card's words (made in the background): the outcome of a check as
 * a sentence for every outcome and text verdict, never an engine code
 * (lib/card-outcome.ts); the card's first words, the kind of copy, and its
 * link labelled with what it leads to (lib/card-words.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { failure } from '@/core/fetch-failures';
import type { Verification, VerificationOutcome } from '@/core/verify';
import { outcomeSentence } from '@/lib/card-outcome';
import { cardWords } from '@/lib/card-words';
import { getMessage, getMessageIn } from './locale-messages';
import { sampleRecord } from './sample-record';
import { pageKey } from '@/core/url';

function verification(outcome: VerificationOutcome, more: Partial<Verification> = {}): Verification {
  return {
    pageUrl: pageKey('https://copy.example/a/'),
    checkedAt: 0,
    outcome,
    hops: [],
    original: null,
    failure: null,
    search: null,
    comparison: null,
    ...more,
  };
}

const original = { url: 'https://www.washingtonpost.com/world/x/', publisher: 'The Washington Post', headline: null, publishedAt: null, authors: [] };
const withText = (verdict: string) =>
  ({
    text: { verdict, originalOnPage: 0.9, pageFromOriginal: 0.9, approximate: false },
    headline: null,
    delay: { text: null },
    authors: { verdict: 'unknown' },
  }) as unknown as Verification['comparison'];

/** Engine codes that must never reach the reader as they are. */
const CODES = /\b(verbatim|named-not-linked|nothing-to-verify|too-long|permission-refused|lightly-edited)\b|^Checked: [\w-]+\.$/;

describe('outcomeSentence', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  });

  const cases: [string, Verification, string][] = [
    [
      'verbatim',
      verification('verified', { original, comparison: withText('verbatim') }),
      "Checked: this page copies The Washington Post's article word for word.",
    ],
    [
      'partial',
      verification('verified', { original, comparison: withText('partial') }),
      "Checked: this page copies parts of The Washington Post's article.",
    ],
    [
      'rewritten',
      verification('verified', { original, comparison: withText('rewritten') }),
      "Checked: this page retells The Washington Post's article in other words.",
    ],
    [
      'text unknown',
      verification('verified', { original, comparison: withText('unknown') }),
      "Checked: the original is The Washington Post's article, but the two texts could not be compared.",
    ],
    [
      'no comparison, no publisher',
      verification('verified', { original: { ...original, publisher: null } }),
      "Checked: the original is www.washingtonpost.com's article, but the two texts could not be compared.",
    ],
    [
      'named-not-linked',
      verification('named-not-linked', {
        search: { publisher: 'The Washington Post', site: 'washingtonpost.com', headline: null, url: 'https://duckduckgo.com/?q=x' },
      }),
      'Checked: the trail ends at The Washington Post, which is named but not linked. The Provenance button in the toolbar offers a search for it.',
    ],
    ['loop', verification('loop'), 'Could not check: the source links go round in a loop.'],
    ['too-long', verification('too-long'), 'Stopped: the chain is longer than 4 copies.'],
    ['nothing-to-verify', verification('nothing-to-verify'), 'Nothing to check: this page names no source.'],
    [
      'failed, 404',
      verification('failed', { failure: { ...failure('not-found', 'https://usa-news.biz/a/', 404), url: 'https://usa-news.biz/a/' } }),
      `Could not check: ${getMessage('failure_not_found', ['usa-news.biz', '404'])}.`,
    ],
    [
      'failed, no permission',
      verification('failed', { failure: { ...failure('permission-refused', 'https://usa-news.biz/a/'), url: 'https://usa-news.biz/a/' } }),
      'Not checked: Provenance needs your permission to read usa-news.biz.',
    ],
  ];

  it.each(cases)('%s: a sentence a reader understands', (_, given, sentence) => {
    const said = outcomeSentence(given);
    expect(said).toBe(sentence);
    expect(said).not.toMatch(CODES);
  });

  it('is French in a French browser, every outcome', () => {
    fakeBrowser.i18n.getMessage = getMessageIn('fr') as typeof fakeBrowser.i18n.getMessage;
    for (const [, given, english] of cases) {
      const said = outcomeSentence(given);
      expect(said).not.toBe(english);
      expect(said).not.toMatch(/^(Checked|Could not|Stopped|Nothing|Not checked)/);
    }
  });
});

describe('cardWords', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  });

  it('the running example: the kind first, and the credited page, itself a copy, with its host', () => {
    const words = cardWords(sampleRecord());
    expect(words.label).toBe('Copy of a Washington Post story');
    expect(words.detail).toBe('scraped by a feed site, no licence shown');
    expect(words.link).toEqual({
      url: 'https://usa-news.biz/2025/02/22/washington/x/',
      label: 'Credited page: USA NEWS (itself a copy)',
      host: 'usa-news.biz',
    });
  });

  it('a credited page that is the end of the trail is not called a copy', () => {
    const record = sampleRecord({
      chain: [{ url: 'https://usa-news.biz/a/', publisher: 'USA NEWS', site: 'usa-news.biz' }],
      sourceUrl: 'https://usa-news.biz/a/',
    });
    expect(cardWords(record).link?.label).toBe('Credited page: USA NEWS');
  });

  it('a linked original is labelled as the original', () => {
    const record = sampleRecord({
      original: { url: 'https://www.washingtonpost.com/world/x/', publisher: 'The Washington Post', headline: null, publishedAt: null },
    });
    expect(cardWords(record).link).toEqual({
      url: 'https://www.washingtonpost.com/world/x/',
      label: 'Original: The Washington Post',
      host: 'www.washingtonpost.com',
    });
  });

  it('no link for a source that is not a web address', () => {
    const record = sampleRecord({ sourceUrl: 'javascript:alert(1)', chain: [{ url: null, publisher: 'USA NEWS', site: null }] });
    expect(cardWords(record).link).toBeNull();
  });
});
