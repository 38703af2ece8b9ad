/**
 * The history side of the UI client: Dexie, queries, export and import.
 * Loaded on demand (lib/client.ts imports it dynamically), so the popup,
 * which only talks to the background, does not load the database code.
 */
import { pageKey } from '@/core/url';
import { database, latestVerification, listHistory } from './db';
import { clearHistory, deleteEntry, entriesById, latestVerifications, matchingIds, publishers, timeOrder, type HistoryFilter } from './history';
import { settings } from './settings';
import { readSites } from './site-history';
import { exportHistory, historyCsv, importHistory } from './transfer';

export const historyAccess = {
  newestEntries: (limit: number) => listHistory(database(), limit),
  historyIds: () => timeOrder(database()),
  matchingIds: (filter: HistoryFilter) => matchingIds(database(), filter),
  entriesById: (ids: number[]) => entriesById(database(), ids),
  publishers: () => publishers(database()),
  verificationFor: async (pageUrl: string) => (await latestVerification(database(), pageKey(pageUrl))) ?? null,
  verificationsFor: (pageKeys: string[]) => latestVerifications(database(), pageKeys),
  siteFigures: (onProgress?: (read: number) => void) => readSites(database(), onProgress),
  deleteEntry: (key: string) => deleteEntry(database(), key),
  clearHistory: () => clearHistory(database()),
  exportJson: async () => JSON.stringify(await exportHistory(database()), null, 1),
  exportCsv: async () => historyCsv(await exportHistory(database())),
  importJson: async (text: string) => importHistory(database(), text, await settings.historyMaxEntries.getValue()),
};
