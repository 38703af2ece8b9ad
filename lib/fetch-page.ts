/**
 * Fetching an original from the background, with the limits a polite,
 * private fetcher needs: no cookies or credentials, 10 s, 5 MB, HTML only,
 * at most 5 redirects.
 *
 * fetch() hides why a request failed ("Failed to fetch" for a TLS error, a
 * redirect loop and a refused connection alike) and, with redirect: 'manual',
 * hides where a redirect goes. The webRequest events say both, so a small
 * network log watches our own requests (tabId -1) while a fetch runs.
 */
import { browser } from 'wxt/browser';
import { classifyNetError, failure, failureForStatus, FETCH_LIMITS, HTML_TYPES, readCappedText } from '@/core/fetch-failures';
import type { FetchFailureCode, FetchPage, FetchSuccess } from '@/core/verify';


interface Watch {
  url: string;
  requestId: string | null;
  redirects: string[];
  error: string | null;
  onRedirectProblem: (code: 'redirect-loop' | 'too-many-redirects') => void;
  /** Called when the final response starts: every redirect event of the request has been seen by then. */
  onResponse: () => void;
}
const watches = new Set<Watch>();
/** How long a redirected fetch waits for the last of its redirect events. */
const REDIRECT_EVENTS_WAIT_MS = 1000;
let listening = false;

function listen(): void {
  if (listening || !browser.webRequest) return;
  listening = true;
  const filter = { urls: ['http://*/*', 'https://*/*'], tabId: -1 };
  browser.webRequest.onBeforeRequest.addListener((details) => {
    for (const watch of watches) {
      if (watch.requestId === null && details.url === watch.url) watch.requestId = details.requestId;
    }
    return undefined;
  }, filter);
  browser.webRequest.onBeforeRedirect.addListener((details) => {
    for (const watch of watches) {
      if (watch.requestId !== details.requestId) continue;
      watch.redirects.push(details.url);
      // Coming back to an address already passed through is a loop, whatever the count.
      if (details.redirectUrl === watch.url || watch.redirects.includes(details.redirectUrl)) watch.onRedirectProblem('redirect-loop');
      else if (watch.redirects.length > FETCH_LIMITS.maxRedirects) watch.onRedirectProblem('too-many-redirects');
    }
  }, filter);
  // A request's events arrive in order, so once its response starts, all its redirects have been counted.
  browser.webRequest.onResponseStarted.addListener((details) => {
    for (const watch of watches) if (watch.requestId === details.requestId) watch.onResponse();
  }, filter);
  browser.webRequest.onErrorOccurred.addListener((details) => {
    for (const watch of watches) if (watch.requestId === details.requestId) watch.error = details.error;
  }, filter);
}


/** The fetcher the background hands to core/verify. */
export const fetchPage: FetchPage = async (url, validators) => {
  listen();
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return failure('offline', url);
  const controller = new AbortController();
  let abortedFor: FetchFailureCode | null = null;
  const abort = (code: FetchFailureCode) => {
    abortedFor ??= code;
    controller.abort();
  };
  const timer = setTimeout(() => abort('timeout'), FETCH_LIMITS.timeoutMs);
  let responseSeen = () => {};
  const seen = new Promise<void>((resolve) => (responseSeen = resolve));
  const watch: Watch = { url, requestId: null, redirects: [], error: null, onRedirectProblem: abort, onResponse: () => responseSeen() };
  watches.add(watch);
  try {
    const headers: Record<string, string> = { Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' };
    if (validators?.etag) headers['If-None-Match'] = validators.etag;
    if (validators?.lastModified) headers['If-Modified-Since'] = validators.lastModified;
    let response: Response;
    try {
      response = await fetch(url, { credentials: 'omit', redirect: 'follow', cache: 'no-store', headers, signal: controller.signal });
    } catch {
      // Give the webRequest error event a moment to arrive after the rejection.
      await new Promise((resolve) => setTimeout(resolve, 50));
      return failure(abortedFor ?? classifyNetError(watch.error), url);
    }
    const finalUrl = response.url || url;
    if (response.redirected) {
      // The redirect events reach this listener asynchronously, and fast redirects can all be followed
      // before they do (seen in Firefox): wait for the request's response event (at most a second), then
      // see whether the chain was too long or a loop.
      await Promise.race([seen, new Promise((resolve) => setTimeout(resolve, REDIRECT_EVENTS_WAIT_MS))]);
      if (abortedFor) {
        void response.body?.cancel();
        return failure(abortedFor, url);
      }
    }
    if (response.status === 304) {
      return { ok: true, finalUrl, status: 304, redirects: watch.redirects, html: null, ...validatorsOf(response) } satisfies FetchSuccess;
    }
    if (!response.ok) return failureForStatus(response.status, finalUrl);
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
    if (html === null) return failure(abortedFor ?? 'too-large', finalUrl);
    return { ok: true, finalUrl, status: response.status, redirects: watch.redirects, html, ...validatorsOf(response) };
  } catch {
    return failure(abortedFor ?? classifyNetError(watch.error), url);
  } finally {
    clearTimeout(timer);
    watches.delete(watch);
  }
};

function validatorsOf(response: Response) {
  return { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
}
