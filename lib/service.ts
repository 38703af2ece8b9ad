/**
 * What the background does for each request of the protocol. The entrypoint
 * only wires browser events to these functions.
 */
import { browser, type Browser } from 'wxt/browser';
import { analyse } from '@/core/detect';
import type { PageDigest } from '@/core/digest';
import { pageKey, registrableDomain, type PageKey } from '@/core/url';
import type { Provenance } from '@/core/types';
import { nextHopUrl } from '@/core/next-hop';
import { verifyProvenance, type FetchPage, type Verification } from '@/core/verify';
import {
  database,
  getEntry,
  latestVerification,
  originalCache,
  recordDetection,
  storeVerification,
  toHistoryEntry,
  verificationEntry,
  type VerificationEntry,
} from './db';
import { applyCorrection, verificationFits } from './corrections';
import { fetchPage } from './fetch-page';
import { siteLineFor } from './site-history';
import { t } from './i18n';
import { broadcast, sendToTab, type ResponseFor, type TabReport, type VerifyResponse } from './messages';
import { capHistory } from './history';
import { digestHtml, parsePage } from './parse-page';
import { TabRateLimiter } from './scan-limits';
import { cacheTtlMs, settings } from './settings';
import { clearTabScan, getTabScan, setTabScan, type TabScan } from './tab-state';
import { clearTab, markTab } from './toolbar';

/**
 * A page's HTML from its content script: read into its digest here (lib/parse-page.ts), off the page's
 * thread, then as any digest. `ms` is what the page paid (serialising its DOM), kept as the scan's pageMs.
 */
export async function onPageHtml(html: string, url: string, ms: number, sender: Browser.runtime.MessageSender): Promise<ResponseFor['page-html']> {
  return onPageScanned(await digestHtml(html, url), sender, ms);
}

/**
 * A page's digest (from onPageHtml, or from a content script that read a big page itself): the engine's rules
 * run here, off the page's thread. `pageMs`: the page's own time (its digest's, when made there).
 */
export async function onPageScanned(
  digest: PageDigest,
  sender: Browser.runtime.MessageSender,
  pageMs = digest.ms,
): Promise<ResponseFor['page-scanned']> {
  // The finished record (names and sanitising included), the same as the CLI's for the page; its url is the page's key.
  const engine = analyse(digest);
  const tabId = sender.tab?.id;
  const key = engine.url;
  // Scans come from the top frame of a tab only; frames are not the article.
  if (tabId === undefined || sender.frameId !== 0 || !key) return { stored: false, record: engine, showBadge: false };
  const [badgesEnabled, silentSites] = await Promise.all([settings.badgesEnabled.getValue(), settings.silentSites.getValue()]);
  const site = registrableDomain(key);
  // The scan as kept: the reader's correction of this page, if any, decides what the badge, the toolbar and
  // the history say (lib/corrections.ts). A private (incognito) window's page is analysed and answered (its
  // badge works) but never reaches the history, the originals cache or the verifications: it is kept for its
  // own tab only, in memory.
  // Every kind of copy has a badge, an archived snapshot too (not syndicated: nobody republished it).
  const badgeFor = (record: Provenance): boolean => !!record.kind && badgesEnabled && !(site && silentSites.includes(site));
  const keepAs = (record: Provenance, late: boolean): Promise<boolean> => {
    const scan: TabScan = { key, isArticle: record.isArticle, syndicated: record.syndicated, engineMs: record.engineMs, pageMs };
    return sender.tab?.incognito ? keepPrivateScan(tabId, scan, record, late) : keepScan(tabId, scan, record, late, engine);
  };
  const keep: KeepScan = async (late) => keepAs(await correctedRecord(engine, key), late);
  // One tab's flood of scans (a page calling history.pushState in a loop): the scans over the limit wait,
  // each replacing the one before, and the latest is kept when the tab has a token again (lib/scan-limits.ts).
  // Their answer costs no database read: the engine's own record and badge, without the reader's correction
  // or the site's figures (both are read once the scan is kept).
  if (!scanLimiter.take(tabId)) {
    deferScan(tabId, keep);
    return { stored: false, record: engine, showBadge: badgeFor(engine) };
  }
  cancelDeferredScan(tabId);
  const record = await correctedRecord(engine, key);
  const showBadge = badgeFor(record);
  // The card's line about the site when most of its pages the reader has read were copies (not in a private window).
  const siteLine = showBadge && site && !sender.tab?.incognito ? await siteLineFor(database(), site, key) : null;
  return { stored: await keepAs(record, false), record, showBadge, site: siteLine };
}

/** The record with the reader's correction of the page applied (read only: a private window's page too); as it is when none, or unreadable. */
async function correctedRecord(engine: Provenance, key: PageKey): Promise<Provenance> {
  const correction = await getEntry(database(), key).then(
    (entry) => entry?.correction,
    () => undefined,
  );
  return correction ? applyCorrection(engine, correction) : engine;
}

/** Keeps a scan: `late` when it waited (its tab may show another page by now). True when stored in the history. */
type KeepScan = (late: boolean) => Promise<boolean>;

/** `record` is what the page is said to be (the reader's correction applied), `engine` what the engine found: the history keeps both. */
async function keepScan(tabId: number, scan: TabScan, record: Provenance, late: boolean, engine: Provenance): Promise<boolean> {
  await inTabOrder(tabId, async () => {
    if (late && !(await tabShows(tabId, scan.key))) return;
    await setTabScan(tabId, scan);
    await markTab(tabId, record);
  });
  if (!record.isArticle) return false;
  const db = database();
  let entry;
  try {
    entry = await recordDetection(db, engine);
  } catch (error) {
    // Nothing already stored is touched by a failed write; keep this page's record for the popup and say why.
    await inTabOrder(tabId, async () => {
      if (late && !(await tabShows(tabId, scan.key))) return;
      await setTabScan(tabId, { ...scan, unsaved: record, storageProblem: storageProblem(error) });
    });
    return false;
  }
  // The page is in the history now: its tab's state says so, for a popup watching it (lib/tab-state.ts watchTabScan).
  await inTabOrder(tabId, async () => {
    const now = await getTabScan(tabId);
    if (now?.key === scan.key && !now.saved) await setTabScan(tabId, { ...now, saved: true });
  });
  // A new entry may take the history over its size limit: the least recently seen go.
  if (entry.visits === 1) await capHistory(db, await settings.historyMaxEntries.getValue()).catch(() => undefined);
  if (record.syndicated && (await settings.autoVerify.getValue())) {
    // Automatic verification never asks for permissions: it runs only where they are already granted.
    void verify(record.url, tabId, false, { askedByUser: false }).catch(() => undefined);
  }
  return true;
}

/**
 * A private window's scan: the tab's state (storage.session, which is memory
 * only, keyed by this tab's id) holds the record for the popup; nothing is
 * written to the database, and nothing is verified automatically.
 */
async function keepPrivateScan(tabId: number, scan: TabScan, record: Provenance, late: boolean): Promise<boolean> {
  await inTabOrder(tabId, async () => {
    if (late && !(await tabShows(tabId, scan.key))) return;
    await setTabScan(tabId, { ...scan, private: true, ...(record.isArticle ? { unsaved: record } : {}) });
    await markTab(tabId, record);
  });
  return false;
}

/** Whether the tab still shows the page with this key. */
async function tabShows(tabId: number, key: PageKey): Promise<boolean> {
  try {
    const url = (await browser.tabs.get(tabId))?.url;
    return !!url && pageKey(url) === key;
  } catch {
    return false;
  }
}

const scanLimiter = new TabRateLimiter();
/** Per tab, the latest scan over the limit, waiting for a token. */
const deferredScans = new Map<number, { keep: KeepScan; timer: ReturnType<typeof setTimeout> }>();

function deferScan(tabId: number, keep: KeepScan): void {
  const waiting = deferredScans.get(tabId);
  if (waiting) {
    waiting.keep = keep;
    return;
  }
  deferredScans.set(tabId, { keep, timer: setTimeout(() => keepDeferredScan(tabId), scanLimiter.waitMs(tabId)) });
}

function keepDeferredScan(tabId: number): void {
  const waiting = deferredScans.get(tabId);
  if (!waiting) return;
  if (!scanLimiter.take(tabId)) {
    waiting.timer = setTimeout(() => keepDeferredScan(tabId), scanLimiter.waitMs(tabId));
    return;
  }
  deferredScans.delete(tabId);
  void waiting.keep(true).catch(() => undefined);
}

/** A newer scan of the tab is kept at once: the one waiting is no longer its latest. */
function cancelDeferredScan(tabId: number): void {
  const waiting = deferredScans.get(tabId);
  if (!waiting) return;
  clearTimeout(waiting.timer);
  deferredScans.delete(tabId);
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
  const key = pageKey(tabUrl);
  if (!scan || scan.key !== key) {
    // Chrome's PDF viewer runs no content script: a .pdf tab will never be scanned.
    const isPdf = /\.pdf$/i.test(new URL(tabUrl).pathname);
    return { state: isPdf ? 'unreadable' : 'pending', tabUrl, ...none };
  }
  if (!scan.isArticle) return { state: 'no-article', tabUrl, ...none };
  if (scan.unsaved) {
    const verification = scan.verification ?? null;
    return { state: 'article', tabUrl, entry: toHistoryEntry(scan.unsaved, Date.now()), verification, storageProblem: scan.storageProblem ?? null };
  }
  const db = database();
  const [entry, verification] = await Promise.all([getEntry(db, key), latestVerification(db, key)]);
  // A check made before the reader corrected the page compared it with an original they have since set aside.
  const fits = verification && verificationFits(entry?.correction, verification.checkedAt);
  return { state: entry ? 'article' : 'pending', tabUrl, entry: entry ?? null, verification: fits ? verification : null };
}

export function onTabUrlChanged(tabId: number, url: string): Promise<void> {
  return inTabOrder(tabId, async () => {
    const scan = await getTabScan(tabId);
    if (scan && scan.key === pageKey(url)) return; // same page (e.g. a fragment change)
    await Promise.all([clearTabScan(tabId), clearTab(tabId)]);
  });
}

export const onTabRemoved = (tabId: number) => {
  scanLimiter.forget(tabId);
  return inTabOrder(tabId, () => clearTabScan(tabId));
};

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

/**
 * Only fetch from sites the user has let us read (optional host permissions), never into a private
 * network: lib/fetch-page.ts checks both for the first address and for every redirect, before any request.
 */
const permittedFetch: FetchPage = fetchPage;

/** Verifications running at once; the others wait in one queue, the reader's own requests first. */
export const MAX_CONCURRENT_VERIFICATIONS = 2;
/** Automatic verifications that may wait at once; beyond that a new one is not started. */
const MAX_WAITING_AUTOMATIC = 20;

interface VerifyJob {
  id: string;
  pageKey: PageKey;
  tabId: number | null;
  /** The tab is in a private window: nothing of this run is stored. */
  privateTab: boolean;
  force: boolean;
  askedByUser: boolean;
  started: boolean;
  done: Promise<VerifyResponse>;
  run: () => Promise<void>;
}

/** Verifications waiting or running, by page (and private tab): a request for one of them joins it. */
const jobs = new Map<string, VerifyJob>();
const waitingJobs: VerifyJob[] = [];
let runningJobs = 0;

/**
 * Verify a page: fetch the chain, compare, store. One run per page at a time:
 * a request for a page already waiting or running gets that run's answer (a
 * waiting one takes on `force` and the reader's priority). At most
 * MAX_CONCURRENT_VERIFICATIONS run at once.
 */
export async function verify(pageUrl: string, tabId: number | null, force: boolean, context = { askedByUser: true }): Promise<VerifyResponse> {
  const key = pageKey(pageUrl);
  const privateTab = tabId !== null && (await isPrivateTab(tabId));
  // A private window's verification is never joined with, nor stored as, a normal one.
  const id = privateTab ? `private:${tabId}:${key}` : key;
  const existing = jobs.get(id);
  if (existing) {
    if (!existing.started) {
      existing.force ||= force;
      existing.tabId ??= tabId;
      if (context.askedByUser && !existing.askedByUser) {
        existing.askedByUser = true;
        waitingJobs.splice(waitingJobs.indexOf(existing), 1);
        enqueue(existing);
      }
    }
    return existing.done;
  }
  if (!context.askedByUser && waitingJobs.filter((job) => !job.askedByUser).length >= MAX_WAITING_AUTOMATIC) {
    return { ok: false, verification: failedBeforeStart(key, 'too many verifications are waiting; this one was not started') };
  }
  const job = { id, pageKey: key, tabId, privateTab, force, askedByUser: context.askedByUser, started: false } as VerifyJob;
  job.done = new Promise<VerifyResponse>((resolve, reject) => {
    job.run = () => runVerification(job).then(resolve, reject);
  });
  jobs.set(id, job);
  enqueue(job);
  startWaitingJobs();
  return job.done;
}

/** Queues a job: the reader's own requests before automatic ones, each kind in arrival order. */
function enqueue(job: VerifyJob): void {
  const at = job.askedByUser ? waitingJobs.findIndex((other) => !other.askedByUser) : -1;
  if (at < 0) waitingJobs.push(job);
  else waitingJobs.splice(at, 0, job);
}

function startWaitingJobs(): void {
  while (runningJobs < MAX_CONCURRENT_VERIFICATIONS) {
    const job = waitingJobs.shift();
    if (!job) return;
    job.started = true;
    runningJobs++;
    void job.run().finally(() => {
      runningJobs--;
      jobs.delete(job.id);
      startWaitingJobs();
    });
  }
}

/** Whether a tab is in a private window (the tab gone: what its scan said). */
async function isPrivateTab(tabId: number): Promise<boolean> {
  try {
    const tab = await browser.tabs.get(tabId);
    if (tab) return tab.incognito;
  } catch {
    // The tab is gone.
  }
  return (await getTabScan(tabId).catch(() => null))?.private === true;
}

async function runVerification({ pageKey, tabId, force, askedByUser, privateTab }: VerifyJob): Promise<VerifyResponse> {
  const db = database();
  // A private tab's page is not in the history: its record is the one its scan left for the tab.
  const scan = privateTab && tabId !== null ? await getTabScan(tabId) : null;
  const record = privateTab ? (scan?.key === pageKey ? scan.unsaved : undefined) : (await getEntry(db, pageKey))?.record;
  if (!record) {
    const why = privateTab
      ? 'this page has not been read in this tab yet; reload it and try again'
      : 'this page is not in the history yet; reload it and try again';
    return { ok: false, verification: failedBeforeStart(pageKey, why) };
  }
  const next = nextHopUrl(record);
  const pageText = next ? await pageTextFor(tabId, record.url) : null;
  const cache = originalCache(db);
  const verification = await verifyProvenance(record, pageText, {
    fetchPage: permittedFetch,
    parsePage,
    // A private tab's run reads originals cached before but adds none.
    cache: privateTab ? { get: cache.get, put: async () => undefined } : cache,
    ttlMs: await cacheTtlMs(),
    force,
    onProgress: ({ hop, url }) => broadcast({ type: 'verify-progress', pageUrl: pageKey, hop, url }),
  });
  if (!askedByUser && verification.failure?.code === 'permission-refused') return { ok: false, verification };
  if (privateTab && tabId !== null) return { ok: true, entry: await keepPrivateVerification(tabId, pageKey, verification) };
  return { ok: true, entry: await storeVerification(db, verification) };
}

/** A private tab's verification: kept with the tab's state (memory only) while the tab shows the page, never stored. */
async function keepPrivateVerification(tabId: number, pageKey: PageKey, verification: Verification): Promise<VerificationEntry> {
  const entry = verificationEntry(pageKey, verification);
  await inTabOrder(tabId, async () => {
    const scan = await getTabScan(tabId);
    if (scan?.private && scan.key === pageKey) await setTabScan(tabId, { ...scan, verification: entry });
  });
  return entry;
}

/** The page's article text: from its open tab, else fetched like an original. */
async function pageTextFor(tabId: number | null, pageUrl: string): Promise<string | null> {
  if (tabId !== null) {
    try {
      const text = await sendToTab(tabId, { type: 'get-page-text' });
      if (text !== null) return text;
    } catch {
      // The tab is gone or navigated: fall back to fetching the page.
    }
  }
  const answer = await permittedFetch(pageUrl);
  if (!answer.ok || answer.html === null) return null;
  return (await parsePage(answer.html, answer.finalUrl)).text;
}

function failedBeforeStart(pageUrl: PageKey, message: string): Verification {
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

/** From the badge: adds the sending tab's site to the sites where Provenance stays silent. */
export async function silenceSite(sender: Browser.runtime.MessageSender): Promise<{ site: string | null }> {
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
export function verifyFromSender(
  request: { pageUrl: string; tabId: number | null; force: boolean },
  sender: Browser.runtime.MessageSender,
): Promise<VerifyResponse> {
  if (isFromContentScript(sender)) {
    const tabUrl = sender.tab?.url ? pageKey(sender.tab.url) : null;
    if (!tabUrl || tabUrl !== pageKey(request.pageUrl) || sender.frameId !== 0) {
      return Promise.resolve({ ok: false, verification: failedBeforeStart(pageKey(request.pageUrl), 'a page can only ask to verify itself') });
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
