import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EntryView } from '@/components/EntryView';
import { ExternalLink } from '@/components/ExternalLink';
import { VirtualList } from '@/components/VirtualList';
import type { ProvenanceClient } from '@/lib/client';
import type { HistoryEntry, VerificationEntry } from '@/lib/db';
import { EMPTY_FILTER, type HistoryFilter } from '@/lib/history';
import { t } from '@/lib/i18n';
import { Settings } from './Settings';

const ROW_HEIGHT = 64;
const PAGE = 60;
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const whenIdle = (run: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1_000 }) : setTimeout(run, 100));

export function App({ client }: { client: ProvenanceClient }) {
  const [tab, setTab] = useState<'history' | 'settings'>(location.hash === '#settings' ? 'settings' : 'history');
  return (
    <main class="options">
      <header class="options-head">
        <p class="brand">{t('extensionName')}</p>
        <nav class="tabs" aria-label={t('optionsSections')}>
          <a href="#history" aria-current={tab === 'history' ? 'page' : undefined} onClick={() => setTab('history')}>
            {t('historyTitle')}
          </a>
          <a href="#settings" aria-current={tab === 'settings' ? 'page' : undefined} onClick={() => setTab('settings')} data-testid="settings-tab">
            {t('settingsTitle')}
          </a>
        </nav>
      </header>
      {tab === 'history' ? <History client={client} /> : <Settings />}
    </main>
  );
}

function History({ client }: { client: ProvenanceClient }) {
  const [order, setOrder] = useState<string[] | null>(null);
  const [keys, setKeys] = useState<string[] | null>(null);
  const [filter, setFilter] = useState<HistoryFilter>(EMPTY_FILTER);
  const [rows, setRows] = useState<Map<string, HistoryEntry>>(new Map());
  const [publisherList, setPublisherList] = useState<{ key: string; count: number }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [detail, setDetail] = useState<{ entry: HistoryEntry; verification: VerificationEntry | null } | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const loading = useRef(new Set<string>());
  /** Where keyboard focus goes back to when the detail dialog or the clear confirmation closes. */
  const returnFocus = useRef<HTMLElement | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const clearButton = useRef<HTMLButtonElement>(null);
  const restoreFocus = () => {
    const target = returnFocus.current;
    returnFocus.current = null;
    // The opener may be gone (its entry was deleted): the list takes focus instead of <body>.
    requestAnimationFrame(() => (target?.isConnected ? target : list.current)?.focus());
  };
  const [height, setHeight] = useState(() => Math.max(300, window.innerHeight - 260));
  useEffect(() => {
    const onResize = () => setHeight(Math.max(300, window.innerHeight - 260));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  /**
   * First paint: the newest rows come straight from the lastSeen index (one
   * short read) while the whole time order (every key) loads, which takes a
   * few hundred ms at 100,000 entries.
   */
  const [previewKeys, setPreviewKeys] = useState<string[] | null>(null);
  const firstLoad = useRef(true);
  useEffect(() => {
    let current = true;
    client
      .history(PAGE)
      .then((entries) => {
        if (!current || !firstLoad.current) return;
        setRows((previous) => new Map([...previous, ...entries.map((entry) => [entry.key, entry] as const)]));
        setPreviewKeys(entries.map((entry) => entry.key));
      })
      .catch(() => undefined)
      // The whole order is read only once the first rows are on screen: both at once would share the database and delay the rows.
      .finally(() => current && void reload());
    return () => {
      current = false;
    };
  }, [client]);

  const reload = useCallback(async () => {
    try {
      const fresh = await client.historyOrder();
      loading.current.clear();
      // The rows of the first paint are still right; after a change (delete, clear, import) they are read again.
      if (firstLoad.current) firstLoad.current = false;
      else setRows(new Map());
      setOrder(fresh);
      setError(null);
      // The publisher list walks an index: not before the rows are on screen.
      whenIdle(() => void client.publishers().then(setPublisherList));
    } catch (reason) {
      setError(errorText(reason));
    }
  }, [client]);

  // Each keystroke or filter change: answered from indexes, newest first.
  useEffect(() => {
    if (!order) return;
    let current = true;
    client
      .matchingKeys(filter, order)
      .then((found) => current && setKeys(found))
      .catch((reason: unknown) => current && setError(errorText(reason)));
    return () => {
      current = false;
    };
  }, [client, filter, order]);

  const onRange = useCallback(
    (start: number, end: number) => {
      if (!keys) return;
      const wanted = keys.slice(start, Math.max(end, start + PAGE)).filter((key) => !rows.has(key) && !loading.current.has(key));
      if (wanted.length === 0) return;
      wanted.forEach((key) => loading.current.add(key));
      void client.entries(wanted).then((entries) => {
        setRows((previous) => {
          const next = new Map(previous);
          for (const entry of entries) next.set(entry.key, entry);
          return next;
        });
      });
    },
    [client, keys, rows],
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
    const hadFocus = list.current?.contains(document.activeElement) || detail !== null;
    await client.deleteEntry(key);
    setNotice(t('historyDeleted'));
    setDetail(null);
    await reload();
    // The focused row is gone: keep the keyboard user in the list, not back at the top of the page.
    if (hadFocus) requestAnimationFrame(() => list.current?.focus());
  };
  const closeConfirm = () => {
    setConfirmClear(false);
    requestAnimationFrame(() => (clearButton.current?.disabled ? list.current : clearButton.current)?.focus());
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
      const result = await client.importJson(await file.text());
      setNotice(t('importDone', [String(result.added), String(result.updated), String(result.unchanged)]));
      setError(null);
      await reload();
    } catch (reason) {
      setNotice(null);
      setError(t('importFailed', errorText(reason)));
    }
  };

  const matchCount = keys?.length ?? 0;
  const listKeys = keys ?? previewKeys;
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
            onInput={(event) => setFilter({ ...filter, text: (event.currentTarget as HTMLInputElement).value })}
          />
        </label>
        <label>
          <input
            type="checkbox"
            data-testid="filter-syndicated"
            checked={filter.syndicatedOnly}
            onChange={(event) => setFilter({ ...filter, syndicatedOnly: (event.currentTarget as HTMLInputElement).checked })}
          />{' '}
          {t('filterSyndicatedOnly')}
        </label>
        <label>
          {t('filterPublisher')}{' '}
          <select
            data-testid="filter-publisher"
            value={filter.publisher}
            onChange={(event) => setFilter({ ...filter, publisher: (event.currentTarget as HTMLSelectElement).value })}
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
          <input type="date" data-testid="filter-from" value={dateValue(filter.from)} onChange={(event) => setFilter({ ...filter, from: parseDay((event.currentTarget as HTMLInputElement).value, false) })} />
        </label>
        <label>
          {t('filterTo')}{' '}
          <input type="date" data-testid="filter-to" value={dateValue(filter.to)} onChange={(event) => setFilter({ ...filter, to: parseDay((event.currentTarget as HTMLInputElement).value, true) })} />
        </label>
      </form>

      <div class="toolbar">
        <p role="status" data-testid="history-count">
          {keys === null ? t('stateLoading') : t('historyCount', [String(matchCount), String(order?.length ?? 0)])}
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
              await reload();
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
      {keys !== null && matchCount === 0 && (order?.length ?? 0) > 0 && <p data-testid="history-no-match">{t('historyNoMatch')}</p>}
      {listKeys !== null && listKeys.length > 0 && (
        <>
          <div class="history-header" aria-hidden="true">
            <span>{t('columnHeadline')}</span>
            <span>{t('columnSite')}</span>
            <span>{t('columnOriginal')}</span>
            <span>{t('columnSeen')}</span>
            <span />
          </div>
          <VirtualList
            count={listKeys.length}
            rowHeight={ROW_HEIGHT}
            height={height}
            label={t('historyListLabel')}
            scrollerRef={list}
            onRange={onRange}
            resetKey={listKeys}
            renderRow={(index) => {
              const entry = rows.get(listKeys[index]!);
              return entry ? <HistoryRow entry={entry} onOpen={() => void openDetail(entry)} onDelete={() => void remove(entry.key)} /> : <div class="row-loading" />;
            }}
          />
        </>
      )}

      {detail && <Detail client={client} detail={detail} onClose={closeDetail} onDelete={() => void remove(detail.entry.key)} />}
    </section>
  );
}

const seenFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function HistoryRow({ entry, onOpen, onDelete }: { entry: HistoryEntry; onOpen: () => void; onDelete: () => void }) {
  const { record } = entry;
  return (
    <div data-testid="history-row" class={`history-row ${entry.syndicated ? 'is-copy' : 'is-original'}`}>
      <span class="cell headline" data-testid="history-headline">
        <ExternalLink href={record.url} label={record.page.headline ?? record.url} />
      </span>
      <span class="cell" data-testid="history-site">
        {record.page.siteName ?? entry.site}
      </span>
      <span class="cell publisher" data-testid="history-original">
        {record.syndicated ? (record.original?.publisher ?? t('historyUnknownPublisher')) : t('historyOriginal')}
      </span>
      <span class="cell" data-testid="history-seen">
        <time dateTime={new Date(entry.lastSeen).toISOString()}>{seenFormat.format(entry.lastSeen)}</time>
      </span>
      <span class="cell row-actions">
        <button type="button" class="link-button" data-testid="history-details" onClick={onOpen} aria-label={t('detailsEntryLabel', record.page.headline ?? record.url)}>
          {t('details')}
        </button>
        <button type="button" class="link-button" data-testid="history-delete" onClick={onDelete} aria-label={t('deleteEntryLabel', record.page.headline ?? record.url)}>
          {t('delete')}
        </button>
      </span>
    </div>
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
