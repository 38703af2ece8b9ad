/** Loading a page for the CLI: a file or an http(s) URL → HTML text → linkedom Document. */
import { readFile } from 'node:fs/promises';
import { DOMParser } from 'linkedom';
import { createNodeFetcher } from './node-fetcher';
import { decodeHtml } from '../core/decode';

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

export async function loadPage(fileOrUrl: string): Promise<LoadedPage> {
  if (/^https?:\/\//i.test(fileOrUrl)) return fetchPage(fileOrUrl);
  let bytes: Buffer;
  try {
    bytes = await readFile(fileOrUrl);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new CliError('read-failed', `cannot read ${fileOrUrl}: ${reason}`);
  }
  return { html: decodeHtml(bytes, null), servedAt: null };
}

/** A URL is fetched the way `provenance verify` and the extension fetch originals: same limits, same words. */
async function fetchPage(url: string): Promise<LoadedPage> {
  const answer = await createNodeFetcher()(url);
  if (!answer.ok) throw new CliError(answer.code, `cannot fetch ${url}: ${answer.message}`);
  return { html: answer.html ?? '', servedAt: answer.finalUrl };
}

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
