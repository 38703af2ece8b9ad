/**
 * The one typed protocol between the extension's contexts. Every message the
 * background accepts is described here, and `parseRequest` checks a message's
 * shape at the boundary before anything acts on it: a content script runs next
 * to hostile pages, so nothing it sends is trusted as typed.
 */
import { browser } from 'wxt/browser';
import type { Provenance } from '@/core/types';
import type { ParsedPage, Verification } from '@/core/verify';
import type { HistoryEntry, VerificationEntry } from './db';

export type Request =
  /** Content script → background: what the engine found on the page. */
  | { type: 'page-scanned'; record: Provenance }
  /** Popup → background: what do we know about this tab? */
  | { type: 'get-tab-report'; tabId: number }
  /** Popup, badge or options → background: fetch the original(s) and compare. `force` re-checks a cached result. */
  | { type: 'verify'; pageUrl: string; tabId: number | null; force: boolean }
  /** Badge → background: never show the badge on the sending tab's site. */
  | { type: 'silence-site' };

/** Background → content script: the article's text, for comparing it with the original. */
export interface PageTextRequest {
  type: 'get-page-text';
}

/** Background → offscreen document (Chrome): parse fetched HTML with DOMParser, which a service worker lacks. */
export interface ParseRequest {
  target: 'offscreen';
  type: 'parse-page';
  html: string;
  url: string;
}

export type TabState =
  /** The content script reported an article (syndicated or not). */
  | 'article'
  /** The content script ran and found no article. */
  | 'no-article'
  /** The extension cannot read this page (browser pages, the PDF viewer, the web store). */
  | 'unreadable'
  /** A readable page whose scan has not arrived yet (still loading, or opened before the extension). */
  | 'pending';

export interface TabReport {
  state: TabState;
  tabUrl: string | null;
  entry: HistoryEntry | null;
  /** The stored verification of this page, shown at once (also offline), with its age. */
  verification: VerificationEntry | null;
  /** Set when this page could not be saved to the history (e.g. the disk is full). */
  storageProblem?: string | null;
}

export type VerifyResponse =
  | { ok: true; entry: VerificationEntry }
  /** Verification did not run: e.g. permission to read the original's site was refused. */
  | { ok: false; verification: Verification };

export interface ResponseFor {
  /**
   * `record` is the scan with outlet names filled in from the background's
   * table (the content script ships without it); `showBadge` applies the
   * user's settings (badges off, silent sites).
   */
  'page-scanned': { stored: boolean; record: Provenance; showBadge: boolean };
  'get-tab-report': TabReport;
  verify: VerifyResponse;
  'silence-site': { site: string | null };
}

export type ParseResponse = { ok: true; page: ParsedPage } | { ok: false; message: string };


function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';

/** A structural check of a Provenance record as it arrives from a content script. */
export function isProvenance(value: unknown): value is Provenance {
  if (!isObject(value)) return false;
  const { url, isArticle, syndicated, confidence, page, original, chain, sourceUrl, copyright, signals, engineMs } = value;
  if (typeof url !== 'string' || url.length > 4096) return false;
  if (typeof isArticle !== 'boolean' || typeof syndicated !== 'boolean') return false;
  if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) return false;
  if (typeof engineMs !== 'number' || !Number.isFinite(engineMs)) return false;
  if (!isStringOrNull(sourceUrl) || !isStringOrNull(copyright)) return false;
  if (!isObject(page)) return false;
  if (!isStringOrNull(page.headline) || !isStringOrNull(page.author) || !isStringOrNull(page.publishedAt)) return false;
  if (!isStringOrNull(page.publishedAtText) || !isStringOrNull(page.siteName)) return false;
  if (!Array.isArray(page.authors) || !page.authors.every((a) => typeof a === 'string')) return false;
  if (original !== null) {
    if (!isObject(original)) return false;
    if (![original.url, original.publisher, original.headline, original.publishedAt].every(isStringOrNull)) return false;
  }
  if (!Array.isArray(chain) || chain.length > 16) return false;
  for (const hop of chain) {
    if (!isObject(hop) || ![hop.url, hop.publisher, hop.site].every(isStringOrNull)) return false;
  }
  if (!Array.isArray(signals) || signals.length > 200) return false;
  for (const signal of signals) {
    if (!isObject(signal) || typeof signal.kind !== 'string' || typeof signal.detail !== 'string') return false;
    if (typeof signal.weight !== 'number' || !isObject(signal.evidence)) return false;
    if (typeof signal.evidence.text !== 'string' || typeof signal.evidence.location !== 'string') return false;
  }
  return true;
}

/** Returns the message as a typed Request, or null when it is not one of ours. */
export function parseRequest(message: unknown): Request | null {
  if (!isObject(message)) return null;
  switch (message.type) {
    case 'page-scanned':
      return isProvenance(message.record) ? { type: 'page-scanned', record: message.record } : null;
    case 'get-tab-report':
      return Number.isInteger(message.tabId) ? { type: 'get-tab-report', tabId: message.tabId as number } : null;
    case 'verify':
      return typeof message.pageUrl === 'string' &&
        message.pageUrl.length <= 4096 &&
        typeof message.force === 'boolean' &&
        (message.tabId === null || Number.isInteger(message.tabId))
        ? { type: 'verify', pageUrl: message.pageUrl, tabId: message.tabId as number | null, force: message.force }
        : null;
    case 'silence-site':
      return { type: 'silence-site' };
    default:
      return null;
  }
}

export function isParseRequest(message: unknown): message is ParseRequest {
  return (
    isObject(message) &&
    message.target === 'offscreen' &&
    message.type === 'parse-page' &&
    typeof message.html === 'string' &&
    typeof message.url === 'string'
  );
}

/** Sends a typed request to the background and returns its typed answer. */
export async function send<T extends Request>(request: T): Promise<ResponseFor[T['type']]> {
  return (await browser.runtime.sendMessage(request)) as ResponseFor[T['type']];
}

/**
 * Runs `attempt` again when it fails or gives no answer within `timeoutMs`,
 * waiting twice as long each time, and gives null after `tries` failures. For
 * a content script's scan: Chrome stops idle service workers, also in the
 * middle of answering, and then the message may fail or never be answered;
 * the background's write is one IndexedDB transaction (whole or not at all)
 * keyed by URL, so sending the scan again can neither lose nor duplicate it.
 */
export async function withRetries<T>(attempt: () => Promise<T>, tries = 5, firstDelayMs = 500, timeoutMs = 5_000): Promise<T | null> {
  for (let n = 1; ; n++) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      return await Promise.race([
        attempt(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('no answer')), timeoutMs);
        }),
      ]);
    } catch {
      if (n >= tries) return null;
      await new Promise((resolve) => setTimeout(resolve, firstDelayMs * 2 ** (n - 1)));
    } finally {
      clearTimeout(timer);
    }
  }
}
