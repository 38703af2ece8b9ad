/**
 * The content script's `browser`: the browser's own extension API object,
 * without webextension-polyfill. Chrome MV3 and Firefox both return promises
 * from the few calls a content script makes (runtime.sendMessage,
 * runtime.onMessage with a returned promise, i18n.getMessage), and the
 * polyfill's 10 KB would run on every page a person opens.
 * wxt.config.ts points `wxt/browser` here for content scripts only.
 */
import type { WxtBrowser } from 'wxt/browser';

const native = globalThis as unknown as { browser?: WxtBrowser; chrome?: WxtBrowser };

export const browser: WxtBrowser = native.browser?.runtime?.id ? native.browser : native.chrome!;
