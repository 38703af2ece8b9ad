/**
 * The inline badge on a syndicated article: a compact pill near the headline
 * that expands, on click or from the keyboard, into a small card with the
 * verdict, the original and a link to it.
 *
 * Plain DOM and textContent only: it runs in the content script on every page
 * (small is fast), and page-derived text never becomes markup. It lives in a
 * shadow root of its own — the page's CSS cannot reach in, ours cannot leak
 * out — and it only ever inserts one new element: no node the page (or its
 * framework) owns is changed.
 *
 * The badge is the extension's, not the page's: its shadow root is closed and
 * no reference to it is kept where the page can reach (no property on the
 * host, no global), so the page's own script can neither read the card (the
 * outcome of a verification would tell it what another site answered) nor
 * change it; and every handler accepts only the browser's own (trusted)
 * events, so the page cannot press Verify (fetches to sites the user allowed)
 * or "Never on this site" for the user (tests/e2e/page-attacks.spec.ts).
 */
import type { Provenance } from '@/core/types';
import type { CardWords } from '@/lib/card-words';
import type { SiteCopiesLine } from '@/lib/sites';
import { t } from '@/lib/i18n';
import { signalText } from '@/lib/signal-text';
import type { CardControl } from '@/lib/messages';
import { showEvidence } from '@/lib/find-evidence';
import badgeCss from './badge.css?inline';
import { BADGE_TAG } from './content-ui-names';

/** How long the Undo stays in place before the badge goes, after "Not a copy?" or "Never on this site". */
const UNDO_MS = 6_000;
const DONE = { 'not-a-copy': 'control_doneNotCopy', 'wrong-original': 'control_doneWrongOriginal', silence: 'control_doneSilence' } as const;

export interface BadgeActions {
  /** Hide the badge on this page (until it is loaded again). */
  dismiss(): void;
  /**
   * The reader's say: this page is not a copy, the original it names is wrong (lib/control.ts), or never
   * show the badge on this site. Resolves to its undo, or to why it could not be saved; the undo resolves
   * to null, or to why it could not be taken back.
   */
  control(what: CardControl): Promise<(() => Promise<string | null>) | string>;
  /** Ask the background to check the original; resolves to a sentence for the card. */
  verify(): Promise<string>;
}

/** Where the badge goes: right after the article's headline, else after the line naming the source. */
function findBadgeAnchor(doc: Document): Element | null {
  const headline = doc.querySelector('article h1') ?? doc.querySelector('h1.entry-title') ?? doc.querySelector('main h1') ?? doc.querySelector('h1');
  if (headline) return headline;
  for (const candidate of Array.from(doc.querySelectorAll('p, div')).slice(0, 400)) {
    if (candidate.childElementCount <= 2 && /^\s*source\s*(link)?\s*:/i.test(candidate.textContent ?? '')) return candidate;
  }
  return null;
}

/** The badge's one line: "Syndicated from The Washington Post". */
function badgeText(record: Provenance): { verdict: string } {
  const publisher = record.original?.publisher ?? record.chain.at(-1)?.publisher ?? null;
  return { verdict: publisher ? t('badgeSyndicatedFrom', publisher) : t('badgeSyndicated') };
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Inserts the badge after the headline. Where the gap under the headline is
 * tall enough the badge floats in it (no layout shift at all); otherwise it
 * takes its own line once, right away, before the reader has scrolled.
 */
/**
 * `words`: the card's words, made by the background (lib/card-words.ts): its first words, the kind of copy,
 * and its link labelled with what it leads to. Without them the card says the verdict and has no link.
 */
export function mountBadge(doc: Document, record: Provenance, actions: BadgeActions, words?: CardWords, site?: SiteCopiesLine | null): HTMLElement {
  doc.querySelector(BADGE_TAG)?.remove();
  const host = doc.createElement(BADGE_TAG);
  const root = el(doc, 'div', 'root');
  host.attachShadow({ mode: 'closed' }).append(el(doc, 'style', undefined, badgeCss), root);
  renderBadge(root, record, actions, host, words, site);
  const anchor = findBadgeAnchor(doc);
  if (anchor) anchor.after(host);
  else (doc.body ?? doc.documentElement).prepend(host);
  placeWithoutShift(host, root, anchor);
  return host;
}

/**
 * Places the pill where it takes no room: in the gap under the headline if
 * it is tall enough, else after the headline's last line if that line leaves
 * room. Only when neither fits does the badge take a line of its own.
 */
function placeWithoutShift(host: HTMLElement, root: HTMLElement, anchor: Element | null): void {
  const pill = root.querySelector<HTMLElement>('.pill');
  const card = root.querySelector<HTMLElement>('.card');
  if (!anchor || !pill || !card) return;
  host.classList.add('floating');
  const hostBox = host.getBoundingClientRect();
  const pillBox = pill.getBoundingClientRect();
  const place = (left: number, top: number) => {
    pill.style.left = `${Math.round(left - hostBox.left)}px`;
    pill.style.top = `${Math.round(top - hostBox.top)}px`;
    // The open card takes its place in the column under the pill: it moves the byline and the lead image down,
    // never covers them.
    card.style.marginTop = `${Math.max(4, Math.round(top - hostBox.top + pillBox.height + 4))}px`;
  };
  const anchorBox = anchor.getBoundingClientRect();
  const next = host.nextElementSibling?.getBoundingClientRect();
  if (next && next.top - anchorBox.bottom >= pillBox.height + 4) {
    return place(anchorBox.left, (anchorBox.bottom + next.top) / 2 - pillBox.height / 2);
  }
  const range = anchor.ownerDocument.createRange();
  range.selectNodeContents(anchor);
  const lines = range.getClientRects();
  const last = lines[lines.length - 1];
  if (last && anchorBox.right - last.right >= pillBox.width + 12) {
    return place(last.right + 10, last.top + last.height / 2 - pillBox.height / 2);
  }
  host.classList.remove('floating');
}

/** A handler that runs for the browser's own events only: a click or key the page's script made up is ignored. */
const trusted = (handler: () => unknown) => (event: Event) => event.isTrusted && handler();

export function renderBadge(
  root: HTMLElement,
  record: Provenance,
  actions: BadgeActions,
  host: HTMLElement,
  words?: CardWords,
  site?: SiteCopiesLine | null,
): void {
  const doc = root.ownerDocument;
  const { verdict } = badgeText(record);
  const cardId = 'provenance-card';

  const pill = el(doc, 'button', 'pill');
  pill.type = 'button';
  pill.dataset.testid = 'provenance-badge';
  pill.setAttribute('aria-expanded', 'false');
  pill.setAttribute('aria-controls', cardId);
  // The pill's words are the kind of copy, worded by the background (lib/kind-text.ts) and sent with the record.
  pill.append(el(doc, 'span', 'mark', '⟲'), el(doc, 'span', undefined, words?.label ?? verdict));
  pill.firstElementChild!.setAttribute('aria-hidden', 'true');

  const card = el(doc, 'div', 'card');
  card.id = cardId;
  card.hidden = true;
  card.setAttribute('role', 'group');
  card.setAttribute('aria-label', t('extensionName'));
  card.dataset.testid = 'provenance-badge-card';
  // First words: the kind of copy ("Copy of a Washington Post story"), then how it was copied.
  card.append(el(doc, 'p', 'title', words?.label ?? verdict));
  if (words?.detail) card.append(el(doc, 'p', 'muted', words.detail));
  // "This site's pages you read were copies (9 of 10)" (lib/site-history.ts): drawn from data-t like the status, unfindable by the page.
  if (site) {
    const line = card.appendChild(el(doc, 'p', 'muted status'));
    line.dataset.t = site.line;
    line.dataset.testid = 'provenance-badge-site';
  }
  const url = httpUrl(words?.link?.url);
  if (url) {
    const link = el(doc, 'a', 'link', words!.link!.label);
    link.append(' ', el(doc, 'span', 'site', words!.link!.host));
    link.href = url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.dataset.testid = 'provenance-badge-link';
    card.append(link);
  }
  // The outcome of a check is drawn by CSS from data-t (badge.css), never text in the document: window.find()
  // searches closed shadow roots too, and would tell the page what the original's site answered.
  const status = el(doc, 'p', 'muted status');
  status.setAttribute('role', 'status');
  status.dataset.testid = 'provenance-badge-status';
  const button = (parent: HTMLElement, className: string, label: string, testid: string, onClick: () => void) => {
    const b = el(doc, 'button', className, label);
    b.type = 'button';
    b.dataset.testid = testid;
    b.addEventListener('click', trusted(onClick));
    parent.append(b);
    return b;
  };
  if (url) {
    const row = el(doc, 'div', 'buttons');
    const verify = button(row, 'action', t('verifyButton'), 'provenance-badge-verify', () => {
      verify.disabled = true;
      status.dataset.t = t('verifyRunning');
      void actions.verify().then((sentence) => {
        status.dataset.t = sentence;
        verify.disabled = false;
      });
    });
    card.append(row);
  }
  card.append(status);
  // Evidence the reader can see on the page: a click scrolls to the line and highlights it (lib/find-evidence.ts).
  const evidence = record.signals.filter((signal) => signal.weight > 0).slice(0, 3);
  if (evidence.length) {
    const list = el(doc, 'ul', 'evidence');
    for (const signal of evidence) {
      const item = el(doc, 'li');
      button(item, 'quote', signalText(signal), 'provenance-badge-evidence', () => {
        status.dataset.t = showEvidence(doc, signal.evidence.text) ? t('card_evidenceShown') : t('card_evidenceMarkup', signal.evidence.text);
      });
      list.append(item);
    }
    card.append(el(doc, 'p', 'label', t('card_evidenceTitle')), list);
  }
  const buttons = el(doc, 'div', 'buttons');
  button(buttons, 'action', t('badgeHide'), 'provenance-badge-dismiss', () => actions.dismiss());
  // The reader's say, each with an Undo in its place; after "not a copy" and "never on this site" the badge goes UNDO_MS later.
  const control = (what: CardControl, label: string) =>
    button(
      buttons,
      'action',
      label,
      `provenance-badge-${what}`,
      () =>
        void actions.control(what).then((undo) => {
          if (typeof undo === 'string') return void (status.dataset.t = t('control_failed', undo));
          const kept = [...buttons.children];
          const timer = what === 'wrong-original' ? undefined : setTimeout(() => host.remove(), UNDO_MS);
          status.dataset.t = t(DONE[what]);
          buttons.replaceChildren();
          button(buttons, 'action', t('control_undo'), 'provenance-badge-undo', () => {
            clearTimeout(timer);
            buttons.replaceChildren(...kept);
            status.dataset.t = '';
            void undo().then((failed) => {
              if (failed !== null) status.dataset.t = t('control_failed', failed);
            });
          }).focus();
        }),
    );
  if (record.syndicated) {
    control('not-a-copy', t('control_notCopy'));
    control('wrong-original', t('control_wrongOriginal'));
  }
  control('silence', t('badgeSilenceSite'));
  card.append(buttons, el(doc, 'p', 'hint', t('badgeMoreInPopup')));
  const close = button(card, 'close', '×', 'provenance-badge-close', () => setOpen(false, true));
  close.setAttribute('aria-label', t('card_close'));

  const setOpen = (open: boolean, refocus = false) => {
    card.hidden = !open;
    pill.setAttribute('aria-expanded', String(open));
    host.classList.toggle('open', open);
    if (refocus) pill.focus();
  };
  pill.addEventListener(
    'click',
    trusted(() => setOpen(card.hidden)),
  );
  root.addEventListener('keydown', (event) => {
    if (event.isTrusted && event.key === 'Escape' && !card.hidden) setOpen(false, true);
  });
  // A click anywhere outside the badge closes the card (the badge's own clicks reach the page as clicks on its host).
  const outside = (event: Event) => {
    if (!host.isConnected) return doc.removeEventListener('click', outside, true);
    if (event.isTrusted && !card.hidden && !event.composedPath().includes(host)) setOpen(false);
  };
  doc.addEventListener('click', outside, true);
  root.append(pill, card);
}

/** An http(s) URL or null: the record comes from the background (already made safe there), checked again before it becomes a link. */
function httpUrl(value: string | null | undefined): string | null {
  try {
    const url = new URL(value ?? '');
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
