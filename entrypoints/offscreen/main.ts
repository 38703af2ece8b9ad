// Chrome only: the background's DOMParser. Reads HTML with the engine: a tab's page into its digest, a fetched page whole.
import { digestPage } from '@/core/digest';
import { readPage } from '@/core/read-page';
import { answerMessages, isParseRequest, type DigestResponse, type ParseResponse } from '@/lib/messages';
import { parseHtml } from '@/lib/parse-html';

answerMessages((message): Promise<ParseResponse | DigestResponse> | undefined => {
  if (!isParseRequest(message)) return undefined;
  try {
    const doc = parseHtml(message.html);
    return Promise.resolve(
      message.type === 'digest-page' ? { ok: true, digest: digestPage(doc, message.url) } : { ok: true, page: readPage(doc, message.url) },
    );
  } catch (error) {
    return Promise.resolve({ ok: false, message: `the page could not be read: ${error instanceof Error ? error.message : String(error)}` });
  }
});
