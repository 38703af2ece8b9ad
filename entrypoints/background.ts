import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { normalizeUrl } from '@/core/url';
import { database, getEntry, recordDetection } from '@/lib/db';
import { parseRequest, type Request, type ResponseFor, type TabReport } from '@/lib/messages';
import { clearTabScan, getTabScan, setTabScan } from '@/lib/tab-state';
import { clearTab, markTab } from '@/lib/toolbar';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    // Only our own contexts may talk to us (externally_connectable is not set,
    // but a check here keeps that true if it ever is).
    if (sender.id !== browser.runtime.id) return undefined;
    const request = parseRequest(message);
    if (!request) return undefined;
    return handle(request, sender);
  });

  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    // A navigation to another page: the old verdict no longer describes the tab.
    if (changeInfo.url === undefined) return;
    void getTabScan(tabId).then(async (scan) => {
      if (scan && scan.key === safeNormalize(changeInfo.url!)) return; // same page (e.g. a fragment change)
      await Promise.all([clearTabScan(tabId), clearTab(tabId)]);
    });
  });

  browser.tabs.onRemoved.addListener((tabId) => void clearTabScan(tabId));
});

async function handle(request: Request, sender: Browser.runtime.MessageSender): Promise<ResponseFor[Request['type']]> {
  switch (request.type) {
    case 'page-scanned':
      return onPageScanned(request.record, sender);
    case 'get-tab-report':
      return tabReport(request.tabId);
  }
}

async function onPageScanned(
  record: Extract<Request, { type: 'page-scanned' }>['record'],
  sender: Browser.runtime.MessageSender,
): Promise<ResponseFor['page-scanned']> {
  const tabId = sender.tab?.id;
  // Scans come from the top frame of a tab only; frames are not the article.
  if (tabId === undefined || sender.frameId !== 0) return { stored: false };
  const key = safeNormalize(record.url);
  if (!key) return { stored: false };
  await setTabScan(tabId, { key, isArticle: record.isArticle, syndicated: record.syndicated });
  await markTab(tabId, record);
  if (!record.isArticle) return { stored: false };
  await recordDetection(database(), record);
  return { stored: true };
}

async function tabReport(tabId: number): Promise<TabReport> {
  let tabUrl: string | null = null;
  try {
    tabUrl = (await browser.tabs.get(tabId)).url ?? null;
  } catch {
    return { state: 'unreadable', tabUrl: null, entry: null };
  }
  if (!tabUrl || !/^https?:/i.test(tabUrl)) return { state: 'unreadable', tabUrl, entry: null };
  const scan = await getTabScan(tabId);
  const key = safeNormalize(tabUrl);
  if (!scan || scan.key !== key) return { state: 'pending', tabUrl, entry: null };
  if (!scan.isArticle) return { state: 'no-article', tabUrl, entry: null };
  const entry = (await getEntry(database(), tabUrl)) ?? null;
  return { state: entry ? 'article' : 'pending', tabUrl, entry };
}

function safeNormalize(url: string): string | null {
  try {
    return normalizeUrl(url);
  } catch {
    return null;
  }
}
