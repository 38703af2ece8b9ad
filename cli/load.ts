/** Loading a page for the CLI: a file or an http(s) URL → HTML text → linkedom Document. */
import { readFile } from 'node:fs/promises';
import { DOMParser } from 'linkedom';
import { createNodeFetcher } from './node-fetcher';

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
  return { html: decode(bytes, null), servedAt: null };
}

/** A URL is fetched the way `provenance verify` and the extension fetch originals: same limits, same words. */
async function fetchPage(url: string): Promise<LoadedPage> {
  const answer = await createNodeFetcher()(url);
  if (!answer.ok) throw new CliError(answer.code, `cannot fetch ${url}: ${answer.message}`);
  return { html: answer.html ?? '', servedAt: answer.finalUrl };
}

/** Decode with the declared charset (header, else <meta charset> in the first 2 KB), UTF-8 by default. */
function decode(bytes: Buffer, declared: string | null): string {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const charset = declared ?? /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
