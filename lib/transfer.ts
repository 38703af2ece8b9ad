/**
 * Export and import of the history. An import is checked whole before
 * anything is written, then merged in one transaction: a bad file changes
 * nothing, and importing the same file twice adds nothing.
 */
import { normalizeUrl } from '@/core/url';
import { freeIdIn, toHistoryEntry, withId, type HistoryEntry, type ProvenanceDatabase } from './db';
import { forgetCachedRanges } from './history';
import { isObject } from './messages';
import type { Provenance } from '@/core/types';

export const EXPORT_FORMAT = 'provenance-history';
export const EXPORT_VERSION = 1;

/** One exported entry: what was seen and when. Index fields are rebuilt on import. */
export interface ExportedEntry {
  firstSeen: number;
  lastSeen: number;
  visits: number;
  record: HistoryEntry['record'];
}

export interface HistoryExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  entries: ExportedEntry[];
}

export async function exportHistory(db: ProvenanceDatabase, now = Date.now()): Promise<HistoryExport> {
  const entries = await db.history.reverse().toArray();
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    entries: entries.map(({ firstSeen, lastSeen, visits, record }) => ({ firstSeen, lastSeen, visits, record })),
  };
}

const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';

/** A structural check of a Provenance record as it arrives in an import file. */
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

const CSV_COLUMNS = [
  'url', 'headline', 'site', 'syndicated', 'confidence', 'original_publisher', 'original_url', 'original_headline',
  'published_at', 'author', 'copyright', 'first_seen', 'last_seen', 'visits',
] as const;

/**
 * A cell as CSV: quoted when needed, and a leading = + - @ (or tab / CR)
 * neutralised with a quote mark, so a spreadsheet never runs a page's text
 * as a formula.
 */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function historyCsv(data: HistoryExport): string {
  const rows = data.entries.map(({ record: r, firstSeen, lastSeen, visits }) =>
    [
      r.url, r.page.headline, r.page.siteName, r.syndicated, r.confidence, r.original?.publisher ?? null, r.original?.url ?? null,
      r.original?.headline ?? null, r.page.publishedAt, r.page.author, r.copyright,
      new Date(firstSeen).toISOString(), new Date(lastSeen).toISOString(), visits,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export class ImportError extends Error {}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < 1e14;

/** Parses and checks an export file; throws ImportError naming the first problem. */
export function parseHistoryExport(text: string): HistoryExport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`the file is not JSON (${(error as Error).message})`);
  }
  const file = data as Partial<HistoryExport> | null;
  if (typeof file !== 'object' || file === null || file.format !== EXPORT_FORMAT) {
    throw new ImportError('the file is not a Provenance history export');
  }
  if (file.version !== EXPORT_VERSION) throw new ImportError(`the file is export version ${String(file.version)}; this version of Provenance reads version ${EXPORT_VERSION}`);
  if (!Array.isArray(file.entries)) throw new ImportError('the file has no list of entries');
  file.entries.forEach((entry: unknown, index) => {
    const e = entry as Partial<ExportedEntry> | null;
    const problem =
      typeof e !== 'object' || e === null ? 'is not an object'
      : !isTime(e.firstSeen) || !isTime(e.lastSeen) || e.firstSeen > e.lastSeen ? 'has impossible dates'
      : !Number.isInteger(e.visits) || (e.visits as number) < 1 ? 'has no visit count'
      : !isProvenance(e.record) ? 'is not a valid provenance record'
      : !/^https?:\/\//i.test(e.record.url) ? 'is not the record of a web page'
      : null;
    if (problem) throw new ImportError(`entry ${index + 1} ${problem}`);
  });
  return file as HistoryExport;
}

/** The same entry, whatever its id. */
function sameFields(a: HistoryEntry, b: HistoryEntry): boolean {
  const { id: _a, ...aFields } = a;
  const { id: _b, ...bFields } = b;
  return JSON.stringify(aFields) === JSON.stringify(bFields);
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
}

/** Merges an export into the history: one entry per page; the newer record wins, first and last seen widen. */
export async function importHistory(db: ProvenanceDatabase, text: string): Promise<ImportResult> {
  const data = parseHistoryExport(text);
  const result: ImportResult = { added: 0, updated: 0, unchanged: 0 };
  forgetCachedRanges();
  await db.transaction('rw', db.history, async () => {
    const incoming = new Map<string, ExportedEntry>();
    for (const entry of data.entries) {
      const key = normalizeUrl(entry.record.url);
      const seen = incoming.get(key);
      if (!seen || entry.lastSeen > seen.lastSeen) incoming.set(key, entry);
    }
    const keys = [...incoming.keys()];
    const existing = new Map((await db.history.where('key').anyOf(keys).toArray()).map((entry) => [entry.key, entry]));
    // Ids in use, so new ones are given without asking the database per entry; ids freed below are not given again.
    const taken = new Set(await db.history.toCollection().primaryKeys());
    const writes: HistoryEntry[] = [];
    const moved: number[] = [];
    keys.forEach((key) => {
      const entry = incoming.get(key)!;
      const current = existing.get(key);
      const merged: HistoryEntry = {
        ...toHistoryEntry(current && current.lastSeen >= entry.lastSeen ? current.record : entry.record, Math.max(entry.lastSeen, current?.lastSeen ?? 0)),
        firstSeen: Math.min(entry.firstSeen, current?.firstSeen ?? Infinity),
        visits: Math.max(entry.visits, current?.visits ?? 0),
      };
      if (!current) result.added++;
      else if (sameFields(current, merged)) return void result.unchanged++;
      else result.updated++;
      // An entry keeps its id while its lastSeen stays; otherwise it moves to the id for the new time.
      if (current?.id !== undefined && current.lastSeen === merged.lastSeen) return void writes.push(withId(merged, current.id));
      if (current?.id !== undefined) moved.push(current.id);
      writes.push(withId(merged, freeIdIn(taken, merged.lastSeen)));
    });
    await db.history.bulkDelete(moved);
    await db.history.bulkPut(writes);
  });
  return result;
}
