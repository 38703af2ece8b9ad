import { render } from 'preact';
import { extensionClient } from '@/lib/client';
import { setDocumentLanguage, t } from '@/lib/i18n';
import { Welcome } from './Welcome';
import '@/components/theme.css';
import './style.css';

setDocumentLanguage();
document.title = t('control_welcomeTitle');
render(<Welcome client={extensionClient} />, document.getElementById('app')!);
