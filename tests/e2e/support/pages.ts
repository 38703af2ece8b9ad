/**
 * The fixture pages the tests visit, by what they stand for. The files live in
 * tests/fixtures/web/<host>/<path>/index.html (a leading "www." is optional).
 */
export const RUNNING_EXAMPLE = {
  /** A made-up feed-scraping WordPress site printing the running example (seeds/000_b9eb4489ecf82cc8.txt). */
  syndicatedPage: 'https://newsharbordaily.com/2025/02/22/u-s-russia-hold-first-talks-on-ukraine-without-nato-allies-kyiv-the-washington-post/',
  /** The page's "Source link :", itself a syndicator (USA NEWS). */
  sourceLink: 'https://usa-news.biz/2025/02/22/washington/u-s-russia-hold-first-talks-on-ukraine-without-nato-allies-kyiv-the-washington-post/',
  /** Where USA NEWS got it from: the original. */
  original: 'https://www.washingtonpost.com/world/2025/02/18/us-russia-talks-ukraine-nato-kyiv/',
  siteName: 'News Harbor Daily',
  intermediateName: 'USA NEWS',
  originalPublisher: 'The Washington Post',
  originalHeadline: 'U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv',
  publishedAsWritten: '2025-02-22 14:42:26',
  author: 'Jean-Pierre CHALLOT',
  copyright: 'Copyright for syndicated content belongs to the linked Source.',
} as const;

/** Ordinary original articles that must not be flagged. */
export const ORIGINALS = {
  /** A regional paper whose site-wide footer quotes AP's terms. */
  regional: {
    url: 'https://www.harlowvalleycourier.com/news/local/council-approves-mill-street-bridge-replacement/',
    headline: 'Council approves $4.2 million plan to replace Mill Street bridge',
    siteName: 'Harlow Valley Courier',
  },
  /** A tech review that says "Originally published in 1998, the book…" about a novel. */
  tech: {
    url: 'https://circuitledger.net/reviews/folio-note-2-e-reader-review/',
    headline: 'Folio Note 2 review: the first e-reader that gets margins right',
    siteName: 'Circuit Ledger',
  },
  /** The running example's original. */
  washingtonPost: {
    url: RUNNING_EXAMPLE.original,
    headline: RUNNING_EXAMPLE.originalHeadline,
    siteName: 'Washington Post',
  },
} as const;

/** A newspaper front page: not an article. */
export const NOT_AN_ARTICLE = {
  url: 'https://www.harlowvalleycourier.com/',
  title: 'Harlow Valley Courier',
} as const;

/** A content-farm page (the running example's template) crediting `sourceUrl`. */
export function farmPage(title: string, sourceUrl: string): string {
  const body = 'The talks were described by officials as a first step, and analysts said more meetings would follow in the coming weeks. '.repeat(12);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} - Copy Farm News</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Copy Farm News"></head>
<body><article><h1 class="entry-title">${title}</h1>
<p>Source link : <a href="${sourceUrl}">${sourceUrl}</a></p><p>${body}</p>
<p>Author : Staff</p><p>Publish date : 2025-03-01 09:00:00</p>
<p>Copyright for syndicated content belongs to the linked Source.</p></article></body></html>`;
}

/**
 * One page per kind of copy (core/kind.ts), with the words the badge's pill and the popup's verdict start
 * with (core/kind-text.ts). The running example is the scraped one.
 */
export const KIND_PAGES = {
  scraped: { url: RUNNING_EXAMPLE.syndicatedPage, label: 'Copy of a Washington Post story', detail: 'scraped by a feed site, no licence shown' },
  /** An AP story on the made-up regional paper's Nation & World page. */
  wire: {
    url: 'https://www.harlowvalleycourier.com/news/national/winter-storm-snarls-travel/',
    label: 'AP wire story',
    detail: 'carried by Harlow Valley Courier, one of the agency’s clients',
  },
  /** A partner's article on a made-up portal: canonical to the partner, "Read the original article on …". */
  partner: {
    url: 'https://www.lookoutportal.com/en-us/money/companies/grocery-chain-to-close-40-stores/ar-BB1kQz7/',
    label: 'Meridian Business Review article, carried by Lookout',
    detail: 'a licensed partner’s article',
  },
  /** A made-up nonprofit's story republished by a county weekly under a Creative Commons licence. */
  republication: {
    url: 'https://pinecountyledger.com/2025/03/07/rural-hospitals-cut-maternity-care/',
    label: 'Republished from Prairie Watch under its licence',
    detail: null,
  },
  /** An author's post copied from their blog to a made-up developer community. */
  crossPost: {
    url: 'https://www.codersquare.dev/annakowalski/what-a-year-of-on-call-taught-me-3kd9/',
    label: 'Cross-posted by the author from their blog',
    detail: 'first published on www.annakowalski.net',
  },
  /** The Wayback Machine's snapshot of the regional paper's original story. */
  archive: {
    url: 'https://web.archive.org/web/20250306101500/www.harlowvalleycourier.com/news/local/council-approves-mill-street-bridge-replacement/',
    label: 'Archived copy of harlowvalleycourier.com',
    detail: 'captured',
  },
  /** A community blog's story opening "Courtesy of Riverbend Weekly": nothing says how it was copied. */
  unknown: {
    url: 'https://www.greenvalleydigest.com/community/library-book-sale-raises-record-sum/',
    label: 'Copy of a Riverbend Weekly story',
    detail: 'the page does not say how it was copied',
  },
} as const;
