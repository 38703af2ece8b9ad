/** Loading a page for the CLI: a file or an http(s) URL → HTML text → linkedom Document. */
import { readFile } from 'node:fs/promises';
import { DOMParser } from 'linkedom';
import { createNodeFetcher, type NodeFetcherOptions } from './node-fetcher';
import { decodeHtml } from '../core/decode';
import { indexDocument } from './indexed-dom';
import { leanHtml } from './lean-html';

/** An error a person can act on, with a stable code for --json output. */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface LoadedPage {
  html: string;
  /** The URL the page was served at, when known (the fetched URL after redirects). */
  servedAt: string | null;
}

/** `pageUrl`: the address a saved file was served at, when given (it can settle an undeclared encoding, as in a crawl). */
export async function loadPage(fileOrUrl: string, fetching: NodeFetcherOptions = {}, pageUrl: string | null = null): Promise<LoadedPage> {
  if (/^https?:\/\//i.test(fileOrUrl)) return fetchPage(fileOrUrl, fetching);
  let bytes: Buffer;
  try {
    bytes = await readFile(fileOrUrl);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    throw new CliError('read-failed', `cannot read ${fileOrUrl}: ${reason}`);
  }
  return { html: decodeHtml(bytes, null, pageUrl), servedAt: null };
}

/** A URL is fetched the way `provenance verify` and the extension fetch originals: same limits, same words, same refusals. */
async function fetchPage(url: string, fetching: NodeFetcherOptions): Promise<LoadedPage> {
  const answer = await createNodeFetcher(fetching)(url);
  if (!answer.ok)
    throw new CliError(answer.code, `cannot fetch ${url}: ${answer.message}${answer.code === 'private-address' ? ` ${PRIVATE_HINT}` : ''}`);
  return { html: answer.html ?? '', servedAt: answer.finalUrl };
}

/** Said after a refusal to fetch into a private network. */
export const PRIVATE_HINT = '(--allow-private fetches from private networks when you mean it)';

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/**
 * A page parsed for detect() alone, which only reads it: without the script and style text and comments the
 * engine never reads (cli/lean-html.ts), and with tag and class lookups answered from one walk
 * (cli/indexed-dom.ts), as a browser's are. `provenance inspect` and the crawl read pages this way; the
 * record is the one the plain parse gives (tests/unit/indexed-dom.test.ts).
 */
export function parseForEngine(html: string): Document {
  return indexDocument(parseHtml(leanHtml(html)));
}
