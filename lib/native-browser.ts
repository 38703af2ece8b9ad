/**
 * The content script's `browser`: the browser's own extension API object,
 * without webextension-polyfill. Chrome MV3 and Firefox both return promises
 * from the few calls a content script makes (runtime.sendMessage,
 * runtime.onMessage with a returned promise, i18n.getMessage), and the
 * polyfill's 10 KB would run on every page a person opens.
 * wxt.config.ts points `wxt/browser` here for content scripts only.
 */
import type { WxtBrowser } from 'wxt/browser';

const native = globalThis as unknown as { browser?: WxtBrowser; chrome: WxtBrowser };

/**
 * `browser` only where the browser defines it (Firefox; Chromium 148 and
 * later): an own property of the content scripts' global. A page's element
 * named "browser" (`<form id="browser">`, `<img name="browser">`) also shows
 * up as `window.browser`, from the prototype chain, with whatever shape the
 * page gave it (two forms make `browser.runtime.id` truthy): its shape proves
 * nothing. Otherwise `chrome`, which the browser defines in every version.
 * Both are the browser's own because the world they live in was set up
 * before the page had any element (entrypoints/early.content.ts).
 */
export const browser: WxtBrowser = Object.hasOwn(native, 'browser') ? native.browser! : native.chrome;
