/**
 * Running the engine on HTML: fetched originals, and the pages of the reader's
 * tabs, whose content scripts send their DOM as HTML (lib/messages.ts
 * 'page-html'). The engine needs a DOM Document: a Chrome MV3 service worker
 * has no DOMParser, so there the HTML goes to an offscreen document (reason
 * DOM_PARSER); Firefox's background page has one.
 */
import { browser, type Browser } from 'wxt/browser';
import { digestPage, type PageDigest } from '@/core/digest';
import { readPage } from '@/core/read-page';
import type { ParsePage } from '@/core/verify';
import { sendToOffscreen } from './messages';
import { parseHtml } from './parse-html';

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
      justification: "Read the pages of open tabs and fetched original articles, off the pages' own threads.",
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

export const parsePage: ParsePage = async (html, url) => {
  if (typeof DOMParser !== 'undefined') {
    return readPage(parseHtml(html), url);
  }
  await ensureOffscreenDocument();
  const response = await sendToOffscreen({ target: 'offscreen', type: 'parse-page', html, url });
  if (!response) throw new Error('the page reader did not answer');
  if (!response.ok) throw new Error(response.message);
  return response.page;
};

/** A tab's page, sent as HTML by its content script: its digest, made as the CLI makes one (core/digest.ts on a parsed document). */
export async function digestHtml(html: string, url: string): Promise<PageDigest> {
  if (typeof DOMParser !== 'undefined') return digestPage(parseHtml(html), url);
  await ensureOffscreenDocument();
  const response = await sendToOffscreen({ target: 'offscreen', type: 'digest-page', html, url });
  if (!response) throw new Error('the page reader did not answer');
  if (!response.ok) throw new Error(response.message);
  return response.digest;
}
