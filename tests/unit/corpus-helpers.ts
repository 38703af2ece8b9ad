/** Shared by the corpus tests, the benchmarks and the accuracy report: loading the real-page corpora kept in tests/corpus/. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeHtml } from '../../core/decode';
import { corpusSourceDir, unpackedCorpusDir, type CorpusName } from '../corpus/corpus';

export interface CorpusPage {
  name: string;
  url: string;
  syndicated: boolean;
  originalPublisher?: string;
  originalUrl?: string | null;
  /** On the 6 syndicated pages: the markup or text that decides the label. */
  evidence?: string;
  html: string;
  expected: { title?: string | null; byline?: string | null; publishedTime?: string | null; siteName?: string | null };
}

/** A page of a corpus, decoded as a browser would (core/decode.ts). `file` is its path inside the unpacked corpus. */
export function readCorpusPage(corpus: CorpusName, file: string): string {
  const bytes = readFileSync(join(unpackedCorpusDir(corpus), file));
  // Readability's project keeps its test pages as UTF-8 whatever their <meta> says (qq declares gb2312):
  // UTF-8 stands in for the Content-Type a server would send with them, and outranks the <meta>.
  // The htmldate pages are saved as served: BOM, <meta charset>, else UTF-8 (or windows-1252).
  return decodeHtml(bytes, corpus === 'readability' ? 'utf-8' : null);
}

/** The readability corpus's labels without the pages' text: what the accuracy report's main thread needs. */
export function readabilityIndex(): (Omit<CorpusPage, 'html'> & { file: string })[] {
  const dir = unpackedCorpusDir('readability');
  const index = JSON.parse(readFileSync(join(corpusSourceDir('readability'), 'pages.json'), 'utf8')) as Omit<CorpusPage, 'html' | 'expected'>[];
  return index.map((entry) => ({
    ...entry,
    file: join(entry.name, 'source.html'),
    expected: JSON.parse(readFileSync(join(dir, entry.name, 'expected-metadata.json'), 'utf8')) as CorpusPage['expected'],
  }));
}

/** The readability corpus: 130 pages with Readability's expected metadata and a syndication label each. */
export function loadCorpus(): CorpusPage[] {
  return readabilityIndex().map(({ file, ...entry }) => ({ ...entry, html: readCorpusPage('readability', file) }));
}

export interface HtmldatePage {
  name: string;
  /** Path inside the unpacked corpus (pages/eval/… or pages/cache/…). */
  file: string;
  url: string;
  /** The publication date htmldate's authors annotated (YYYY-MM-DD). */
  date: string;
  /** Only on the 208 pages read for syndication by hand. */
  syndicated?: boolean;
  originalPublisher?: string;
  originalUrl?: string | null;
  /** What decides the label; "trap: …" when the page looks like a copy and is not. */
  evidence?: string;
  /** The page's text, decoded as a browser would (byte order mark, <meta charset>, else UTF-8). */
  html: string;
}

/** The htmldate corpus's labels (labels.json) without the pages' text. */
export function htmldateIndex(): Omit<HtmldatePage, 'html'>[] {
  return JSON.parse(readFileSync(join(corpusSourceDir('htmldate'), 'labels.json'), 'utf8')) as Omit<HtmldatePage, 'html'>[];
}

/** The htmldate corpus: 800 real pages saved as served, with labels.json's dates and (on 208) syndication labels. */
export function loadHtmldateCorpus(): HtmldatePage[] {
  unpackedCorpusDir('htmldate');
  return htmldateIndex().map((entry) => ({ ...entry, html: readCorpusPage('htmldate', entry.file) }));
}

/** Every page of the fixture web (tests/fixtures/web/<host>/<path>/index.html), with the URL it is served at: https://<host>/<path>/. */
export function fixtureWebPages(): { url: string; html: string }[] {
  const root = join(__dirname, '../fixtures/web');
  const out: { url: string; html: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'index.html') {
        const [host, ...rest] = relative(root, dir).split('/');
        out.push({ url: `https://${host}/${rest.map((part) => `${part}/`).join('')}`, html: readFileSync(path, 'utf8') });
      }
    }
  };
  walk(root);
  return out;
}
