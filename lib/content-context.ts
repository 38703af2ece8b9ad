/**
 * What the content script gets in place of WXT's ContentScriptContext
 * (`wxt/utils/content-script-context`): wxt.config.ts points that import here
 * for content scripts only, as it does `wxt/browser` (lib/native-browser.ts).
 *
 * WXT's context announces the extension to every page (a window.postMessage
 * of "<extension id>:content:wxt:content-script-started", which fingerprints
 * it), shuts itself down when anything dispatches that event on the document
 * (a page could stop the re-scans on single-page sites), and sends its URL
 * changes as events on the window, where a page can forge or flood them. The
 * content script uses none of it: it watches the page's URL itself
 * (entrypoints/content/index.ts), so nothing the page sends can start, stop or
 * multiply its scans. WXT's entry code only constructs this and hands it to
 * main(), which ignores it.
 */
export class ContentScriptContext {}
