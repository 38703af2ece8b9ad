/** Loading a page for the CLI: a file or an http(s) URL → HTML text → linkedom Document. */
import { readFile } from 'node:fs/promises';
import { DOMParser } from 'linkedom';

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

async function fetchPage(url: string): Promise<LoadedPage> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', headers: { 'user-agent': 'provenance-cli/0.1 (+https://github.com/)' }, signal: AbortSignal.timeout(20_000) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const reason = (error as Error).name === 'TimeoutError' ? 'no answer within 20 s' : cause === 'ENOTFOUND' ? 'the host name does not resolve' : cause ?? (error as Error).message;
    throw new CliError('fetch-failed', `cannot fetch ${url}: ${reason}`);
  }
  if (!response.ok) throw new CliError('http-status', `the URL answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}: ${url}`);
  const type = response.headers.get('content-type') ?? '';
  if (type && !/html|xml|text\/plain/i.test(type)) throw new CliError('not-html', `the URL is not an HTML page (${type}): ${url}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { html: decode(bytes, /charset=([\w-]+)/i.exec(type)?.[1] ?? null), servedAt: response.url || url };
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
