/**
 * The options page's History tab: the views over `useHistoryQuery`, which
 * holds the data. This component keeps what is only the page's: the open
 * details dialog, the clear confirmation, and where keyboard focus goes.
 */
import { useRef, useState } from 'preact/hooks';
import type { ProvenanceClient } from '@/lib/client';
import type { HistoryEntry, VerificationEntry } from '@/lib/db';
import { t } from '@/lib/i18n';
import { HistoryDetail } from './HistoryDetail';
import { HistoryFilters } from './HistoryFilters';
import { HistoryEmpty, HistoryMessages } from './HistoryStates';
import { HistoryTable } from './HistoryTable';
import { ClearConfirm, HistoryToolbar } from './HistoryToolbar';
import { useHistoryQuery } from './useHistoryQuery';

export function History({ client }: { client: ProvenanceClient }) {
  const query = useHistoryQuery(client);
  const [detail, setDetail] = useState<{ entry: HistoryEntry; verification: VerificationEntry | null } | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
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

  const openDetail = async (entry: HistoryEntry) => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDetail(await query.details(entry));
  };
  const closeDetail = () => {
    setDetail(null);
    restoreFocus();
  };

  const remove = async (key: string) => {
    const hadFocus = scroller.current?.contains(document.activeElement) || detail !== null;
    await query.deleteEntry(key);
    setDetail(null);
    await query.reload(true);
    // The focused row is gone: keep the keyboard user in the list, not back at the top of the page.
    if (hadFocus) requestAnimationFrame(() => scroller.current?.focus());
  };
  const closeConfirm = () => {
    setConfirmClear(false);
    requestAnimationFrame(() => (clearButton.current?.disabled ? scroller.current : clearButton.current)?.focus());
  };
  const clearAll = async () => {
    await query.clearHistory();
    setConfirmClear(false);
    await query.reload(true);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="history-search"]')?.focus());
  };

  return (
    <section aria-labelledby="history-title">
      <h1 id="history-title">{t('historyTitle')}</h1>
      <HistoryFilters query={query} />
      <HistoryToolbar query={query} confirmClear={confirmClear} onClear={() => setConfirmClear(true)} clearButton={clearButton} />
      <HistoryMessages notice={query.notice} error={query.error} />
      {confirmClear && <ClearConfirm count={query.order?.length ?? 0} onConfirm={clearAll} onCancel={closeConfirm} />}
      <HistoryEmpty order={query.order} result={query.result} matchCount={query.matchCount} />
      {query.listIds !== null && query.listIds.length > 0 && (
        <HistoryTable query={query} scroller={scroller} onOpen={(entry) => void openDetail(entry)} onDelete={(entry) => void remove(entry.key)} />
      )}
      {detail && <HistoryDetail client={client} detail={detail} onClose={closeDetail} onDelete={() => void remove(detail.entry.key)} />}
    </section>
  );
}
