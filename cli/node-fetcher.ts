/**
 * The command line's fetcher for verification: Node's fetch with the same
 * limits and the same failure words as the extension's. Node lets us follow
 * redirects by hand (redirect: 'manual' shows the Location header), so hops
 * are counted and loops caught directly.
 */
import { classifyNetError, failure, failureForStatus, FETCH_LIMITS, HTML_TYPES, readCappedText } from '../core/fetch-failures';
import { safeHttpUrl } from '../core/url';
import type { FetchFailureCode, FetchPage } from '../core/verify';

export interface NodeFetcherOptions {
  timeoutMs?: number;
}

/** Node's error codes (error.cause.code) in the extension's terms. */
function codeOf(error: unknown): FetchFailureCode {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const name = `${cause?.code ?? ''} ${cause?.message ?? ''}`;
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(name)) return 'tls';
  if (/ETIMEDOUT|UND_ERR_.*TIMEOUT/i.test(name)) return 'timeout';
  return classifyNetError(name);
}

export function createNodeFetcher(options: NodeFetcherOptions = {}): FetchPage {
  return async (url, validators) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? FETCH_LIMITS.timeoutMs);
    const redirects: string[] = [];
    let current = url;
    try {
      for (;;) {
        const headers: Record<string, string> = { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'user-agent': 'provenance-cli/0.1' };
        if (validators?.etag) headers['if-none-match'] = validators.etag;
        if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
        let response: Response;
        try {
          response = await fetch(current, { redirect: 'manual', headers, signal: controller.signal, credentials: 'omit' });
        } catch (error) {
          return failure(controller.signal.aborted ? 'timeout' : codeOf(error), current);
        }
        if (response.status >= 300 && response.status < 400 && response.status !== 304) {
          const next = safeHttpUrl(response.headers.get('location') ?? '', current);
          void response.body?.cancel();
          if (!next) return failure('http-error', current, response.status);
          if (next === current || redirects.includes(next) || next === url) return failure('redirect-loop', url);
          redirects.push(current);
          if (redirects.length > FETCH_LIMITS.maxRedirects) return failure('too-many-redirects', url);
          current = next;
          continue;
        }
        const validatorsOut = { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
        if (response.status === 304) return { ok: true, finalUrl: current, status: 304, redirects, html: null, ...validatorsOut };
        if (!response.ok) {
          void response.body?.cancel();
          return failureForStatus(response.status, current);
        }
        if (!HTML_TYPES.test(response.headers.get('content-type') ?? '')) {
          void response.body?.cancel();
          return failure('not-html', current);
        }
        const html = await readCappedText(response, FETCH_LIMITS.maxBytes);
        if (html === null) return failure(controller.signal.aborted ? 'timeout' : 'too-large', current);
        return { ok: true, finalUrl: current, status: response.status, redirects, html, ...validatorsOut };
      }
    } finally {
      clearTimeout(timer);
    }
  };
}
