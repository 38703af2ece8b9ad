import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { answerMessages, parseRequest, type Request, type ResponseFor } from '@/lib/messages';
import { onPageHtml, onPageScanned, onTabRemoved, onTabUrlChanged, tabReport, verifyFromSender } from '@/lib/service';
import { startUpkeep } from '@/lib/upkeep';
import { cardControl, correctPage, openWelcomeOnInstall } from '@/lib/control';
import { cardVerify, inspectUrl, setUpLinkMenu, showEvidence, withCardWords } from '@/lib/card-service';

export default defineBackground(() => {
  // Only our own contexts may talk to us (answerMessages); web pages cannot reach runtime.onMessage,
  // and content scripts' messages are checked for shape like any other.
  answerMessages((message, sender) => {
    const request = parseRequest(message);
    return request ? handle(request, sender) : undefined;
  });
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.url !== undefined) void onTabUrlChanged(tabId, changeInfo.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => void onTabRemoved(tabId));
  // Pruning the history: at browser start, on a schedule, and when its size limit changes (lib/upkeep.ts).
  startUpkeep();
  // The link menu "Where does this article come from?" (lib/card-service.ts).
  setUpLinkMenu();
  // The first-run page, on install only (not on an update): lib/control.ts.
  browser.runtime.onInstalled.addListener((details) => void openWelcomeOnInstall(details).catch(() => undefined));
});

function handle(request: Request, sender: Browser.runtime.MessageSender): Promise<ResponseFor[Request['type']]> {
  switch (request.type) {
    case 'page-html':
      return onPageHtml(request.html, request.url, request.ms, sender).then(withCardWords);
    case 'page-scanned':
      return onPageScanned(request.digest, sender).then(withCardWords);
    case 'get-tab-report':
      return tabReport(request.tabId);
    case 'verify':
      return verifyFromSender(request, sender);
    case 'card-control':
      return cardControl(request, sender);
    case 'correct':
      return correctPage(request, sender);
    case 'card-verify':
      return cardVerify(sender);
    case 'show-evidence':
      return showEvidence(request, sender);
    case 'inspect-url':
      return inspectUrl(request.url, sender);
  }
}
