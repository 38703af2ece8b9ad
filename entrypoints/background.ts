import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { parseRequest, type Request, type ResponseFor } from '@/lib/messages';
import { onPageScanned, onTabRemoved, onTabUrlChanged, silenceSite, tabReport, verifyFromSender } from '@/lib/service';
import { startUpkeep } from '@/lib/upkeep';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    // Only our own contexts may talk to us; web pages cannot reach runtime.onMessage,
    // and content scripts' messages are checked for shape like any other.
    if (sender.id !== browser.runtime.id) return undefined;
    const request = parseRequest(message);
    if (!request) return undefined;
    return handle(request, sender);
  });
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.url !== undefined) void onTabUrlChanged(tabId, changeInfo.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => void onTabRemoved(tabId));
  // Pruning the history: at browser start, on a schedule, and when its size limit changes (lib/upkeep.ts).
  startUpkeep();
});

function handle(request: Request, sender: Browser.runtime.MessageSender): Promise<ResponseFor[Request['type']]> {
  switch (request.type) {
    case 'page-scanned':
      return onPageScanned(request.digest, sender);
    case 'get-tab-report':
      return tabReport(request.tabId);
    case 'verify':
      return verifyFromSender(request, sender);
    case 'silence-site':
      return silenceSite(sender);
  }
}
