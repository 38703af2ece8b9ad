/**
 * Issue 16: what a "site" is, decided with the Public Suffix List and its
 * private section (tldts, allowPrivateDomains): a blog on blogspot.com, a
 * page on github.io, netlify.app or pages.dev, a newsletter on substack.com
 * or a blog on wordpress.com is its own site. "Never on this site" on
 * evil.substack.com silenced every Substack; two Blogspot blogs were one site
 * in the history and in a chain (a credit from one to the other was not
 * followed, a redirect between them not shown).
 */
import 'fake-indexeddb/auto';
import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { nextHopUrl } from '@/core/next-hop';
import { readPage } from '@/core/read-page';
import { registrableDomain, sameOutlet, sameSite, sharedHost } from '@/core/url';
import { verifyProvenance, type CachedOriginal, type FetchPage } from '@/core/verify';
import { database, toHistoryEntry } from '@/lib/db';
import { onPageScanned, silenceSite } from '@/lib/service';
import { settings } from '@/lib/settings';
import { farmPage } from '../e2e/support/pages';
import { getMessage } from './locale-messages';
import { sampleDigest, sampleRecord } from './sample-record';

const tab = (id: number, url: string) => ({ id, url, index: 0, highlighted: false, active: true, pinned: false, incognito: false, windowId: 1 });
/** A message from the content script in the top frame of tab `tabId` showing `url`. */
const fromPage = (tabId: number, url: string) => ({ id: fakeBrowser.runtime.id, tab: tab(tabId, url) as never, frameId: 0, url });

describe('a site is the registrable domain under the private suffixes too', () => {
  it('blogs and pages on shared hosts are sites of their own', () => {
    expect(registrableDomain('https://a.blogspot.com/2025/03/x.html')).toBe('a.blogspot.com');
    expect(registrableDomain('https://www.a.blogspot.com/')).toBe('a.blogspot.com');
    expect(registrableDomain('https://user.github.io/project/')).toBe('user.github.io');
    expect(registrableDomain('https://my-app.netlify.app/')).toBe('my-app.netlify.app');
    expect(registrableDomain('https://docs.pages.dev/')).toBe('docs.pages.dev');
    // Not in the list's private section, known here (core/url.ts PLATFORMS).
    expect(registrableDomain('https://evil.substack.com/p/story')).toBe('evil.substack.com');
    expect(registrableDomain('https://localpaper.wordpress.com/2025/03/04/x/')).toBe('localpaper.wordpress.com');
    expect(registrableDomain('https://substack.com/inbox')).toBe('substack.com');
    expect(registrableDomain('https://www.wordpress.com/')).toBe('wordpress.com');
    // The shared host itself is no one's site.
    expect(registrableDomain('https://blogspot.com/')).toBeNull();
    expect(registrableDomain('github.io')).toBeNull();
  });

  it('www.bbc.co.uk and bbc.co.uk are one site; ccTLD second levels stay suffixes', () => {
    expect(registrableDomain('https://www.bbc.co.uk/news')).toBe('bbc.co.uk');
    expect(registrableDomain('bbc.co.uk')).toBe('bbc.co.uk');
    expect(sameSite('https://www.bbc.co.uk/news', 'https://bbc.co.uk/sport')).toBe(true);
    expect(registrableDomain('https://abcnews.go.com/US/x')).toBe('go.com');
    expect(registrableDomain('https://www.smh.com.au/')).toBe('smh.com.au');
  });

  it('two blogs on one shared host are two sites, and two outlets', () => {
    expect(sameSite('https://a.blogspot.com/x', 'https://b.blogspot.com/y')).toBe(false);
    expect(sameSite('https://alice.github.io/x', 'https://bob.github.io/y')).toBe(false);
    expect(sameOutlet('https://alice.github.io/x', 'https://bob.github.io/y')).toBe(false);
    expect(sameOutlet('https://alice.github.io/x', 'https://alice.github.io/y')).toBe(true);
    // A name on a shared host is not the outlet with that name.
    expect(sameOutlet('https://washingtonpost.github.io/', 'https://www.washingtonpost.com/')).toBe(false);
    // One blog under two country suffixes is still one outlet.
    expect(sameOutlet('http://unexpecteduser.blogspot.de/2011/', 'http://unexpecteduser.blogspot.com/2011/')).toBe(true);
  });

  it('hosts with no registrable domain are one site only with themselves', () => {
    expect(sameSite('http://127.0.0.1:8080/a', 'http://127.0.0.1:8080/b')).toBe(true);
    expect(sameSite('http://127.0.0.1/a', 'http://localhost/b')).toBe(false);
  });

  it('the content script never carries the list: it sends the URL, the background decides the site', async () => {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [new URL('../../entrypoints/content/index.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
      format: 'esm',
      external: ['wxt/*'],
      loader: { '.css': 'empty' },
      alias: { '@': new URL('../..', import.meta.url).pathname },
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.endsWith('lib/messages.ts'))).toBe(true);
    expect(inputs.filter((input) => /node_modules\/tldts|core\/url\.ts$/.test(input))).toEqual([]);
  });

  it('a shared host typed in the settings is recognised, for a specific message', () => {
    expect(sharedHost('blogspot.com')).toBe('blogspot.com');
    expect(sharedHost('https://www.GitHub.io/')).toBe('github.io');
    expect(sharedHost('co.uk')).toBe('co.uk');
    expect(sharedHost('a.blogspot.com')).toBeNull();
    expect(sharedHost('example.com')).toBeNull();
    expect(sharedHost('not a site')).toBeNull();
  });
});

describe('"Never on this site" silences the site, not the platform', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    Object.assign(fakeBrowser, { action: { setBadgeText: vi.fn(), setBadgeBackgroundColor: vi.fn(), setTitle: vi.fn() } });
    fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
    await database().history.clear();
  });

  it('silencing a.blogspot.com leaves b.blogspot.com', async () => {
    const silenced = 'https://a.blogspot.com/2025/03/talks.html';
    const other = 'https://b.blogspot.com/2025/03/talks.html';
    expect(await silenceSite(fromPage(1, silenced))).toEqual({ site: 'a.blogspot.com' });
    expect(await settings.silentSites.getValue()).toEqual(['a.blogspot.com']);
    expect((await onPageScanned(sampleDigest(silenced), fromPage(1, silenced))).showBadge).toBe(false);
    const answer = await onPageScanned(sampleDigest(other), fromPage(2, other));
    expect(answer.record.syndicated).toBe(true);
    expect(answer.showBadge).toBe(true);
  });

  it('silencing evil.substack.com leaves every other Substack, and substack.com itself', async () => {
    expect(await silenceSite(fromPage(3, 'https://evil.substack.com/p/story'))).toEqual({ site: 'evil.substack.com' });
    for (const url of ['https://honest.substack.com/p/story', 'https://substack.com/home/post/p-1']) {
      expect((await onPageScanned(sampleDigest(url), fromPage(4, url))).showBadge, url).toBe(true);
    }
  });
});

describe('history and chains tell two blogs on one host apart', () => {
  it('two Blogspot blogs are two sites in the history', () => {
    const a = toHistoryEntry(sampleRecord({ url: 'https://a.blogspot.com/2025/03/talks.html' }), 1);
    const b = toHistoryEntry(sampleRecord({ url: 'https://b.blogspot.com/2025/03/talks.html' }), 1);
    expect(a.site).toBe('a.blogspot.com');
    expect(b.site).toBe('b.blogspot.com');
    expect(toHistoryEntry(sampleRecord({ url: 'https://www.bbc.co.uk/news/x' }), 1).site).toBe('bbc.co.uk');
  });

  it('a credit from one blog to another on the same host is a hop, and a redirect between them is shown', async () => {
    const copyUrl = 'https://a.blogspot.com/2025/03/talks.html';
    const sourceUrl = 'https://b.blogspot.com/2025/03/talks.html';
    const { record } = readPage(parseHTML(farmPage('First talks on the harbour plan', sourceUrl)).document as unknown as Document, copyUrl);
    expect(record.syndicated).toBe(true);
    expect(record.sourceUrl).toBe(sourceUrl);
    expect(record.chain[0]?.site).toBe('b.blogspot.com');
    expect(nextHopUrl(record)).toBe(sourceUrl);

    const original = `<!doctype html><html><head><title>First talks on the harbour plan</title><meta property="og:type" content="article"></head><body><article><h1>First talks on the harbour plan</h1><p>${'The talks were described by officials as a first step, and analysts said more meetings would follow in the coming weeks. '.repeat(12)}</p></article></body></html>`;
    const finalUrl = 'https://c.blogspot.com/2025/03/talks.html';
    const fetchPage: FetchPage = async (url) => ({
      ok: true,
      finalUrl,
      status: 200,
      redirects: [url],
      html: original,
      etag: null,
      lastModified: null,
    });
    const memory = new Map<string, CachedOriginal>();
    const verification = await verifyProvenance(record, null, {
      fetchPage,
      parsePage: async (html, at) => readPage(parseHTML(html).document as unknown as Document, at),
      cache: { get: async (key) => memory.get(key), put: async (entry) => void memory.set(entry.key, entry) },
      ttlMs: 0,
    });
    expect(verification.outcome).toBe('verified');
    expect(verification.hops).toHaveLength(1);
    expect(verification.hops[0]).toMatchObject({ site: 'c.blogspot.com', redirectedAcrossSites: true });
  });
});
