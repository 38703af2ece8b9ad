import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database } from '@/lib/db';
import { onPageScanned, storageProblem, tabReport, verifyFromSender } from '@/lib/service';
import { getMessage } from './locale-messages';
import { sampleRecord } from './sample-record';

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
    const record = sampleRecord({ url: 'https://farm.example/a' });
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue(tab(4, record.url) as never);
    const answer = await onPageScanned(record, sender(4, record.url));
    expect(answer.stored).toBe(true);
    const report = await tabReport(4);
    expect(report.state).toBe('article');
    expect(report.entry?.record.page.headline).toBe(record.page.headline);
  });

  it('strips bidirectional override characters from what it stores and shows', async () => {
    const record = sampleRecord({ url: 'https://farm.example/b' });
    record.page.siteName = 'moc.\u202etsopnotgnihsaw';
    const answer = await onPageScanned(record, sender(5, record.url));
    expect(answer.record.page.siteName).toBe('moc.tsopnotgnihsaw');
  });

  it('a full disk is explained, nothing saved before is lost, and the popup still describes the tab', async () => {
    const db = database();
    const kept = sampleRecord({ url: 'https://farm.example/kept' });
    await onPageScanned(kept, sender(6, kept.url));
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const put = vi.spyOn(db.history, 'put').mockRejectedValue(quota);
    const record = sampleRecord({ url: 'https://farm.example/new' });
    const answer = await onPageScanned(record, sender(7, record.url));
    expect(answer.stored).toBe(false);
    put.mockRestore();
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue(tab(7, record.url) as never);
    const report = await tabReport(7);
    expect(report.state).toBe('article');
    expect(report.storageProblem).toMatch(/disk is full/);
    expect(report.entry?.record.url).toBe(record.url);
    expect(await db.history.get('https://farm.example/kept')).toBeDefined();
    expect(await db.history.get('https://farm.example/new')).toBeUndefined();
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

  it('ignores scans from frames', async () => {
    const record = sampleRecord({ url: 'https://farm.example/frame' });
    const answer = await onPageScanned(record, { ...sender(9, record.url), frameId: 3 });
    expect(answer.stored).toBe(false);
    expect(await database().history.get(record.url)).toBeUndefined();
  });
});
