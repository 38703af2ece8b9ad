/** One history entry as the popup and the options' detail view show it: the card, then the check against the original. */
import { ProvenanceCard } from './ProvenanceCard';
import { VerificationPanel } from './VerificationPanel';
import { useVerification } from './useVerification';
import { nextHopUrl } from '@/core/next-hop';
import type { ProvenanceClient } from '@/lib/client';
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
  const { verification, status, verify } = useVerification(client, entry, tabId, stored);
  const record = entry.record;
  return (
    <>
      <ProvenanceCard record={record} verification={verification?.verification ?? null} onCopy={client.copyText} />
      {record.syndicated && (
        <VerificationPanel entry={verification} status={status} canVerify={nextHopUrl(record) !== null} onVerify={verify} />
      )}
    </>
  );
}
