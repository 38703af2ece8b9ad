/**
 * What the background knows about each tab, kept in storage.session so it
 * survives the MV3 service worker being stopped, and is gone when the browser
 * closes (tab ids are not stable across sessions). storage.session is there in
 * Chrome MV3 and in Firefox (MV2 too, since Firefox 115); in Chrome only the
 * extension's own pages may read it (its default access level), never a content
 * script. Read and written through WXT's storage (wxt/utils/storage), whose
 * `watch` lets the popup follow a tab's state as the background changes it
 * instead of asking again and again (watchTabScan).
 */
import { storage } from 'wxt/utils/storage';
import type { Provenance } from '@/core/types';
import type { PageKey } from '@/core/url';
import type { VerificationEntry } from './db';

export interface TabScan {
  /** The key of the page the scan belongs to (its record's `url`). */
  key: PageKey;
  isArticle: boolean;
  syndicated: boolean;
  /** How long the engine took, ms: the digest (here, or on a page too big to send) and the rules (kept for the robustness tests). */
  engineMs?: number;
  /** The page's own time, ms: serialising its DOM, and its digest when read in place: the only part on the page's thread. */
  pageMs?: number;
  /**
   * The record when it could not be written to the history (a full disk):
   * the popup still describes the tab, and says why it was not saved.
   */
  unsaved?: Provenance;
  storageProblem?: string;
  /**
   * The tab is in a private (incognito) window: its page is never stored, so
   * `unsaved` holds its record and `verification` its last verification.
   * storage.session is memory only, and keyed by this tab's id: a normal
   * window's tab never reads it.
   */
  private?: boolean;
  verification?: VerificationEntry;
  /**
   * Set once the page's record is in the history: written after the database's write, which the scan's first
   * write comes before, so that a popup watching the tab's state (watchTabScan) reads its report again then.
   */
  saved?: boolean;
}

const keyFor = (tabId: number) => `session:tab:${tabId}` as const;

export async function getTabScan(tabId: number): Promise<TabScan | null> {
  return (await storage.getItem<TabScan>(keyFor(tabId))) ?? null;
}

export async function setTabScan(tabId: number, scan: TabScan): Promise<void> {
  await storage.setItem<TabScan>(keyFor(tabId), scan);
}

export async function clearTabScan(tabId: number): Promise<void> {
  await storage.removeItem(keyFor(tabId));
}

/**
 * Calls `listener` with the tab's state each time the background writes or
 * clears it (null: cleared, the tab left its page or closed). Returns the
 * function that stops watching.
 */
export function watchTabScan(tabId: number, listener: (scan: TabScan | null) => void): () => void {
  return storage.watch<TabScan>(keyFor(tabId), (scan) => listener(scan ?? null));
}
