/**
 * The reader's control, background side: corrections of a page ("Not a
 * copy?", "Wrong original?" and their undo), the undo of "Never on this
 * site", and the first-run page opened on install. The entrypoint only wires
 * the messages and the install event to these functions.
 */
import { browser, type Browser } from 'wxt/browser';
import { pageKey, registrableDomain, type PageKey } from '@/core/url';
import { correctedOriginalUrl, type Correction, type CorrectionInput } from './corrections';
import { database, toHistoryEntry, type HistoryEntry, type ProvenanceDatabase } from './db';
import { t } from './i18n';
import type { CardControl, ResponseFor } from './messages';
import { isFromContentScript, silenceSite, storageProblem } from './service';
import { settings } from './settings';
import { markTab } from './toolbar';

/** The first-run page (entrypoints/welcome): opened when the extension is installed, not when it is updated. */
const WELCOME_PAGE = '/welcome.html';

export async function openWelcomeOnInstall(details: { reason: string }): Promise<void> {
  if (details.reason !== 'install') return;
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}

/**
 * Saves (or, with null, removes) the reader's correction of a page in its
 * history entry, in one transaction, and gives the entry back; undefined when
 * the page is not in the history. The engine's record of the page is kept
 * beside the correction: an undo restores it at once, without a new scan.
 */
export async function setCorrection(db: ProvenanceDatabase, key: PageKey, correction: Correction | null): Promise<HistoryEntry | undefined> {
  return db.transaction('rw', db.history, async () => {
    const previous = await db.history.get({ key });
    if (!previous) return undefined;
    const engine = previous.correction?.engine ?? previous.record;
    const { correction: _old, ...rest } = previous;
    const entry: HistoryEntry = {
      // The same entry, seen as often and when it was: only what it says of the page changes (and the index fields with it).
      ...toHistoryEntry(engine, previous.lastSeen, correction ? { ...rest, correction: { ...correction, engine } } : rest),
      firstSeen: previous.firstSeen,
      visits: previous.visits,
      id: previous.id,
    };
    await db.history.put(entry);
    return entry;
  });
}

/**
 * A correction from the popup, the options page or the badge's card. A card
 * may correct only its own tab's page, and only say "not a copy" or "the
 * stated original is wrong" (an address of its choosing would be the page's
 * word, not the reader's). Nothing is kept from a private window.
 */
export async function correctPage(
  request: { pageUrl: string; tabId: number | null; correction: CorrectionInput | null },
  sender: Browser.runtime.MessageSender,
  now = Date.now(),
): Promise<ResponseFor['correct']> {
  let tabId = request.tabId;
  // The page's key, made once: from here on every comparison and the history's lookup use it.
  const key = pageKey(request.pageUrl);
  if (isFromContentScript(sender)) {
    const tabUrl = sender.tab?.url ? pageKey(sender.tab.url) : null;
    if (!tabUrl || tabUrl !== key || sender.frameId !== 0) return { ok: false, message: t('control_onlyThisPage') };
    if (request.correction?.kind === 'wrong-original' && request.correction.originalUrl !== null)
      return { ok: false, message: t('control_onlyThisPage') };
    tabId = sender.tab?.id ?? null;
  }
  if (!key) return { ok: false, message: t('control_badUrl') };
  if (tabId !== null && (await isPrivate(tabId))) return { ok: false, message: t('control_privateWindow') };
  let correction: Correction | null = null;
  if (request.correction?.kind === 'not-a-copy') correction = { kind: 'not-a-copy', originalUrl: null, at: now };
  if (request.correction?.kind === 'wrong-original') {
    let originalUrl: string | null = null;
    if (request.correction.originalUrl !== null) {
      const given = correctedOriginalUrl(request.correction.originalUrl, request.pageUrl);
      if ('problem' in given) return { ok: false, message: t(given.problem) };
      originalUrl = given.url;
    }
    correction = { kind: 'wrong-original', originalUrl, at: now };
  }
  let entry: HistoryEntry | undefined;
  try {
    entry = await setCorrection(database(), key, correction);
  } catch (error) {
    return { ok: false, message: storageProblem(error) };
  }
  if (!entry) return { ok: false, message: t('control_notInHistory') };
  // The toolbar says at once what the page is now said to be (the badge on the page, at its next load).
  if (tabId !== null) await markIfShown(tabId, entry).catch(() => undefined);
  return { ok: true, entry };
}

/**
 * The badge card's "Not a copy?", "Wrong original?" and "Never on this site", and their Undo: always about
 * the sending tab's own page and site (the page's address is the tab's, never one the message names).
 */
export async function cardControl(
  request: { what: CardControl; undo: boolean },
  sender: Browser.runtime.MessageSender,
): Promise<ResponseFor['card-control']> {
  const pageUrl = sender.tab?.url;
  if (!pageUrl || !isFromContentScript(sender)) return { ok: false, message: t('control_onlyThisPage') };
  if (request.what === 'silence') {
    const { site } = await (request.undo ? unsilenceSite(sender) : silenceSite(sender));
    return site ? { ok: true } : { ok: false, message: t('control_onlyThisPage') };
  }
  const correction: CorrectionInput | null = request.undo
    ? null
    : request.what === 'not-a-copy'
      ? { kind: 'not-a-copy' }
      : { kind: 'wrong-original', originalUrl: null };
  const answer = await correctPage({ pageUrl, tabId: null, correction }, sender);
  return answer.ok ? { ok: true } : answer;
}

/** From the badge's Undo: takes the sending tab's site off the sites where Provenance stays silent. */
export async function unsilenceSite(sender: Browser.runtime.MessageSender): Promise<{ site: string | null }> {
  const site = isFromContentScript(sender) && sender.tab?.url ? registrableDomain(sender.tab.url) : null;
  if (!site) return { site: null };
  const sites = await settings.silentSites.getValue();
  if (sites.includes(site)) await settings.silentSites.setValue(sites.filter((s) => s !== site));
  return { site };
}

async function markIfShown(tabId: number, entry: HistoryEntry): Promise<void> {
  const url = (await browser.tabs.get(tabId))?.url;
  if (url && pageKey(url) === entry.key) await markTab(tabId, entry.record);
}

async function isPrivate(tabId: number): Promise<boolean> {
  try {
    return (await browser.tabs.get(tabId))?.incognito === true;
  } catch {
    return false;
  }
}
