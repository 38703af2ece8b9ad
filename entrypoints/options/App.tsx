import { useState } from 'preact/hooks';
import type { ProvenanceClient } from '@/lib/client';
import { t } from '@/lib/i18n';
import { History } from './History';
import { Settings } from './Settings';
import { Sites } from './Sites';

export function App({ client }: { client: ProvenanceClient }) {
  const [tab, setTab] = useState<'history' | 'sites' | 'settings'>(
    location.hash === '#settings' ? 'settings' : location.hash === '#sites' ? 'sites' : 'history',
  );
  return (
    <main class="options">
      <header class="options-head">
        <p class="brand">{t('extensionName')}</p>
        <nav class="tabs" aria-label={t('optionsSections')}>
          <a href="#history" aria-current={tab === 'history' ? 'page' : undefined} onClick={() => setTab('history')}>
            {t('historyTitle')}
          </a>
          <a href="#sites" aria-current={tab === 'sites' ? 'page' : undefined} onClick={() => setTab('sites')} data-testid="sites-tab">
            {t('sites_tab')}
          </a>
          <a href="#settings" aria-current={tab === 'settings' ? 'page' : undefined} onClick={() => setTab('settings')} data-testid="settings-tab">
            {t('settingsTitle')}
          </a>
        </nav>
      </header>
      {tab === 'history' ? <History client={client} /> : tab === 'sites' ? <Sites client={client} /> : <Settings client={client} />}
    </main>
  );
}
