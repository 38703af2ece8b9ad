import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readPage } from '@/core/read-page';
import { failure, failureForStatus } from '@/core/fetch-failures';
import { verifyProvenance, type CachedOriginal, type FetchPage, type FetchSuccess, type VerifyOptions } from '@/core/verify';

const WEB = join(__dirname, '..', 'fixtures', 'web');
const RUNNING_EXAMPLE = 'https://newsharbordaily.com/2025/02/22/u-s-russia-hold-first-talks-on-ukraine-without-nato-allies-kyiv-the-washington-post/';
const DAY = 86_400_000;

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

/** The fixture web as files: https://www.host/path/ → tests/fixtures/web/host/path/index.html. */
function fixtureFile(url: string): string | null {
  const { hostname, pathname } = new URL(url);
  const file = join(WEB, hostname.replace(/^www\./, ''), pathname, pathname.endsWith('/') ? 'index.html' : '');
  return existsSync(file) ? file : null;
}

function fixtureFetcher(overrides: Record<string, Awaited<ReturnType<FetchPage>>> = {}) {
  const requested: string[] = [];
  const fetchPage: FetchPage = async (url, validators) => {
    requested.push(url);
    if (overrides[url]) return overrides[url];
    const file = fixtureFile(url);
    if (!file) return failureForStatus(404, url);
    if (validators?.etag === '"v1"') return { ok: true, finalUrl: url, status: 304, redirects: [], html: null, etag: '"v1"', lastModified: null };
    return {
      ok: true,
      finalUrl: url,
      status: 200,
      redirects: [],
      html: readFileSync(file, 'utf8'),
      etag: '"v1"',
      lastModified: null,
    } satisfies FetchSuccess;
  };
  return { fetchPage, requested };
}

function memoryCache() {
  const entries = new Map<string, CachedOriginal>();
  return { entries, get: async (key: string) => entries.get(key), put: async (entry: CachedOriginal) => void entries.set(entry.key, entry) };
}

function pageAt(url: string) {
  const file = fixtureFile(url)!;
  const doc = parse(readFileSync(file, 'utf8'));
  return readPage(doc, url);
}

function options(fetchPage: FetchPage, cache = memoryCache(), extra: Partial<VerifyOptions> = {}): VerifyOptions {
  return { fetchPage, parsePage: async (html, url) => readPage(parse(html), url), cache, ttlMs: 7 * DAY, now: () => 1_000 * DAY, ...extra };
}

describe('verification of the running example', () => {
  it('follows page → USA NEWS → The Washington Post and compares with the original', async () => {
    const { record, text } = pageAt(RUNNING_EXAMPLE);
    expect(record.syndicated).toBe(true);
    const { fetchPage, requested } = fixtureFetcher();
    const result = await verifyProvenance(record, text, options(fetchPage));
    expect(result.outcome).toBe('verified');
    expect(requested.map((u) => new URL(u).hostname)).toEqual(['usa-news.biz', 'www.washingtonpost.com']);
    expect(result.hops.map((hop) => hop.syndicated)).toEqual([true, false]);
    expect(result.original?.publisher).toBe('The Washington Post');
    expect(result.comparison?.headline?.verdict).not.toBe('different-story');
    // The syndicator's text is a machine rewrite: little of the original's wording survives.
    expect(result.comparison?.text?.verdict).toBe('rewritten');
    expect(result.comparison?.delay.text).toMatch(/later/);
  });

  it('answers from the cache while fresh, and re-checks with validators on request', async () => {
    const { record, text } = pageAt(RUNNING_EXAMPLE);
    const cache = memoryCache();
    const first = fixtureFetcher();
    await verifyProvenance(record, text, options(first.fetchPage, cache));
    expect(cache.entries.size).toBe(2);

    const second = fixtureFetcher();
    const cached = await verifyProvenance(record, text, options(second.fetchPage, cache));
    expect(second.requested).toEqual([]);
    expect(cached.hops.every((hop) => hop.fromCache)).toBe(true);
    expect(cached.comparison?.text?.verdict).toBe('rewritten');

    const third = fixtureFetcher();
    const rechecked = await verifyProvenance(record, text, options(third.fetchPage, cache, { force: true }));
    expect(third.requested).toHaveLength(2);
    expect(rechecked.outcome).toBe('verified');
  });

  it('shows the cached original, marked stale, when the site cannot be reached', async () => {
    const { record, text } = pageAt(RUNNING_EXAMPLE);
    const cache = memoryCache();
    await verifyProvenance(record, text, options(fixtureFetcher().fetchPage, cache));
    const offline: FetchPage = async (url) => failure('offline', url);
    const result = await verifyProvenance(record, text, options(offline, cache, { force: true }));
    expect(result.outcome).toBe('verified');
    expect(result.hops.every((hop) => hop.stale)).toBe(true);
  });
});

describe('failures are explained and never cached as success', () => {
  it.each([
    ['404', failureForStatus(404, 'https://usa-news.biz/x'), 'not-found'],
    ['410', failureForStatus(410, 'https://usa-news.biz/x'), 'gone'],
    ['403', failureForStatus(403, 'https://usa-news.biz/x'), 'forbidden'],
    ['503', failureForStatus(503, 'https://usa-news.biz/x'), 'server-error'],
    ['timeout', failure('timeout', 'https://usa-news.biz/x'), 'timeout'],
    ['not HTML', failure('not-html', 'https://usa-news.biz/x'), 'not-html'],
    ['too large', failure('too-large', 'https://usa-news.biz/x'), 'too-large'],
    ['redirect loop', failure('redirect-loop', 'https://usa-news.biz/x'), 'redirect-loop'],
    ['TLS', failure('tls', 'https://usa-news.biz/x'), 'tls'],
  ])('%s', async (_label, answer, code) => {
    const { record, text } = pageAt(RUNNING_EXAMPLE);
    const cache = memoryCache();
    const fetchPage: FetchPage = async () => answer;
    const result = await verifyProvenance(record, text, options(fetchPage, cache));
    expect(result.outcome).toBe('failed');
    expect(result.failure?.code).toBe(code);
    expect(result.failure?.message).toMatch(/usa-news\.biz|offline/);
    expect(cache.entries.size).toBe(0);
  });

  it('a page of garbage is no original', async () => {
    const { record, text } = pageAt(RUNNING_EXAMPLE);
    const cache = memoryCache();
    const garbage = '\u0000\u00ff<<<>>>\ufffd'.repeat(500);
    const fetchPage: FetchPage = async (url) => ({
      ok: true,
      finalUrl: url,
      status: 200,
      redirects: [],
      html: garbage,
      etag: null,
      lastModified: null,
    });
    const result = await verifyProvenance(record, text, options(fetchPage, cache));
    expect(result.outcome).toBe('failed');
    expect(result.failure?.code).toBe('empty-page');
    expect(cache.entries.size).toBe(0);
  });

  it('reports a chain that comes back to a page already in it', async () => {
    const { record, text } = pageAt(RUNNING_EXAMPLE);
    const sourceUrl = record.sourceUrl!;
    // usa-news.biz credits the page we started from.
    const loopHtml = `<html><head><title>Loop</title></head><body><article><h1>Loop</h1><p>Source link : <a href="${RUNNING_EXAMPLE}">${RUNNING_EXAMPLE}</a></p><p>Copyright for syndicated content belongs to the linked Source.</p></article></body></html>`;
    const { fetchPage } = fixtureFetcher({
      [sourceUrl]: { ok: true, finalUrl: sourceUrl, status: 200, redirects: [], html: loopHtml, etag: null, lastModified: null },
    });
    const result = await verifyProvenance(record, text, options(fetchPage));
    expect(result.outcome).toBe('loop');
  });

  it('offers a search when the chain ends at a publisher named but not linked', async () => {
    const html = `<html><head><title>Talks - Some Farm</title></head><body><article><h1>Talks</h1>
      <p>${'Words of the rewritten story. '.repeat(30)}</p>
      <p>The post U.S., Russia hold first talks on Ukraine without NATO allies, Kyiv – The Washington Post first appeared on USA NEWS.</p>
      <p>Copyright for syndicated content belongs to the linked Source.</p></article></body></html>`;
    const { record, text } = readPage(parse(html), 'https://somefarm.example/talks/');
    const { fetchPage, requested } = fixtureFetcher();
    const result = await verifyProvenance(record, text, options(fetchPage));
    expect(requested).toEqual([]);
    expect(result.outcome).toBe('named-not-linked');
    expect(result.search?.url).toContain('washingtonpost.com');
    expect(result.search?.url).toMatch(/^https:\/\/duckduckgo\.com\/\?q=/);
  });
});
