/**
 * Export and import of the history. An import is checked whole before
 * anything is written, then merged in one transaction: a bad file changes
 * nothing, and importing the same file twice adds nothing.
 */
import { isCopyKind, kindOfStored } from '@/core/kind';
import { kindEnglish } from '@/core/kind-text';
import { stripBidiControls } from '@/core/sanitize';
import { pageKey, type PageKey } from '@/core/url';
import { freeIdIn, toHistoryEntry, withId, type HistoryEntry, type ProvenanceDatabase } from './db';
import { capHistory, forgetCachedRanges } from './history';
import { IMPORT_LIMITS, IMPORT_MAX_MB } from './import-limits';
import { isObject } from './messages';
import { applyCorrection, CORRECTION_KINDS, correctionOf, storedCorrection, type Correction, type CorrectionKind } from './corrections';
import type { Provenance } from '@/core/types';
import { SIGNAL_ENGLISH } from '@/core/signal-text';

export const EXPORT_FORMAT = 'provenance-history';
export const EXPORT_VERSION = 1;

/**
 * One exported entry: what was seen and when. Index fields are rebuilt on import. `record` is the
 * engine's record; the reader's correction, when there is one, is beside it and applied again on import.
 */
interface ExportedEntry {
  firstSeen: number;
  lastSeen: number;
  visits: number;
  record: HistoryEntry['record'];
  correction?: Correction;
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
    entries: entries.map(({ firstSeen, lastSeen, visits, record, correction }) => ({
      firstSeen,
      lastSeen,
      visits,
      record: correction?.engine ?? record,
      ...(correction ? { correction: correctionOf(correction) } : {}),
    })),
  };
}

/** A problem with one field of an entry, named by its path in the entry ("record.chain[1].url"). */
class FieldProblem extends Error {
  constructor(
    readonly summary: string,
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${summary}: ${field} ${detail}`);
  }
}

const INVALID = 'is not a valid provenance record';

/** A value as it may be quoted in a message: cleaned, on one line, short. */
function quoted(value: string): string {
  const text = cleanText(value);
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 79)}…` : text);
}

/** C0 and C1 control characters but tab, line feed and carriage return, which become spaces. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Text from a file as the extension would show it: bidirectional controls and other control characters removed. */
function cleanText(text: string): string {
  return stripBidiControls(text)
    .replace(CONTROLS, '')
    .replace(/[\t\n\r]/g, ' ');
}

function text(value: unknown, field: string, max: number = IMPORT_LIMITS.text): string {
  if (typeof value !== 'string') throw new FieldProblem(INVALID, field, `is ${describe(value)}, not text`);
  if (value.length > max)
    throw new FieldProblem(INVALID, field, `has ${value.length.toLocaleString('en')} characters; at most ${max.toLocaleString('en')} are allowed`);
  return cleanText(value);
}

const textOrNull = (value: unknown, field: string) => (value === null ? null : text(value, field));

/** A link: http(s) only, with a host; cleaned like any text (a URL needs no control characters either). */
function link(value: unknown, field: string, summary = INVALID): string {
  const cleaned = text(value, field, IMPORT_LIMITS.url).replace(/\s+/g, '');
  let parsed: URL | null = null;
  try {
    parsed = new URL(cleaned);
  } catch {
    // Named below.
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol)) throw new FieldProblem(summary, field, `${quoted(String(value))} is not an http(s) link`);
  if (!parsed.hostname) throw new FieldProblem(summary, field, `${quoted(String(value))} has no site`);
  return cleaned;
}

const linkOrNull = (value: unknown, field: string) => (value === null ? null : link(value, field));

function list(value: unknown, field: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw new FieldProblem(INVALID, field, `is ${describe(value)}, not a list`);
  if (value.length > max) throw new FieldProblem(INVALID, field, `has ${value.length} items; at most ${max} are allowed`);
  return value;
}

function object(value: unknown, field: string): Record<string, unknown> {
  if (!isObject(value)) throw new FieldProblem(INVALID, field, `is ${describe(value)}, not an object`);
  return value;
}

function bool(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new FieldProblem(INVALID, field, `is ${describe(value)}, not true or false`);
  return value;
}

function number(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new FieldProblem(INVALID, field, `is ${describe(value)}, not a number from ${min} to ${max}`);
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${quoted(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `an ${typeof value}`;
}

/**
 * A Provenance record as it arrives in an import file, checked field by field
 * and rebuilt from the known fields only: every string within its length
 * limit and cleaned of bidirectional and control characters (as the
 * extension's own records are, core/sanitize.ts), every link http(s).
 * Throws a FieldProblem naming the field.
 */
/**
 * Which sentence a signal's `detail` is, for showing it in the reader's language (lib/signal-text.ts).
 * A sentence this version does not know (a file from a newer one) is left out: the English `detail` shows.
 */
function saidOf(value: unknown, field: string): { say?: { id: string; args: string[] } } {
  if (value === undefined || value === null) return {};
  const said = object(value, field);
  const id = text(said.id, `${field}.id`, IMPORT_LIMITS.kind);
  const args = list(said.args, `${field}.args`, 3).map((arg, i) => text(arg, `${field}.args[${i}]`));
  return Object.hasOwn(SIGNAL_ENGLISH, id) ? { say: { id, args } } : {};
}

export function checkRecord(value: unknown, at = 'record'): Provenance {
  const r = object(value, at);
  // An imported record's page key is made here, where it comes in.
  const url = pageKey(link(r.url, `${at}.url`, 'is not the record of a web page'));
  const page = object(r.page, `${at}.page`);
  const original = r.original === null ? null : object(r.original, `${at}.original`);
  const record: Provenance = {
    url,
    isArticle: bool(r.isArticle, `${at}.isArticle`),
    syndicated: bool(r.syndicated, `${at}.syndicated`),
    kind: null,
    confidence: number(r.confidence, `${at}.confidence`, 0, 1),
    page: {
      headline: textOrNull(page.headline, `${at}.page.headline`),
      author: textOrNull(page.author, `${at}.page.author`),
      authors: list(page.authors, `${at}.page.authors`, IMPORT_LIMITS.authors).map((author, i) => text(author, `${at}.page.authors[${i}]`)),
      publishedAt: textOrNull(page.publishedAt, `${at}.page.publishedAt`),
      publishedAtText: textOrNull(page.publishedAtText, `${at}.page.publishedAtText`),
      siteName: textOrNull(page.siteName, `${at}.page.siteName`),
    },
    original: original && {
      url: linkOrNull(original.url, `${at}.original.url`),
      publisher: textOrNull(original.publisher, `${at}.original.publisher`),
      headline: textOrNull(original.headline, `${at}.original.headline`),
      publishedAt: textOrNull(original.publishedAt, `${at}.original.publishedAt`),
    },
    chain: list(r.chain, `${at}.chain`, IMPORT_LIMITS.chain).map((item, i) => {
      const hop = object(item, `${at}.chain[${i}]`);
      return {
        url: linkOrNull(hop.url, `${at}.chain[${i}].url`),
        publisher: textOrNull(hop.publisher, `${at}.chain[${i}].publisher`),
        site: textOrNull(hop.site, `${at}.chain[${i}].site`),
      };
    }),
    sourceUrl: linkOrNull(r.sourceUrl, `${at}.sourceUrl`),
    copyright: textOrNull(r.copyright, `${at}.copyright`),
    signals: list(r.signals, `${at}.signals`, IMPORT_LIMITS.signals).map((item, i) => {
      const signal = object(item, `${at}.signals[${i}]`);
      const evidence = object(signal.evidence, `${at}.signals[${i}].evidence`);
      return {
        kind: text(signal.kind, `${at}.signals[${i}].kind`, IMPORT_LIMITS.kind) as Provenance['signals'][number]['kind'],
        detail: text(signal.detail, `${at}.signals[${i}].detail`),
        evidence: {
          text: text(evidence.text, `${at}.signals[${i}].evidence.text`),
          location: text(evidence.location, `${at}.signals[${i}].evidence.location`),
        },
        weight: number(signal.weight, `${at}.signals[${i}].weight`, 0, 1),
        ...saidOf(signal.say, `${at}.signals[${i}].say`),
      };
    }),
    engineMs: number(r.engineMs, `${at}.engineMs`, 0, Number.MAX_VALUE),
  };
  // The kind of copy as exported; a file written before records had one gets it from the record's signals.
  if (r.kind === undefined) Object.assign(record, kindOfStored(record));
  else if (r.kind === null || isCopyKind(r.kind)) record.kind = r.kind;
  else throw new FieldProblem(INVALID, `${at}.kind`, `is ${describe(r.kind)}, not a kind of copy`);
  if (record.kind === 'archive' && r.archive !== undefined) {
    const archive = object(r.archive, `${at}.archive`);
    record.archive = {
      service: text(archive.service, `${at}.archive.service`),
      url: linkOrNull(archive.url, `${at}.archive.url`),
      capturedAt: textOrNull(archive.capturedAt, `${at}.archive.capturedAt`),
    };
  }
  return record;
}

/** The reader's correction of a page as it arrives in an import file (lib/corrections.ts), checked field by field. */
function checkCorrection(value: unknown, at = 'correction'): Correction {
  const c = object(value, at);
  if (!CORRECTION_KINDS.includes(c.kind as CorrectionKind))
    throw new FieldProblem(INVALID, `${at}.kind`, `is ${describe(c.kind)}, not "not-a-copy" or "wrong-original"`);
  const kind = c.kind as CorrectionKind;
  if (kind === 'not-a-copy' && c.originalUrl !== null)
    throw new FieldProblem(INVALID, `${at}.originalUrl`, `is ${describe(c.originalUrl)}; a "not-a-copy" correction names no original`);
  const originalUrl = linkOrNull(c.originalUrl, `${at}.originalUrl`);
  if (!isTime(c.at)) throw new FieldProblem(INVALID, `${at}.at`, `is ${describe(c.at)}, not a time in ms since 1970`);
  return { kind, originalUrl, at: c.at };
}

const CSV_COLUMNS = [
  'url',
  'headline',
  'site',
  'syndicated',
  'kind',
  'kind_text',
  'confidence',
  'original_publisher',
  'original_url',
  'original_headline',
  'published_at',
  'author',
  'copyright',
  'first_seen',
  'last_seen',
  'visits',
  'corrected',
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

/** The kind of copy in words, in English like the file's column names: the same in every reader's file. */
function kindWords(record: Provenance): string | null {
  const words = kindEnglish(record);
  return words ? [words.label, words.detail].filter(Boolean).join(' · ') : null;
}

export function historyCsv(data: HistoryExport): string {
  // What the extension says of each page: the reader's correction applied, and named in the last column.
  const rows = data.entries.map(({ record, correction, firstSeen, lastSeen, visits }) => {
    const r = correction ? applyCorrection(record, correction) : record;
    return [
      r.url,
      r.page.headline,
      r.page.siteName,
      r.syndicated,
      r.kind ?? null,
      kindWords(r),
      r.confidence,
      r.original?.publisher ?? null,
      r.original?.url ?? null,
      r.original?.headline ?? null,
      r.page.publishedAt,
      r.page.author,
      r.copyright,
      new Date(firstSeen).toISOString(),
      new Date(lastSeen).toISOString(),
      visits,
      correction?.kind ?? null,
    ]
      .map(csvCell)
      .join(',');
  });
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export class ImportError extends Error {}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < 1e14;

/**
 * Parses and checks an export file; throws ImportError naming the first
 * problem (the entry, and the field). The entries come back rebuilt from
 * their known fields, cleaned (checkRecord).
 */
export function parseHistoryExport(text: string): HistoryExport {
  if (text.length > IMPORT_LIMITS.bytes) {
    throw new ImportError(`the file is ${Math.ceil(text.length / (1024 * 1024))} MB; an import file can be at most ${IMPORT_MAX_MB} MB`);
  }
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
  if (file.version !== EXPORT_VERSION)
    throw new ImportError(`the file is export version ${String(file.version)}; this version of Provenance reads version ${EXPORT_VERSION}`);
  if (!Array.isArray(file.entries)) throw new ImportError('the file has no list of entries');
  if (file.entries.length > IMPORT_LIMITS.entries) {
    throw new ImportError(
      `the file has ${file.entries.length.toLocaleString('en')} entries; an import can hold at most ${IMPORT_LIMITS.entries.toLocaleString('en')}`,
    );
  }
  const entries = file.entries.map((entry: unknown, index): ExportedEntry => {
    const e = entry as Partial<ExportedEntry> | null;
    const problem =
      typeof e !== 'object' || e === null || Array.isArray(e)
        ? 'is not an object'
        : !isTime(e.firstSeen) || !isTime(e.lastSeen)
          ? 'has impossible dates (firstSeen and lastSeen must be times in ms since 1970)'
          : e.firstSeen > e.lastSeen
            ? `has impossible dates (firstSeen ${e.firstSeen} is after lastSeen ${e.lastSeen})`
            : !Number.isInteger(e.visits) || (e.visits as number) < 1
              ? 'has no visit count (visits must be a whole number from 1)'
              : null;
    if (problem) throw new ImportError(`entry ${index + 1} ${problem}`);
    try {
      const correction = e!.correction === undefined ? undefined : checkCorrection(e!.correction);
      return {
        firstSeen: e!.firstSeen!,
        lastSeen: e!.lastSeen!,
        visits: e!.visits!,
        record: checkRecord(e!.record),
        ...(correction ? { correction } : {}),
      };
    } catch (error) {
      if (error instanceof FieldProblem) throw new ImportError(`entry ${index + 1} ${error.message}`);
      throw error;
    }
  });
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: typeof file.exportedAt === 'string' ? cleanText(file.exportedAt).slice(0, 40) : '',
    entries,
  };
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
  /** Entries deleted (the least recently seen) to keep the history within `maxEntries`. */
  dropped?: number;
  maxEntries?: number;
}

/**
 * Merges an export into the history: one entry per page; the newer record
 * wins, first and last seen widen. With `maxEntries`, the history is then cut
 * to that many, least recently seen first, in the same transaction.
 */
export async function importHistory(db: ProvenanceDatabase, text: string, maxEntries?: number): Promise<ImportResult> {
  const data = parseHistoryExport(text);
  const result: ImportResult = { added: 0, updated: 0, unchanged: 0 };
  forgetCachedRanges();
  await db.transaction('rw', db.history, db.verifications, async () => {
    const incoming = new Map<PageKey, ExportedEntry>();
    for (const entry of data.entries) {
      const key = entry.record.url;
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
      // The newer engine record, and the later of the two corrections (a file without one removes none).
      const engine = current && current.lastSeen >= entry.lastSeen ? (current.correction?.engine ?? current.record) : entry.record;
      const correction = [current?.correction, entry.correction].reduce<Correction | undefined>(
        (a, b) => (b && (!a || b.at > a.at) ? b : a),
        undefined,
      );
      const merged: HistoryEntry = {
        ...toHistoryEntry(engine, Math.max(entry.lastSeen, current?.lastSeen ?? 0), {
          correction: correction && storedCorrection(correction, engine),
        }),
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
    if (maxEntries !== undefined) Object.assign(result, { dropped: await capHistory(db, maxEntries), maxEntries });
  });
  return result;
}
