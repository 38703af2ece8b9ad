/**
 * The user's settings, in extension storage through @wxt-dev/storage items.
 * Each item carries a version so a later change of shape migrates in place.
 */
import { storage } from 'wxt/utils/storage';

const DAY = 24 * 60 * 60 * 1000;

export const settings = {
  /** Fetch and compare the original as soon as a copy is found (off: only when asked). */
  autoVerify: storage.defineItem<boolean>('local:settings.autoVerify', { fallback: false, version: 1 }),
  /** Show the inline badge on pages. */
  badgesEnabled: storage.defineItem<boolean>('local:settings.badgesEnabled', { fallback: true, version: 1 }),
  /** Registrable domains where the extension shows nothing on the page. */
  silentSites: storage.defineItem<string[]>('local:settings.silentSites', { fallback: [], version: 1 }),
  /** Days a history entry is kept after it was last seen; 0 keeps it for ever. */
  historyDays: storage.defineItem<number>('local:settings.historyDays', { fallback: 365, version: 1 }),
  /** Most history entries kept; when there are more, the least recently seen are deleted first. */
  historyMaxEntries: storage.defineItem<number>('local:settings.historyMaxEntries', { fallback: 50_000, version: 1 }),
  /** Days a fetched original is used before it is fetched again. */
  cacheDays: storage.defineItem<number>('local:settings.cacheDays', { fallback: 7, version: 1 }),
};

export async function cacheTtlMs(): Promise<number> {
  return (await settings.cacheDays.getValue()) * DAY;
}

/** The range the options page accepts for historyMaxEntries. */
export const HISTORY_MAX_ENTRIES = { min: 100, max: 100_000 } as const;
