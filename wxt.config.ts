import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

const STRICT_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const nativeBrowser = fileURLToPath(new URL('./lib/native-browser.ts', import.meta.url));

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // webextension-polyfill everywhere but the content script, which runs on
    // every page and stays small (see lib/native-browser.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      const entry = { find: /^wxt\/browser$/, replacement: nativeBrowser };
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(alias)
          ? [entry, ...alias]
          : [entry, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: replacement as string }))],
      };
    },
  },
  // `npm run package`: the Chrome and Firefox zips, and for Firefox the sources addons.mozilla.org
  // asks for (everything tracked by git that the build needs; never local output).
  zip: {
    excludeSources: ['demo-output/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'web-ext-artifacts/**', 'docs/screenshots/**'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extensionName__',
    default_locale: 'en',
    description: '__MSG_extensionDescription__',
    // storage: history lives in IndexedDB, settings and per-tab state in extension storage.
    // webRequest: only to observe our own fetches of originals (redirect hops, the
    // real reason a fetch failed); it blocks and changes nothing.
    // offscreen (Chrome): a DOMParser for fetched originals, which the service worker lacks.
    // tabs: the URL of the tab the popup describes and of a tab that navigates away (the content
    // script's match patterns do not reveal tab URLs to the background).
    permissions: browser === 'firefox' ? ['storage', 'tabs', 'webRequest'] : ['storage', 'tabs', 'webRequest', 'offscreen'],
    // Stricter than the default: our own scripts only, no plugins, no <base>, no form posts, never framed.
    content_security_policy:
      browser === 'firefox'
        ? STRICT_CSP
        : { extension_pages: STRICT_CSP },
    // Fetching an original needs access to its site, asked for one origin at a time when the user clicks Verify.
    ...(browser === 'firefox'
      ? { optional_permissions: ['http://*/*', 'https://*/*'] }
      : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'provenance@provenance.example',
              // 140: the first version that reads data_collection_permissions.
              strict_min_version: '140.0',
              // Nothing leaves the machine: no telemetry, no server of ours.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
