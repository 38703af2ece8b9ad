import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EntryView } from '@/components/EntryView';
import { ExternalLink } from '@/components/ExternalLink';
import { VirtualList } from '@/components/VirtualList';
import type { CopyKind } from '@/core/types';
import type { ProvenanceClient } from '@/lib/client';
import { verificationFits } from '@/lib/corrections';
import type { HistoryEntry, VerificationEntry } from '@/lib/db';
import { EMPTY_FILTER, isEmptyFilter, type HistoryFilter } from '@/lib/history';
import { groupByOriginal, groupFields, type GroupFields, type HistoryLine } from '@/lib/history-groups';
import { checkedText } from '@/lib/checked-text';
import { COPY_KINDS, kindName, kindText } from '@/lib/kind-text';
import { displayMoment } from '@/lib/dates-display';
import { t } from '@/lib/i18n';
import { IMPORT_LIMITS, IMPORT_MAX_MB } from '@/lib/import-limits';
import { Settings } from './Settings';
import { Sites } from './Sites';

/** One line of text per row (options style.css keeps cells to one line). */
const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 34;
const PAGE = 60;
/** Entries read per request while the history is grouped by original. */
const GROUP_SLICE = 2_000;
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const whenIdle = (run: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1_000 }) : setTimeout(run, 100));

export function App({ client }: { client: ProvenanceClient }) {
  const [tab, setTab] = useState<'history' | 'sites' | 'settings'>(location.hash === '#settings' ? 'settings' : location.hash === '#sites' ? 'sites' : 'history');
  return (
    <main class="options">
      <header class="options-head">
        <p class="brand">{t('extensionName')}</p>
        <nav class="tabs" aria-label={t('optionsSections')}>
          <a href="#history" aria-current={tab === 'history' ? 'page' : undefined} onClick={() => setTab('history')}>
            {t('historyTitle')}
          </a>
          <a href="#sites" aria-current={tab === 'sites' ? 'page' : undefined} onClick={() => setTab('sites')} data-testid="sites-tab">
            {t('sites_tab')}
          </a>
          <a href="#settings" aria-current={tab === 'settings' ? 'page' : undefined} onClick={() => setTab('settings')} data-testid="settings-tab">
            {t('settingsTitle')}
          </a>
        </nav>
      </header>
      {tab === 'history' ? <History client={client} /> : tab === 'sites' ? <Sites client={client} /> : <Settings />}
    </main>
  );
}

function History({ client }: { client: ProvenanceClient }) {
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
  const [detail, setDetail] = useState<{ entry: HistoryEntry; verification: VerificationEntry | null } | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const loading = useRef(new Set<number>());
  /** Where keyboard focus goes back to when the detail dialog or the clear confirmation closes. */
  const returnFocus = useRef<HTMLElement | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const clearButton = useRef<HTMLButtonElement>(null);
  const restoreFocus = () => {
    const target = returnFocus.current;
    returnFocus.current = null;
    // The opener may be gone (its entry was deleted): the list takes focus instead of <body>.
    requestAnimationFrame(() => (target?.isConnected ? target : scroller.current)?.focus());
  };
  const [height, setHeight] = useState(() => Math.max(300, window.innerHeight - 260));
  useEffect(() => {
    const onResize = () => setHeight(Math.max(300, window.innerHeight - 260));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

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
  const reload = useCallback(async (changed = false) => {
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
      // The publisher list asks IndexedDB once per publisher: not before the rows are on screen.
      whenIdle(() => void client.publishers().then(setPublisherList));
    } catch (reason) {
      setError(errorText(reason));
    }
  }, [client, query]);
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
    void (async () => {
      const fields: GroupFields[] = [];
      for (let at = 0; at < result.ids.length; at += GROUP_SLICE) {
        for (const entry of await client.entriesById(result.ids.slice(at, at + GROUP_SLICE))) fields.push(groupFields(entry));
        if (!current) return;
      }
      setLines(groupByOriginal(fields));
    })().catch((reason) => current && setError(errorText(reason)));
    return () => {
      current = false;
    };
  }, [grouped, result, client]);

  const listIds = result?.ids ?? previewIds;
  const shownLines = grouped ? lines : null;
  const onRange = useCallback(
    (start: number, end: number) => {
      const last = Math.max(end, start + PAGE);
      if (shownLines) loadRows(shownLines.slice(start, last).flatMap((line) => (line.type === 'entry' ? [line.id] : [])));
      else if (listIds) loadRows(listIds.slice(start, last));
    },
    [listIds, shownLines, loadRows],
  );

  const openDetail = async (entry: HistoryEntry) => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDetail({ entry, verification: await client.verificationFor(entry.key) });
  };
  const closeDetail = () => {
    setDetail(null);
    restoreFocus();
  };

  const remove = async (key: string) => {
    const hadFocus = scroller.current?.contains(document.activeElement) || detail !== null;
    await client.deleteEntry(key);
    setNotice(t('historyDeleted'));
    setDetail(null);
    await reload(true);
    // The focused row is gone: keep the keyboard user in the list, not back at the top of the page.
    if (hadFocus) requestAnimationFrame(() => scroller.current?.focus());
  };
  const closeConfirm = () => {
    setConfirmClear(false);
    requestAnimationFrame(() => (clearButton.current?.disabled ? scroller.current : clearButton.current)?.focus());
  };

  const download = async (kind: 'json' | 'csv') => {
    try {
      const text = kind === 'json' ? await client.exportJson() : await client.exportCsv();
      const blob = new Blob([text], { type: kind === 'json' ? 'application/json' : 'text/csv' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `provenance-history-${new Date().toISOString().slice(0, 10)}.${kind}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (reason) {
      setError(t('exportFailed', errorText(reason)));
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      // Refused by its size before it is read: a huge file would take the page's memory.
      if (file.size > IMPORT_LIMITS.bytes) throw new Error(t('importTooLarge', [String(Math.ceil(file.size / (1024 * 1024))), String(IMPORT_MAX_MB)]));
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
  };

  const matchCount = result?.ids.length ?? 0;
  const dateValue = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString().slice(0, 10));
  const parseDay = (value: string, endOfDay: boolean) => (value ? Date.parse(`${value}T${endOfDay ? '23:59:59.999' : '00:00:00'}`) : null);

  return (
    <section aria-labelledby="history-title">
      <h1 id="history-title">{t('historyTitle')}</h1>
      <form class="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label class="search">
          <span class="visually-hidden">{t('searchLabel')}</span>
          <input
            type="search"
            data-testid="history-search"
            placeholder={t('searchPlaceholder')}
            value={filter.text}
            onInput={(event) => changeFilter({ text: (event.currentTarget as HTMLInputElement).value })}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            data-testid="filter-syndicated"
            checked={filter.syndicatedOnly}
            onChange={(event) => changeFilter({ syndicatedOnly: (event.currentTarget as HTMLInputElement).checked })}
          />
          <span>{t('filterSyndicatedOnly')}</span>
        </label>
        <label>
          {t('history_filterKind')}{' '}
          <select data-testid="filter-kind" value={filter.kind} onChange={(event) => changeFilter({ kind: (event.currentTarget as HTMLSelectElement).value as CopyKind | '' })}>
            <option value="">{t('history_filterAnyKind')}</option>
            {COPY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kindName(kind)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterPublisher')}{' '}
          <select
            data-testid="filter-publisher"
            value={filter.publisher}
            onChange={(event) => changeFilter({ publisher: (event.currentTarget as HTMLSelectElement).value })}
          >
            <option value="">{t('filterAnyPublisher')}</option>
            {publisherList.map((p) => (
              <option key={p.key} value={p.key}>
                {p.key} ({p.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterFrom')}{' '}
          <input type="date" data-testid="filter-from" value={dateValue(filter.from)} onChange={(event) => changeFilter({ from: parseDay((event.currentTarget as HTMLInputElement).value, false) })} />
        </label>
        <label>
          {t('filterTo')}{' '}
          <input type="date" data-testid="filter-to" value={dateValue(filter.to)} onChange={(event) => changeFilter({ to: parseDay((event.currentTarget as HTMLInputElement).value, true) })} />
        </label>
        <label class="check">
          <input type="checkbox" data-testid="history-group" checked={grouped} onChange={(event) => setGrouped((event.currentTarget as HTMLInputElement).checked)} />
          <span>{t('history_groupToggle')}</span>
        </label>
      </form>

      <div class="toolbar">
        <p role="status" data-testid="history-count">
          {result === null || order === null ? t('stateLoading') : t('historyCount', [String(matchCount), String(order.length)])}
          {grouped && lines === null && result !== null && matchCount > 0 && ` · ${t('history_grouping')}`}
        </p>
        <div class="toolbar-actions">
          <button type="button" class="button secondary" data-testid="export-json" onClick={() => download('json')}>
            {t('exportJson')}
          </button>
          <button type="button" class="button secondary" data-testid="export-csv" onClick={() => download('csv')}>
            {t('exportCsv')}
          </button>
          <label class="button secondary file-button">
            {t('importJson')}
            <input
              type="file"
              accept="application/json,.json"
              data-testid="import-json"
              class="visually-hidden"
              onChange={(event) => {
                const input = event.currentTarget as HTMLInputElement;
                void importFile(input.files?.[0]).finally(() => (input.value = ''));
              }}
            />
          </label>
          <button
            type="button"
            class="button danger"
            data-testid="clear-history"
            ref={clearButton}
            aria-expanded={confirmClear}
            aria-controls={confirmClear ? 'confirm-clear' : undefined}
            onClick={() => setConfirmClear(true)}
            disabled={!order?.length}
          >
            {t('clearHistory')}
          </button>
        </div>
      </div>
      {notice && (
        <p role="status" class="notice" data-testid="history-notice">
          {notice}
        </p>
      )}
      {error && (
        <p role="alert" class="problem" data-testid="history-error">
          {error}
        </p>
      )}
      {confirmClear && (
        <div
          role="alertdialog"
          id="confirm-clear"
          aria-labelledby="clear-title"
          class="confirm"
          data-testid="confirm-clear"
          onKeyDown={(event) => {
            if (event.key === 'Escape') closeConfirm();
          }}
        >
          <p id="clear-title">{t('clearConfirm', String(order?.length ?? 0))}</p>
          <button
            type="button"
            class="button danger"
            data-testid="confirm-clear-yes"
            onClick={async () => {
              await client.clearHistory();
              setConfirmClear(false);
              setNotice(t('historyCleared'));
              await reload(true);
              requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="history-search"]')?.focus());
            }}
          >
            {t('clearConfirmYes')}
          </button>{' '}
          {/* Focus starts on the harmless choice: Enter or Escape right away deletes nothing. */}
          <button type="button" class="button secondary" data-testid="confirm-clear-no" ref={(el) => el?.focus()} onClick={closeConfirm}>
            {t('cancel')}
          </button>
        </div>
      )}

      {order?.length === 0 && <p data-testid="history-empty">{t('historyEmpty')}</p>}
      {result !== null && matchCount === 0 && (order?.length ?? 0) > 0 && <p data-testid="history-no-match">{t('historyNoMatch')}</p>}
      {listIds !== null && listIds.length > 0 && (
        <VirtualList
          count={shownLines ? shownLines.length : listIds.length}
          rowHeight={ROW_HEIGHT}
          height={height}
          label={t('historyListLabel')}
          header={
            <>
              <span role="columnheader">{t('columnHeadline')}</span>
              <span role="columnheader">{t('columnSite')}</span>
              <span role="columnheader">{t('columnOriginal')}</span>
              <span role="columnheader">{t('history_columnChecked')}</span>
              <span role="columnheader">{t('columnSeen')}</span>
              <span role="columnheader">{t('history_columnActions')}</span>
            </>
          }
          headerHeight={HEADER_HEIGHT}
          scrollerRef={scroller}
          onRange={onRange}
          resetKey={`${result?.shown ?? 0}:${shownLines ? 'grouped' : 'flat'}`}
          rowProps={(index) => {
            const line: HistoryLine = shownLines?.[index] ?? { type: 'entry', id: listIds[index]!, grouped: false };
            if (line.type === 'group') return { class: 'history-row group-row', 'data-testid': 'history-group-row' };
            const entry = rows.current.get(line.id);
            if (!entry) return { class: 'history-row row-loading' };
            return {
              class: `history-row ${entry.syndicated ? 'is-copy' : 'is-original'}${line.grouped ? ' in-group' : ''}`,
              'data-testid': 'history-row',
              // A click on the row (not on its links or buttons, nor to select text) opens its details.
              onClick: (event) => {
                if ((event.target as Element).closest('a, button') || window.getSelection()?.toString()) return;
                void openDetail(entry);
              },
            };
          }}
          renderRow={(index) => {
            const line: HistoryLine = shownLines?.[index] ?? { type: 'entry', id: listIds[index]!, grouped: false };
            if (line.type === 'group') return <GroupCells line={line} />;
            const entry = rows.current.get(line.id);
            return entry ? (
              <HistoryCells entry={entry} check={checks.current.get(entry.key)} onOpen={() => void openDetail(entry)} onDelete={() => void remove(entry.key)} />
            ) : (
              <span role="cell" class="cell loading-cell" />
            );
          }}
        />
      )}

      {detail && <Detail client={client} detail={detail} onClose={closeDetail} onDelete={() => void remove(detail.entry.key)} />}
    </section>
  );
}

/** The Checked column's words: the page's latest check (one made before the reader corrected the page does not count). */
function checkedCell(entry: HistoryEntry, check: VerificationEntry | null | undefined): { text: string; checked: boolean } {
  if (check === undefined) return { text: '', checked: false };
  const fits = check && verificationFits(entry.correction, check.checkedAt);
  if (fits) return { text: checkedText(check.verification), checked: true };
  return { text: entry.syndicated ? t('history_checkedNever') : '', checked: false };
}

function HistoryCells({ entry, check, onOpen, onDelete }: { entry: HistoryEntry; check: VerificationEntry | null | undefined; onOpen: () => void; onDelete: () => void }) {
  const { record } = entry;
  const checked = checkedCell(entry, check);
  const publisher = record.original?.publisher ?? t('historyUnknownPublisher');
  return (
    <>
      <span role="cell" class="cell headline" data-testid="history-headline">
        <ExternalLink href={record.url} label={record.page.headline ?? record.url} />
      </span>
      <span role="cell" class="cell" data-testid="history-site">
        {record.page.siteName ?? entry.site}
      </span>
      <span role="cell" class="cell publisher" data-testid="history-original">
        {/* The kind of copy comes first, as on every surface; an archived copy (not syndicated) is named by its kind. */}
        {record.kind && <span class="kind-name" data-testid="history-kind" title={kindText(record).label}>{kindName(record.kind)}{record.syndicated ? ' · ' : ''}</span>}
        {record.syndicated ? record.original?.url ? <ExternalLink href={record.original.url} label={publisher} testid="history-original-link" /> : publisher : record.kind ? null : t('historyOriginal')}
        {entry.correction && <em data-testid="history-corrected"> ({t('control_historyCorrected')})</em>}
      </span>
      <span role="cell" class={`cell ${checked.checked ? 'checked' : 'unchecked'}`} data-testid="history-checked">
        {checked.text}
      </span>
      <span role="cell" class="cell" data-testid="history-seen">
        <time dateTime={new Date(entry.lastSeen).toISOString()}>{displayMoment(entry.lastSeen)}</time>
      </span>
      <span role="cell" class="cell row-actions">
        <button type="button" class="link-button" data-testid="history-details" onClick={onOpen} aria-label={t('detailsEntryLabel', record.page.headline ?? record.url)}>
          {t('details')}
        </button>
        <button type="button" class="link-button" data-testid="history-delete" onClick={onDelete} aria-label={t('deleteEntryLabel', record.page.headline ?? record.url)}>
          {t('delete')}
        </button>
      </span>
    </>
  );
}

/** An original's line over its copies: its publisher (linked when its address is known), its headline, how many copies. */
function GroupCells({ line }: { line: Extract<HistoryLine, { type: 'group' }> }) {
  const name = line.publisher ? t('history_groupOriginal', line.publisher) : t('history_groupUnknown');
  return (
    <span role="cell" class="cell group-cell" data-testid="history-group-line">
      <strong>{line.url ? <ExternalLink href={line.url} label={name} /> : name}</strong>
      {line.headline && <span class="group-headline"> · {line.headline}</span>}
      <span class="group-count"> · {t('history_groupCopies', String(line.copies))}</span>
    </span>
  );
}

function Detail({
  client,
  detail,
  onClose,
  onDelete,
}: {
  client: ProvenanceClient;
  detail: { entry: HistoryEntry; verification: VerificationEntry | null };
  onClose: () => void;
  onDelete: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const title = useMemo(() => detail.entry.record.page.headline ?? detail.entry.key, [detail]);
  return (
    <dialog ref={dialog} class="detail" data-testid="history-detail" aria-label={t('detailDialogLabel', title)} onClose={onClose}>
      <div class="detail-actions">
        <button type="button" class="button danger" onClick={onDelete} data-testid="detail-delete">
          {t('delete')}
        </button>
        {/* Focus starts on Close, not on Delete: Enter right after opening must not delete. */}
        <button type="button" class="button secondary" onClick={() => dialog.current?.close()} data-testid="detail-close" autofocus>
          {t('close')}
        </button>
      </div>
      <EntryView client={client} entry={detail.entry} tabId={null} stored={detail.verification} />
    </dialog>
  );
}
