/**
 * Issue 18: every message between the extension's contexts is in lib/messages.ts, by direction, each checked
 * where it is received; the progress of a verification and the page's text are typed messages like the others,
 * and the popup follows a tab's state (storage.session, lib/tab-state.ts) instead of asking on a timer.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extensionClient } from '@/lib/client';
import { database } from '@/lib/db';
import { answerMessages, broadcast, parseBroadcast, parseRequest, parseTabMessage, sendToOffscreen, sendToTab, type TabReport } from '@/lib/messages';
import { onPageScanned, tabReport } from '@/lib/service';
import { clearTabScan, getTabScan, setTabScan, watchTabScan } from '@/lib/tab-state';
import { getMessage } from './locale-messages';
import { sampleDigest } from './sample-record';
import { pageKey } from '@/core/url';

const ROOT = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The code of a file without its comments (a comment may name sendMessage). */
const code = (path: string) =>
  readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

const SOURCE_FILES = ['entrypoints', 'lib', 'components', 'core'].flatMap((dir) => sources(join(ROOT, dir)));

describe('the protocol is in lib/messages.ts', () => {
  it('no file sends a message but lib/messages.ts (runtime.sendMessage, tabs.sendMessage)', () => {
    expect(SOURCE_FILES.length).toBeGreaterThan(50);
    const raw = SOURCE_FILES.filter((path) => /\bsendMessage\s*\(/.test(code(path))).map((path) => relative(ROOT, path));
    expect(raw).toEqual(['lib/messages.ts']);
  });

  it('listeners are added in two places only: answerMessages (lib/messages.ts) and the UI client; each checks what it receives with a parser', () => {
    const rel = (path: string) => relative(ROOT, path);
    const raw = SOURCE_FILES.filter((path) => /onMessage\.addListener\s*\(/.test(code(path)));
    expect(raw.map(rel).sort()).toEqual(['lib/client.ts', 'lib/messages.ts']);
    const answering = SOURCE_FILES.filter((path) => rel(path) !== 'lib/messages.ts' && /\banswerMessages\s*\(/.test(code(path)));
    expect(answering.map(rel).sort()).toEqual(['entrypoints/background.ts', 'entrypoints/content/index.ts', 'entrypoints/offscreen/main.ts']);
    for (const path of [...answering, join(ROOT, 'lib/client.ts')])
      expect(code(path), rel(path)).toMatch(/\b(parseRequest|parseTabMessage|parseBroadcast|isParseRequest)\(/);
  });

  it('answerMessages hears this extension only, and its promise is the reply', async () => {
    fakeBrowser.reset();
    const heard: unknown[] = [];
    answerMessages((message) => (heard.push(message), Promise.resolve({ ok: true })));
    expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'x' }, { id: 'another-extension' })).toEqual([undefined]);
    expect(heard).toEqual([]);
    expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'x' }, { id: fakeBrowser.runtime.id })).toEqual([{ ok: true }]);
    expect(heard).toEqual([{ type: 'x' }]);
  });
});

describe('background → pages: the progress of a verification', () => {
  it('is read only in its own shape', () => {
    const progress = { type: 'verify-progress', pageUrl: 'https://farm.example/a', url: 'https://usa-news.biz/x/', hop: 1 };
    expect(parseBroadcast({ ...progress, extra: '<b>' })).toEqual(progress);
    expect(parseBroadcast({ ...progress, hop: 1.5 })).toBeNull();
    expect(parseBroadcast({ ...progress, hop: -1 })).toBeNull();
    expect(parseBroadcast({ ...progress, hop: '1' })).toBeNull();
    expect(parseBroadcast({ ...progress, url: 5 })).toBeNull();
    expect(parseBroadcast({ ...progress, pageUrl: 'x'.repeat(4097) })).toBeNull();
    expect(parseBroadcast({ ...progress, type: 'get-tab-report' })).toBeNull();
    expect(parseBroadcast('verify-progress')).toBeNull();
    // Not a request the background acts on.
    expect(parseRequest(progress)).toBeNull();
  });

  beforeEach(() => fakeBrowser.reset());

  it('is sent to whoever listens, and no page open is not an error', async () => {
    const sent = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(() => broadcast({ type: 'verify-progress', pageUrl: 'https://farm.example/a', url: 'https://usa-news.biz/x/', hop: 2 })).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toHaveBeenCalledWith({ type: 'verify-progress', pageUrl: 'https://farm.example/a', url: 'https://usa-news.biz/x/', hop: 2 });
  });

  it("reaches the client's listener from the extension only, malformed progress left out", async () => {
    const heard: unknown[] = [];
    const stop = extensionClient.onVerifyProgress((progress) => heard.push(progress));
    const progress = { type: 'verify-progress', pageUrl: 'https://farm.example/a', url: 'https://usa-news.biz/x/', hop: 1 };
    const tell = (message: unknown, id: string) => fakeBrowser.runtime.onMessage.trigger(message, { id }).then(() => undefined);
    await tell(progress, fakeBrowser.runtime.id);
    await tell({ ...progress, hop: 'one' }, fakeBrowser.runtime.id);
    await tell(progress, 'another-extension');
    stop();
    await tell(progress, fakeBrowser.runtime.id);
    expect(heard).toEqual([{ pageUrl: 'https://farm.example/a', url: 'https://usa-news.biz/x/', hop: 1 }]);
  });
});

describe('background → content script', () => {
  it('the page text and highlight requests are read only in their own shape', () => {
    expect(parseTabMessage({ type: 'get-page-text', extra: 1 })).toEqual({ type: 'get-page-text' });
    expect(parseTabMessage({ type: 'highlight-evidence', text: 'Source link : x' })).toEqual({ type: 'highlight-evidence', text: 'Source link : x' });
    expect(parseTabMessage({ type: 'highlight-evidence' })).toBeNull();
    expect(parseTabMessage({ type: 'highlight-evidence', text: ['x'] })).toBeNull();
    expect(parseTabMessage({ type: 'highlight-evidence', text: 'x'.repeat(4097) })).toBeNull();
    expect(parseTabMessage({ type: 'page-scanned' })).toBeNull();
    expect(parseTabMessage(null)).toBeNull();
  });

  beforeEach(() => fakeBrowser.reset());

  it("goes to the tab's top frame, and an answer of another type counts as none", async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue('The talks began in Riyadh.' as never);
    expect(await sendToTab(3, { type: 'get-page-text' })).toBe('The talks began in Riyadh.');
    expect(send).toHaveBeenCalledWith(3, { type: 'get-page-text' }, { frameId: 0 });
    send.mockResolvedValue({ text: 'not a string' } as never);
    expect(await sendToTab(3, { type: 'get-page-text' })).toBeNull();
    send.mockResolvedValue(undefined as never);
    expect(await sendToTab(3, { type: 'highlight-evidence', text: 'x' })).toBeNull();
    send.mockResolvedValue(true as never);
    expect(await sendToTab(3, { type: 'highlight-evidence', text: 'x' })).toBe(true);
    send.mockRejectedValue(new Error('no content script'));
    await expect(sendToTab(3, { type: 'get-page-text' })).rejects.toThrow('no content script');
  });

  it('background → offscreen document: the parse request, and no answer is undefined', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    expect(await sendToOffscreen({ target: 'offscreen', type: 'parse-page', html: '<p>x</p>', url: 'https://a.example/' })).toBeUndefined();
    expect(send).toHaveBeenCalledWith({ target: 'offscreen', type: 'parse-page', html: '<p>x</p>', url: 'https://a.example/' });
  });
});

const tab = (id: number, url: string) => ({ id, url, index: 0, highlighted: false, active: true, pinned: false, incognito: false, windowId: 1 });
const sender = (tabId: number, url: string) => ({ id: fakeBrowser.runtime.id, tab: tab(tabId, url) as never, frameId: 0, url });
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("a tab's state, watched (lib/tab-state.ts through WXT's storage)", () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    Object.assign(fakeBrowser, { action: { setBadgeText: vi.fn(), setBadgeBackgroundColor: vi.fn(), setTitle: vi.fn() } });
    fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
    await database().history.clear();
  });
  afterEach(() => vi.restoreAllMocks());

  it('is kept in storage.session under tab:<id>, and a watcher hears each write and the clearing', async () => {
    const heard: unknown[] = [];
    const stop = watchTabScan(8, (scan) => heard.push(scan?.key ?? null));
    await setTabScan(8, { key: pageKey('https://farm.example/a'), isArticle: true, syndicated: true });
    expect(await fakeBrowser.storage.session.get('tab:8')).toEqual({ 'tab:8': { key: 'https://farm.example/a', isArticle: true, syndicated: true } });
    await setTabScan(9, { key: pageKey('https://farm.example/other'), isArticle: false, syndicated: false });
    await clearTabScan(8);
    stop();
    await setTabScan(8, { key: pageKey('https://farm.example/b'), isArticle: true, syndicated: false });
    await settle();
    expect(heard).toEqual(['https://farm.example/a', null]);
    expect(await getTabScan(8)).toMatchObject({ key: 'https://farm.example/b' });
  });

  it('the popup is told when a page still loading is scanned and saved, with no question asked on a timer', async () => {
    const digest = sampleDigest('https://farm.example/watched');
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue(tab(4, digest.url) as never);
    // The client's requests go to the background's own handler, as in the browser.
    const asked = vi.fn();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
      const request = parseRequest(message);
      asked(request?.type);
      return request?.type === 'get-tab-report' ? tabReport(request.tabId) : undefined;
    }) as never);
    const reports: TabReport[] = [];
    const stop = extensionClient.watchTabReport(
      4,
      (report) => reports.push(report),
      (error) => reports.push({ state: 'unreadable', tabUrl: String(error), entry: null, verification: null }),
    );
    await settle();
    expect(reports.map((report) => report.state)).toEqual(['pending']);

    const answer = await onPageScanned(digest, sender(4, digest.url));
    expect(answer.stored).toBe(true);
    // The scan's state was written before the history's write, then marked saved after it: the last report has the entry.
    expect(await getTabScan(4)).toMatchObject({ key: digest.url, saved: true });
    await settle();
    expect(reports.at(-1)?.state).toBe('article');
    expect(reports.at(-1)?.entry?.key).toBe(digest.url);
    // The same report twice is given once.
    expect(new Set(reports.map((report) => JSON.stringify(report))).size).toBe(reports.length);

    // Nothing changes: nothing is asked.
    const before = asked.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(asked.mock.calls.length).toBe(before);

    // The tab leaves the page: pending again. Once stopped, no more reports and no more questions.
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue(tab(4, 'https://farm.example/next') as never);
    await clearTabScan(4);
    await settle();
    expect(reports.at(-1)?.state).toBe('pending');
    stop();
    const shown = reports.length;
    const questions = asked.mock.calls.length;
    await setTabScan(4, { key: pageKey('https://farm.example/next'), isArticle: false, syndicated: false });
    await settle();
    expect(reports.length).toBe(shown);
    expect(asked.mock.calls.length).toBe(questions);
  });

  it('a report that cannot be had is an error for the popup', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    const errors: unknown[] = [];
    const stop = extensionClient.watchTabReport(
      5,
      () => undefined,
      (error) => errors.push(error),
    );
    await settle();
    stop();
    expect(String(errors[0])).toMatch(/No answer from the background to "get-tab-report"/);
  });
});
