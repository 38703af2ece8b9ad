import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detect } from '@/core/detect';
import type { Provenance } from '@/core/types';
import { send } from '@/lib/messages';
import { renderBadge, findBadgeAnchor } from '@/components/badge';
import './badge.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const record = detect(document, location.href);
    // The background may be restarting; a lost scan only means the popup says "pending".
    send({ type: 'page-scanned', record }).catch(() => undefined);
    if (record.syndicated) await mountBadge(ctx, record);
  },
});

async function mountBadge(ctx: ContentScriptContext, record: Provenance): Promise<void> {
  const anchor = findBadgeAnchor(document);
  const ui = await createShadowRootUi(ctx, {
    name: 'provenance-badge',
    position: 'inline',
    anchor: anchor ?? undefined,
    append: anchor ? 'after' : 'first',
    onMount: (container) => renderBadge(container, record),
  });
  ui.mount();
}
