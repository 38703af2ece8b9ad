import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { articleText } from '@/core/article-text';
import { detect } from '@/core/detect';
import { send } from '@/lib/messages';
import { mountBadge } from '@/components/badge';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // The badge carries its own styles inside its shadow root: nothing is injected into the page.
  cssInjectionMode: 'manual',
  async main() {
    const record = detect(document, location.href);
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (sender.id !== browser.runtime.id || (message as { type?: unknown })?.type !== 'get-page-text') return undefined;
      return Promise.resolve(articleText(document));
    });
    // The background answers with outlet names filled in and the user's badge settings applied.
    const answer = await send({ type: 'page-scanned', record }).catch(() => null);
    if (answer?.showBadge) mountBadge(document, answer.record);
  },
});
