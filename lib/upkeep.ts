/**
 * Keeping what is stored within the reader's limits: entries older than the
 * history is kept for, more entries than the history may hold (oldest first),
 * the verifications of pages no longer in the history and cached originals
 * past their time. Runs at browser start and on a schedule (browser.alarms:
 * a browser left open for weeks is pruned too, and an MV3 service worker
 * keeps no timer), and the size cap also after each new entry (lib/service.ts).
 */
import { browser, type Browser } from 'wxt/browser';
import { database } from './db';
import { capHistory, pruneHistory, pruneOriginals } from './history';
import { settings } from './settings';

export const PRUNE_ALARM = 'prune-history';
/** How often the history is pruned while the browser runs. */
export const PRUNE_EVERY_MINUTES = 60;

/**
 * Wires the pruning (the background calls this at every start): on the
 * alarm, at browser start, and at once when the size limit is changed.
 */
export function startUpkeep(): void {
  const prune = () => void pruneOldData().catch(() => undefined);
  browser.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm)?.catch(() => undefined));
  browser.runtime.onStartup.addListener(prune);
  settings.historyMaxEntries.watch(prune);
  void schedulePruning().catch(() => undefined);
}

/** Creates the pruning alarm unless it exists (alarms outlive the service worker; creating it again would push it back). */
async function schedulePruning(): Promise<void> {
  if (await browser.alarms.get(PRUNE_ALARM)) return;
  await browser.alarms.create(PRUNE_ALARM, { delayInMinutes: 1, periodInMinutes: PRUNE_EVERY_MINUTES });
}

/** The alarm listener: prunes when the pruning alarm fires. */
function onAlarm(alarm: Browser.alarms.Alarm): Promise<void> | undefined {
  return alarm.name === PRUNE_ALARM ? pruneOldData() : undefined;
}

/**
 * Drops history entries (and their verifications) and cached originals older
 * than the reader keeps them, then the least recently seen entries beyond the
 * history's size limit.
 */
export async function pruneOldData(now = Date.now()): Promise<void> {
  const [days, maxEntries] = await Promise.all([settings.historyDays.getValue(), settings.historyMaxEntries.getValue()]);
  const db = database();
  if (days > 0) {
    const cutoff = now - days * 24 * 60 * 60 * 1000;
    await Promise.all([pruneHistory(db, cutoff), pruneOriginals(db, cutoff)]);
  }
  await capHistory(db, maxEntries);
}
