/**
 * Fetching an original from the background, with the limits a polite,
 * private fetcher needs: no cookies or credentials, no Referer, 10 s, 5 MB,
 * HTML only, at most 5 redirects.
 *
 * Every address the fetch reaches passes the same checks, the first one and
 * each redirect alike, before anything is asked or sent: http(s) only, never
 * into a private network (core/private-network.ts), and only on a site the
 * reader has let Provenance read (an optional host permission). So redirects
 * are followed here, one hop at a time: fetch() runs with redirect: 'manual',
 * so the browser never sends the next request itself, and the webRequest
 * events of our own request (lib/request-log.ts) say where it redirects to.
 * Both Chromium and Firefox report a 3xx's Location in onHeadersReceived under
 * redirect: 'manual' (Chromium also sends onBeforeRedirect); tests/e2e/network.spec.ts.
 */
import { browser } from 'wxt/browser';
import { classifyNetError, failure, failureForStatus, FETCH_LIMITS, HTML_TYPES, readCappedText, refusedRedirect } from '@/core/fetch-failures';
import { hopRefusal } from '@/core/private-network';
import type { FetchFailure, FetchFailureCode, FetchPage, FetchSuccess, Validators } from '@/core/verify';
import { RequestLog, type RequestEvent } from './request-log';

/** How long a fetch waits for the webRequest events that say where a redirect goes or why a request failed. */
const EVENT_WAIT_MS = 2000;

let log: RequestLog | null = null;

function requestLog(): RequestLog | null {
  if (log || !browser.webRequest) return log;
  log = new RequestLog(browser.runtime.getURL('/'));
  const filter = { urls: ['http://*/*', 'https://*/*'], tabId: -1 };
  const events = browser.webRequest;
  const feed = (handler: (event: RequestEvent) => void) => (details: unknown) => {
    handler(details as RequestEvent);
    return undefined;
  };
  const own = log;
  events.onBeforeRequest.addListener(
    feed((e) => own.onBeforeRequest(e)),
    filter,
  );
  events.onHeadersReceived.addListener(
    feed((e) => own.onHeadersReceived(e)),
    filter,
    ['responseHeaders'],
  );
  events.onBeforeRedirect.addListener(
    feed((e) => own.onBeforeRedirect(e)),
    filter,
  );
  events.onCompleted.addListener(
    feed((e) => own.onCompleted(e)),
    filter,
  );
  events.onErrorOccurred.addListener(
    feed((e) => own.onErrorOccurred(e)),
    filter,
  );
  return log;
}

/** Whether the reader has let Provenance read this address's site (asked for in the popup, one origin at a time). */
async function permitted(url: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [`${new URL(url).origin}/*`] }).catch(() => false);
}

type Hop = { kind: 'redirect'; to: string } | { kind: 'response'; response: Response; done: () => void } | { kind: 'failed'; code: FetchFailureCode };

/** One request, not following a redirect: its answer, where it redirects to, or why it failed. */
async function fetchHop(url: string, validators: Validators | undefined, signal: AbortSignal, aborted: () => FetchFailureCode | null): Promise<Hop> {
  const events = requestLog();
  if (!events) return { kind: 'failed', code: 'network' };
  const watch = await events.watch(url);
  const headers: Record<string, string> = { Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' };
  if (validators?.etag) headers['If-None-Match'] = validators.etag;
  if (validators?.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit', redirect: 'manual', referrerPolicy: 'no-referrer', cache: 'no-store', headers, signal });
  } catch {
    const reason = aborted() ? null : await watch.failureReason(EVENT_WAIT_MS);
    watch.release();
    return { kind: 'failed', code: aborted() ?? classifyNetError(reason) };
  }
  if (response.type === 'opaqueredirect') {
    const to = await watch.redirectTarget(EVENT_WAIT_MS);
    watch.release();
    return to ? { kind: 'redirect', to } : { kind: 'failed', code: aborted() ?? 'network' };
  }
  return { kind: 'response', response, done: () => watch.release() };
}

/** The fetcher the background hands to core/verify: every hop checked, the first included. */
export const fetchPage: FetchPage = async (url, validators) => {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return failure('offline', url);
  const controller = new AbortController();
  let abortedFor: FetchFailureCode | null = null;
  const timer = setTimeout(() => {
    abortedFor ??= 'timeout';
    controller.abort();
  }, FETCH_LIMITS.timeoutMs);
  const redirects: string[] = [];
  let current = url;
  try {
    for (;;) {
      const refusal = hopRefusal(current) ?? ((await permitted(current)) ? null : 'permission-refused');
      if (refusal) return redirects.length ? refusedRedirect(refusal, current, redirects.at(-1)!) : failure(refusal, current);
      const hop = await fetchHop(current, validators, controller.signal, () => abortedFor);
      if (hop.kind === 'failed') return failure(hop.code, url);
      if (hop.kind === 'redirect') {
        // Coming back to an address already passed through is a loop, whatever the count.
        if (hop.to === current || hop.to === url || redirects.includes(hop.to)) return failure('redirect-loop', url);
        redirects.push(current);
        if (redirects.length > FETCH_LIMITS.maxRedirects) return failure('too-many-redirects', url);
        current = hop.to;
        continue;
      }
      try {
        return await readAnswer(hop.response, current, redirects, () => abortedFor);
      } finally {
        hop.done();
      }
    }
  } catch {
    return failure(abortedFor ?? 'network', url);
  } finally {
    clearTimeout(timer);
  }
};

async function readAnswer(
  response: Response,
  finalUrl: string,
  redirects: string[],
  aborted: () => FetchFailureCode | null,
): Promise<FetchSuccess | FetchFailure> {
  if (response.status === 304) {
    return { ok: true, finalUrl, status: 304, redirects, html: null, ...validatorsOf(response) };
  }
  if (!response.ok) {
    void response.body?.cancel();
    return failureForStatus(response.status, finalUrl);
  }
  const type = response.headers.get('content-type') ?? '';
  if (!HTML_TYPES.test(type)) {
    void response.body?.cancel();
    return failure('not-html', finalUrl);
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > FETCH_LIMITS.maxBytes) {
    void response.body?.cancel();
    return failure('too-large', finalUrl);
  }
  const html = await readCappedText(response, FETCH_LIMITS.maxBytes);
  if (html === null) return failure(aborted() ?? 'too-large', finalUrl);
  return { ok: true, finalUrl, status: response.status, redirects, html, ...validatorsOf(response) };
}

function validatorsOf(response: Response) {
  return { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
}
