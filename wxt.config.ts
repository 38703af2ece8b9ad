import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildContentUi, CONTENT_UI_FILE } from './scripts/content-ui';
import { compileHint } from './scripts/compile-hint';

/** The suggested keyboard shortcut for the popup (manifest `commands`). */
export const POPUP_SHORTCUT = 'Alt+Shift+O';
const STRICT_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const nativeBrowser = fileURLToPath(new URL('./lib/native-browser.ts', import.meta.url));
const contentContext = fileURLToPath(new URL('./lib/content-context.ts', import.meta.url));
const tldtsMinified = createRequire(import.meta.url).resolve('tldts/dist/index.esm.min.js');

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    // tldts's own minified build: from its sources, Vite's minifier writes the list's 69 KB label string
    // out twice (272 KB in each bundle that decides a site, against 135 KB). Node and the tests use the package as it is.
    resolve: { alias: [{ find: /^tldts$/, replacement: tldtsMinified }] },
  }),
  hooks: {
    // The content script's on-demand half (badge, evidence highlight), an ES module content.js imports when a
    // page needs it (scripts/content-ui.ts).
    'build:publicAssets': async (_wxt, files) => {
      files.push({ relativeDest: CONTENT_UI_FILE, contents: (await buildContentUi()).code });
    },
    // webextension-polyfill everywhere but the content script, which runs on
    // every page and stays small (see lib/native-browser.ts); and no WXT
    // content-script context there, which a page can see and stop (see
    // lib/content-context.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      config.plugins = [...(config.plugins ?? []), compileHint];
      const alias = config.resolve?.alias;
      const entries = [
        { find: /^wxt\/browser$/, replacement: nativeBrowser },
        { find: /^wxt\/utils\/content-script-context$/, replacement: contentContext },
      ];
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(alias)
          ? [...entries, ...alias]
          : [...entries, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: replacement as string }))],
      };
    },
  },
  // `npm run zip` / `npm run zip:firefox`: the Chrome and Firefox zips, and for Firefox the sources addons.mozilla.org
  // asks for (everything tracked by git that the build needs; never local output).
  zip: {
    excludeSources: [
      'dist/**',
      'demo-output/**',
      'test-results/**',
      'playwright-report/**',
      '.tmp/**',
      'web-ext-artifacts/**',
      'docs/screenshots/**',
    ],
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
    // alarms: pruning the history on a schedule (lib/upkeep.ts); no install warning.
    // contextMenus: the link menu "Where does this article come from?" (lib/card-service.ts); no install warning.
    permissions:
      browser === 'firefox'
        ? ['storage', 'tabs', 'webRequest', 'alarms', 'contextMenus']
        : ['storage', 'tabs', 'webRequest', 'offscreen', 'alarms', 'contextMenus'],
    // Stricter than the default: our own scripts only, no plugins, no <base>, no form posts, never framed.
    content_security_policy: browser === 'firefox' ? STRICT_CSP : { extension_pages: STRICT_CSP },
    // A keyboard shortcut for the popup: Alt+Shift+O ("original"). Chromium keeps Alt+Shift+P and Ctrl+Shift+P for
    // itself and leaves such a command without a key; O is free in Chromium and Firefox. The reader
    // can change it (chrome://extensions/shortcuts, Firefox's "Manage Extension Shortcuts"). The welcome page and
    // the options show the one the browser has (components/ShortcutNote.tsx).
    commands: { [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: { suggested_key: { default: POPUP_SHORTCUT } } },
    // content.js imports its on-demand half (the badge) from the page, so the page's origin must be allowed to load
    // it. Chrome: only through the per-session dynamic URL runtime.getURL gives, so no page can probe the fixed
    // extension id for it. Firefox: its address holds the install's random UUID, which no page is told.
    web_accessible_resources:
      browser === 'firefox' ? [CONTENT_UI_FILE] : [{ resources: [CONTENT_UI_FILE], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
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
