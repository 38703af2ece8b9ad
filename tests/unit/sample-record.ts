import type { Provenance } from '@/core/types';

/** A well-formed syndicated record, with fields overridable per test. */
export function sampleRecord(overrides: Partial<Provenance> = {}): Provenance {
  return {
    url: 'https://worldnewsera.example/2025/02/22/talks/',
    isArticle: true,
    syndicated: true,
    confidence: 0.95,
    page: {
      headline: 'U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv',
      author: 'Jean-Pierre CHALLOT',
      authors: ['Jean-Pierre CHALLOT'],
      publishedAt: '2025-02-22T14:42:26',
      publishedAtText: '2025-02-22 14:42:26',
      siteName: 'World News Era',
    },
    original: {
      url: null,
      publisher: 'The Washington Post',
      headline: 'U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv',
      publishedAt: null,
    },
    chain: [
      { url: 'https://usa-news.biz/2025/02/22/washington/x/', publisher: 'USA NEWS', site: 'usa-news.biz' },
      { url: null, publisher: 'The Washington Post', site: 'washingtonpost.com' },
    ],
    sourceUrl: 'https://usa-news.biz/2025/02/22/washington/x/',
    copyright: 'Copyright for syndicated content belongs to the linked Source.',
    signals: [
      {
        kind: 'content-farm-footer',
        detail: 'Source link points to usa-news.biz',
        evidence: { text: 'Source link : https://usa-news.biz/2025/02/22/washington/x/', location: 'article paragraph' },
        weight: 0.9,
      },
    ],
    engineMs: 0.4,
    ...overrides,
  };
}
