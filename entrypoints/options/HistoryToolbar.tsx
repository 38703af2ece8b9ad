/** Over the history's list: how many entries match, and the export, import and clear actions (with the clear confirmation). */
import type { Ref } from 'preact';
import { t } from '@/lib/i18n';
import type { HistoryQuery } from './useHistoryQuery';

/** Hands the reader a file to save. */
function saveFile(text: string, kind: 'json' | 'csv') {
  const blob = new Blob([text], { type: kind === 'json' ? 'application/json' : 'text/csv' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `provenance-history-${new Date().toISOString().slice(0, 10)}.${kind}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export function HistoryToolbar({
  query,
  confirmClear,
  onClear,
  clearButton,
}: {
  query: Pick<HistoryQuery, 'result' | 'order' | 'matchCount' | 'grouping' | 'exportHistory' | 'importFile'>;
  confirmClear: boolean;
  onClear: () => void;
  clearButton: Ref<HTMLButtonElement>;
}) {
  const { result, order, matchCount } = query;
  const download = (kind: 'json' | 'csv') => query.exportHistory(kind, (text) => saveFile(text, kind));
  return (
    <div class="toolbar">
      <p role="status" data-testid="history-count">
        {result === null || order === null ? t('stateLoading') : t('historyCount', [String(matchCount), String(order.length)])}
        {query.grouping && ` · ${t('history_grouping')}`}
      </p>
      <div class="toolbar-actions">
        <button type="button" class="button secondary" data-testid="export-json" onClick={() => void download('json')}>
          {t('exportJson')}
        </button>
        <button type="button" class="button secondary" data-testid="export-csv" onClick={() => void download('csv')}>
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
              void query.importFile(input.files?.[0]).finally(() => (input.value = ''));
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
          onClick={onClear}
          disabled={!order?.length}
        >
          {t('clearHistory')}
        </button>
      </div>
    </div>
  );
}

/** Asks before the whole history is deleted; focus starts on Cancel. */
export function ClearConfirm({ count, onConfirm, onCancel }: { count: number; onConfirm: () => Promise<void>; onCancel: () => void }) {
  return (
    <div
      role="alertdialog"
      id="confirm-clear"
      aria-labelledby="clear-title"
      class="confirm"
      data-testid="confirm-clear"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p id="clear-title">{t('clearConfirm', String(count))}</p>
      <button type="button" class="button danger" data-testid="confirm-clear-yes" onClick={() => void onConfirm()}>
        {t('clearConfirmYes')}
      </button>{' '}
      {/* Focus starts on the harmless choice: Enter or Escape right away deletes nothing. */}
      <button type="button" class="button secondary" data-testid="confirm-clear-no" ref={(el) => el?.focus()} onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
