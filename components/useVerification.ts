/**
 * Running a verification from a page of the extension (popup, options): asks
 * for access to the sites in the click that started it, shows progress, and
 * keeps the last stored result on screen while a re-check runs.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { displayHost } from '@/core/url';
import { nextHopUrl } from '@/core/next-hop';
import { hopRefusal } from '@/core/private-network';
import type { ProvenanceClient } from '@/lib/client';
import type { HistoryEntry, VerificationEntry } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { VerifyStatus } from './VerificationPanel';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useVerification(client: ProvenanceClient, entry: HistoryEntry | null, tabId: number | null, stored: VerificationEntry | null) {
  const [verification, setVerification] = useState<VerificationEntry | null>(stored);
  const [status, setStatus] = useState<VerifyStatus>({ kind: 'idle' });
  useEffect(() => setVerification(stored), [stored]);

  const verify = useCallback(
    async (force: boolean) => {
      if (!entry) return;
      const record = entry.record;
      // The sites this check will read: the page's source, and a site a previous try was not allowed to read.
      const refused = verification?.verification.failure ?? verification?.lastFailure?.verification.failure;
      // An address into a private network is never asked for: the background refuses it before any request, and says so.
      const wanted = [nextHopUrl(record), refused?.code === 'permission-refused' ? refused.url : null].filter(
        (url): url is string => !!url && !hopRefusal(url),
      );
      const names = wanted.map(displayHost).join(', ');
      try {
        if (!(await client.requestSiteAccess(wanted))) return setStatus({ kind: 'error', message: t('verifyPermissionRefused', names) });
      } catch (error) {
        return setStatus({ kind: 'error', message: t('verifyPermissionRefused', `${names} (${errorText(error)})`) });
      }
      setStatus({ kind: 'running', step: null });
      const stop = client.onVerifyProgress((progress) => {
        if (progress.pageUrl === entry.key) setStatus({ kind: 'running', step: displayHost(progress.url) });
      });
      try {
        const response = await client.verify(record.url, tabId, force);
        if (response.ok) {
          setVerification(response.entry);
          setStatus({ kind: 'idle' });
        } else {
          setStatus({ kind: 'error', message: response.verification.failure?.message ?? t('verifyOutcomeFailed') });
        }
      } catch (error) {
        // The background went away mid-check (browser update, service worker stopped): nothing was stored; try again.
        setStatus({ kind: 'error', message: t('verifyInterrupted', errorText(error)) });
      } finally {
        stop();
      }
    },
    [client, entry, tabId, verification],
  );

  return { verification, status, verify };
}
