/**
 * Issue 17 §3, the reader's corrections: "Not a copy?" and "Wrong original?"
 * save a local override (lib/control.ts, kept in the page's history entry)
 * that the background applies to the page's record on every later scan, and
 * that an undo removes; "Never on this site" has an undo; the first-run page
 * opens on install only.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { nextHopUrl } from '@/core/next-hop';
import { applyCorrection, correctedOriginalUrl, verificationFits } from '@/lib/corrections';
import { cardControl, correctPage, openWelcomeOnInstall, setCorrection, unsilenceSite } from '@/lib/control';
import { database, getEntry } from '@/lib/db';
import { parseRequest } from '@/lib/messages';
import { onPageScanned, silenceSite } from '@/lib/service';
import { settings } from '@/lib/settings';
import { getMessage } from './locale-messages';
import { sampleDigest, sampleRecord } from './sample-record';
import { pageKey } from '@/core/url';

const PAGE = 'https://worldnewsera.example/2025/02/22/talks/';
const EXTENSION = 'chrome-extension://test-id/';
const tab = (id: number, url: string, incognito = false) => ({
  id,
  url,
  index: 0,
  highlighted: false,
  active: true,
  pinned: false,
  incognito,
  windowId: 1,
});
/** A message from the content script in the top frame (each test its own tabs: the background limits one tab's scans per second) of tab `tabId` showing `url`. */
const fromPage = (tabId: number, url: string) => ({ id: fakeBrowser.runtime.id, tab: tab(tabId, url) as never, frameId: 0, url });
/** A message from the popup (an extension page). */
const fromPopup = { id: fakeBrowser.runtime.id, url: `${EXTENSION}popup.html?tab=1` };

beforeEach(async () => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser, { action: { setBadgeText: vi.fn(), setBadgeBackgroundColor: vi.fn(), setTitle: vi.fn() } });
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.runtime.getURL = ((path: string) => `${EXTENSION}${path.replace(/^\//, '')}`) as typeof fakeBrowser.runtime.getURL;
  await database().history.clear();
});

describe('a correction changes what the record says, and nothing else', () => {
  const record = sampleRecord({ kind: 'scraped' });

  it('"not a copy": not syndicated, no original, no chain; the page and its evidence stay', () => {
    const corrected = applyCorrection(record, { kind: 'not-a-copy', originalUrl: null, at: 1 });
    expect(corrected).toMatchObject({ syndicated: false, kind: null, original: null, chain: [] });
    expect(corrected.page).toEqual(record.page);
    expect(corrected.signals).toEqual(record.signals);
    expect(nextHopUrl(corrected)).toBe(record.sourceUrl);
  });

  it('"wrong original" with the right one: it is the original and the next hop, the page\'s own source link is not followed', () => {
    const corrected = applyCorrection(record, { kind: 'wrong-original', originalUrl: 'https://www.reuters.com/world/talks-2025-02-22/', at: 1 });
    expect(corrected.syndicated).toBe(true);
    expect(corrected.kind).toBe('scraped');
    expect(corrected.original).toEqual({
      url: 'https://www.reuters.com/world/talks-2025-02-22/',
      publisher: null,
      headline: null,
      publishedAt: null,
    });
    expect(corrected.chain).toEqual([{ url: 'https://www.reuters.com/world/talks-2025-02-22/', publisher: null, site: 'reuters.com' }]);
    expect(nextHopUrl(corrected)).toBe('https://www.reuters.com/world/talks-2025-02-22/');
  });

  it('"wrong original" alone: still a copy, of an original not known', () => {
    const corrected = applyCorrection(record, { kind: 'wrong-original', originalUrl: null, at: 1 });
    expect(corrected).toMatchObject({ syndicated: true, original: null, chain: [], sourceUrl: null });
    expect(nextHopUrl(corrected)).toBeNull();
  });

  it('the address a reader types: a bare host gets https, anything but a web page elsewhere is refused', () => {
    expect(correctedOriginalUrl('  www.reuters.com/world/x ', PAGE)).toEqual({ url: 'https://www.reuters.com/world/x' });
    expect(correctedOriginalUrl('http://apnews.com/article/x?utm_source=feed', PAGE)).toEqual({ url: 'http://apnews.com/article/x' });
    expect(correctedOriginalUrl('javascript:alert(1)', PAGE)).toEqual({ problem: 'control_badUrl' });
    expect(correctedOriginalUrl('not an address', PAGE)).toEqual({ problem: 'control_badUrl' });
    expect(correctedOriginalUrl('', PAGE)).toEqual({ problem: 'control_badUrl' });
    expect(correctedOriginalUrl(`${PAGE}#comments`, PAGE)).toEqual({ problem: 'control_samePage' });
  });

  it('a verification made before the correction no longer describes the page', () => {
    expect(verificationFits(undefined, 5)).toBe(true);
    expect(verificationFits({ kind: 'not-a-copy', originalUrl: null, at: 10 }, 5)).toBe(false);
    expect(verificationFits({ kind: 'not-a-copy', originalUrl: null, at: 10 }, 12)).toBe(true);
  });
});

describe('the background keeps a correction and applies it on every later scan', () => {
  it('"Not a copy?" from the popup: no badge on the next scans, the history says not a copy, undo restores it at once', async () => {
    const first = await onPageScanned(sampleDigest(PAGE), fromPage(1, PAGE));
    expect(first.showBadge).toBe(true);

    const answer = await correctPage({ pageUrl: PAGE, tabId: null, correction: { kind: 'not-a-copy' } }, fromPopup, 5_000);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.entry.record.syndicated).toBe(false);
    expect(answer.entry.syndicated).toBe(0);
    expect(answer.entry.correction).toMatchObject({ kind: 'not-a-copy', originalUrl: null, at: 5_000 });
    expect(answer.entry.correction?.engine.syndicated).toBe(true);
    expect(answer.entry.visits).toBe(1);

    // Seen again: the engine says "copy" again, the reader's word wins, and the engine's new record is kept beside it.
    const again = await onPageScanned(sampleDigest(PAGE, 'World News Era Daily'), fromPage(1, PAGE));
    expect(again.showBadge).toBe(false);
    expect(again.record.syndicated).toBe(false);
    const stored = await getEntry(database(), pageKey(PAGE));
    expect(stored?.visits).toBe(2);
    expect(stored?.record.syndicated).toBe(false);
    expect(stored?.correction?.engine.page.siteName).toBe('World News Era Daily');
    expect(fakeBrowser.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 1, text: '' });

    const undone = await correctPage({ pageUrl: PAGE, tabId: null, correction: null }, fromPopup);
    expect(undone.ok && undone.entry.record.syndicated).toBe(true);
    expect(undone.ok && undone.entry.record.page.siteName).toBe('World News Era Daily');
    expect(undone.ok && 'correction' in undone.entry).toBe(false);
    expect((await getEntry(database(), pageKey(PAGE)))?.syndicated).toBe(1);
    expect((await onPageScanned(sampleDigest(PAGE), fromPage(1, PAGE))).showBadge).toBe(true);
  });

  it('"Wrong original?" with the right one: the record names it on every scan, and a check goes there', async () => {
    const first = await onPageScanned(sampleDigest(PAGE), fromPage(2, PAGE));
    const answer = await correctPage(
      { pageUrl: PAGE, tabId: null, correction: { kind: 'wrong-original', originalUrl: 'apnews.com/article/talks' } },
      fromPopup,
    );
    expect(answer.ok && answer.entry.record.original?.url).toBe('https://apnews.com/article/talks');
    const again = await onPageScanned(sampleDigest(PAGE), fromPage(2, PAGE));
    expect(again.showBadge).toBe(true);
    expect(again.record.original?.url).toBe('https://apnews.com/article/talks');
    expect(nextHopUrl((await getEntry(database(), pageKey(PAGE)))!.record)).toBe('https://apnews.com/article/talks');
    // A second correction replaces the first; the engine's record stays the one to come back to.
    const second = await correctPage({ pageUrl: PAGE, tabId: null, correction: { kind: 'wrong-original', originalUrl: null } }, fromPopup);
    expect(second.ok && second.entry.record.original).toBeNull();
    expect(second.ok && second.entry.correction?.engine.original).toEqual(first.record.original);
  });

  it('refuses what it cannot keep, with a sentence: not in the history, a bad address, a private window', async () => {
    expect(await correctPage({ pageUrl: PAGE, tabId: null, correction: { kind: 'not-a-copy' } }, fromPopup)).toEqual({
      ok: false,
      message: getMessage('control_notInHistory'),
    });
    await onPageScanned(sampleDigest(PAGE), fromPage(12, PAGE));
    expect(
      await correctPage({ pageUrl: PAGE, tabId: null, correction: { kind: 'wrong-original', originalUrl: 'javascript:alert(1)' } }, fromPopup),
    ).toEqual({
      ok: false,
      message: getMessage('control_badUrl'),
    });
    const get = vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((async (id: number) => tab(id, PAGE, true)) as never);
    expect(await correctPage({ pageUrl: PAGE, tabId: 9, correction: { kind: 'not-a-copy' } }, fromPopup)).toEqual({
      ok: false,
      message: getMessage('control_privateWindow'),
    });
    get.mockRestore();
    expect((await getEntry(database(), pageKey(PAGE)))?.correction).toBeUndefined();
  });

  it("a page's card corrects its own page only, and cannot name an original", async () => {
    await onPageScanned(sampleDigest(PAGE), fromPage(11, PAGE));
    const other = 'https://elsewhere.example/story/';
    expect(await correctPage({ pageUrl: PAGE, tabId: null, correction: { kind: 'not-a-copy' } }, fromPage(2, other))).toEqual({
      ok: false,
      message: getMessage('control_onlyThisPage'),
    });
    expect(
      await correctPage(
        { pageUrl: PAGE, tabId: null, correction: { kind: 'wrong-original', originalUrl: 'https://evil.example/' } },
        fromPage(11, PAGE),
      ),
    ).toEqual({
      ok: false,
      message: getMessage('control_onlyThisPage'),
    });
    expect((await getEntry(database(), pageKey(PAGE)))?.correction).toBeUndefined();
    const marked = await correctPage({ pageUrl: PAGE, tabId: null, correction: { kind: 'wrong-original', originalUrl: null } }, fromPage(11, PAGE));
    expect(marked).toMatchObject({ ok: true, entry: { correction: { kind: 'wrong-original' } } });
  });

  it('setCorrection on a page not in the history changes nothing', async () => {
    expect(await setCorrection(database(), pageKey(PAGE), { kind: 'not-a-copy', originalUrl: null, at: 1 })).toBeUndefined();
    expect(await database().history.count()).toBe(0);
  });
});

describe('the protocol carries corrections checked at the boundary', () => {
  it('accepts the two kinds and an undo, refuses anything else', () => {
    expect(parseRequest({ type: 'correct', pageUrl: PAGE, tabId: 3, correction: { kind: 'not-a-copy', extra: 1 } })).toEqual({
      type: 'correct',
      pageUrl: PAGE,
      tabId: 3,
      correction: { kind: 'not-a-copy' },
    });
    expect(parseRequest({ type: 'correct', pageUrl: PAGE, tabId: null, correction: null })).toEqual({
      type: 'correct',
      pageUrl: PAGE,
      tabId: null,
      correction: null,
    });
    expect(
      parseRequest({ type: 'correct', pageUrl: PAGE, tabId: null, correction: { kind: 'wrong-original', originalUrl: 'https://a.example/' } }),
    ).not.toBeNull();
    expect(parseRequest({ type: 'correct', pageUrl: PAGE, tabId: null, correction: { kind: 'wrong-original' } })).toBeNull();
    expect(parseRequest({ type: 'correct', pageUrl: PAGE, tabId: null, correction: { kind: 'original' } })).toBeNull();
    expect(parseRequest({ type: 'correct', pageUrl: PAGE, tabId: null })).toBeNull();
    expect(parseRequest({ type: 'correct', pageUrl: 7, tabId: null, correction: null })).toBeNull();
    expect(
      parseRequest({ type: 'correct', pageUrl: PAGE, tabId: null, correction: { kind: 'wrong-original', originalUrl: 'x'.repeat(5000) } }),
    ).toBeNull();
    expect(parseRequest({ type: 'card-control', what: 'silence', undo: true, site: 'ignored.example' })).toEqual({
      type: 'card-control',
      what: 'silence',
      undo: true,
    });
    expect(parseRequest({ type: 'card-control', what: 'delete-history', undo: false })).toBeNull();
    expect(parseRequest({ type: 'card-control', what: 'not-a-copy' })).toBeNull();
  });
});

describe("the badge card's controls: about its own tab's page and site only", () => {
  it('"Not a copy?" and its Undo from the card', async () => {
    await onPageScanned(sampleDigest(PAGE), fromPage(21, PAGE));
    expect(await cardControl({ what: 'not-a-copy', undo: false }, fromPage(21, PAGE))).toEqual({ ok: true });
    expect((await getEntry(database(), pageKey(PAGE)))?.correction?.kind).toBe('not-a-copy');
    expect(await cardControl({ what: 'not-a-copy', undo: true }, fromPage(21, PAGE))).toEqual({ ok: true });
    expect((await getEntry(database(), pageKey(PAGE)))?.correction).toBeUndefined();
    expect(await cardControl({ what: 'wrong-original', undo: false }, fromPage(21, PAGE))).toEqual({ ok: true });
    expect((await getEntry(database(), pageKey(PAGE)))?.correction).toMatchObject({ kind: 'wrong-original', originalUrl: null });
  });

  it('"Never on this site" and its Undo from the card; nothing from an extension page', async () => {
    expect(await cardControl({ what: 'silence', undo: false }, fromPage(22, PAGE))).toEqual({ ok: true });
    expect(await settings.silentSites.getValue()).toEqual(['worldnewsera.example']);
    expect(await cardControl({ what: 'silence', undo: true }, fromPage(22, PAGE))).toEqual({ ok: true });
    expect(await settings.silentSites.getValue()).toEqual([]);
    expect(await cardControl({ what: 'silence', undo: false }, fromPopup)).toEqual({ ok: false, message: getMessage('control_onlyThisPage') });
    expect(await settings.silentSites.getValue()).toEqual([]);
  });
});

describe('"Never on this site" has an undo', () => {
  it("the card's Undo takes the sending tab's site off the list, and only that one", async () => {
    await settings.silentSites.setValue(['other.example']);
    await silenceSite(fromPage(1, PAGE));
    expect(await settings.silentSites.getValue()).toEqual(['other.example', 'worldnewsera.example']);
    expect(await unsilenceSite(fromPage(1, PAGE))).toEqual({ site: 'worldnewsera.example' });
    expect(await settings.silentSites.getValue()).toEqual(['other.example']);
    // Only a page's own card may ask, for its own site.
    expect(await unsilenceSite({ ...fromPopup, tab: tab(1, 'https://other.example/x') as never })).toEqual({ site: null });
    expect(await settings.silentSites.getValue()).toEqual(['other.example']);
  });
});

describe('the first-run page', () => {
  it('opens on install, not on an update or a browser update', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation((async () => tab(5, `${EXTENSION}welcome.html`)) as never);
    await openWelcomeOnInstall({ reason: 'update' });
    await openWelcomeOnInstall({ reason: 'browser_update' });
    expect(create).not.toHaveBeenCalled();
    await openWelcomeOnInstall({ reason: 'install' });
    expect(create).toHaveBeenCalledWith({ url: `${EXTENSION}welcome.html` });
    create.mockRestore();
  });
});
