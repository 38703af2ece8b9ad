import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PAGE_HTML_CHARS, PAGE_HTML_ELEMENTS } from '@/core/digest-limits';
import type { Provenance } from '@/core/types';
import { answerMessages, parseTabMessage, send, withRetries, type ResponseFor } from '@/lib/messages';
import { t } from '@/lib/i18n';
import type { BadgeActions } from '@/components/badge';
import { BADGE_TAG, CONTENT_UI_FILE } from '@/components/content-ui-names';

/** Single-page sites change the URL first and the article a moment later: the page is scanned again once its URL has stayed the same this long. */
const SPA_SETTLE_MS = 800;
/** How often the URL is looked at. */
const URL_POLL_MS = 500;

type ContentUi = typeof import('@/components/content-ui');
let ui: Promise<ContentUi> | undefined;
/**
 * The badge, the evidence highlight, the article's text and the in-place digest (components/content-ui.ts),
 * loaded the first time a page needs them: most pages are no copy, and never load, parse or compile that code. The module is the extension's own
 * file, web-accessible only through Chrome's per-session dynamic URL (wxt.config.ts, docs/PERFORMANCE.md);
 * it runs in this script's world, out of the page's reach. A failed load is tried again next time.
 */
const contentUi = (): Promise<ContentUi> =>
  (ui ??= (import(/* @vite-ignore */ (browser.runtime.getURL as (path: string) => string)(`/${CONTENT_UI_FILE}`)) as Promise<ContentUi>).catch(
    (error: unknown) => {
      ui = undefined;
      throw error;
    },
  ));

/**
 * Sends the page to the background, which reads it with the engine, runs the rules and answers with the
 * record (outlet names filled in, the reader's badge settings applied). The page pays for serialising its DOM
 * only: a native call, where reading it here would run the digest's code cold in this new script world on
 * every page (docs/PERFORMANCE.md). A page too big to send whole is read here by the digest's bounded walks,
 * and so is a page whose HTML the background could not read.
 */
async function sendPage(url: string): Promise<ResponseFor['page-html']> {
  const started = performance.now();
  const html = pageHtml(document);
  const serialised = performance.now() - started;
  if (html !== null && html.length <= PAGE_HTML_CHARS) {
    const answer = await send({ type: 'page-html', url, html, ms: Math.round(serialised * 1000) / 1000 }).catch(() => null);
    if (answer) return answer;
  }
  const { digestPage } = await contentUi();
  const digest = digestPage(document, url);
  // The page's time: its digest's, and the serialising before it.
  digest.ms = Math.round((digest.ms + serialised) * 1000) / 1000;
  return send({ type: 'page-scanned', digest });
}

/**
 * The page's DOM as HTML, or null when it is too big to send: more than PAGE_HTML_ELEMENTS elements, or
 * served as more than PAGE_HTML_CHARS bytes (known before serialising it, from the page's navigation timing).
 * Through the DOM's own getters and methods: a page's named elements stand for the document's properties
 * (`<img name="documentElement">` is the page's document.documentElement, in every script world).
 */
function pageHtml(doc: Document): string | null {
  const getter = (proto: object, name: string) => Object.getOwnPropertyDescriptor(proto, name)?.get;
  const root = getter(Document.prototype, 'documentElement')?.call(doc) as Element | null;
  if (!root || Document.prototype.getElementsByTagName.call(doc, '*')[PAGE_HTML_ELEMENTS]) return null;
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  if ((navigation?.decodedBodySize ?? 0) > PAGE_HTML_CHARS) return null;
  return getter(Element.prototype, 'outerHTML')?.call(root) as string;
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // The badge carries its own styles inside its shadow root: nothing is injected into the page.
  cssInjectionMode: 'manual',
  // WXT's context (ctx) is not used and not there: lib/content-context.ts.
  async main() {
    let dismissedOn: string | null = null;

    const removeBadge = () => document.querySelector(BADGE_TAG)?.remove();
    const actions = (record: Provenance): BadgeActions => ({
      dismiss: () => {
        dismissedOn = location.href;
        removeBadge();
      },
      // Saved by the background for this tab's page or site (lib/control.ts); the card offers the undo.
      control: (what) =>
        send({ type: 'card-control', what, undo: false }).then(
          (answer) =>
            answer.ok
              ? () => send({ type: 'card-control', what, undo: true }).then((undone) => (undone.ok ? null : undone.message), String)
              : answer.message,
          String,
        ),
      // The background checks this tab's page, or opens a page to ask for the sites' access, and answers with
      // the card's sentence (lib/card-service.ts): no wording or decision here.
      verify: async () => {
        try {
          return (await send({ type: 'card-verify' })).sentence;
        } catch (error) {
          return t('card_outcomeFailed', String(error));
        }
      },
    });

    const scan = async () => {
      const url = location.href;
      const answer = await withRetries(() => sendPage(url));
      // An answer about a URL the page has left since (its scan is coming) changes nothing.
      if (url !== location.href) return;
      removeBadge();
      if (!answer?.showBadge || dismissedOn === location.href) return;
      const { mountBadge } = await contentUi();
      // The page may have moved on, or the reader hidden the badge, while the module loaded.
      if (url === location.href && dismissedOn !== location.href)
        mountBadge(document, answer.record, actions(answer.record), answer.card, answer.site);
    };

    answerMessages((message) => {
      const request = parseTabMessage(message);
      if (request?.type === 'get-page-text') return contentUi().then(({ articleText }) => articleText(document));
      // A piece of evidence clicked in the popup: scrolled to and highlighted, if the page's text holds it.
      if (request?.type === 'highlight-evidence') return contentUi().then(({ showEvidence }) => showEvidence(document, request.text));
      return undefined;
    });
    // Client-side navigation: the old badge no longer describes the page; the new one is scanned once its URL
    // has settled. The URL is polled, not taken from events a page can forge or flood: 10,000 history.pushState
    // calls give one scan. Watched from the first scan on (a page may move while that scan is on its way); an
    // orphaned script (the extension was updated or removed) stops looking.
    let seen = location.href;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const watch = setInterval(() => {
      if (!browser.runtime?.id) return clearInterval(watch);
      if (location.href === seen) return;
      seen = location.href;
      removeBadge();
      clearTimeout(settle);
      settle = setTimeout(() => void scan(), SPA_SETTLE_MS);
    }, URL_POLL_MS);
    await scan();
  },
});
