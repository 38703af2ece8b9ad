/** An entry's details in a modal dialog: the full report, with Delete and Close. */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { EntryView } from '@/components/EntryView';
import type { ProvenanceClient } from '@/lib/client';
import type { HistoryEntry, VerificationEntry } from '@/lib/db';
import { t } from '@/lib/i18n';

export function HistoryDetail({
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
