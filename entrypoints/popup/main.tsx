import { render } from 'preact';
import { extensionClient } from '@/lib/client';
import { App } from './App';
import '@/components/theme.css';
import './style.css';

render(<App client={extensionClient} />, document.getElementById('app')!);
