import { render } from 'preact';
import { extensionClient } from '@/lib/client';
import { setDocumentLanguage, t } from '@/lib/i18n';
import { CheckPage } from './CheckPage';
import '@/components/theme.css';
import './style.css';

setDocumentLanguage();
document.title = `${t('card_checkTitle')} – ${t('extensionName')}`;
render(<CheckPage client={extensionClient} query={location.search} />, document.getElementById('app')!);
