/**
 * What the background does for each request of the protocol. The entrypoint
 * only wires browser events to these functions.
 */
import { browser, type Browser } from 'wxt/browser';
import { analyse } from '@/core/detect';
import type { PageDigest } from '@/core/digest';
import { withPublisherNames } from '@/core/publishers';
import { sanitizeStrings } from '@/core/sanitize';
import { normalizeUrl, registrableDomain } from '@/core/url';
import type { Provenance } from '@/core/types';
import { nextHopUrl } from '@/core/next-hop';
import { verifyProvenance, type FetchPage, type Verification } from '@/core/verify';
import { database, getEntry, latestVerification, originalCache, recordDetection, storeVerification, toHistoryEntry } from './db';
import { failure } from '@/core/fetch-failures';
import { fetchPage } from './fetch-page';
import { t } from './i18n';
import type { PageTextRequest, ResponseFor, TabReport, VerifyResponse } from './messages';
import { pruneHistory, pruneOriginals } from './history';
import { parsePage } from './parse-page';
import { cacheTtlMs, settings } from './settings';
import { clearTabScan, getTabScan, setTabScan } from './tab-state';
import { clearTab, markTab } from './toolbar';

/** A page's digest from its content script: the engine's rules run here, off the page's thread. */
export async function onPageScanned(digest: PageDigest, sender: Browser.runtime.MessageSender): Promise<ResponseFor['page-scanned']> {
  const record = sanitizeStrings(withPublisherNames(analyse(digest)));
  const tabId = sender.tab?.id;
  const key = safeNormalize(record.url);
  // Scans come from the top frame of a tab only; frames are not the article.
  if (tabId === undefined || sender.frameId !== 0 || !key) return { stored: false, record, showBadge: false };
  const [badgesEnabled, silentSites] = await Promise.all([settings.badgesEnabled.getValue(), settings.silentSites.getValue()]);
  const site = registrableDomain(key);
  const showBadge = record.syndicated && badgesEnabled && !(site && silentSites.includes(site));
  const scan = { key, isArticle: record.isArticle, syndicated: record.syndicated, engineMs: record.engineMs, pageMs: digest.ms };
  await inTabOrder(tabId, async () => {
    await setTabScan(tabId, scan);
    await markTab(tabId, record);
  });
  if (!record.isArticle) return { stored: false, record, showBadge };
  try {
    await recordDetection(database(), record);
  } catch (error) {
    // Nothing already stored is touched by a failed write; keep this page's record for the popup and say why.
    await inTabOrder(tabId, () => setTabScan(tabId, { ...scan, unsaved: record, storageProblem: storageProblem(error) }));
    return { stored: false, record, showBadge };
  }
  if (record.syndicated && (await settings.autoVerify.getValue())) {
    // Automatic verification never asks for permissions: it runs only where they are already granted.
    void verify(record.url, tabId, false, { askedByUser: false }).catch(() => undefined);
  }
  return { stored: true, record, showBadge };
}

export async function tabReport(tabId: number): Promise<TabReport> {
  let tabUrl: string | null = null;
  try {
    tabUrl = (await browser.tabs.get(tabId)).url ?? null;
  } catch {
    return { state: 'unreadable', tabUrl: null, entry: null, verification: null };
  }
  const none = { entry: null, verification: null };
  if (!tabUrl || !/^https?:/i.test(tabUrl)) return { state: 'unreadable', tabUrl, ...none };
  const scan = await getTabScan(tabId);
  const key = safeNormalize(tabUrl);
  if (!scan || scan.key !== key) {
    // Chrome's PDF viewer runs no content script: a .pdf tab will never be scanned.
    const isPdf = /\.pdf$/i.test(new URL(tabUrl).pathname);
    return { state: isPdf ? 'unreadable' : 'pending', tabUrl, ...none };
  }
  if (!scan.isArticle) return { state: 'no-article', tabUrl, ...none };
  if (scan.unsaved) {
    return { state: 'article', tabUrl, entry: toHistoryEntry(scan.unsaved, Date.now()), verification: null, storageProblem: scan.storageProblem ?? null };
  }
  const db = database();
  const [entry, verification] = await Promise.all([getEntry(db, tabUrl), latestVerification(db, tabUrl)]);
  return { state: entry ? 'article' : 'pending', tabUrl, entry: entry ?? null, verification: verification ?? null };
}

export function onTabUrlChanged(tabId: number, url: string): Promise<void> {
  return inTabOrder(tabId, async () => {
    const scan = await getTabScan(tabId);
    if (scan && scan.key === safeNormalize(url)) return; // same page (e.g. a fragment change)
    await Promise.all([clearTabScan(tabId), clearTab(tabId)]);
  });
}

export const onTabRemoved = (tabId: number) => inTabOrder(tabId, () => clearTabScan(tabId));

/**
 * Changes to one tab's state, run one after another in the order their events
 * arrived. Without it a "URL changed" event that arrives just before the
 * page's scan can read the old state, then clear the new one (seen in Firefox,
 * where tabs.onUpdated often lands after the content script has reported).
 */
const tabQueues = new Map<number, Promise<unknown>>();

function inTabOrder<T>(tabId: number, change: () => Promise<T>): Promise<T> {
  const next = (tabQueues.get(tabId) ?? Promise.resolve()).then(change, change);
  const settled = next.catch(() => undefined);
  tabQueues.set(tabId, settled);
  void settled.then(() => {
    if (tabQueues.get(tabId) === settled) tabQueues.delete(tabId);
  });
  return next;
}

/** Only fetch from sites the user has let us read (optional host permissions). */
const permittedFetch: FetchPage = async (url, validators) => {
  const origin = `${new URL(url).origin}/*`;
  const allowed = await browser.permissions.contains({ origins: [origin] }).catch(() => false);
  if (!allowed) return failure('permission-refused', url);
  return fetchPage(url, validators);
};

const running = new Map<string, Promise<VerifyResponse>>();

/** Verify a page from history: fetch the chain, compare, store. One run per page at a time. */
export function verify(pageUrl: string, tabId: number | null, force: boolean, context = { askedByUser: true }): Promise<VerifyResponse> {
  const key = normalizeUrl(pageUrl);
  const existing = running.get(key);
  if (existing) return existing;
  const run = runVerification(key, tabId, force, context.askedByUser).finally(() => running.delete(key));
  running.set(key, run);
  return run;
}

async function runVerification(pageKey: string, tabId: number | null, force: boolean, askedByUser: boolean): Promise<VerifyResponse> {
  const db = database();
  const entry = await getEntry(db, pageKey);
  if (!entry) {
    return { ok: false, verification: failedBeforeStart(pageKey, 'this page is not in the history yet; reload it and try again') };
  }
  const record = entry.record;
  const next = nextHopUrl(record);
  const pageText = next ? await pageTextFor(tabId, record.url) : null;
  const verification = await verifyProvenance(record, pageText, {
    fetchPage: permittedFetch,
    parsePage,
    cache: originalCache(db),
    ttlMs: await cacheTtlMs(),
    force,
    onProgress: ({ hop, url }) => {
      void browser.runtime.sendMessage({ type: 'verify-progress', pageUrl: pageKey, hop, url }).catch(() => undefined);
    },
  });
  if (!askedByUser && verification.failure?.code === 'permission-refused') return { ok: false, verification };
  return { ok: true, entry: await storeVerification(db, verification) };
}

/** The page's article text: from its open tab, else fetched like an original. */
async function pageTextFor(tabId: number | null, pageUrl: string): Promise<string | null> {
  if (tabId !== null) {
    try {
      const request: PageTextRequest = { type: 'get-page-text' };
      const text: unknown = await browser.tabs.sendMessage(tabId, request, { frameId: 0 });
      if (typeof text === 'string') return text;
    } catch {
      // The tab is gone or navigated: fall back to fetching the page.
    }
  }
  const answer = await permittedFetch(pageUrl);
  if (!answer.ok || answer.html === null) return null;
  return (await parsePage(answer.html, answer.finalUrl)).text;
}

function failedBeforeStart(pageUrl: string, message: string): Verification {
  return {
    pageUrl,
    checkedAt: Date.now(),
    outcome: 'failed',
    hops: [],
    original: null,
    failure: { code: 'http-error', message, url: pageUrl },
    search: null,
    comparison: null,
  };
}

function safeNormalize(url: string): string | null {
  try {
    return normalizeUrl(url);
  } catch {
    return null;
  }
}

/** Drops history entries and cached originals older than the user keeps them (run at start-up). */
export async function pruneOldData(now = Date.now()): Promise<void> {
  const days = await settings.historyDays.getValue();
  if (days <= 0) return;
  const cutoff = now - days * 24 * 60 * 60 * 1000;
  const db = database();
  await Promise.all([pruneHistory(db, cutoff), pruneOriginals(db, cutoff)]);
}

/** From the badge: adds the sending tab's site to the sites where Provenance stays silent. */
export async function silenceSite(sender: Browser.runtime.MessageSender): Promise<ResponseFor['silence-site']> {
  const site = isFromContentScript(sender) && sender.tab?.url ? registrableDomain(sender.tab.url) : null;
  if (!site) return { site: null };
  const sites = await settings.silentSites.getValue();
  if (!sites.includes(site)) await settings.silentSites.setValue([...sites, site].sort());
  return { site };
}

/**
 * A verify request from a content script may only be about its own tab's
 * page: a hostile page cannot make the extension fetch something else.
 */
export function verifyFromSender(request: { pageUrl: string; tabId: number | null; force: boolean }, sender: Browser.runtime.MessageSender): Promise<VerifyResponse> {
  if (isFromContentScript(sender)) {
    const tabUrl = sender.tab?.url ? safeNormalize(sender.tab.url) : null;
    if (!tabUrl || tabUrl !== safeNormalize(request.pageUrl) || sender.frameId !== 0) {
      return Promise.resolve({ ok: false, verification: failedBeforeStart(request.pageUrl, 'a page can only ask to verify itself') });
    }
    return verify(request.pageUrl, sender.tab?.id ?? null, request.force);
  }
  return verify(request.pageUrl, request.tabId, request.force);
}

/** Why a write to the database failed, in words a person can act on. */
export function storageProblem(error: unknown): string {
  const name = (error as { name?: string; inner?: { name?: string } })?.inner?.name ?? (error as { name?: string })?.name ?? '';
  if (/Quota/i.test(name)) return t('storageFull');
  return t('storageFailed', error instanceof Error ? error.message : String(error));
}

/**
 * Content scripts run in web pages; the popup and options page are our own
 * pages (which may also sit in a tab, so `sender.tab` alone does not tell).
 */
export function isFromContentScript(sender: Browser.runtime.MessageSender): boolean {
  return !(sender.url ?? '').startsWith(browser.runtime.getURL('/'));
}
