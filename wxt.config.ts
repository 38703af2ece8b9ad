import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extensionName__',
    default_locale: 'en',
    description: '__MSG_extensionDescription__',
    // Chrome MV3 counts the content script's match patterns as host access, which is enough for tab URLs;
    // Firefox MV2 needs "tabs" to read them.
    permissions: browser === 'firefox' ? ['storage', 'tabs'] : ['storage'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'provenance@provenance.example', strict_min_version: '115.0' },
          },
        }
      : {}),
  }),
});
