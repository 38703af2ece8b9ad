/** Shared by the corpus tests, the benchmarks and the accuracy report: loading the real-page corpora kept in tests/corpus/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusSourceDir, unpackedCorpusDir } from '../corpus/corpus';

export interface CorpusPage {
  name: string;
  url: string;
  syndicated: boolean;
  originalPublisher?: string;
  originalUrl?: string | null;
  html: string;
  expected: { title?: string | null; byline?: string | null; publishedTime?: string | null; siteName?: string | null };
}

/** The readability corpus: 130 pages with Readability's expected metadata and a syndication label each. */
export function loadCorpus(): CorpusPage[] {
  const dir = unpackedCorpusDir('readability');
  const index = JSON.parse(readFileSync(join(corpusSourceDir('readability'), 'pages.json'), 'utf8')) as Omit<CorpusPage, 'html' | 'expected'>[];
  return index.map((entry) => ({
    ...entry,
    html: readFileSync(join(dir, entry.name, 'source.html'), 'utf8'),
    expected: JSON.parse(readFileSync(join(dir, entry.name, 'expected-metadata.json'), 'utf8')) as CorpusPage['expected'],
  }));
}
