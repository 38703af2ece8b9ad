import { defineContentScript } from 'wxt/utils/define-content-script';

/**
 * Runs on every page the content script runs on, before the page has any
 * element (document_start), and does nothing. Running, it makes the browser
 * set up the content scripts' world, and in it `browser` and `chrome` (the
 * extension's API), while nothing of the page can stand in for them. Set up
 * later, at document_idle, Chromium (148 and later, with its `browser`
 * namespace) lets a page's frame or element named "browser" or "chrome" take
 * their place: `<iframe name="chrome">` or `<embed name="browser">` leaves the
 * content script with no runtime at all, so no scan, no badge and a popup
 * waiting for ever. Both scripts share the one world; the content script
 * (content/index.ts, lib/native-browser.ts) finds the API as set up here.
 * Tested by the DOM-clobbering scenario in tests/scenarios/scenarios.ts.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {},
});
