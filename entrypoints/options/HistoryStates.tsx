/** The history's messages: the outcome of the reader's last change, an error, an empty history, a filter matching nothing. */
import { t } from '@/lib/i18n';
import type { HistoryQuery } from './useHistoryQuery';

export function HistoryMessages({ notice, error }: Pick<HistoryQuery, 'notice' | 'error'>) {
  return (
    <>
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
    </>
  );
}

export function HistoryEmpty({ order, result, matchCount }: Pick<HistoryQuery, 'order' | 'result' | 'matchCount'>) {
  return (
    <>
      {order?.length === 0 && <p data-testid="history-empty">{t('historyEmpty')}</p>}
      {result !== null && matchCount === 0 && (order?.length ?? 0) > 0 && <p data-testid="history-no-match">{t('historyNoMatch')}</p>}
    </>
  );
}
