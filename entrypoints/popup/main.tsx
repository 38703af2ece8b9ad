import { render } from 'preact';
import { extensionClient } from '@/lib/client';
import { setDocumentLanguage } from '@/lib/i18n';
import { App } from './App';
import '@/components/theme.css';
import './style.css';

setDocumentLanguage();
render(<App client={extensionClient} />, document.getElementById('app')!);
