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
  main() {
    const record = detect(document, location.href);
    // The background may be restarting; a lost scan only means the popup says "not scanned yet".
    send({ type: 'page-scanned', record }).catch(() => undefined);
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (sender.id !== browser.runtime.id || (message as { type?: unknown })?.type !== 'get-page-text') return undefined;
      return Promise.resolve(articleText(document));
    });
    if (record.syndicated) mountBadge(document, record);
  },
});
