/**
 * The background's side of the card and the check page (lib/card-service.ts),
 * the same code in both browsers: the card's check on a site not allowed yet
 * opens the check page for the tab's page; only the extension's own pages may
 * show evidence on a tab or have a link read; the link menu opens the check
 * page for the link.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cardVerify, inspectUrl, LINK_MENU_ID, setUpLinkMenu, showEvidence, withCardWords } from '@/lib/card-service';
import { database } from '@/lib/db';
import { onPageScanned } from '@/lib/service';
import { getMessage } from './locale-messages';
import { sampleDigest } from './sample-record';
import config from '../../wxt.config';

const PAGE = 'https://farm.example/story/';
const tab = (id: number, url: string) => ({ id, url, index: 2, highlighted: false, active: true, pinned: false, incognito: false, windowId: 7 });
/** A content script's message: from the tab's page. */
const fromPage = (tabId: number, url: string) => ({ id: fakeBrowser.runtime.id, tab: tab(tabId, url) as never, frameId: 0, url });
/** A message from one of the extension's pages (the popup, the check page). */
const fromExtension = (page = 'popup.html') => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL(`/${page}` as '/popup.html') });

beforeEach(async () => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  Object.assign(fakeBrowser, { action: { setBadgeText: vi.fn(), setBadgeBackgroundColor: vi.fn(), setTitle: vi.fn() } });
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  // No site allowed yet: the state before the reader's first "Allow".
  Object.assign(fakeBrowser, { permissions: { contains: vi.fn(async () => false), request: vi.fn(async () => false) } });
  await database().history.clear();
});

describe("the card's check", () => {
  it('on a site not allowed yet, opens the check page next to the tab, for its page, and says so in a sentence', async () => {
    const digest = sampleDigest(PAGE);
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue(tab(4, PAGE) as never);
    await onPageScanned(digest, fromPage(4, PAGE));
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const answer = await cardVerify(fromPage(4, PAGE));
    expect(answer).toEqual({
      opened: true,
      sentence: 'Provenance needs your permission to read usa-news.biz: a page has opened to ask for it, then check.',
    });
    expect(create).toHaveBeenCalledTimes(1);
    const opened = create.mock.calls[0]![0] as { url: string; index: number; windowId: number; openerTabId: number };
    const url = new URL(opened.url);
    expect(url.pathname).toBe('/check.html');
    expect(url.searchParams.get('url')).toBe(PAGE);
    expect(url.searchParams.get('tab')).toBe('4');
    expect(opened).toMatchObject({ index: 3, windowId: 7, openerTabId: 4 });
  });

  it("is refused to anything but a tab's own top page", async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect((await cardVerify(fromExtension())).opened).toBe(false);
    expect((await cardVerify({ ...fromPage(4, PAGE), frameId: 3 })).sentence).toBe('Could not check: a page can only check itself.');
    expect(create).not.toHaveBeenCalled();
  });

  it("the scan carries the card's words only when the badge shows", async () => {
    const digest = sampleDigest(PAGE);
    const answer = await onPageScanned(digest, fromPage(4, PAGE));
    expect(withCardWords(answer).card).toEqual({
      label: 'Copy of a usa-news.biz story',
      detail: 'scraped by a feed site, no licence shown',
      link: { url: 'https://usa-news.biz/2025/02/22/washington/x/', label: 'Original: usa-news.biz', host: 'usa-news.biz' },
    });
    expect(withCardWords({ ...answer, showBadge: false }).card).toBeUndefined();
  });
});

describe('evidence shown on the page', () => {
  it("asks the tab's content script, from the extension's pages only", async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(true as never);
    expect(await showEvidence({ tabId: 4, text: 'Source link : x' }, fromPage(9, 'https://evil.example/'))).toEqual({ found: false });
    expect(send).not.toHaveBeenCalled();
    expect(await showEvidence({ tabId: 4, text: 'Source link : x' }, fromExtension())).toEqual({ found: true });
    expect(send).toHaveBeenCalledWith(4, { type: 'highlight-evidence', text: 'Source link : x' }, { frameId: 0 });
    send.mockResolvedValue(false as never);
    expect(await showEvidence({ tabId: 4, text: '<meta name="x">' }, fromExtension())).toEqual({ found: false });
    send.mockRejectedValue(new Error('no content script'));
    expect(await showEvidence({ tabId: 4, text: 'x' }, fromExtension())).toEqual({ found: false });
  });
});

describe('a link read for the check page', () => {
  it('is refused to a page, to what is not a web address, and to a site not allowed (named, to ask for it)', async () => {
    expect(await inspectUrl('https://usa-news.biz/a/', fromPage(4, PAGE))).toMatchObject({ ok: false, code: 'unsafe-url' });
    expect(await inspectUrl('javascript:alert(1)', fromExtension('check.html'))).toMatchObject({
      ok: false,
      message: 'only web pages (http and https) can be read',
    });
    expect(await inspectUrl('https://usa-news.biz/a/', fromExtension('check.html'))).toMatchObject({
      ok: false,
      code: 'permission-refused',
      url: 'https://usa-news.biz/a/',
    });
    expect(await inspectUrl('http://192.168.1.1/admin/', fromExtension('check.html'))).toMatchObject({ ok: false, code: 'private-address' });
  });
});

describe('the link menu', () => {
  it.each(['chrome', 'firefox'] as const)('the %s manifest asks for "contextMenus"', (browser) => {
    const manifest = config.manifest as (env: { browser: string; manifestVersion: number; mode: string; command: string }) => {
      permissions?: string[];
    };
    expect(manifest({ browser, manifestVersion: browser === 'chrome' ? 3 : 2, mode: 'production', command: 'build' }).permissions).toContain(
      'contextMenus',
    );
  });

  it('is made for links, and opens the check page for the link clicked', async () => {
    const create = vi.fn();
    let onClicked: ((info: { menuItemId: string; linkUrl?: string }, tab?: unknown) => void) | undefined;
    Object.assign(fakeBrowser, {
      contextMenus: {
        create,
        removeAll: vi.fn(async () => undefined),
        onClicked: { addListener: (listener: typeof onClicked) => (onClicked = listener) },
      },
    });
    const open = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    setUpLinkMenu();
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    expect(create).toHaveBeenCalledWith({
      id: LINK_MENU_ID,
      title: 'Where does this article come from?',
      contexts: ['link'],
      targetUrlPatterns: ['http://*/*', 'https://*/*'],
    });
    onClicked!({ menuItemId: LINK_MENU_ID, linkUrl: 'https://usa-news.biz/a/' }, tab(4, PAGE));
    await vi.waitFor(() => expect(open).toHaveBeenCalled());
    const url = new URL((open.mock.calls[0]![0] as { url: string }).url);
    expect(url.pathname).toBe('/check.html');
    expect(url.searchParams.get('url')).toBe('https://usa-news.biz/a/');
    expect(url.searchParams.has('tab')).toBe(false);
    onClicked!({ menuItemId: LINK_MENU_ID, linkUrl: 'javascript:alert(1)' }, tab(4, PAGE));
    onClicked!({ menuItemId: 'someone-else', linkUrl: 'https://usa-news.biz/b/' }, tab(4, PAGE));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(open).toHaveBeenCalledTimes(1);
  });
});
