/**
 * The one connector the popup and options page use to reach the extension's
 * data. UI code depends on the `ProvenanceClient` interface only, so a test or
 * a design preview can hand it a different implementation.
 */
import { browser } from 'wxt/browser';
import type { HistoryEntry, VerificationEntry } from './db';
import type { HistoryFilter } from './history';
import { parseBroadcast, send, type InspectResponse, type ResponseFor, type TabReport, type VerifyResponse } from './messages';
import { settings } from './settings';
import { watchTabScan } from './tab-state';
import type { CorrectionInput } from './corrections';
import type { ImportResult } from './transfer';
import type { SiteFigures } from './sites';

/** The database code, loaded the first time a history method is called (never by the popup). */
const access = () => import('./history-access').then((module) => module.historyAccess);

/** The reader's settings (lib/settings.ts), each as its storage item holds it. */
export type SettingValues = { [K in keyof typeof settings]: Awaited<ReturnType<(typeof settings)[K]['getValue']>> };
const SETTING_KEYS = Object.keys(settings) as (keyof SettingValues)[];

export interface ProvenanceClient {
  /** The tab the popup describes: `?tab=<id>` when given (tests, links), else the active tab. */
  targetTabId(): Promise<number | null>;
  tabReport(tabId: number): Promise<TabReport>;
  /**
   * The tab's report now, and again each time the background changes what it knows about the tab (its state,
   * lib/tab-state.ts), until the returned function is called: no asking again on a timer. A report equal to
   * the last one given is not given again; `onError` when a report cannot be had (the background is gone).
   */
  watchTabReport(tabId: number, onReport: (report: TabReport) => void, onError: (error: unknown) => void): () => void;
  /**
   * Asks for permission to read these sites (must run in a click handler: the
   * browser only shows the prompt for a user gesture). True when all are granted.
   */
  requestSiteAccess(urls: string[]): Promise<boolean>;
  /** Whether the reader has already let Provenance read these sites (no prompt). */
  hasSiteAccess(urls: string[]): Promise<boolean>;
  verify(pageUrl: string, tabId: number | null, force: boolean): Promise<VerifyResponse>;
  /** Called with each hop a running verification fetches. Returns an unsubscribe function. */
  onVerifyProgress(listener: (progress: { pageUrl: string; url: string; hop: number }) => void): () => void;
  copyText(text: string): Promise<void>;
  /** The extension's version, as the manifest gives it (for reports). */
  extensionVersion(): string;
  /** The keyboard shortcut of the popup's command as the browser has it now ("Alt+Shift+O"), "" when none is set. */
  popupShortcut(): Promise<string>;
  /** The reader's settings, all at once (the options page, the first-run page). */
  readSettings(): Promise<SettingValues>;
  saveSetting<K extends keyof SettingValues>(key: K, value: SettingValues[K]): Promise<void>;
  /** Saves the reader's correction of a page, or with null undoes it: the entry as it now is, or why nothing changed (lib/control.ts). */
  correct(pageUrl: string, tabId: number | null, correction: CorrectionInput | null): Promise<ResponseFor['correct']>;
  /** Scrolls the tab's page to a quote of its text and highlights it; false when its text does not hold it (lib/card-service.ts). */
  showEvidence(tabId: number, text: string): Promise<boolean>;
  /** Reads the page at `url` (the check page, after the reader allowed its site) and runs the engine on it. */
  inspectUrl(url: string): Promise<InspectResponse>;

  // The history, for the options page, by entry id (the ids are the time order: lib/db.ts).
  /** The newest entries, for the first screen: one short read, no id list. */
  newestEntries(limit: number): Promise<HistoryEntry[]>;
  /** Ids of the whole history, newest first. */
  historyIds(): Promise<number[]>;
  matchingIds(filter: HistoryFilter): Promise<number[]>;
  entriesById(ids: number[]): Promise<HistoryEntry[]>;
  publishers(): Promise<{ key: string; count: number }[]>;
  verificationFor(pageUrl: string): Promise<VerificationEntry | null>;
  /** The latest verification of each of these pages (by normalised URL) that has one, for the history's Checked column. */
  verificationsFor(pageKeys: string[]): Promise<Map<string, VerificationEntry>>;
  /** Every site's figures for the Sites view (lib/sites.ts), read from the history a slice at a time; `onProgress` gets the entries read so far. */
  siteFigures(onProgress?: (read: number) => void): Promise<SiteFigures[]>;
  deleteEntry(key: string): Promise<void>;
  clearHistory(): Promise<void>;
  exportJson(): Promise<string>;
  exportCsv(): Promise<string>;
  importJson(text: string): Promise<ImportResult>;
}

const originPattern = (url: string) => `${new URL(url).origin}/*`;

export const extensionClient: ProvenanceClient = {
  async targetTabId() {
    const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
    if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  },
  tabReport: (tabId) => send({ type: 'get-tab-report', tabId }),
  watchTabReport(tabId, onReport, onError) {
    let asked = 0;
    let given = '';
    let stopped = false;
    // Only the answer to the latest question is given: answers may come back out of order.
    const read = () => {
      const n = ++asked;
      send({ type: 'get-tab-report', tabId }).then(
        (report) => {
          const text = JSON.stringify(report);
          if (stopped || n !== asked || text === given) return;
          given = text;
          onReport(report);
        },
        (error: unknown) => {
          if (!stopped && n === asked) onError(error);
        },
      );
    };
    // Watching starts before the first read, so that a change made while it is on its way is not missed.
    const unwatch = watchTabScan(tabId, read);
    read();
    return () => {
      stopped = true;
      unwatch();
    };
  },
  async requestSiteAccess(urls) {
    const origins = [...new Set(urls.map(originPattern))];
    if (origins.length === 0) return true;
    if (await browser.permissions.contains({ origins })) return true;
    return browser.permissions.request({ origins });
  },
  hasSiteAccess: (urls) => browser.permissions.contains({ origins: [...new Set(urls.map(originPattern))] }).catch(() => false),
  verify: (pageUrl, tabId, force) => send({ type: 'verify', pageUrl, tabId, force }),
  onVerifyProgress(listener) {
    const handler = (message: unknown, sender: { id?: string }) => {
      const progress = sender.id === browser.runtime.id ? parseBroadcast(message) : null;
      if (progress?.type === 'verify-progress') listener({ pageUrl: progress.pageUrl, url: progress.url, hop: progress.hop });
      return undefined;
    };
    browser.runtime.onMessage.addListener(handler);
    return () => browser.runtime.onMessage.removeListener(handler);
  },
  copyText: (text) => navigator.clipboard.writeText(text),
  extensionVersion: () => browser.runtime.getManifest().version,
  async popupShortcut() {
    const commands = browser.commands as typeof browser.commands | undefined;
    if (!commands?.getAll) return '';
    const all = await commands.getAll().catch(() => []);
    return all.find((command) => command.name?.startsWith('_execute_'))?.shortcut ?? '';
  },
  async readSettings() {
    const values = await Promise.all(SETTING_KEYS.map((key) => settings[key].getValue()));
    return Object.fromEntries(SETTING_KEYS.map((key, index) => [key, values[index]])) as SettingValues;
  },
  saveSetting: (key, value) => (settings[key] as { setValue(value: SettingValues[typeof key]): Promise<void> }).setValue(value),
  correct: (pageUrl, tabId, correction) => send({ type: 'correct', pageUrl, tabId, correction }),
  showEvidence: async (tabId, text) => (await send({ type: 'show-evidence', tabId, text })).found,
  inspectUrl: (url) => send({ type: 'inspect-url', url }),
  newestEntries: async (limit) => (await access()).newestEntries(limit),
  historyIds: async () => (await access()).historyIds(),
  matchingIds: async (filter) => (await access()).matchingIds(filter),
  entriesById: async (ids) => (await access()).entriesById(ids),
  publishers: async () => (await access()).publishers(),
  verificationFor: async (pageUrl) => (await access()).verificationFor(pageUrl),
  verificationsFor: async (pageKeys) => (await access()).verificationsFor(pageKeys),
  siteFigures: async (onProgress) => (await access()).siteFigures(onProgress),
  deleteEntry: async (key) => (await access()).deleteEntry(key),
  clearHistory: async () => (await access()).clearHistory(),
  exportJson: async () => (await access()).exportJson(),
  exportCsv: async () => (await access()).exportCsv(),
  importJson: async (text) => (await access()).importJson(text),
};
