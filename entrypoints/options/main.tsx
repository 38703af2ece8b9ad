import { render } from 'preact';
import { extensionClient } from '@/lib/client';
import { setDocumentLanguage, t } from '@/lib/i18n';
// The database code is loaded up front here, not on demand as lib/client.ts does for the
// popup: the options page shows rows from the database at once, and the browser fetches
// both scripts in parallel (the client's dynamic import then finds the module loaded).
import '@/lib/history-access';
import { App } from './App';
import '@/components/theme.css';
import './style.css';

setDocumentLanguage();
document.title = `${t('historyTitle')} – ${t('extensionName')}`;
render(<App client={extensionClient} />, document.getElementById('app')!);
