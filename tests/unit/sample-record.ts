import { parseHTML } from 'linkedom';
import { digestPage, type PageDigest } from '@/core/digest';
import type { Provenance } from '@/core/types';
import { pageKey } from '@/core/url';

/**
 * A well-formed syndicated record, with fields overridable per test. Its `url` is made a page key the way the
 * engine makes it (core/url.ts pageKey), from the URL given.
 */
export function sampleRecord({ url, ...overrides }: Omit<Partial<Provenance>, 'url'> & { url?: string } = {}): Provenance {
  return {
    url: pageKey(url ?? 'https://worldnewsera.example/2025/02/22/talks/'),
    isArticle: true,
    syndicated: true,
    kind: 'scraped',
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

/**
 * The digest a content script would send for a content-farm copy at `url`
 * (read from markup by the real digestPage), with its site name overridable.
 */
export function sampleDigest(url = 'https://worldnewsera.example/2025/02/22/talks/', siteName = 'World News Era'): PageDigest {
  const html = `<html><head><title>${SAMPLE_HEADLINE} - ${siteName}</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="${siteName.replace(/"/g, '&quot;')}"></head>
<body><article><h1>${SAMPLE_HEADLINE}</h1><p>${'The talks began in Riyadh. '.repeat(12)}</p>
<p>Source link : <a href="https://usa-news.biz/2025/02/22/washington/x/">USA NEWS</a></p>
<p>Author : Jean-Pierre CHALLOT<br>Publish date : 2025-02-22 14:42:26</p>
<p>Copyright for syndicated content belongs to the linked Source.</p></article></body></html>`;
  return digestPage(parseHTML(html).document as unknown as Document, url);
}

export const SAMPLE_HEADLINE = 'U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv';
