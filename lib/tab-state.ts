/**
 * What the background knows about each tab, kept in storage.session so it
 * survives the MV3 service worker being stopped, and is gone when the browser
 * closes (tab ids are not stable across sessions).
 */
import { browser } from 'wxt/browser';
import type { Provenance } from '@/core/types';
import type { VerificationEntry } from './db';

export interface TabScan {
  /** Normalised URL of the page the scan belongs to. */
  key: string;
  isArticle: boolean;
  syndicated: boolean;
  /** How long the engine took, ms: the digest on the page and the rules here (kept for the robustness tests). */
  engineMs?: number;
  /** The page's share of it: the content script's digest, ms — the only part that runs on the page's thread. */
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
}

const keyFor = (tabId: number) => `tab:${tabId}`;

export async function getTabScan(tabId: number): Promise<TabScan | null> {
  const key = keyFor(tabId);
  const stored = await browser.storage.session.get(key);
  return (stored[key] as TabScan | undefined) ?? null;
}

export async function setTabScan(tabId: number, scan: TabScan): Promise<void> {
  await browser.storage.session.set({ [keyFor(tabId)]: scan });
}

export async function clearTabScan(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyFor(tabId));
}
