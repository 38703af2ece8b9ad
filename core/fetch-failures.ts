/**
 * Fetching a page within limits, and why it failed in words a person can act
 * on. Shared by the extension's fetcher and the command line's, so both keep
 * the same limits and say the same thing. Web-platform APIs only (Response,
 * TextDecoder), which browsers and Node both have.
 */
import { decodeHtml } from './decode';
import { displayHost } from './url';
import type { FetchFailure, FetchFailureCode } from './verify';

/** The limits of every fetch of an original: no more time, bytes or hops than this. */
export const FETCH_LIMITS = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };

export const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/** Chrome's net::ERR_* and Firefox's NS_ERROR_* / SEC_ERROR_* names, in our words. */
export function classifyNetError(error: string | null): FetchFailureCode {
  const name = (error ?? '').toUpperCase();
  if (/TOO_MANY_REDIRECTS|REDIRECT_LOOP/.test(name)) return 'redirect-loop';
  if (/CERT|SSL|TLS|SEC_ERROR|MOZILLA_PKIX/.test(name)) return 'tls';
  if (/TIMED_OUT|TIMEOUT/.test(name)) return 'timeout';
  if (/INTERNET_DISCONNECTED|NS_ERROR_OFFLINE/.test(name)) return 'offline';
  return 'network';
}

const MESSAGES: Record<FetchFailureCode, (host: string, status?: number) => string> = {
  'not-found': (h) => `${h} answered 404: the page is not there (moved or removed)`,
  gone: (h) => `${h} answered 410: the page was removed for good`,
  forbidden: (h, s) => `${h} answered ${s}: the page needs a sign-in or is blocked for automatic requests`,
  'login-wall': (h) => `${h} showed a sign-in page instead of the article`,
  'empty-page': (h) => `${h} answered, but with no article in the page`,
  'server-error': (h, s) => `${h} answered ${s}: a server error on their side; try again later`,
  'http-error': (h, s) => `${h} answered ${s}`,
  timeout: (h) => `${h} did not answer within ${FETCH_LIMITS.timeoutMs / 1000} seconds`,
  'not-html': (h) => `${h} did not send a web page (not HTML)`,
  'too-large': (h) => `${h} sent more than ${FETCH_LIMITS.maxBytes / 1024 / 1024} MB; not read`,
  tls: (h) => `${h}'s secure connection could not be trusted (certificate or TLS error)`,
  'redirect-loop': (h) => `${h} redirects in a loop`,
  'too-many-redirects': (h) => `${h} redirected more than ${FETCH_LIMITS.maxRedirects} times`,
  network: (h) => `${h} could not be reached (connection refused or name not found)`,
  offline: () => 'the browser is offline',
  'permission-refused': (h) => `permission to read ${h} was not given`,
  'unsafe-url': (h) => `${h} is not an http(s) address`,
  'private-address': (h) => `${h} points into a private network: not fetched`,
};

/** Why a redirect was not followed, naming both ends. */
const REDIRECT_MESSAGES: Record<RefusedHop, (from: string, to: string) => string> = {
  'private-address': (f, t) => `${f} redirects to ${t}, which points into a private network: not followed`,
  'permission-refused': (f, t) => `${f} redirects to ${t}, which Provenance has no permission to read: not followed`,
  'unsafe-url': (f) => `${f} redirects to an address that is not http(s): not followed`,
};

/** The checks every address of a fetch passes, the first and each redirect: why one is refused. */
type RefusedHop = 'private-address' | 'permission-refused' | 'unsafe-url';

/** A fetch stopped at a redirect to `to` from `from`: neither fetched nor followed. */
export function refusedRedirect(code: RefusedHop, to: string, from: string): FetchFailure {
  return { ok: false, code, message: REDIRECT_MESSAGES[code](displayHost(from), displayHost(to)), refusedRedirect: { to, from } };
}

export function failure(code: FetchFailureCode, url: string, status?: number): FetchFailure {
  return { ok: false, code, message: MESSAGES[code](displayHost(url), status), ...(status ? { status } : {}) };
}

export function failureForStatus(status: number, url: string): FetchFailure {
  if (status === 404) return failure('not-found', url, status);
  if (status === 410) return failure('gone', url, status);
  if (status === 401 || status === 403) return failure('forbidden', url, status);
  if (status >= 500) return failure('server-error', url, status);
  return failure('http-error', url, status);
}

/** The body as text, or null once it passes `maxBytes` (an endless body is cut off, not buffered). */
export async function readCappedText(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
  } catch {
    // The connection broke or the request was aborted (the timeout) mid-body.
    return null;
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  // As a browser decodes it: BOM, the header's charset, the page's <meta charset>, else UTF-8 (core/decode.ts).
  return decodeHtml(bytes, /charset=["']?([\w-]+)/i.exec(response.headers.get('content-type') ?? '')?.[1] ?? null);
}
