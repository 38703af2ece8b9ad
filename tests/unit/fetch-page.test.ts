/**
 * The extension's fetcher (lib/fetch-page.ts) with the browser stood in for:
 * fetch() answers from a table, and emits the webRequest events a browser
 * would for our own request (tests/e2e/network.spec.ts runs the real thing).
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RequestEvent } from '@/lib/request-log';

type Listener = (event: RequestEvent) => void;
const listeners: Record<string, Listener[]> = {};
const event = (name: string) => ({ addListener: (fn: Listener) => (listeners[name] ??= []).push(fn) });
const emit = (name: string, details: RequestEvent) => listeners[name]?.forEach((fn) => fn(details));

/** What each URL answers: a redirect's Location, or a page. */
let answers: Record<string, { location: string } | { html: string }> = {};
let permittedOrigins: string[] = [];
const fetchCalls: { url: string; init: RequestInit }[] = [];
const containsCalls: string[] = [];
let nextId = 0;

function fakeFetch(input: string, init: RequestInit): Promise<Response> {
  fetchCalls.push({ url: input, init });
  const details: RequestEvent = {
    requestId: String(++nextId),
    url: input,
    tabId: -1,
    timeStamp: Date.now(),
    method: 'GET',
    initiator: 'chrome-extension://test-id',
  };
  emit('onBeforeRequest', details);
  const answer = answers[input];
  if (!answer) {
    emit('onErrorOccurred', { ...details, error: 'net::ERR_NAME_NOT_RESOLVED' });
    return Promise.reject(new TypeError('Failed to fetch'));
  }
  if ('location' in answer) {
    emit('onHeadersReceived', { ...details, statusCode: 302, responseHeaders: [{ name: 'location', value: answer.location }] });
    emit('onErrorOccurred', { ...details, error: 'net::ERR_ABORTED' });
    return Promise.resolve({ type: 'opaqueredirect', status: 0, ok: false, url: input, headers: new Headers(), body: null } as unknown as Response);
  }
  emit('onHeadersReceived', { ...details, statusCode: 200 });
  emit('onCompleted', { ...details, statusCode: 200 });
  return Promise.resolve(new Response(answer.html, { headers: { 'content-type': 'text/html; charset=utf-8' } }));
}

const page = (title: string) => ({ html: `<!doctype html><title>${title}</title><h1>${title}</h1>` });

describe('the extension fetches one hop at a time and checks every hop', () => {
  let fetchPage: typeof import('@/lib/fetch-page').fetchPage;

  beforeAll(async () => {
    Object.assign(fakeBrowser, {
      webRequest: Object.fromEntries(
        ['onBeforeRequest', 'onHeadersReceived', 'onBeforeRedirect', 'onCompleted', 'onErrorOccurred'].map((name) => [name, event(name)]),
      ),
      permissions: {
        contains: async ({ origins }: { origins: string[] }) => {
          containsCalls.push(...origins);
          return origins.every((origin) => permittedOrigins.includes(origin));
        },
      },
    });
    fakeBrowser.runtime.getURL = (() => 'chrome-extension://test-id/') as typeof fakeBrowser.runtime.getURL;
    ({ fetchPage } = await import('@/lib/fetch-page'));
  });

  beforeEach(() => {
    answers = {};
    permittedOrigins = ['https://news.example/*'];
    fetchCalls.length = 0;
    containsCalls.length = 0;
    vi.stubGlobal('fetch', vi.fn(fakeFetch));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends no Referer, no cookies, and never lets the browser follow a redirect itself', async () => {
    answers['https://news.example/a'] = page('A');
    const answer = await fetchPage('https://news.example/a');
    expect(answer.ok).toBe(true);
    expect(fetchCalls[0]!.init).toMatchObject({ referrerPolicy: 'no-referrer', credentials: 'omit', redirect: 'manual' });
  });

  it.each([
    'http://192.168.1.1/',
    'http://localhost:3000/',
    'http://[::1]/',
    'http://169.254.169.254/latest/',
    'http://intranet/',
    'http://0x7f000001/',
  ])('refuses %s before asking for permission and before any request', async (url) => {
    permittedOrigins.push(`${new URL(url).origin}/*`);
    const answer = await fetchPage(url);
    expect(answer).toMatchObject({ ok: false, code: 'private-address' });
    if (!answer.ok) expect(answer.message).toMatch(/points into a private network: not fetched/);
    expect(containsCalls).toEqual([]);
    expect(fetchCalls).toEqual([]);
  });

  it('follows a permitted redirect by itself, hop by hop', async () => {
    answers['https://news.example/a'] = { location: '/b' };
    answers['https://news.example/b'] = page('B');
    const answer = await fetchPage('https://news.example/a');
    expect(answer).toMatchObject({ ok: true, finalUrl: 'https://news.example/b', redirects: ['https://news.example/a'] });
    expect(fetchCalls.map((call) => call.url)).toEqual(['https://news.example/a', 'https://news.example/b']);
  });

  it('stops at a redirect into a private network, names both ends, and never requests it', async () => {
    permittedOrigins.push('http://127.0.0.1:8080/*');
    answers['https://news.example/a'] = { location: 'http://127.0.0.1:8080/admin' };
    answers['http://127.0.0.1:8080/admin'] = page('Router admin');
    const answer = await fetchPage('https://news.example/a');
    expect(answer).toMatchObject({
      ok: false,
      code: 'private-address',
      refusedRedirect: { to: 'http://127.0.0.1:8080/admin', from: 'https://news.example/a' },
    });
    if (!answer.ok) expect(answer.message).toBe('news.example redirects to 127.0.0.1, which points into a private network: not followed');
    expect(fetchCalls.map((call) => call.url)).toEqual(['https://news.example/a']);
  });

  it('stops at a redirect to a site it has no permission to read', async () => {
    answers['https://news.example/a'] = { location: 'https://tracker.example/next' };
    answers['https://tracker.example/next'] = page('Tracker');
    const answer = await fetchPage('https://news.example/a');
    expect(answer).toMatchObject({
      ok: false,
      code: 'permission-refused',
      refusedRedirect: { to: 'https://tracker.example/next', from: 'https://news.example/a' },
    });
    expect(containsCalls).toEqual(['https://news.example/*', 'https://tracker.example/*']);
    expect(fetchCalls.map((call) => call.url)).toEqual(['https://news.example/a']);
  });

  it('refuses a redirect to an address that is not http(s)', async () => {
    answers['https://news.example/a'] = { location: 'file:///etc/passwd' };
    const answer = await fetchPage('https://news.example/a');
    expect(answer).toMatchObject({ ok: false, code: 'unsafe-url', refusedRedirect: { from: 'https://news.example/a' } });
    expect(fetchCalls).toHaveLength(1);
  });

  it('catches loops and long chains', async () => {
    answers['https://news.example/loop/a'] = { location: '/loop/b' };
    answers['https://news.example/loop/b'] = { location: '/loop/a' };
    expect(await fetchPage('https://news.example/loop/a')).toMatchObject({ ok: false, code: 'redirect-loop' });
    for (let n = 7; n > 0; n--) answers[`https://news.example/chain/${n}`] = { location: `/chain/${n - 1}` };
    answers['https://news.example/chain/0'] = page('End');
    expect(await fetchPage('https://news.example/chain/7')).toMatchObject({ ok: false, code: 'too-many-redirects' });
    expect(await fetchPage('https://news.example/chain/5')).toMatchObject({ ok: true, finalUrl: 'https://news.example/chain/0' });
  });

  it("names a network failure from the browser's own reason", async () => {
    const answer = await fetchPage('https://news.example/missing');
    expect(answer).toMatchObject({ ok: false, code: 'network' });
  });
});
