/**
 * Comparison of a page with its original: headline, text reuse, publication
 * delay and authors. Pure functions over strings and plain JSON — no DOM, no
 * browser — so the content script, the background and the CLI share them.
 */
import { authorsMatch, type AuthorsComparison } from './compare/authors';
import { publicationDelay, type PublicationDelay } from './compare/delay';
import { compareTexts, type TextComparison, type TextFingerprint } from './compare/fingerprint';
import { compareHeadlines, type HeadlineComparison } from './compare/headline';
import { COMPARE_TEXT, type CompareStrings } from './compare/strings';

export { authorsMatch } from './compare/authors';
export { delayParts, publicationDelay, type PublicationDelay } from './compare/delay';
export { compareTexts, isTextFingerprint, textFingerprint, type TextFingerprint } from './compare/fingerprint';
export { compareHeadlines, type DiffSegment } from './compare/headline';
export { COMPARE_TEXT, type CompareStrings } from './compare/strings';

/** What the comparison needs of a page or an original; every field may be missing. */
interface ArticleForComparison {
  headline?: string | null;
  /** Full text, when at hand (the page being read, a freshly fetched original). */
  text?: string | null;
  /** The cached original's fingerprint, used when `text` is absent. */
  fingerprint?: TextFingerprint | null;
  /** ISO-8601, possibly date-only or without a zone. */
  publishedAt?: string | null;
  authors?: string[] | null;
  /** Site or publisher name, used to strip "– Publisher" from headlines. */
  publisher?: string | null;
}

export interface ArticleComparison {
  /** Null when either headline is missing. */
  headline: HeadlineComparison | null;
  /** Null when either side has neither text nor fingerprint. */
  text: TextComparison | null;
  /** How long after the original the page was published. */
  delay: PublicationDelay;
  authors: AuthorsComparison;
}

interface CompareArticlesOptions {
  /** Further publisher names that may suffix either headline. */
  publishers?: string[];
  strings?: CompareStrings;
}

export function compareArticles(page: ArticleForComparison, original: ArticleForComparison, options: CompareArticlesOptions = {}): ArticleComparison {
  const publishers = [page.publisher, original.publisher, ...(options.publishers ?? [])].filter(
    (name): name is string => typeof name === 'string' && name.trim() !== '',
  );
  const pageText = page.text ?? page.fingerprint ?? null;
  const originalText = original.text ?? original.fingerprint ?? null;
  return {
    headline: page.headline && original.headline ? compareHeadlines(page.headline, original.headline, { publishers }) : null,
    text: pageText !== null && originalText !== null ? compareTexts(pageText, originalText) : null,
    delay: publicationDelay(original.publishedAt ?? null, page.publishedAt ?? null, options.strings ?? COMPARE_TEXT),
    authors: authorsMatch(page.authors ?? [], original.authors ?? []),
  };
}
