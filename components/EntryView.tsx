/** One history entry as the popup and the options' detail view show it: the card, then the check against the original. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { CorrectionPanel } from './CorrectionPanel';
import { ProvenanceCard, originalSearch, verdictText } from './ProvenanceCard';
import { ReportActions } from './ReportActions';
import { VerificationPanel } from './VerificationPanel';
import { useVerification } from './useVerification';
import { nextHopUrl } from '@/core/next-hop';
import type { ProvenanceClient } from '@/lib/client';
import { verificationFits } from '@/lib/corrections';
import type { HistoryEntry, VerificationEntry } from '@/lib/db';

export function EntryView({
  client,
  entry,
  tabId,
  stored,
}: {
  client: ProvenanceClient;
  entry: HistoryEntry;
  tabId: number | null;
  stored: VerificationEntry | null;
}) {
  // The entry as the reader's last correction (or its undo) left it; a check made before a correction is set aside.
  const [shown, setShown] = useState(entry);
  useEffect(() => setShown(entry), [entry]);
  const fitting = useMemo(() => (stored && verificationFits(shown.correction, stored.checkedAt) ? stored : null), [stored, shown]);
  const { verification, status, verify } = useVerification(client, shown, tabId, fitting);
  const record = shown.record;
  return (
    <>
      <ProvenanceCard
        record={record}
        verification={verification?.verification ?? null}
        onCopy={client.copyText}
        onShowEvidence={tabId !== null ? (text) => client.showEvidence(tabId, text) : undefined}
        correction={<CorrectionPanel client={client} entry={shown} tabId={tabId} onChange={setShown} />}
        main={
          record.syndicated && (
            <VerificationPanel
              entry={verification}
              status={status}
              canVerify={nextHopUrl(record) !== null}
              onVerify={verify}
              fallback={originalSearch(record, verification?.verification ?? null)}
            />
          )
        }
        actions={
          <ReportActions
            record={record}
            verification={verification?.verification ?? null}
            verdict={verdictText(record)}
            readAt={shown.lastSeen}
            version={client.extensionVersion()}
            onCopy={client.copyText}
          />
        }
      />
    </>
  );
}
