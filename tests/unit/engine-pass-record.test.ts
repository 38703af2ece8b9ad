/**
 * Issue 18, one analysis pass: analyse(digest) is the one way to a finished record (names, chain,
 * sanitising inside it), so the CLI and the extension get the same record for a page; a chain hop's site
 * stays a registrable domain, shown in its look-alike-proof form only where it is rendered; a page's key is
 * made once (core/url.ts pageKey); a site is what tldts says with the private domains.
 */
import 'fake-indexeddb/auto';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { inspectOne, toRecord } from '@/cli/inspect';
import { loadPage, parseHtml } from '@/cli/load';
import { originalSearch } from '@/components/ProvenanceCard';
import { analyse, detect } from '@/core/detect';
import { digestPage } from '@/core/digest';
import type { Provenance } from '@/core/types';
import { displayHost, normalizeUrl, pageKey, registrableDomain, sameSite } from '@/core/url';
import { cardWords } from '@/lib/card-words';
import { database, getEntry } from '@/lib/db';
import { onPageScanned } from '@/lib/service';
import { unpackedCorpusDir } from '../corpus/corpus';
import { farmPage } from '../e2e/support/pages';
import { htmldateIndex, readabilityIndex } from './corpus-helpers';
import { getMessage } from './locale-messages';

const RUNNING_EXAMPLE = join(process.cwd(), 'tests/fixtures/engine/running-example.html');
const RUNNING_URL =
  'https://europedailywire.com/2025/02/22/u-s-russia-hold-first-talks-on-ukraine-without-nato-allies-kyiv-the-washington-post/?utm_source=twitter#comments';

/** Corpus pages of several kinds (tests/corpus): a scraped copy, a wire copy, a partner's copy, an original. */
const CORPUS_PAGES: [file: string, url: string][] = [
  ...['uncutnews.ch-ID-Diktat.html', 'lemonde.fr-Striking.html', 'necn.com-Massachusetts.html'].map((name): [string, string] => {
    const page = htmldateIndex().find((entry) => entry.file.endsWith(`/${name}`))!;
    return [join(unpackedCorpusDir('htmldate'), page.file), page.url];
  }),
  ...['aclu', 'nytimes-1'].map((name): [string, string] => {
    const page = readabilityIndex().find((entry) => entry.name === name)!;
    return [join(unpackedCorpusDir('readability'), page.file), page.url];
  }),
];

const tab = (id: number, url: string) => ({ id, url, index: 0, highlighted: false, active: true, pinned: false, incognito: false, windowId: 1 });
const fromPage = (tabId: number, url: string) => ({ id: fakeBrowser.runtime.id, tab: tab(tabId, url) as never, frameId: 0, url });
const withoutTime = ({ engineMs: _ms, ...rest }: Provenance) => rest;

/** What the extension does with a page: the content script's digest, sent as a message, analysed by the background. */
async function extensionRecord(html: string, url: string, tabId: number): Promise<Provenance> {
  const digest = structuredClone(digestPage(parseHtml(html), url));
  return (await onPageScanned(digest, fromPage(tabId, url))).record;
}

beforeEach(async () => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser, { action: { setBadgeText: vi.fn(), setBadgeBackgroundColor: vi.fn(), setTitle: vi.fn() } });
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  await database().history.clear();
});

describe('the CLI and the extension get the same record', () => {
  const pages = [[RUNNING_EXAMPLE, RUNNING_URL], ...CORPUS_PAGES];

  it.each(pages)('%s', async (file, url) => {
    const { html } = await loadPage(file!);
    // The CLI's own steps (cli/inspect.ts): its loader, its parser, detect.
    const cli = detect(parseHtml(html), url!);
    const extension = await extensionRecord(html, url!, 1);
    expect(withoutTime(extension)).toEqual(withoutTime(cli));
    // And what `provenance inspect --json` prints is that record.
    expect({ ...(await inspectOne(file!, url)), engineMs: 0 }).toEqual({ ...toRecord(file!, extension), engineMs: 0 });
  });

  it('the running example is named and chained in that one record', async () => {
    const { html } = await loadPage(RUNNING_EXAMPLE);
    const record = await extensionRecord(html, RUNNING_URL, 2);
    expect(record.url).toBe(normalizeUrl(RUNNING_URL));
    expect(record.chain).toEqual([
      {
        url: 'https://usa-news.biz/2025/02/22/washington/u-s-russia-hold-first-talks-on-ukraine-without-nato-allies-kyiv-the-washington-post/',
        publisher: 'USA NEWS',
        site: 'usa-news.biz',
      },
      { url: null, publisher: 'The Washington Post', site: 'washingtonpost.com' },
    ]);
    // The history's key is the record's url, as analyse made it.
    expect((await getEntry(database(), record.url))?.key).toBe(record.url);
  });
});

describe("analyse's record is sanitised", () => {
  const RLO = '\u202e';
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Talks ${RLO}evil - Evil News</title>
<meta property="og:site_name" content="moc.${RLO}tsopnotgnihsaw"><meta name="author" content="Jane ${RLO}Doe"></head><body><article><h1>Talks ${RLO}evil</h1>
<p>Source link : <a href="https://usa-news.biz/2025/talks/">usa-news ${RLO}biz</a></p><p>${'Text of the story. '.repeat(30)}</p>
<p>Copyright ${RLO}for syndicated content belongs to the linked Source.</p></article></body></html>`;
  const controls = /[\u202a-\u202e\u2066-\u2069]/;

  it('no direction control reaches any string of the record, from the CLI or the extension', async () => {
    const url = 'https://evil.example/talks/';
    const fromDigest = analyse(digestPage(parseHtml(html), url));
    const fromCli = detect(parseHtml(html), url);
    const fromExtension = await extensionRecord(html, url, 3);
    for (const record of [fromDigest, fromCli, fromExtension]) {
      expect(record.syndicated).toBe(true);
      expect(JSON.stringify(record)).not.toMatch(controls);
      expect(record.page.siteName).toBe('moc.tsopnotgnihsaw');
      expect(record.page.headline).toBe('Talks evil');
    }
  });

  it('a record the rules could not make is still a sanitised, valid record with its page key', () => {
    const record = analyse({ url: `https://broken.example/a?utm_source=x#top`, ms: 1 } as never);
    expect(record.url).toBe('https://broken.example/a');
    expect(record.syndicated).toBe(false);
    expect(record.signals.map((signal) => signal.kind)).toEqual(['self-reference']);
  });
});

describe("a chain hop's site is a registrable domain; its display label is made where it is shown", () => {
  // "wаshingtonpost.com" with a Cyrillic "а": a credit to a look-alike of the Post.
  const lookalike = 'https://www.w\u0430shingtonpost.com/world/2025/02/18/us-russia-talks/';
  const html = farmPage('First talks on the harbour plan', lookalike);
  const record = detect(parseHtml(html), 'https://farm.example/2025/02/18/talks/');
  const site = registrableDomain(lookalike)!;

  it('the record holds the ASCII registrable domain, and the search for the original uses it', () => {
    expect(site).toMatch(/^xn--[a-z0-9-]+\.com$/);
    expect(record.chain.at(-1)?.site).toBe(site);
    expect(JSON.stringify(record.chain)).not.toContain('(');
    const search = originalSearch(record, null);
    expect(search).not.toBeNull();
    const query = new URL(search!.href).searchParams.get('q');
    expect(query).toContain(`site:${site}`);
    expect(query).not.toContain('(');
  });

  it('the badge card shows its display label (the popup: engine-pass-render.test.tsx)', () => {
    expect(cardWords(record).link?.label).toContain(displayHost(site));
  });
});

describe('a page key is made once, by pageKey', () => {
  it('normalises the URL (fragment and tracking parameters dropped) and never throws', () => {
    expect(pageKey('HTTPS://Example.COM/a?utm_source=x&id=2#top')).toBe('https://example.com/a?id=2');
    expect(pageKey(pageKey('https://example.com/a?fbclid=1'))).toBe('https://example.com/a');
    expect(pageKey(undefined)).toBe('');
    expect(pageKey(42)).toBe('');
  });
});

describe('a site is what tldts says, private domains included', () => {
  it('real hosts the hand-written suffix list got wrong', () => {
    expect(registrableDomain('https://www.example.co.at/x')).toBe('example.co.at');
    // Under tokyo.jp the list names each ward (minato.tokyo.jp is a suffix, a shop under it a site), and
    // city.tokyo.jp is the metropolis's own site; under kawasaki.jp every name is a suffix (*.kawasaki.jp)
    // except the city's (!city.kawasaki.jp).
    expect(registrableDomain('https://foo.city.tokyo.jp/x')).toBe('city.tokyo.jp');
    expect(registrableDomain('https://www.shop.minato.tokyo.jp/')).toBe('shop.minato.tokyo.jp');
    expect(registrableDomain('https://a.b.kawasaki.jp/')).toBe('a.b.kawasaki.jp');
    expect(registrableDomain('https://www.city.kawasaki.jp/')).toBe('city.kawasaki.jp');
    expect(registrableDomain('https://school.k12.ma.us/news')).toBe('school.k12.ma.us');
    expect(registrableDomain('https://alice.blogspot.com/2025/03/x.html')).toBe('alice.blogspot.com');
    expect(registrableDomain('https://bob.blogspot.com/2025/03/x.html')).toBe('bob.blogspot.com');
    expect(sameSite('https://alice.blogspot.com/a', 'https://bob.blogspot.com/b')).toBe(false);
    expect(sameSite('https://www.example.co.at/a', 'https://news.example.co.at/b')).toBe(true);
    expect(sameSite('https://a.k12.ma.us/', 'https://b.k12.ma.us/')).toBe(false);
  });

  it('the history keeps two blogs apart and groups a site by it', async () => {
    const alice = 'https://alice.blogspot.com/2025/03/talks.html';
    const bob = 'https://bob.blogspot.com/2025/03/talks.html';
    const html = farmPage('First talks on the harbour plan', 'https://origin.example/2025/03/talks/');
    await extensionRecord(html, alice, 4);
    await extensionRecord(html, bob, 5);
    expect((await getEntry(database(), pageKey(alice)))?.site).toBe('alice.blogspot.com');
    expect((await getEntry(database(), pageKey(bob)))?.site).toBe('bob.blogspot.com');
  });
});
