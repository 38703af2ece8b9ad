/** Shared by the corpus test and the engine benchmark: locating and loading the real-page corpus. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CorpusPage {
  name: string;
  url: string;
  syndicated: boolean;
  originalPublisher?: string;
  originalUrl?: string | null;
  html: string;
  expected: { title?: string | null; byline?: string | null; publishedTime?: string | null; siteName?: string | null };
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** ../shared/corpus/readability from the repo root, or $PROVENANCE_CORPUS. Null when absent. */
export function corpusDir(): string | null {
  const dir = process.env.PROVENANCE_CORPUS ?? join(repoRoot, '../shared/corpus/readability');
  return existsSync(join(dir, 'pages.json')) ? dir : null;
}

export function loadCorpus(dir: string): CorpusPage[] {
  const index = JSON.parse(readFileSync(join(dir, 'pages.json'), 'utf8')) as Omit<CorpusPage, 'html' | 'expected'>[];
  return index.map((entry) => ({
    ...entry,
    html: readFileSync(join(dir, entry.name, 'source.html'), 'utf8'),
    expected: JSON.parse(readFileSync(join(dir, entry.name, 'expected-metadata.json'), 'utf8')) as CorpusPage['expected'],
  }));
}
