/**
 * The one typed protocol between the extension's contexts, by direction:
 * content script → background (ContentRequest), the extension's pages →
 * background (UiRequest), background → pages (Broadcast), background → content
 * script (TabMessage) and background → offscreen document (ParseRequest), each
 * with its answer's type. Every message is sent by a function of this file
 * (send, sendToTab, broadcast, sendToOffscreen) and checked where it is
 * received (parseRequest, parseTabMessage, parseBroadcast, isParseRequest)
 * before anything acts on it: a content script runs next to hostile pages, so
 * nothing it sends is trusted as typed.
 */
import { browser, type Browser } from 'wxt/browser';
import type { DigestDate, DigestLine, PageDigest, PortalMark } from '@/core/digest';
import { BYLINE_SELECTORS, DIGEST_LIMITS, PAGE_HTML_CHARS } from '@/core/digest-limits';
import type { Provenance } from '@/core/types';
import type { ParsedPage, Verification } from '@/core/verify';
import type { CardWords } from './card-words';
import type { SiteCopiesLine } from './sites';
import type { HistoryEntry, VerificationEntry } from './db';
// Types only: lib/corrections.ts decides sites with the Public Suffix List, which the content script never carries.
import type { CorrectionInput } from './corrections';

// ── Content script → background ────────────────────────────────────────────────────────────────────────────

/** What a content script (the page's digest, its badge's card) sends the background; each answer is in ResponseFor. */
export type ContentRequest =
  /**
   * The page as its DOM stands (documentElement.outerHTML, at most PAGE_HTML_CHARS): the background reads it
   * with the digest (core/digest.ts) and runs the rules, off the page's thread. `ms`: what serialising it cost
   * the page.
   */
  | { type: 'page-html'; url: string; html: string; ms: number }
  /** The digest of a page too big to send whole, made by the content script itself; the background runs the rules on it. */
  | { type: 'page-scanned'; digest: PageDigest }
  /**
   * The reader's say on the card, about the sending tab's page ("not a copy", "the original it names is
   * wrong") or its site ("never on this site"), or its undo (lib/control.ts).
   */
  | { type: 'card-control'; what: CardControl; undo: boolean }
  /**
   * Check the sending tab's page from its card. Run at once where the reader has let Provenance read the
   * sites; else a check page (check.html) opens to ask for them (lib/card-service.ts).
   */
  | { type: 'card-verify' };

// ── The extension's pages (popup, options, check page) → background ────────────────────────────────────────

/**
 * What the extension's own pages ask the background (lib/client.ts sends them). A content script sending one
 * of these is refused or held to its own tab's page by the background (lib/service.ts isFromContentScript).
 */
export type UiRequest =
  /** What do we know about this tab? */
  | { type: 'get-tab-report'; tabId: number }
  /** Fetch the original(s) and compare. `force` re-checks a cached result. */
  | { type: 'verify'; pageUrl: string; tabId: number | null; force: boolean }
  /** The reader's correction of a page, or null to undo it (lib/control.ts). */
  | { type: 'correct'; pageUrl: string; tabId: number | null; correction: CorrectionInput | null }
  /** Show a piece of evidence on the tab's page (a TabMessage 'highlight-evidence' to its content script). */
  | { type: 'show-evidence'; tabId: number; text: string }
  /** The check page: read the page at `url` (a link the reader asked about), with the reader's leave for its site. */
  | { type: 'inspect-url'; url: string };

/** Everything the background accepts (checked by parseRequest), each with its answer in ResponseFor. */
export type Request = ContentRequest | UiRequest;

// ── Background → the extension's pages (broadcasts, no answer) ─────────────────────────────────────────────

/** What the background tells every open page of the extension; sent with `broadcast`, read with `parseBroadcast`. */
export type Broadcast =
  /** A running verification of `pageUrl` (a normalised page key) is fetching `url`, its `hop`th page. */
  { type: 'verify-progress'; pageUrl: string; url: string; hop: number };

// ── Background → content script (one tab's top frame) ──────────────────────────────────────────────────────

/** What the background asks a tab's content script; sent with `sendToTab`, read with `parseTabMessage`. */
export type TabMessage =
  /** The article's text, for comparing it with the original. */
  | { type: 'get-page-text' }
  /** Scroll to this quote of the page's text and highlight it (lib/find-evidence.ts). */
  | { type: 'highlight-evidence'; text: string };

export interface TabResponseFor {
  'get-page-text': string;
  /** Whether the page's text holds the quote. */
  'highlight-evidence': boolean;
}

// ── Background → offscreen document (Chrome) ───────────────────────────────────────────────────────────────

/**
 * HTML for DOMParser, which a service worker lacks: 'parse-page' reads a fetched page with the whole engine
 * (answered with a ParseResponse), 'digest-page' makes a tab's page's digest (answered with a DigestResponse).
 */
export interface ParseRequest {
  target: 'offscreen';
  type: 'parse-page' | 'digest-page';
  html: string;
  url: string;
}

/** What a check of a link found: the page's record, or why it could not be read (a sentence for the reader). */
export type InspectResponse = { ok: true; record: Provenance; finalUrl: string } | { ok: false; code: string; message: string; url?: string };

/** What the badge's card lets the reader say (components/badge.ts). */
export type CardControl = 'not-a-copy' | 'wrong-original' | 'silence';
const CARD_CONTROLS: readonly CardControl[] = ['not-a-copy', 'wrong-original', 'silence'];

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

/** The background's answer to each Request. */
export interface ResponseFor {
  /**
   * `record` is what the engine found in the digest, outlet names filled in;
   * `showBadge` applies the user's settings (badges off, silent sites);
   * `site`: the line about the page's site when most pages read there were copies (lib/site-history.ts);
   * `card`: the badge card's words (lib/card-words.ts), made here for a copy.
   */
  'page-scanned': { stored: boolean; record: Provenance; showBadge: boolean; card?: CardWords; site?: SiteCopiesLine | null };
  /** As for 'page-scanned'. */
  'page-html': ResponseFor['page-scanned'];
  'get-tab-report': TabReport;
  verify: VerifyResponse;
  'card-control': { ok: true } | { ok: false; message: string };
  /** The page's entry as corrected (or with the correction undone), or why nothing was changed. */
  correct: { ok: true; entry: HistoryEntry } | { ok: false; message: string };
  /** The card's sentence for the outcome; `opened` when a check page was opened to ask for access. */
  'card-verify': { sentence: string; opened: boolean };
  /** Whether the page's text holds the quote (false: it is in the markup only, or the page is gone). */
  'show-evidence': { found: boolean };
  'inspect-url': InspectResponse;
}

export type ParseResponse = { ok: true; page: ParsedPage } | { ok: false; message: string };
export type DigestResponse = { ok: true; digest: PageDigest } | { ok: false; message: string };

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isStringArray = (v: unknown, count: number, max: number): v is string[] =>
  Array.isArray(v) && v.length <= count && v.every((item) => isString(item, max));
const isPairs = (v: unknown, count: number, max: number): v is [string, string][] =>
  Array.isArray(v) &&
  v.length <= count &&
  v.every((pair) => Array.isArray(pair) && pair.length === 2 && isString(pair[0], L.metaKey) && isString(pair[1], max));
const L = DIGEST_LIMITS;

function isDigestLine(v: unknown): v is DigestLine {
  if (!isObject(v) || !isString(v.text, L.lineChars) || !['article-start', 'article-end', 'page-end'].includes(v.region as string)) return false;
  if (v.footer !== undefined && typeof v.footer !== 'boolean') return false;
  if (v.caption !== undefined && typeof v.caption !== 'boolean') return false;
  return (
    Array.isArray(v.links) &&
    v.links.length <= L.linksPerLine &&
    v.links.every((link) => isObject(link) && (link.href === null || isString(link.href, L.href)) && isString(link.text, L.linkText))
  );
}

const isDigestDate = (v: unknown): v is DigestDate =>
  isObject(v) &&
  ['time', 'mark', 'text'].includes(v.kind as string) &&
  isString(v.value, L.dateText) &&
  isString(v.text, L.dateText) &&
  isString(v.hint, L.dateHint) &&
  ['before', 'after', 'article', 'page'].includes(v.at as string) &&
  Number.isInteger(v.n) &&
  (v.n as number) >= 0 &&
  (v.n as number) <= 1000;

const isPortalMark = (v: unknown): v is PortalMark =>
  isObject(v) &&
  isString(v.selector, 100) &&
  isString(v.tag, L.tag) &&
  isString(v.className, L.className) &&
  isString(v.name, L.portalText) &&
  (v.href === null || isString(v.href, L.href));

/**
 * Why a digest whose every field keeps its limit is still refused: its whole
 * size (DIGEST_LIMITS.total, the characters of its JSON), which the content
 * script's digest keeps to (core/digest.ts). Null when it fits.
 */
export function digestSizeProblem(digest: PageDigest): string | null {
  const chars = JSON.stringify(digest).length;
  return chars > L.total ? `The page's digest is ${chars} characters long as JSON, over the ${L.total} a digest may hold: refused.` : null;
}

/**
 * A page digest as it arrives from a content script, checked field by field
 * against the limits the digest keeps to (DIGEST_LIMITS), then as a whole
 * (digestSizeProblem). Returns a copy holding only the known fields.
 */
export function toPageDigest(value: unknown): PageDigest | null {
  if (!isObject(value)) return null;
  const v = value;
  if (!isString(v.url, L.url) || !isString(v.title, L.title) || !isString(v.h1, L.title)) return null;
  if (!isPairs(v.meta, L.metaKeys, L.metaValue) || !isPairs(v.links, L.linkRels, L.href)) return null;
  if (!isStringArray(v.jsonLd, L.jsonLdScripts, L.jsonLdChars) || v.jsonLd.reduce((sum, text) => sum + text.length, 0) > L.jsonLdTotal) return null;
  if (typeof v.quiet !== 'boolean' || typeof v.rootIsBody !== 'boolean' || typeof v.articleHeading !== 'boolean') return null;
  if (!Array.isArray(v.bylines) || v.bylines.length > 2 || !v.bylines.every((texts) => isStringArray(texts, BYLINE_SELECTORS.length, L.bylineText)))
    return null;
  const time = v.time;
  if (time !== null && !(isObject(time) && isString(time.value, L.timeText) && isString(time.text, L.timeText))) return null;
  if (!isString(v.lang, L.lang) || !Array.isArray(v.dates) || v.dates.length > L.dates || !v.dates.every(isDigestDate)) return null;
  const pixel = v.pixel;
  if (pixel !== null && !(isObject(pixel) && isString(pixel.tag, L.tag) && isString(pixel.src, L.href))) return null;
  if (!Array.isArray(v.portal) || v.portal.length > L.portalMarks || !v.portal.every(isPortalMark)) return null;
  if (!Array.isArray(v.lines) || v.lines.length > L.lines || !v.lines.every(isDigestLine)) return null;
  if (typeof v.ms !== 'number' || !Number.isFinite(v.ms) || v.ms < 0) return null;
  const digest: PageDigest = {
    url: v.url,
    title: v.title,
    meta: v.meta,
    links: v.links,
    jsonLd: v.jsonLd,
    quiet: v.quiet,
    rootIsBody: v.rootIsBody,
    articleHeading: v.articleHeading,
    h1: v.h1,
    bylines: v.bylines as string[][],
    time: time === null ? null : { value: time.value as string, text: time.text as string },
    lang: v.lang,
    dates: v.dates.map((d) => ({ kind: d.kind, value: d.value, text: d.text, hint: d.hint, at: d.at, n: d.n })),
    pixel: pixel === null ? null : { tag: pixel.tag as string, src: pixel.src as string },
    portal: v.portal,
    lines: v.lines,
    ms: v.ms,
  };
  return digestSizeProblem(digest) ? null : digest;
}

/** Returns the message as a typed Request, or null when it is not one of ours. */
export function parseRequest(message: unknown): Request | null {
  if (!isObject(message)) return null;
  switch (message.type) {
    case 'page-html':
      return isString(message.url, L.url) &&
        isString(message.html, PAGE_HTML_CHARS) &&
        typeof message.ms === 'number' &&
        Number.isFinite(message.ms) &&
        message.ms >= 0
        ? { type: 'page-html', url: message.url, html: message.html, ms: message.ms }
        : null;
    case 'page-scanned': {
      const digest = toPageDigest(message.digest);
      return digest ? { type: 'page-scanned', digest } : null;
    }
    case 'get-tab-report':
      return Number.isInteger(message.tabId) ? { type: 'get-tab-report', tabId: message.tabId as number } : null;
    case 'verify':
      return typeof message.pageUrl === 'string' &&
        message.pageUrl.length <= 4096 &&
        typeof message.force === 'boolean' &&
        (message.tabId === null || Number.isInteger(message.tabId))
        ? { type: 'verify', pageUrl: message.pageUrl, tabId: message.tabId as number | null, force: message.force }
        : null;
    case 'card-control':
      return CARD_CONTROLS.includes(message.what as CardControl) && typeof message.undo === 'boolean'
        ? { type: 'card-control', what: message.what as CardControl, undo: message.undo }
        : null;
    case 'card-verify':
      return { type: 'card-verify' };
    case 'show-evidence':
      return Number.isInteger(message.tabId) && isString(message.text, 4096)
        ? { type: 'show-evidence', tabId: message.tabId as number, text: message.text }
        : null;
    case 'inspect-url':
      return isString(message.url, 4096) ? { type: 'inspect-url', url: message.url } : null;
    case 'correct': {
      const correction = toCorrectionInput(message.correction);
      return isString(message.pageUrl, 4096) && (message.tabId === null || Number.isInteger(message.tabId)) && correction !== undefined
        ? { type: 'correct', pageUrl: message.pageUrl, tabId: message.tabId as number | null, correction }
        : null;
    }
    default:
      return null;
  }
}

/** A correction as a message carries it (null: undo), or undefined when it is not one. */
function toCorrectionInput(value: unknown): CorrectionInput | null | undefined {
  if (value === null) return null;
  if (!isObject(value)) return undefined;
  if (value.kind === 'not-a-copy') return { kind: 'not-a-copy' };
  if (value.kind !== 'wrong-original') return undefined;
  // As long as a page address a message may carry (lib/corrections.ts MAX_CORRECTION_URL).
  if (value.originalUrl !== null && !isString(value.originalUrl, 4096)) return undefined;
  return { kind: 'wrong-original', originalUrl: value.originalUrl };
}

export function isParseRequest(message: unknown): message is ParseRequest {
  return (
    isObject(message) &&
    message.target === 'offscreen' &&
    (message.type === 'parse-page' || message.type === 'digest-page') &&
    typeof message.html === 'string' &&
    typeof message.url === 'string'
  );
}

/** A background broadcast as one of the extension's pages receives it, or null when it is not one. */
export function parseBroadcast(message: unknown): Broadcast | null {
  if (!isObject(message) || message.type !== 'verify-progress') return null;
  const { pageUrl, url, hop } = message;
  return isString(pageUrl, 4096) && isString(url, 4096) && Number.isInteger(hop) && (hop as number) >= 0
    ? { type: 'verify-progress', pageUrl, url, hop: hop as number }
    : null;
}

/** A message to a content script as it receives it (only the background sends them), or null when it is not one. */
export function parseTabMessage(message: unknown): TabMessage | null {
  if (!isObject(message)) return null;
  if (message.type === 'get-page-text') return { type: 'get-page-text' };
  return message.type === 'highlight-evidence' && isString(message.text, 4096) ? { type: 'highlight-evidence', text: message.text } : null;
}

const TAB_ANSWERS: { [K in keyof TabResponseFor]: (answer: unknown) => answer is TabResponseFor[K] } = {
  'get-page-text': (answer): answer is string => typeof answer === 'string',
  'highlight-evidence': (answer): answer is boolean => typeof answer === 'boolean',
};

// ── Receiving ────────────────────────────────────────────────────────────────────────────────────────────────

/** A context's answer to one message: the promise of its answer, or undefined when the message is not for it. */
type Answerer = (message: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown> | undefined;

/**
 * How a context (background, content script, offscreen document) listens: only messages from this extension
 * reach `answer`, and the promise it returns is the reply (webextension-polyfill's convention, and Chrome's and
 * Firefox's own for a returned promise). Browser's typing declares the listener's return as void, hence the one
 * cast here rather than at each listener.
 */
export function answerMessages(answer: Answerer): void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) =>
    sender.id === browser.runtime.id ? answer(message, sender) : undefined;
  browser.runtime.onMessage.addListener(listener as unknown as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}

// ── Sending: the only calls of runtime.sendMessage and tabs.sendMessage (tests/unit/protocol-messages.test.ts) ──

/**
 * Background → a tab's content script (its top frame): the typed answer, or null when the answer is not of
 * the message's type (no content script there answered it). Rejects when the tab is gone or has no content script.
 */
export async function sendToTab<T extends TabMessage>(tabId: number, message: T): Promise<TabResponseFor[T['type']] | null> {
  const answer: unknown = await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  return TAB_ANSWERS[message.type as T['type']](answer) ? (answer as TabResponseFor[T['type']]) : null;
}

/** Background → every open page of the extension. Nobody listening (no popup open) is not an error: nothing is waiting. */
export function broadcast(message: Broadcast): void {
  void Promise.resolve()
    .then(() => browser.runtime.sendMessage(message))
    .catch(() => undefined);
}

/** Background → the offscreen document (Chrome): its answer, or undefined when it gave none. */
export async function sendToOffscreen<T extends ParseRequest>(
  request: T,
): Promise<(T['type'] extends 'digest-page' ? DigestResponse : ParseResponse) | undefined> {
  return (await browser.runtime.sendMessage(request)) as (T['type'] extends 'digest-page' ? DigestResponse : ParseResponse) | undefined;
}

/**
 * Sends a request to the background and resolves with its typed answer. Every request has
 * one: no answer at all means the background went away while handling it
 * (Chrome resolves with undefined when its service worker is stopped
 * mid-request), which is an error here, so that withRetries sends it again.
 */
export async function send<T extends Request>(request: T): Promise<ResponseFor[T['type']]> {
  const answer = (await browser.runtime.sendMessage(request)) as ResponseFor[T['type']] | undefined;
  if (answer === undefined || answer === null) throw new Error(`No answer from the background to "${request.type}"`);
  return answer;
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
