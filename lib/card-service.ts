/**
 * The background's side of the badge's card, the check page (check.html) and
 * the link menu "Where does this article come from?":
 *
 * - the card's check: run where the reader has let Provenance read the sites,
 *   else a check page opens to ask (permissions.request needs a click on a
 *   page of the extension, which a content script is not);
 * - showing a piece of evidence on a tab's page (its content script finds and
 *   highlights the quote, lib/find-evidence.ts);
 * - reading a linked page for the check page, fetched only from a site the
 *   reader allowed (lib/fetch-page.ts checks every hop).
 */
import { browser, type Browser } from 'wxt/browser';
import { displayHost } from '@/core/url';
import { outcomeSentence } from './card-outcome';
import { fetchPage } from './fetch-page';
import { failureText, t } from './i18n';
import { cardWords } from './card-words';
import { sendToTab, type ResponseFor } from './messages';
import { parsePage } from './parse-page';
import { isFromContentScript, verify } from './service';

export const LINK_MENU_ID = 'provenance-where-from';
const CHECK_PAGE = '/check.html';

/** The check page for `url`; with `tabId`, the page of that tab (its record, its text). */
function checkPageUrl(url: string, tabId?: number): string {
  const query = new URLSearchParams({ url });
  if (tabId !== undefined) query.set('tab', String(tabId));
  return browser.runtime.getURL(`${CHECK_PAGE}?${query}` as '/check.html');
}

/** Opens the check page next to `tab` (in its window), or in the current window when that is refused. */
async function openCheckPage(url: string, tab: Browser.tabs.Tab | undefined, withTab: boolean): Promise<void> {
  const page = checkPageUrl(url, withTab ? tab?.id : undefined);
  try {
    await browser.tabs.create({ url: page, ...(tab ? { windowId: tab.windowId, index: tab.index + 1, openerTabId: tab.id } : {}) });
  } catch {
    // A private window may not hold the extension's pages: a normal one does.
    await browser.tabs.create({ url: page });
  }
}

/** The page's scan with the badge card's words (lib/card-words.ts), when the badge will show. */
export function withCardWords(answer: ResponseFor['page-scanned']): ResponseFor['page-scanned'] {
  return answer.showBadge ? { ...answer, card: cardWords(answer.record) } : answer;
}

/** The card's "check": only about the sending tab's own page, whatever the message says. */
export async function cardVerify(sender: Browser.runtime.MessageSender): Promise<ResponseFor['card-verify']> {
  const tab = sender.tab;
  if (!isFromContentScript(sender) || sender.frameId !== 0 || !tab?.url || tab.id === undefined) {
    return { sentence: t('card_outcomeFailed', t('card_notThisPage')), opened: false };
  }
  const answer = await verify(tab.url, tab.id, false);
  const verification = answer.ok ? answer.entry.verification : answer.verification;
  if (verification.failure?.code === 'permission-refused') {
    await openCheckPage(tab.url, tab, true);
    return { sentence: t('card_outcomeAsking', displayHost(verification.failure.url)), opened: true };
  }
  return { sentence: outcomeSentence(verification), opened: false };
}

/** From the popup or the check page: scroll the tab's page to the quote and highlight it. */
export async function showEvidence(
  request: { tabId: number; text: string },
  sender: Browser.runtime.MessageSender,
): Promise<ResponseFor['show-evidence']> {
  if (isFromContentScript(sender)) return { found: false };
  let found = false;
  try {
    found = (await sendToTab(request.tabId, { type: 'highlight-evidence', text: request.text })) === true;
  } catch {
    return { found: false };
  }
  // From the check page (a tab of its own), the reader is taken to the page to see it.
  if (found && sender.tab?.id !== undefined && sender.tab.id !== request.tabId)
    await browser.tabs.update(request.tabId, { active: true }).catch(() => undefined);
  return { found };
}

/** From the check page: read the page at `url` and run the engine on it. Nothing is stored. */
export async function inspectUrl(url: string, sender: Browser.runtime.MessageSender): Promise<ResponseFor['inspect-url']> {
  if (isFromContentScript(sender)) return { ok: false, code: 'unsafe-url', message: t('card_notThisPage') };
  if (!/^https?:\/\//i.test(url)) return { ok: false, code: 'unsafe-url', message: t('card_inspectNotWeb') };
  const answer = await fetchPage(url);
  if (!answer.ok) {
    // The address that failed: the link's, or where it redirected (a site the reader may allow too).
    const failed = answer.refusedRedirect?.to ?? url;
    return { ok: false, code: answer.code, message: failureText({ ...answer, url: failed }), url: failed };
  }
  if (answer.html === null)
    return { ok: false, code: 'empty-page', message: failureText({ code: 'empty-page', message: t('card_inspectEmpty'), url }) };
  try {
    const page = await parsePage(answer.html, answer.finalUrl);
    return { ok: true, record: page.record, finalUrl: answer.finalUrl };
  } catch (error) {
    return { ok: false, code: 'empty-page', message: `${t('card_inspectEmpty')} (${error instanceof Error ? error.message : String(error)})` };
  }
}

/**
 * The link menu "Where does this article come from?": opens the check page
 * for the link. Created at every start (menus do not survive an update in
 * every browser); its click handler is registered at once, as an event page
 * or service worker needs.
 */
export function setUpLinkMenu(): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === LINK_MENU_ID && info.linkUrl && /^https?:/i.test(info.linkUrl)) void openCheckPage(info.linkUrl, tab, false);
  });
  void Promise.resolve(menus.removeAll())
    .then(() =>
      menus.create({ id: LINK_MENU_ID, title: t('card_menuWhereFrom'), contexts: ['link'], targetUrlPatterns: ['http://*/*', 'https://*/*'] }),
    )
    .catch(() => undefined);
}
