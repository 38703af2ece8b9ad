/**
 * A ProvenanceClient with no background and no database behind it: an
 * in-memory history, the tabs' reports and the verifications a test (or a
 * design preview) gives it, and scripted verifications with their progress.
 * The popup, the check page and the options page run against it exactly as
 * against lib/client.ts (tests/unit/protocol-*.test.tsx render them in jsdom).
 *
 * It keeps the history's rules where they are pure (the entries are made by
 * lib/db.ts toHistoryEntry, searched by lib/history.ts searchTerms, the Sites
 * figures are lib/sites.ts's, the export and the import's checks
 * lib/transfer.ts's); it opens no database and calls no browser API but
 * i18n's. Not part of any build: only tests import it.
 */
import { pageKey, type PageKey } from '@/core/url';
import type { FetchFailureCode, Verification } from '@/core/verify';
import type { ProvenanceClient, SettingValues } from './client';
import { correctedOriginalUrl, correctionOf, storedCorrection, type Correction, type CorrectionInput } from './corrections';
import { freeIdIn, idAt, lastIdAt, toHistoryEntry, withId, type HistoryEntry, type VerificationEntry } from './db';
import { searchTerms, type HistoryFilter } from './history';
import { t } from './i18n';
import type { InspectResponse, ResponseFor, TabReport, VerifyResponse } from './messages';
import { siteFigures } from './sites';
import { EXPORT_FORMAT, EXPORT_VERSION, historyCsv, parseHistoryExport, type HistoryExport, type ImportResult } from './transfer';

/** One verification as a script plays it: the pages it fetches (each reported as progress), then its answer. */
interface VerifyScript {
  hops: string[];
  /** The answer; a verification with outcome other than a failure before start is stored for the page (ok: true). */
  answer: VerifyResponse;
  /** When given, the run waits for it after the last hop: a test sees the progress on screen, then lets it finish. */
  until?: Promise<void>;
}

export interface MockClientSetup {
  /** The tab the popup describes (null: none, as for a browser page). */
  tabId?: number | null;
  /** Each tab's report, by tab id. */
  tabs?: Record<number, TabReport>;
  /** The history, any order; entries without an id get one from their lastSeen. */
  history?: HistoryEntry[];
  verifications?: VerificationEntry[];
  /** What `verify` does for a page (its URL as asked); without one, it fails with a sentence saying so. */
  verify?: (pageUrl: string, force: boolean) => VerifyScript;
  /** Origins ("https://site.example") the reader has let the extension read; `grantOnRequest` says what a prompt answers. */
  siteAccess?: string[];
  grantOnRequest?: boolean;
  /** What the check page's read of a link answers. */
  inspect?: (url: string) => InspectResponse;
  /** The settings, over lib/settings.ts's fallbacks. */
  settings?: Partial<SettingValues>;
  /** The popup's keyboard shortcut ("" for none). */
  shortcut?: string;
}

/** lib/settings.ts's fallbacks (that file's storage items cannot be read without a browser). */
const DEFAULT_SETTINGS: SettingValues = {
  autoVerify: false,
  badgesEnabled: true,
  silentSites: [],
  historyDays: 365,
  historyMaxEntries: 50_000,
  cacheDays: 7,
};

type Progress = { pageUrl: string; url: string; hop: number };

const origin = (url: string) => new URL(url).origin;

/** A verification that did not run, as the background answers it. */
function failedVerification(pageUrl: PageKey, message: string, code: FetchFailureCode = 'http-error'): Verification {
  return {
    pageUrl,
    checkedAt: Date.now(),
    outcome: 'failed',
    hops: [],
    original: null,
    failure: { code, message, url: pageUrl },
    search: null,
    comparison: null,
  };
}

export class MockClient implements ProvenanceClient {
  private tabId: number | null;
  private readonly tabs = new Map<number, TabReport>();
  private readonly tabWatchers = new Map<number, Set<(report: TabReport) => void>>();
  private readonly entries = new Map<number, HistoryEntry>();
  private readonly verifications = new Map<string, VerificationEntry>();
  private readonly progressListeners = new Set<(progress: Progress) => void>();
  private readonly granted: Set<string>;
  /** The settings as saved. */
  readonly settings: SettingValues;
  /** What the UI did, for a test to look at. */
  readonly calls = {
    copied: [] as string[],
    shown: [] as { tabId: number; text: string }[],
    verify: [] as { pageUrl: string; tabId: number | null; force: boolean }[],
    accessAsked: [] as string[][],
  };

  constructor(private readonly setup: MockClientSetup = {}) {
    this.tabId = setup.tabId === undefined ? 1 : setup.tabId;
    for (const [id, report] of Object.entries(setup.tabs ?? {})) this.tabs.set(Number(id), report);
    const taken = new Set<number>();
    for (const entry of setup.history ?? []) {
      const id = entry.id ?? freeIdIn(taken, entry.lastSeen);
      taken.add(id);
      this.entries.set(id, withId(entry, id));
    }
    for (const verification of setup.verifications ?? []) this.verifications.set(verification.pageKey, verification);
    this.granted = new Set((setup.siteAccess ?? []).map(origin));
    this.settings = { ...DEFAULT_SETTINGS, ...setup.settings };
  }

  /** The background learned something about a tab: its watchers get the new report (as storage.session's change would). */
  setTabReport(tabId: number, report: TabReport): void {
    this.tabs.set(tabId, report);
    for (const watcher of this.tabWatchers.get(tabId) ?? []) watcher(report);
  }

  /** How many watch the tab's report now (0 once the popup is gone: it stopped watching). */
  watchers(tabId: number): number {
    return this.tabWatchers.get(tabId)?.size ?? 0;
  }

  private report(tabId: number): TabReport {
    return this.tabs.get(tabId) ?? { state: 'unreadable', tabUrl: null, entry: null, verification: null };
  }

  private entryByKey(key: string): HistoryEntry | undefined {
    for (const entry of this.entries.values()) if (entry.key === key) return entry;
    return undefined;
  }

  private newestFirst(): HistoryEntry[] {
    return [...this.entries.values()].sort((a, b) => b.id! - a.id!);
  }

  targetTabId = async () => this.tabId;
  tabReport = async (tabId: number) => this.report(tabId);

  watchTabReport = (tabId: number, onReport: (report: TabReport) => void) => {
    const watchers = this.tabWatchers.get(tabId) ?? new Set();
    this.tabWatchers.set(tabId, watchers);
    const watcher = (report: TabReport) => onReport(report);
    watchers.add(watcher);
    // Like the real client: the report as it is now, after the call returns.
    void Promise.resolve().then(() => watchers.has(watcher) && onReport(this.report(tabId)));
    return () => void watchers.delete(watcher);
  };

  requestSiteAccess = async (urls: string[]) => {
    this.calls.accessAsked.push(urls);
    if (await this.hasSiteAccess(urls)) return true;
    if (!this.setup.grantOnRequest) return false;
    for (const url of urls) this.granted.add(origin(url));
    return true;
  };

  hasSiteAccess = async (urls: string[]) => urls.every((url) => this.granted.has(origin(url)));

  verify = async (pageUrl: string, tabId: number | null, force: boolean): Promise<VerifyResponse> => {
    this.calls.verify.push({ pageUrl, tabId, force });
    const key = pageKey(pageUrl);
    const script = this.setup.verify?.(pageUrl, force) ?? {
      hops: [],
      answer: { ok: false, verification: failedVerification(key, 'no verification scripted for this page') },
    };
    for (const [index, url] of script.hops.entries()) {
      await Promise.resolve();
      for (const listener of this.progressListeners) listener({ pageUrl: key, url, hop: index + 1 });
    }
    await script.until;
    if (script.answer.ok) this.verifications.set(key, script.answer.entry);
    return script.answer;
  };

  onVerifyProgress = (listener: (progress: Progress) => void) => {
    this.progressListeners.add(listener);
    return () => void this.progressListeners.delete(listener);
  };

  copyText = async (text: string) => void this.calls.copied.push(text);
  extensionVersion = () => '0.0.0-mock';
  popupShortcut = async () => this.setup.shortcut ?? 'Alt+Shift+O';
  readSettings = async () => structuredClone(this.settings);
  saveSetting = async <K extends keyof SettingValues>(key: K, value: SettingValues[K]) => {
    this.settings[key] = value;
  };

  correct = async (pageUrl: string, _tabId: number | null, input: CorrectionInput | null): Promise<ResponseFor['correct']> => {
    const previous = this.entryByKey(pageKey(pageUrl));
    if (!previous) return { ok: false, message: t('control_notInHistory') };
    let correction: Correction | null = null;
    if (input?.kind === 'not-a-copy') correction = { kind: 'not-a-copy', originalUrl: null, at: Date.now() };
    if (input?.kind === 'wrong-original') {
      const given = input.originalUrl === null ? null : correctedOriginalUrl(input.originalUrl, pageUrl);
      if (given && 'problem' in given) return { ok: false, message: t(given.problem) };
      correction = { kind: 'wrong-original', originalUrl: given?.url ?? null, at: Date.now() };
    }
    // As lib/control.ts setCorrection: the same entry; only what it says of the page changes.
    const engine = previous.correction?.engine ?? previous.record;
    const { correction: _old, ...rest } = previous;
    const entry: HistoryEntry = {
      ...toHistoryEntry(engine, previous.lastSeen, correction ? { ...rest, correction: storedCorrection(correction, engine) } : rest),
      firstSeen: previous.firstSeen,
      visits: previous.visits,
      id: previous.id,
    };
    this.entries.set(entry.id!, entry);
    return { ok: true, entry };
  };

  showEvidence = async (tabId: number, text: string) => {
    this.calls.shown.push({ tabId, text });
    return true;
  };

  inspectUrl = async (url: string): Promise<InspectResponse> =>
    this.setup.inspect?.(url) ?? { ok: false, code: 'permission-refused', message: `not allowed to read ${new URL(url).host}`, url };

  newestEntries = async (limit: number) => this.newestFirst().slice(0, limit);
  historyIds = async () => this.newestFirst().map((entry) => entry.id!);

  /** The same filter as lib/history.ts matchingIds, on the entries in memory. */
  matchingIds = async (filter: HistoryFilter) => {
    const terms = searchTerms(filter.text);
    const from = filter.from === null ? -Infinity : idAt(filter.from);
    const to = filter.to === null ? Infinity : lastIdAt(filter.to);
    return this.newestFirst()
      .filter((entry) => entry.id! >= from && entry.id! <= to)
      .filter((entry) => terms.every((term) => entry.words.some((word) => word.startsWith(term))))
      .filter((entry) => !filter.syndicatedOnly || entry.syndicated === 1)
      .filter((entry) => !filter.publisher || entry.publisherKey === filter.publisher)
      .filter((entry) => !filter.kind || entry.kind === filter.kind)
      .map((entry) => entry.id!);
  };

  entriesById = async (ids: number[]) => ids.map((id) => this.entries.get(id)).filter((entry): entry is HistoryEntry => entry !== undefined);

  publishers = async () => {
    const counts = new Map<string, number>();
    for (const entry of this.entries.values()) if (entry.publisherKey) counts.set(entry.publisherKey, (counts.get(entry.publisherKey) ?? 0) + 1);
    return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  };

  verificationFor = async (pageUrl: string) => this.verifications.get(pageKey(pageUrl)) ?? null;

  verificationsFor = async (pageKeys: string[]) => {
    const found = new Map<string, VerificationEntry>();
    for (const key of pageKeys) {
      const verification = this.verifications.get(key);
      if (verification) found.set(key, verification);
    }
    return found;
  };

  siteFigures = async (onProgress?: (read: number) => void) => {
    onProgress?.(this.entries.size);
    return siteFigures(this.entries.values());
  };

  deleteEntry = async (key: string) => {
    const entry = this.entryByKey(key);
    if (entry) this.entries.delete(entry.id!);
    this.verifications.delete(key);
  };

  clearHistory = async () => {
    this.entries.clear();
    this.verifications.clear();
  };

  private exported(): HistoryExport {
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date().toISOString(),
      entries: this.newestFirst().map(({ firstSeen, lastSeen, visits, record, correction }) => ({
        firstSeen,
        lastSeen,
        visits,
        record: correction?.engine ?? record,
        ...(correction ? { correction: correctionOf(correction) } : {}),
      })),
    };
  }

  exportJson = async () => JSON.stringify(this.exported(), null, 1);
  exportCsv = async () => historyCsv(this.exported());

  /** Adds the file's pages that are not in the history yet (no merge of those that are: the real import's rules are lib/transfer.ts's). */
  importJson = async (text: string): Promise<ImportResult> => {
    const data = parseHistoryExport(text);
    const result: ImportResult = { added: 0, updated: 0, unchanged: 0 };
    const taken = new Set(this.entries.keys());
    for (const incoming of data.entries) {
      if (this.entryByKey(pageKey(incoming.record.url))) {
        result.unchanged++;
        continue;
      }
      const correction = incoming.correction && storedCorrection(incoming.correction, incoming.record);
      const entry = { ...toHistoryEntry(incoming.record, incoming.lastSeen, { correction }), firstSeen: incoming.firstSeen, visits: incoming.visits };
      const id = freeIdIn(taken, entry.lastSeen);
      this.entries.set(id, withId(entry, id));
      result.added++;
    }
    return result;
  };
}
