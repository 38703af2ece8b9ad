/**
 * Pages read in a private (incognito) window: analysed and answered (the
 * badge works), but nothing reaches the history, the verifications or the
 * originals cache, and a normal window's tab never sees them.
 */
import 'fake-indexeddb/auto';
import { parseHTML } from 'linkedom';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FetchSuccess } from '@/core/verify';
import { database } from '@/lib/db';
import { onPageScanned, onTabRemoved, tabReport, verify, verifyFromSender } from '@/lib/service';
import { settings } from '@/lib/settings';
import { getTabScan } from '@/lib/tab-state';
import { getMessage } from './locale-messages';
import { SAMPLE_HEADLINE, sampleDigest } from './sample-record';

/** The page the copy credits, as its site would answer: an article of its own, crediting nobody. */
const SOURCE_HTML = `<html><head><title>${SAMPLE_HEADLINE} - USA NEWS</title><meta property="og:type" content="article">
<meta property="og:site_name" content="USA NEWS"></head><body><article><h1>${SAMPLE_HEADLINE}</h1>
<p>${'The talks began in Riyadh. '.repeat(12)}</p></article></body></html>`;

const fetched = vi.hoisted(() => ({ urls: [] as string[] }));
vi.mock('@/lib/fetch-page', () => ({
  fetchPage: async (url: string): Promise<FetchSuccess> => {
    fetched.urls.push(url);
    return { ok: true, finalUrl: url, status: 200, redirects: [], html: SOURCE_HTML, etag: null, lastModified: null };
  },
}));

const tab = (id: number, url: string, incognito: boolean) => ({
  id,
  url,
  index: 0,
  highlighted: false,
  active: true,
  pinned: false,
  incognito,
  windowId: incognito ? 2 : 1,
});
const sender = (tabId: number, url: string, incognito: boolean) => ({
  id: fakeBrowser.runtime.id,
  tab: tab(tabId, url, incognito) as never,
  frameId: 0,
  url,
});

const PAGE = 'https://farm.example/2025/02/22/talks/';
const tabs = new Map<number, ReturnType<typeof tab>>();
let badgeText: ReturnType<typeof vi.fn>;

beforeAll(() => {
  // The background parses fetched pages with DOMParser (Firefox; Chrome uses an offscreen document).
  Object.assign(globalThis, { DOMParser: parseHTML('<html></html>').DOMParser });
});

beforeEach(async () => {
  fakeBrowser.reset();
  badgeText = vi.fn();
  Object.assign(fakeBrowser, { action: { setBadgeText: badgeText, setBadgeBackgroundColor: vi.fn(), setTitle: vi.fn() } });
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  tabs.clear();
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => tabs.get(id) as never);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue('The talks began in Riyadh. '.repeat(12) as never);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
  fetched.urls.length = 0;
  const db = database();
  await Promise.all([db.history.clear(), db.verifications.clear(), db.originals.clear()]);
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Everything the extension keeps on disk: the database and extension storage (storage.local). */
async function persistent() {
  const db = database();
  return {
    history: await db.history.count(),
    verifications: await db.verifications.count(),
    originals: await db.originals.count(),
    local: JSON.stringify(await fakeBrowser.storage.local.get()),
  };
}

describe('a page in a private window', () => {
  it('is analysed and answered, its toolbar mark set, but nothing is stored, even with automatic verification on', async () => {
    await settings.autoVerify.setValue(true);
    tabs.set(201, tab(201, PAGE, true));
    const answer = await onPageScanned(sampleDigest(PAGE), sender(201, PAGE, true));
    expect(answer.stored).toBe(false);
    expect(answer.record.syndicated).toBe(true);
    expect(answer.showBadge).toBe(true);
    expect(badgeText).toHaveBeenCalledWith({ tabId: 201, text: 'COPY' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const kept = await persistent();
    expect(kept).toMatchObject({ history: 0, verifications: 0, originals: 0 });
    expect(kept.local).not.toContain('farm.example');
    expect(fetched.urls).toEqual([]);
    await settings.autoVerify.setValue(false);
  });

  it("its popup describes it from the tab's state (memory only), and a normal tab on the same page sees nothing of it", async () => {
    tabs.set(202, tab(202, PAGE, true));
    tabs.set(203, tab(203, PAGE, false));
    await onPageScanned(sampleDigest(PAGE), sender(202, PAGE, true));
    const report = await tabReport(202);
    expect(report.state).toBe('article');
    expect(report.entry?.record.page.headline).toBe(SAMPLE_HEADLINE);
    expect((await getTabScan(202))?.private).toBe(true);
    // A normal window's tab on the same address: not scanned there, so not known there.
    const normal = await tabReport(203);
    expect(normal.state).toBe('pending');
    expect(normal.entry).toBeNull();
    // Closing the private tab forgets it.
    await onTabRemoved(202);
    expect(await getTabScan(202)).toBeNull();
  });

  it('verifies when asked (from the popup or its badge) without storing the verification or the original', async () => {
    tabs.set(204, tab(204, PAGE, true));
    await onPageScanned(sampleDigest(PAGE), sender(204, PAGE, true));
    const fromPopup = await verify(PAGE, 204, false);
    expect(fromPopup.ok).toBe(true);
    expect(fetched.urls).toContain('https://usa-news.biz/2025/02/22/washington/x/');
    if (fromPopup.ok) expect(fromPopup.entry.verification.original?.url).toBe('https://usa-news.biz/2025/02/22/washington/x/');
    // Shown again by the popup of that tab, from the tab's state.
    expect((await tabReport(204)).verification?.checkedAt).toBe(fromPopup.ok ? fromPopup.entry.checkedAt : -1);
    const fromBadge = await verifyFromSender({ pageUrl: PAGE, tabId: null, force: true }, sender(204, PAGE, true));
    expect(fromBadge.ok).toBe(true);
    expect(await persistent()).toMatchObject({ history: 0, verifications: 0, originals: 0 });
  });

  it('a private verification and a normal one of the same page are separate runs: neither joins the other', async () => {
    tabs.set(206, tab(206, PAGE, true));
    tabs.set(207, tab(207, PAGE, false));
    await onPageScanned(sampleDigest(PAGE), sender(206, PAGE, true));
    await onPageScanned(sampleDigest(PAGE), sender(207, PAGE, false));
    const [inPrivate, inNormal] = await Promise.all([verify(PAGE, 206, false), verify(PAGE, 207, false)]);
    expect(inPrivate.ok && inNormal.ok).toBe(true);
    // The normal window's run is stored as usual; the private one added nothing to it.
    expect(await persistent()).toMatchObject({ history: 1, verifications: 1 });
    expect((await tabReport(206)).verification).not.toBeNull();
  });

  it('the same page in a normal window is stored and verified as usual (the check above is not vacuous)', async () => {
    tabs.set(205, tab(205, PAGE, false));
    expect((await onPageScanned(sampleDigest(PAGE), sender(205, PAGE, false))).stored).toBe(true);
    expect((await verify(PAGE, 205, false)).ok).toBe(true);
    expect(await persistent()).toMatchObject({ history: 1, verifications: 1, originals: 1 });
  });
});
