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
    // storage: history lives in IndexedDB, settings and per-tab state in extension storage.
    // webRequest: only to observe our own fetches of originals (redirect hops, the
    // real reason a fetch failed); it blocks and changes nothing.
    // offscreen (Chrome): a DOMParser for fetched originals, which the service worker lacks.
    // tabs (Firefox MV2): tab URLs; Chrome MV3 grants them through the content script's host access.
    permissions:
      browser === 'firefox' ? ['storage', 'tabs', 'webRequest'] : ['storage', 'webRequest', 'offscreen'],
    // Fetching an original needs access to its site, asked for one origin at a time when the user clicks Verify.
    ...(browser === 'firefox'
      ? { optional_permissions: ['http://*/*', 'https://*/*'] }
      : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'provenance@provenance.example', strict_min_version: '115.0' },
          },
        }
      : {}),
  }),
});
