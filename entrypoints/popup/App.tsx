import { useCallback, useEffect, useState } from 'preact/hooks';
import { ProvenanceCard } from '@/components/ProvenanceCard';
import { VerificationPanel, type VerifyStatus } from '@/components/VerificationPanel';
import { displayHost } from '@/core/url';
import { nextHopUrl } from '@/core/verify';
import type { ProvenanceClient } from '@/lib/client';
import type { TabReport } from '@/lib/messages';
import { t } from '@/lib/i18n';

type View = { kind: 'loading' } | { kind: 'report'; tabId: number | null; report: TabReport } | { kind: 'error'; message: string };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function App({ client }: { client: ProvenanceClient }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [verifyStatus, setVerifyStatus] = useState<VerifyStatus>({ kind: 'idle' });

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const tabId = await client.targetTabId();
      if (tabId === null) {
        setView({ kind: 'report', tabId, report: { state: 'unreadable', tabUrl: null, entry: null, verification: null } });
        return;
      }
      // The first render comes from what is stored; a page still loading is asked again a few times.
      for (let attempt = 0; attempt < 10 && !cancelled; attempt++) {
        const report = await client.tabReport(tabId);
        if (cancelled) return;
        setView({ kind: 'report', tabId, report });
        if (report.state !== 'pending') return;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    })().catch((error: unknown) => {
      if (!cancelled) setView({ kind: 'error', message: errorText(error) });
    });
    return () => {
      cancelled = true;
    };
  }, [client]);

  const onVerify = useCallback(
    async (force: boolean) => {
      if (view.kind !== 'report' || !view.report.entry) return;
      const { entry, verification } = view.report;
      const record = entry.record;
      // Ask, in this click, for the sites the check will read: the page's source, and a site a previous try was refused.
      const sites = [nextHopUrl(record)];
      const refused = verification?.verification.failure ?? verification?.lastFailure?.verification.failure;
      if (refused?.code === 'permission-refused') sites.push(refused.url);
      const wanted = sites.filter((url): url is string => !!url);
      try {
        if (!(await client.requestSiteAccess(wanted))) {
          setVerifyStatus({ kind: 'error', message: t('verifyPermissionRefused', wanted.map(displayHost).join(', ')) });
          return;
        }
      } catch (error) {
        setVerifyStatus({ kind: 'error', message: t('verifyPermissionRefused', `${wanted.map(displayHost).join(', ')} (${errorText(error)})`) });
        return;
      }
      setVerifyStatus({ kind: 'running', step: null });
      const stop = client.onVerifyProgress((progress) => {
        if (progress.pageUrl === entry.key) setVerifyStatus({ kind: 'running', step: displayHost(progress.url) });
      });
      try {
        const response = await client.verify(record.url, view.tabId, force);
        if (response.ok) {
          setView({ ...view, report: { ...view.report, verification: response.entry } });
          setVerifyStatus({ kind: 'idle' });
        } else {
          setVerifyStatus({ kind: 'error', message: response.verification.failure?.message ?? t('verifyOutcomeFailed') });
        }
      } catch (error) {
        setVerifyStatus({ kind: 'error', message: t('verifyInterrupted', errorText(error)) });
      } finally {
        stop();
      }
    },
    [client, view],
  );

  return (
    <main class="popup">
      <p class="brand">{t('extensionName')}</p>
      <Body view={view} verifyStatus={verifyStatus} onVerify={onVerify} client={client} />
    </main>
  );
}

function Body({
  view,
  verifyStatus,
  onVerify,
  client,
}: {
  view: View;
  verifyStatus: VerifyStatus;
  onVerify: (force: boolean) => void;
  client: ProvenanceClient;
}) {
  switch (view.kind) {
    case 'loading':
      return <State testid="loading" title={t('stateLoading')} />;
    case 'error':
      return <State testid="error" title={t('stateErrorTitle')} text={t('stateErrorText', view.message)} />;
    case 'report': {
      const { report } = view;
      if (report.state === 'article' && report.entry) {
        const record = report.entry.record;
        return (
          <>
            <ProvenanceCard record={record} verification={report.verification?.verification ?? null} onCopy={client.copyText} />
            {record.syndicated && (
              <VerificationPanel entry={report.verification} status={verifyStatus} canVerify={nextHopUrl(record) !== null} onVerify={onVerify} />
            )}
          </>
        );
      }
      if (report.state === 'no-article') return <State testid="no-article" title={t('stateNoArticleTitle')} text={t('stateNoArticleText')} />;
      if (report.state === 'unreadable') return <State testid="unreadable" title={t('stateUnreadableTitle')} text={t('stateUnreadableText')} />;
      return <State testid="pending" title={t('statePendingTitle')} text={t('statePendingText')} />;
    }
  }
}

function State({ testid, title, text }: { testid: string; title: string; text?: string }) {
  return (
    <section class="state" data-testid={testid} role="status">
      <h1 class="verdict">{title}</h1>
      {text && <p>{text}</p>}
    </section>
  );
}
