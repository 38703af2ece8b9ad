/**
 * Running the engine on fetched HTML. The engine needs a DOM Document: a
 * Chrome MV3 service worker has no DOMParser, so there the HTML goes to an
 * offscreen document (reason DOM_PARSER); Firefox's background page has one.
 */
import { browser, type Browser } from 'wxt/browser';
import { readPage } from '@/core/read-page';
import type { ParsePage } from '@/core/verify';
import { sendToOffscreen } from './messages';

const OFFSCREEN_PATH = '/offscreen.html';
let creating: Promise<void> | null = null;

async function ensureOffscreenDocument(): Promise<void> {
  // Chrome-only APIs, called on the native object (the polyfill does not wrap them).
  const chromeApi = (globalThis as unknown as { chrome?: typeof Browser }).chrome;
  const offscreen = chromeApi?.offscreen;
  if (!chromeApi || !offscreen) throw new Error('this browser has neither DOMParser in the background nor offscreen documents');
  const contexts = await chromeApi.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType],
    documentUrls: [browser.runtime.getURL(OFFSCREEN_PATH)],
  });
  if (contexts.length > 0) return;
  creating ??= offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['DOM_PARSER' as Browser.offscreen.Reason],
      justification: 'Read fetched original articles with the same engine as the content script.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

export const parsePage: ParsePage = async (html, url) => {
  if (typeof DOMParser !== 'undefined') {
    return readPage(new DOMParser().parseFromString(html, 'text/html'), url);
  }
  await ensureOffscreenDocument();
  const response = await sendToOffscreen({ target: 'offscreen', type: 'parse-page', html, url });
  if (!response) throw new Error('the page reader did not answer');
  if (!response.ok) throw new Error(response.message);
  return response.page;
};
