// Chrome only: the background's DOMParser. Parses fetched HTML and runs the engine on it.
import { browser } from 'wxt/browser';
import { readPage } from '@/core/read-page';
import { isParseRequest, type ParseResponse } from '@/lib/messages';

browser.runtime.onMessage.addListener((message: unknown, sender): Promise<ParseResponse> | undefined => {
  if (sender.id !== browser.runtime.id || !isParseRequest(message)) return undefined;
  try {
    const doc = new DOMParser().parseFromString(message.html, 'text/html');
    return Promise.resolve({ ok: true, page: readPage(doc, message.url) });
  } catch (error) {
    return Promise.resolve({ ok: false, message: `the page could not be read: ${error instanceof Error ? error.message : String(error)}` });
  }
});
