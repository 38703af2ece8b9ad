// @vitest-environment jsdom
/**
 * Issue 18: the popup, the check page and the options page run against the UI
 * client's mock (lib/client-mock.ts) in jsdom, with no browser and no
 * background: each state the popup can be in, the tab's report followed as the
 * background changes it (and no longer once the popup is gone), a verification
 * with its progress, and the options' history and Sites views.
 */
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Provenance } from '@/core/types';
import { pageKey } from '@/core/url';
import type { Verification } from '@/core/verify';
import { MockClient, type MockClientSetup } from '@/lib/client-mock';
import { toHistoryEntry, verificationEntry, type HistoryEntry } from '@/lib/db';
import type { TabReport } from '@/lib/messages';
import { App as Popup } from '@/entrypoints/popup/App';
import { App as Options } from '@/entrypoints/options/App';
import { CheckPage } from '@/entrypoints/check/CheckPage';
import { Welcome } from '@/entrypoints/welcome/Welcome';
import { getMessage } from './locale-messages';
import { SAMPLE_HEADLINE, sampleRecord } from './sample-record';

const PAGE = 'https://worldnewsera.example/2025/02/22/talks/';
const SOURCE = 'https://usa-news.biz/2025/02/22/washington/x/';
const NOW = Date.parse('2025-03-01T12:00:00Z');

const copyEntry = (record: Provenance = sampleRecord(), at = NOW): HistoryEntry => toHistoryEntry(record, at);
const originalRecord = () =>
  sampleRecord({
    url: pageKey('https://www.washingtonpost.com/world/2025/02/22/talks/'),
    page: { ...sampleRecord().page, siteName: 'The Washington Post' },
    syndicated: false,
    kind: null,
    original: null,
    chain: [],
    sourceUrl: null,
    copyright: null,
    signals: [],
  });
const article = (entry: HistoryEntry, more: Partial<TabReport> = {}): TabReport => ({
  state: 'article',
  tabUrl: entry.record.url,
  entry,
  verification: null,
  ...more,
});

function verified(pageUrl: string): Verification {
  return {
    pageUrl: pageKey(pageUrl),
    checkedAt: Date.now(),
    outcome: 'verified',
    hops: [
      {
        url: SOURCE,
        finalUrl: SOURCE,
        site: 'usa-news.biz',
        publisher: 'USA NEWS',
        headline: SAMPLE_HEADLINE,
        publishedAt: null,
        syndicated: false,
        redirectedAcrossSites: false,
        redirects: [],
        fetchedAt: Date.now(),
        fromCache: false,
        stale: false,
      },
    ],
    original: { url: SOURCE, publisher: 'USA NEWS', headline: SAMPLE_HEADLINE, publishedAt: null, authors: [] },
    failure: null,
    search: null,
    comparison: null,
  };
}

let container: HTMLElement;
const text = (testid: string) => container.querySelector(`[data-testid="${testid}"]`)?.textContent ?? null;
const has = (testid: string) => container.querySelector(`[data-testid="${testid}"]`) !== null;

/** Lets the mock's answers and Preact's effects run until `done` holds. */
async function until(done: () => boolean, what: string) {
  for (let tries = 0; tries < 200; tries++) {
    if (done()) return;
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 5)));
  }
  throw new Error(`timed out waiting for ${what}; the page shows ${JSON.stringify(container.textContent?.slice(0, 300))}`);
}

async function popup(setup: MockClientSetup): Promise<MockClient> {
  const client = new MockClient({ tabId: 7, ...setup });
  await act(() => render(h(Popup, { client }), container));
  return client;
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(async () => {
  await act(() => render(null, container));
  container.remove();
});

describe('the popup against the mock client', () => {
  it('a copy: the kind of copy, its site, the chain to follow and the evidence', async () => {
    await popup({ tabs: { 7: article(copyEntry()) } });
    await until(() => has('verdict'), 'the verdict');
    expect(text('verdict')).toBe('Copy of a Washington Post story');
    expect(text('site-on')).toContain('World News Era');
    // Named, not linked: nothing to open yet; the check follows the chain's first link.
    expect(has('open-original')).toBe(false);
    const hops = [...container.querySelectorAll('[data-testid="chain-hop"]')].map((hop) => hop.textContent);
    expect(hops).toHaveLength(2);
    expect(hops[0]).toContain('USA NEWS');
    expect(hops[1]).toContain('The Washington Post');
    expect(container.querySelectorAll('[data-testid="evidence-item"]')).toHaveLength(1);
    expect(text('verify-button')).toBe(getMessage('verifyButton'));
    expect(has('storage-problem')).toBe(false);
  });

  it('an original: said so, nothing to open or check', async () => {
    await popup({ tabs: { 7: article(copyEntry(originalRecord())) } });
    await until(() => has('verdict'), 'the verdict');
    expect(text('verdict')).toBe(getMessage('verdictOriginal'));
    expect(has('open-original')).toBe(false);
    expect(has('verify-button')).toBe(false);
  });

  it.each([
    ['no-article', 'stateNoArticleTitle'],
    ['unreadable', 'stateUnreadableTitle'],
    ['pending', 'statePendingTitle'],
  ] as const)('%s: its own words', async (state, title) => {
    await popup({ tabs: { 7: { state, tabUrl: 'https://a.example/', entry: null, verification: null } } });
    await until(() => has(state), state);
    expect(container.querySelector(`[data-testid="${state}"] h1`)?.textContent).toBe(getMessage(title));
  });

  it('no tab to describe (a browser page): unreadable, and nothing is watched', async () => {
    const client = await popup({ tabId: null });
    await until(() => has('unreadable'), 'unreadable');
    expect(client.watchers(7)).toBe(0);
  });

  it('a page that could not be saved: the record still, and why it was not saved', async () => {
    await popup({ tabs: { 7: article(copyEntry(), { storageProblem: 'The disk is full: this page was not saved to the history.' }) } });
    await until(() => has('verdict'), 'the verdict');
    expect(container.querySelector('[data-testid="storage-problem"]')?.getAttribute('role')).toBe('alert');
    expect(text('storage-problem')).toBe('The disk is full: this page was not saved to the history.');
  });

  it("follows the tab's report as the background changes it, and stops once closed", async () => {
    const client = await popup({ tabs: { 7: { state: 'pending', tabUrl: PAGE, entry: null, verification: null } } });
    await until(() => has('pending'), 'pending');
    expect(client.watchers(7)).toBe(1);
    await act(() => client.setTabReport(7, article(copyEntry())));
    await until(() => has('verdict'), 'the verdict after the scan');
    await act(() => client.setTabReport(7, { state: 'no-article', tabUrl: 'https://worldnewsera.example/', entry: null, verification: null }));
    await until(() => has('no-article'), 'no article after the tab moved on');
    await act(() => render(null, container));
    expect(client.watchers(7)).toBe(0);
  });

  it('a verification: the site asked for in the click, each page fetched shown, then the result', async () => {
    let finish!: () => void;
    const until_ = new Promise<void>((resolve) => (finish = resolve));
    const client = await popup({
      tabs: { 7: article(copyEntry()) },
      grantOnRequest: true,
      verify: (pageUrl) => ({ hops: [SOURCE], until: until_, answer: { ok: true, entry: verificationEntry(pageKey(pageUrl), verified(pageUrl)) } }),
    });
    await until(() => has('verify-button'), 'the verify button');
    await act(() => (container.querySelector('[data-testid="verify-button"]') as HTMLButtonElement).click());
    await until(() => text('verify-progress') === getMessage('verifyProgressFetching', 'usa-news.biz'), 'the progress');
    expect(client.calls.accessAsked).toEqual([[SOURCE]]);
    expect(client.calls.verify).toEqual([{ pageUrl: PAGE, tabId: 7, force: false }]);
    expect((container.querySelector('[data-testid="verify-button"]') as HTMLButtonElement).disabled).toBe(true);
    finish();
    await until(() => has('verification-result'), 'the result');
    expect(container.querySelector('[data-testid="verification-result"]')?.getAttribute('data-outcome')).toBe('verified');
    expect(has('verify-progress')).toBe(false);
    expect(container.querySelectorAll('[data-testid="verified-hop"]')).toHaveLength(1);
    expect(await client.verificationFor(PAGE)).not.toBeNull();
  });

  it('a verification the reader did not allow: said so, nothing fetched', async () => {
    const client = await popup({ tabs: { 7: article(copyEntry()) }, grantOnRequest: false });
    await until(() => has('verify-button'), 'the verify button');
    await act(() => (container.querySelector('[data-testid="verify-button"]') as HTMLButtonElement).click());
    await until(() => has('verify-error'), 'the refusal');
    expect(text('verify-error')).toBe(getMessage('verifyPermissionRefused', 'usa-news.biz'));
    expect(client.calls.verify).toEqual([]);
  });

  it('a stored verification is shown at once, and the citation is copied through the client', async () => {
    const client = await popup({ tabs: { 7: article(copyEntry(), { verification: verificationEntry(pageKey(PAGE), verified(PAGE)) }) } });
    await until(() => has('verification-result'), 'the stored result');
    await act(() => (container.querySelector('[data-testid="copy-citation"]') as HTMLButtonElement).click());
    await until(() => client.calls.copied.length === 1, 'the copy');
    expect(client.calls.copied[0]).toContain(SOURCE);
  });
});

describe('the check page against the mock client', () => {
  it("from the card: the tab's page as the popup shows it", async () => {
    const client = new MockClient({ tabs: { 3: article(copyEntry()) } });
    await act(() => render(h(CheckPage, { client, query: `?url=${encodeURIComponent(PAGE)}&tab=3` }), container));
    await until(() => has('verdict'), 'the verdict');
    expect(text('verdict')).toBe('Copy of a Washington Post story');
  });
});

describe("the options page's views against the mock client", () => {
  const history = () => [
    copyEntry(sampleRecord(), NOW - 60_000),
    copyEntry(originalRecord(), NOW - 120_000),
    copyEntry(sampleRecord({ url: pageKey('https://worldnewsera.example/2025/02/23/other/') }), NOW - 180_000),
  ];

  const headlines = () => [...container.querySelectorAll('[data-testid="history-headline"]')].map((cell) => cell.textContent);

  it('the history lists every page, newest first, and its search narrows it', async () => {
    location.hash = '';
    const client = new MockClient({ history: history() });
    await act(() => render(h(Options, { client }), container));
    await until(() => headlines().length === 3, 'the history');
    expect(headlines()).toEqual([SAMPLE_HEADLINE, SAMPLE_HEADLINE, SAMPLE_HEADLINE]);
    expect(container.querySelectorAll('[data-testid="history-site"]')[1]?.textContent).toContain('The Washington Post');
    const search = container.querySelector('[data-testid="history-search"] input, input[data-testid="history-search"]') as HTMLInputElement;
    await act(() => {
      search.value = 'washingtonpost';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await until(() => headlines().length === 1, 'the search');
    expect(container.querySelector('[data-testid="history-site"]')?.textContent).toContain('The Washington Post');
  });

  it('each history row names the kind of copy first; an archived copy by its kind; an original none', async () => {
    location.hash = '';
    const wire = sampleRecord({ url: pageKey('https://member-paper.example/2025/02/22/talks/'), kind: 'wire' });
    const archived = sampleRecord({
      url: pageKey('https://web.archive.org/web/20250222120000/https://example.com/talks/'),
      kind: 'archive',
      syndicated: false,
    });
    const client = new MockClient({
      history: [
        copyEntry(sampleRecord(), NOW - 60_000),
        copyEntry(wire, NOW - 90_000),
        copyEntry(archived, NOW - 100_000),
        copyEntry(originalRecord(), NOW - 120_000),
      ],
    });
    await act(() => render(h(Options, { client }), container));
    await until(() => headlines().length === 4, 'the history');
    const originals = [...container.querySelectorAll('[data-testid="history-original"]')];
    const kinds = originals.map((cell) => cell.querySelector('[data-testid="history-kind"]')?.textContent ?? null);
    expect(kinds).toEqual(['Scraped copy · ', 'Wire story · ', 'Archived copy', null]);
    // The kind comes before the original's publisher in the cell, and its full wording is its title.
    expect(originals[0]!.textContent).toMatch(/^Scraped copy · .+/);
    expect(originals[0]!.querySelector('[data-testid="history-kind"]')!.getAttribute('title')).toMatch(/^Copy of a Washington Post story/);
  });

  it("the Sites view counts each site's pages and copies", async () => {
    location.hash = '#sites';
    const client = new MockClient({ history: history() });
    await act(() => render(h(Options, { client }), container));
    await until(() => container.querySelectorAll('[data-testid="site-row"]').length === 2, 'the Sites view');
    const rows = [...container.querySelectorAll('[data-testid="site-row"]')].map((row) => ({
      site: row.querySelector('[data-testid="site-name"]')?.textContent,
      pages: row.querySelector('[data-testid="site-pages"]')?.textContent,
      copies: row.querySelector('[data-testid="site-copies"]')?.textContent,
    }));
    expect(rows).toEqual([
      { site: 'worldnewsera.example', pages: '2', copies: expect.stringContaining('2') },
      { site: 'washingtonpost.com', pages: '1', copies: expect.stringContaining('0') },
    ]);
  });

  it('the settings are read and saved through the client, the shortcut as the browser has it', async () => {
    location.hash = '#settings';
    const client = new MockClient({ settings: { silentSites: ['farm.example'] }, shortcut: 'Ctrl+Shift+Y' });
    await act(() => render(h(Options, { client }), container));
    await until(() => has('setting-auto-verify') && has('popup-shortcut'), 'the settings');
    expect(text('silent-sites')).toContain('farm.example');
    expect(text('popup-shortcut')).toContain('Ctrl+Shift+Y');
    const autoVerify = container.querySelector('[data-testid="setting-auto-verify"]') as HTMLInputElement;
    expect(autoVerify.checked).toBe(false);
    await act(() => autoVerify.click());
    await until(() => client.settings.autoVerify, 'the setting saved');
    expect(text('settings-status')).toBe(getMessage('settingsSaved'));
  });
});

describe('the first-run page against the mock client', () => {
  it('shows and saves the automatic check, and names the shortcut', async () => {
    const client = new MockClient({ settings: { autoVerify: true }, shortcut: '' });
    await act(() => render(h(Welcome, { client }), container));
    await until(() => has('welcome-auto-verify') && has('popup-shortcut'), 'the first-run page');
    expect(text('popup-shortcut')).toContain(getMessage('control_shortcutNone'));
    const box = container.querySelector('[data-testid="welcome-auto-verify"]') as HTMLInputElement;
    expect(box.checked).toBe(true);
    await act(() => box.click());
    await until(() => !client.settings.autoVerify, 'the setting saved');
  });
});
