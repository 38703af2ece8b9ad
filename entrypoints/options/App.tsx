import { useEffect, useState } from 'preact/hooks';
import type { ProvenanceClient } from '@/lib/client';
import type { HistoryEntry } from '@/lib/db';
import { t } from '@/lib/i18n';
import { ExternalLink } from '@/components/ExternalLink';

export function App({ client }: { client: ProvenanceClient }) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    client
      .history(500)
      .then(setEntries)
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  }, [client]);

  return (
    <main class="options">
      <header>
        <p class="brand">{t('extensionName')}</p>
        <h1>{t('historyTitle')}</h1>
      </header>
      {error && (
        <p role="alert" data-testid="history-error">
          {t('historyLoadError', error)}
        </p>
      )}
      {entries === null && !error && <p role="status">{t('stateLoading')}</p>}
      {entries?.length === 0 && <p data-testid="history-empty">{t('historyEmpty')}</p>}
      {entries && entries.length > 0 && (
        <table class="history">
          <thead>
            <tr>
              <th scope="col">{t('columnHeadline')}</th>
              <th scope="col">{t('columnSite')}</th>
              <th scope="col">{t('columnOriginal')}</th>
              <th scope="col">{t('columnSeen')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <HistoryRow key={entry.key} entry={entry} />
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

const seenFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function HistoryRow({ entry }: { entry: HistoryEntry }) {
  const { record } = entry;
  return (
    <tr data-testid="history-row" class={entry.syndicated ? 'is-copy' : 'is-original'}>
      <td data-testid="history-headline">
        <ExternalLink href={record.url} label={record.page.headline ?? record.url} />
      </td>
      <td data-testid="history-site">{record.page.siteName ?? entry.site}</td>
      <td data-testid="history-original">
        {record.syndicated ? (record.original?.publisher ?? t('historyUnknownPublisher')) : t('historyOriginal')}
      </td>
      <td data-testid="history-seen">
        <time dateTime={new Date(entry.lastSeen).toISOString()}>{seenFormat.format(entry.lastSeen)}</time>
      </td>
    </tr>
  );
}
