/**
 * The history view's data: the filter and its answer, the rows read so far (a
 * page at a time, for the rows the virtual list is about to show), grouping by
 * original, loading and errors, and the changes the reader makes (delete,
 * clear, import, export). Every call to the extension's data goes through the
 * `ProvenanceClient` here, and only here: the views (History*.tsx) render what
 * this returns and handle focus.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ProvenanceClient } from '@/lib/client';
import type { HistoryEntry, VerificationEntry } from '@/lib/db';
import { EMPTY_FILTER, isEmptyFilter, type HistoryFilter } from '@/lib/history';
import { groupByOriginal, groupFields, type GroupFields, type HistoryLine } from '@/lib/history-groups';
import { t } from '@/lib/i18n';
import { IMPORT_LIMITS, IMPORT_MAX_MB } from '@/lib/import-limits';

/** Rows read ahead of the ones in view, and the first screen's rows. */
export const PAGE = 60;
/** Entries read per request while the history is grouped by original. */
export const GROUP_SLICE = 2_000;
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** Runs `run` when the page is idle; returns what cancels it. */
function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: 1_000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, 100);
  return () => clearTimeout(handle);
}

/** The list's line at `index`: a grouped line when grouping is shown, else the entry at that place in the answer. */
export function lineAt(lines: HistoryLine[] | null, ids: number[], index: number): HistoryLine {
  return lines?.[index] ?? { type: 'entry', id: ids[index]!, grouped: false };
}

/** The ids of the entries to read for rows `start` to `end` in view: at least a page of them, group lines skipped. */
export function idsInRange(lines: HistoryLine[] | null, ids: number[] | null, start: number, end: number): number[] {
  const last = Math.max(end, start + PAGE);
  if (lines) return lines.slice(start, last).flatMap((line) => (line.type === 'entry' ? [line.id] : []));
  return ids ? ids.slice(start, last) : [];
}

/** Reads every entry of `ids` a slice at a time, keeping only what grouping needs, and groups them; null when `alive()` turned false meanwhile. */
export async function readGroups(
  read: (ids: number[]) => Promise<HistoryEntry[]>,
  ids: number[],
  alive: () => boolean = () => true,
  slice = GROUP_SLICE,
): Promise<HistoryLine[] | null> {
  const fields: GroupFields[] = [];
  for (let at = 0; at < ids.length; at += slice) {
    for (const entry of await read(ids.slice(at, at + slice))) fields.push(groupFields(entry));
    if (!alive()) return null;
  }
  return groupByOriginal(fields);
}

export interface HistoryQuery {
  filter: HistoryFilter;
  /** Changes part of the filter and answers it at once (the list scrolls back to the top). */
  changeFilter(change: Partial<HistoryFilter>): void;
  /** Ids of the whole history, newest first; null until read. */
  order: number[] | null;
  /** The answer to the current filter (null until the first answer); `shown` changes when the list must scroll back to the top. */
  result: { ids: number[]; shown: number } | null;
  /** How many entries match the filter. */
  matchCount: number;
  /** The ids listed: the answer, or the newest rows while the first answer is read. */
  listIds: number[] | null;
  grouped: boolean;
  setGrouped(grouped: boolean): void;
  /** The grouped lines while grouping is on and worked out, else null (the list shows `listIds`). */
  lines: HistoryLine[] | null;
  /** Grouping is on and still being worked out. */
  grouping: boolean;
  /** How many lines the list has. */
  lineCount: number;
  lineAt(index: number): HistoryLine;
  /** The entry read for this id (undefined while it is being read). */
  entry(id: number): HistoryEntry | undefined;
  /** The page's latest check for the Checked column: undefined while read, null when never checked. */
  check(key: string): VerificationEntry | null | undefined;
  /** Told by the virtual list which rows are about to be shown: reads them. */
  onRange(start: number, end: number): void;
  publisherList: { key: string; count: number }[];
  error: string | null;
  notice: string | null;
  /** Reads the time order again and answers the filter with it; `changed`: records may differ from the rows read (they are read again). */
  reload(changed?: boolean): Promise<void>;
  /** An entry with its page's latest check, for the details dialog. */
  details(entry: HistoryEntry): Promise<{ entry: HistoryEntry; verification: VerificationEntry | null }>;
  /** Deletes one entry (the caller reloads); an error is shown. */
  deleteEntry(key: string): Promise<void>;
  /** Deletes the whole history (the caller reloads); an error is shown. */
  clearHistory(): Promise<void>;
  /** Hands the history as a JSON or CSV file's text to `save`; an error (making or saving it) is shown. */
  exportHistory(kind: 'json' | 'csv', save: (text: string) => void): Promise<void>;
  /** Imports a file the reader chose: its outcome is shown as a notice, or as an error. */
  importFile(file: File | undefined): Promise<void>;
}

export function useHistoryQuery(client: ProvenanceClient): HistoryQuery {
  /** Ids of the whole history, newest first; null until read (just after the first rows are shown). */
  const [order, setOrder] = useState<number[] | null>(null);
  /** Ids of the newest rows, shown while the whole order is read. */
  const [previewIds, setPreviewIds] = useState<number[] | null>(null);
  const [filter, setFilter] = useState<HistoryFilter>(EMPTY_FILTER);
  /** The answer to the current filter: the matching ids, newest first; `shown` scrolls the list back to the top for a new one. */
  const [result, setResult] = useState<{ ids: number[]; shown: number } | null>(null);
  /** Records loaded so far, by id; `rowsLoaded` changes when more arrive, to show them. */
  const rows = useRef(new Map<number, HistoryEntry>());
  const [, setRowsLoaded] = useState(0);
  /** The latest check of each loaded row's page (null: never checked), by page key: the Checked column. */
  const checks = useRef(new Map<string, VerificationEntry | null>());
  /** Copies listed under their original (lib/history-groups.ts); `lines` is null while grouping is off or being worked out. */
  const [grouped, setGrouped] = useState(false);
  const [lines, setLines] = useState<HistoryLine[] | null>(null);
  const [publisherList, setPublisherList] = useState<{ key: string; count: number }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const loading = useRef(new Set<number>());

  /** Reads the latest check of these entries' pages, for the Checked column. */
  const loadChecks = useCallback(
    (entries: HistoryEntry[]) => {
      const unchecked = entries.map((entry) => entry.key).filter((key) => !checks.current.has(key));
      if (unchecked.length === 0) return;
      void client
        .verificationsFor(unchecked)
        .then((found) => {
          for (const key of unchecked) checks.current.set(key, found.get(key) ?? null);
          setRowsLoaded((n) => n + 1);
        })
        .catch(() => undefined);
    },
    [client],
  );

  const loadRows = useCallback(
    (ids: number[]) => {
      const wanted = ids.filter((id) => !rows.current.has(id) && !loading.current.has(id));
      if (wanted.length === 0) return;
      wanted.forEach((id) => loading.current.add(id));
      void client
        .entriesById(wanted)
        .then((entries) => {
          for (const entry of entries) rows.current.set(entry.id!, entry);
          setRowsLoaded((n) => n + 1);
          loadChecks(entries);
          // Some ids are gone: a page visited again moved to the top under a new id, or old
          // entries were pruned. Read the order again rather than leave empty rows.
          if (entries.length < wanted.length) void reloadRef.current?.();
        })
        .finally(() => wanted.forEach((id) => loading.current.delete(id)));
    },
    [client, loadChecks],
  );

  /**
   * The time order as last read (a promise while it is being read; its length
   * is the size of the history), and the filter the user has set: read by
   * queries started from event handlers, which must not wait for a render.
   */
  const orderRead = useRef<Promise<number[]> | null>(null);
  const currentFilter = useRef(filter);
  /** Numbers each query: the answer of a query overtaken by a newer one is dropped. */
  const latestQuery = useRef(0);
  /** Cancels the publisher list's idle read (a reload starts another; closing the page ends it). */
  const cancelPublisherRead = useRef<() => void>(() => undefined);
  useEffect(() => () => cancelPublisherRead.current(), []);

  /** Answers a filter from the indexes and shows the answer, unless a newer query was started meanwhile. */
  const query = useCallback(
    async (next: HistoryFilter, scrollToTop: boolean) => {
      const mine = ++latestQuery.current;
      try {
        // No filter: the whole time order, once it is read (reload answers then).
        const found = isEmptyFilter(next) ? await orderRead.current : await client.matchingIds(next);
        if (!found || mine !== latestQuery.current) return;
        setResult((previous) => ({ ids: found, shown: (previous?.shown ?? 0) + (scrollToTop ? 1 : 0) }));
        loadRows(found.slice(0, PAGE));
      } catch (reason) {
        if (mine === latestQuery.current) setError(errorText(reason));
      }
    },
    [client, loadRows],
  );

  const changeFilter = (change: Partial<HistoryFilter>) => {
    // From the filter as last set, not as last rendered: two input events can come before a render.
    const next = { ...currentFilter.current, ...change };
    currentFilter.current = next;
    setFilter(next);
    // Started here, not in an effect: an effect runs only after the next frame is painted.
    void query(next, true);
  };

  /**
   * Reads the time order (again, after a change) and answers the current
   * filter with it. After a change (delete, clear, import) records may differ
   * from the rows shown: those are read again.
   */
  const reload = useCallback(
    async (changed = false) => {
      const reading = client.historyIds();
      orderRead.current = reading;
      try {
        const fresh = await reading;
        if (orderRead.current !== reading) return;
        if (changed) {
          rows.current.clear();
          loading.current.clear();
          checks.current.clear();
        }
        setOrder(fresh);
        setError(null);
        await query(currentFilter.current, false);
        // The publisher list asks IndexedDB once per publisher: not before the rows are on screen, and not
        // once the history is closed. A list that cannot be read leaves the one shown (the filter still works).
        cancelPublisherRead.current();
        cancelPublisherRead.current = whenIdle(() => {
          client
            .publishers()
            .then(setPublisherList)
            .catch(() => undefined);
        });
      } catch (reason) {
        setError(errorText(reason));
      }
    },
    [client, query],
  );
  const reloadRef = useRef<(() => Promise<void>) | null>(null);
  reloadRef.current = reload;

  /**
   * First paint: the newest rows come straight from the end of the store (ids
   * are the time order; one short read). The whole time order is read once
   * they are on screen, so the two reads do not share the database.
   */
  useLayoutEffect(() => {
    let current = true;
    client
      .newestEntries(PAGE)
      .then((entries) => {
        if (!current) return;
        for (const entry of entries) rows.current.set(entry.id!, entry);
        setPreviewIds(entries.map((entry) => entry.id!));
        loadChecks(entries);
      })
      .catch(() => undefined)
      .finally(() => current && void reload());
    return () => {
      current = false;
    };
  }, [client, reload, loadChecks]);

  /**
   * Grouped by original: every matching entry is read (a slice at a time, keeping only what grouping needs)
   * and the list becomes lines: an original's line, then its page and its copies.
   */
  useEffect(() => {
    setLines(null);
    if (!grouped || !result) return;
    let current = true;
    readGroups(
      (ids) => client.entriesById(ids),
      result.ids,
      () => current,
    )
      .then((found) => current && found && setLines(found))
      .catch((reason) => current && setError(errorText(reason)));
    return () => {
      current = false;
    };
  }, [grouped, result, client]);

  const listIds = result?.ids ?? previewIds;
  const shownLines = grouped ? lines : null;
  const onRange = useCallback((start: number, end: number) => loadRows(idsInRange(shownLines, listIds, start, end)), [listIds, shownLines, loadRows]);
  const matchCount = result?.ids.length ?? 0;

  return {
    filter,
    changeFilter,
    order,
    result,
    matchCount,
    listIds,
    grouped,
    setGrouped,
    lines: shownLines,
    grouping: grouped && lines === null && result !== null && matchCount > 0,
    lineCount: shownLines ? shownLines.length : (listIds?.length ?? 0),
    lineAt: (index) => lineAt(shownLines, listIds ?? [], index),
    entry: (id) => rows.current.get(id),
    check: (key) => checks.current.get(key),
    onRange,
    publisherList,
    error,
    notice,
    reload,
    details: async (entry) => ({ entry, verification: await client.verificationFor(entry.key) }),
    async deleteEntry(key) {
      try {
        await client.deleteEntry(key);
        setNotice(t('historyDeleted'));
      } catch (reason) {
        setError(t('historyDeleteFailed', errorText(reason)));
      }
    },
    async clearHistory() {
      try {
        await client.clearHistory();
        setNotice(t('historyCleared'));
      } catch (reason) {
        setError(t('historyClearFailed', errorText(reason)));
      }
    },
    async exportHistory(kind, save) {
      try {
        save(kind === 'json' ? await client.exportJson() : await client.exportCsv());
      } catch (reason) {
        setError(t('exportFailed', errorText(reason)));
      }
    },
    async importFile(file) {
      if (!file) return;
      try {
        // Refused by its size before it is read: a huge file would take the page's memory.
        if (file.size > IMPORT_LIMITS.bytes)
          throw new Error(t('importTooLarge', [String(Math.ceil(file.size / (1024 * 1024))), String(IMPORT_MAX_MB)]));
        const result = await client.importJson(await file.text());
        const done = t('importDone', [String(result.added), String(result.updated), String(result.unchanged)]);
        const dropped = result.dropped ? ` ${t('importDropped', [String(result.maxEntries), String(result.dropped)])}` : '';
        setNotice(done + dropped);
        setError(null);
        await reload(true);
      } catch (reason) {
        setNotice(null);
        setError(t('importFailed', errorText(reason)));
      }
    },
  };
}
