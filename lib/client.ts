/**
 * The one connector the popup and options page use to reach the extension's
 * data. UI code depends on the `ProvenanceClient` interface only, so a test or
 * a design preview can hand it a different implementation.
 */
import { browser } from 'wxt/browser';
import { database, listHistory, type HistoryEntry } from './db';
import { send, type TabReport } from './messages';

export interface ProvenanceClient {
  /** The tab the popup describes: `?tab=<id>` when given (tests, links), else the active tab. */
  targetTabId(): Promise<number | null>;
  tabReport(tabId: number): Promise<TabReport>;
  history(limit?: number, offset?: number): Promise<HistoryEntry[]>;
}

export const extensionClient: ProvenanceClient = {
  async targetTabId() {
    const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
    if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  },
  tabReport: (tabId) => send({ type: 'get-tab-report', tabId }),
  history: (limit, offset) => listHistory(database(), limit, offset),
};
