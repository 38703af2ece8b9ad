/**
 * The history side of the UI client: Dexie, queries, export and import.
 * Loaded on demand (lib/client.ts imports it dynamically), so the popup,
 * which only talks to the background, does not load the database code.
 */
import { database, latestVerification, listHistory } from './db';
import { clearHistory, deleteEntry, entriesFor, matchingKeys, publishers, timeOrder, type HistoryFilter } from './history';
import { exportHistory, historyCsv, importHistory } from './transfer';

export const historyAccess = {
  history: (limit?: number, offset?: number) => listHistory(database(), limit, offset),
  historyOrder: () => timeOrder(database()),
  matchingKeys: (filter: HistoryFilter, order: string[]) => matchingKeys(database(), filter, order),
  entries: (keys: string[]) => entriesFor(database(), keys),
  publishers: () => publishers(database()),
  verificationFor: async (pageUrl: string) => (await latestVerification(database(), pageUrl)) ?? null,
  deleteEntry: (key: string) => deleteEntry(database(), key),
  clearHistory: () => clearHistory(database()),
  exportJson: async () => JSON.stringify(await exportHistory(database()), null, 1),
  exportCsv: async () => historyCsv(await exportHistory(database())),
  importJson: (text: string) => importHistory(database(), text),
};
