import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database, getEntry } from '@/lib/db';
import { onPageScanned, onTabUrlChanged, storageProblem, tabReport, verifyFromSender } from '@/lib/service';
import { getMessage } from './locale-messages';
import { SAMPLE_HEADLINE, sampleDigest } from './sample-record';
import { pageKey } from '@/core/url';

const tab = (id: number, url: string) => ({ id, url, index: 0, highlighted: false, active: true, pinned: false, incognito: false, windowId: 1 });
const sender = (tabId: number, url: string) => ({ id: fakeBrowser.runtime.id, tab: tab(tabId, url) as never, frameId: 0, url });

describe('background service', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    // The toolbar API is not part of the fake browser; the calls only need to succeed.
    Object.assign(fakeBrowser, { action: { setBadgeText: vi.fn(), setBadgeBackgroundColor: vi.fn(), setTitle: vi.fn() } });
    fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
    await database().history.clear();
  });

  it('stores a scan and describes the tab from storage', async () => {
    const record = sampleDigest('https://farm.example/a');
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue(tab(4, record.url) as never);
    const answer = await onPageScanned(record, sender(4, record.url));
    expect(answer.stored).toBe(true);
    // The rules ran here, on the digest: the copy and its chain.
    expect(answer.record.syndicated).toBe(true);
    expect(answer.record.chain[0]?.url).toBe('https://usa-news.biz/2025/02/22/washington/x/');
    const report = await tabReport(4);
    expect(report.state).toBe('article');
    expect(report.entry?.record.page.headline).toBe(SAMPLE_HEADLINE);
  });

  it('strips bidirectional override characters from what it stores and shows', async () => {
    const record = sampleDigest('https://farm.example/b', 'moc.\u202etsopnotgnihsaw');
    const answer = await onPageScanned(record, sender(5, record.url));
    expect(answer.record.page.siteName).toBe('moc.tsopnotgnihsaw');
  });

  it('a full disk is explained, nothing saved before is lost, and the popup still describes the tab', async () => {
    const db = database();
    const kept = sampleDigest('https://farm.example/kept');
    await onPageScanned(kept, sender(6, kept.url));
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const put = vi.spyOn(db.history, 'put').mockRejectedValue(quota);
    const record = sampleDigest('https://farm.example/new');
    const answer = await onPageScanned(record, sender(7, record.url));
    expect(answer.stored).toBe(false);
    put.mockRestore();
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue(tab(7, record.url) as never);
    const report = await tabReport(7);
    expect(report.state).toBe('article');
    expect(report.storageProblem).toMatch(/disk is full/);
    expect(report.entry?.record.url).toBe(record.url);
    expect(await getEntry(db, pageKey('https://farm.example/kept'))).toBeDefined();
    expect(await getEntry(db, pageKey('https://farm.example/new'))).toBeUndefined();
  });

  it('names quota errors as a full disk and other errors as they are', () => {
    expect(storageProblem(new DOMException('x', 'QuotaExceededError'))).toMatch(/disk is full/);
    expect(storageProblem(new Error('boom'))).toMatch(/boom/);
  });

  it('a page cannot ask to verify another page', async () => {
    const answer = await verifyFromSender({ pageUrl: 'https://victim.example/other', tabId: null, force: true }, sender(8, 'https://farm.example/c'));
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.verification.failure?.message).toMatch(/only ask to verify itself/);
  });

  it('a "URL changed" event racing the scan of the new page never clears that scan', async () => {
    // Firefox often delivers tabs.onUpdated({url}) around the time the content script reports.
    const record = sampleDigest('https://farm.example/race');
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue(tab(10, record.url) as never);
    // Storage reads answer late, as they do under load: the event reads the state before the scan is written.
    const read = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'get').mockImplementation(async (keys) => {
      const answer = await read(keys as never);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return answer;
    });
    await Promise.all([onTabUrlChanged(10, record.url), onPageScanned(record, sender(10, record.url)), onTabUrlChanged(10, record.url)]);
    expect((await tabReport(10)).state).toBe('article');
    // Navigating elsewhere afterwards does clear it.
    await onTabUrlChanged(10, 'https://elsewhere.example/');
    expect((await tabReport(10)).state).toBe('pending');
  });

  it('ignores scans from frames', async () => {
    const record = sampleDigest('https://farm.example/frame');
    const answer = await onPageScanned(record, { ...sender(9, record.url), frameId: 3 });
    expect(answer.stored).toBe(false);
    expect(await getEntry(database(), pageKey(record.url))).toBeUndefined();
  });
});
