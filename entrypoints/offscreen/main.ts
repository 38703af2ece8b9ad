// Chrome only: the background's DOMParser. Parses fetched HTML and runs the engine on it.
import { readPage } from '@/core/read-page';
import { answerMessages, isParseRequest, type ParseResponse } from '@/lib/messages';

answerMessages((message): Promise<ParseResponse> | undefined => {
  if (!isParseRequest(message)) return undefined;
  try {
    const doc = new DOMParser().parseFromString(message.html, 'text/html');
    return Promise.resolve({ ok: true, page: readPage(doc, message.url) });
  } catch (error) {
    return Promise.resolve({ ok: false, message: `the page could not be read: ${error instanceof Error ? error.message : String(error)}` });
  }
});
