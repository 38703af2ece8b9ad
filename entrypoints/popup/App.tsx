import { useEffect, useState } from 'preact/hooks';
import { EntryView } from '@/components/EntryView';
import type { ProvenanceClient } from '@/lib/client';
import type { TabReport } from '@/lib/messages';
import { t } from '@/lib/i18n';

type View = { kind: 'loading' } | { kind: 'report'; tabId: number | null; report: TabReport } | { kind: 'error'; message: string };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function App({ client }: { client: ProvenanceClient }) {
  const [view, setView] = useState<View>({ kind: 'loading' });

  useEffect(() => {
    let stop: (() => void) | null = null;
    let unmounted = false;
    client.targetTabId().then(
      (tabId) => {
        if (unmounted) return;
        if (tabId === null) return setView({ kind: 'report', tabId, report: { state: 'unreadable', tabUrl: null, entry: null, verification: null } });
        // What is stored first, then again each time the background learns more about the tab (a page still
        // loading is scanned, saved, or left): the tab's state is watched, not asked for on a timer.
        stop = client.watchTabReport(
          tabId,
          (report) => setView({ kind: 'report', tabId, report }),
          // A report already on screen stays there when a later one cannot be read.
          (error) => setView((shown) => (shown.kind === 'report' ? shown : { kind: 'error', message: errorText(error) })),
        );
      },
      (error: unknown) => {
        if (!unmounted) setView({ kind: 'error', message: errorText(error) });
      },
    );
    return () => {
      unmounted = true;
      stop?.();
    };
  }, [client]);

  return (
    <main class="popup">
      <p class="brand">{t('extensionName')}</p>
      <Body view={view} client={client} />
    </main>
  );
}

function Body({ view, client }: { view: View; client: ProvenanceClient }) {
  switch (view.kind) {
    case 'loading':
      return <State testid="loading" title={t('stateLoading')} />;
    case 'error':
      return <State testid="error" title={t('stateErrorTitle')} text={t('stateErrorText', view.message)} />;
    case 'report': {
      const { report } = view;
      if (report.state === 'article' && report.entry) {
        return (
          <>
            {report.storageProblem && (
              <p role="alert" class="problem" data-testid="storage-problem">
                {report.storageProblem}
              </p>
            )}
            <EntryView client={client} entry={report.entry} tabId={view.tabId} stored={report.verification} />
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
