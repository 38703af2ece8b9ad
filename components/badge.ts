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
import { t } from '@/lib/i18n';
import badgeCss from './badge.css?inline';

export const BADGE_TAG = 'provenance-badge';

export interface BadgeActions {
  /** Hide the badge on this page (until it is loaded again). */
  dismiss(): void;
  /** Never show the badge on this site again. */
  silenceSite(): Promise<void>;
  /** Ask the background to check the original; resolves to a sentence for the card. */
  verify(): Promise<string>;
}

/** Where the badge goes: right after the article's headline, else after the line naming the source. */
export function findBadgeAnchor(doc: Document): Element | null {
  const headline =
    doc.querySelector('article h1') ?? doc.querySelector('h1.entry-title') ?? doc.querySelector('main h1') ?? doc.querySelector('h1');
  if (headline) return headline;
  for (const candidate of Array.from(doc.querySelectorAll('p, div')).slice(0, 400)) {
    if (candidate.childElementCount <= 2 && /^\s*source\s*(link)?\s*:/i.test(candidate.textContent ?? '')) return candidate;
  }
  return null;
}

/** The badge's one line: "Syndicated from The Washington Post" and "via USA NEWS". */
export function badgeText(record: Provenance): { verdict: string; via: string | null } {
  const publisher = record.original?.publisher ?? record.chain.at(-1)?.publisher ?? null;
  const verdict = publisher ? t('badgeSyndicatedFrom', publisher) : t('badgeSyndicated');
  const intermediates = record.chain.slice(0, -1).map((hop) => hop.publisher ?? hop.site).filter((name): name is string => !!name);
  return { verdict, via: intermediates.length > 0 ? t('badgeVia', intermediates.join(', ')) : null };
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
export function mountBadge(doc: Document, record: Provenance, actions: BadgeActions): HTMLElement {
  doc.querySelector(BADGE_TAG)?.remove();
  const host = doc.createElement(BADGE_TAG);
  const root = el(doc, 'div', 'root');
  host.attachShadow({ mode: 'closed' }).append(el(doc, 'style', undefined, badgeCss), root);
  renderBadge(root, record, actions, host);
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
    card.style.left = pill.style.left;
    card.style.top = `${Math.round(top - hostBox.top + pillBox.height + 4)}px`;
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

export function renderBadge(root: HTMLElement, record: Provenance, actions: BadgeActions, host: HTMLElement): void {
  const doc = root.ownerDocument;
  const { verdict, via } = badgeText(record);
  const cardId = 'provenance-card';

  const pill = el(doc, 'button', 'pill');
  pill.type = 'button';
  pill.dataset.testid = 'provenance-badge';
  pill.setAttribute('aria-expanded', 'false');
  pill.setAttribute('aria-controls', cardId);
  pill.append(el(doc, 'span', 'mark', '⟲'), el(doc, 'span', undefined, verdict));
  pill.firstElementChild!.setAttribute('aria-hidden', 'true');

  const card = el(doc, 'div', 'card');
  card.id = cardId;
  card.hidden = true;
  card.setAttribute('role', 'group');
  card.setAttribute('aria-label', t('extensionName'));
  card.dataset.testid = 'provenance-badge-card';
  card.append(el(doc, 'p', 'title', verdict));
  if (via) card.append(el(doc, 'p', 'muted', via));
  const originalUrl = httpUrl(record.original?.url) ?? httpUrl(record.sourceUrl);
  if (originalUrl) {
    const link = el(doc, 'a', 'link', t(record.original?.url ? 'actionOpenOriginal' : 'badgeOpenSource', new URL(originalUrl).host));
    link.href = originalUrl;
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
  const buttons = el(doc, 'div', 'buttons');
  const button = (label: string, testid: string, onClick: () => void) => {
    const b = el(doc, 'button', 'action', label);
    b.type = 'button';
    b.dataset.testid = testid;
    b.addEventListener('click', trusted(onClick));
    buttons.append(b);
    return b;
  };
  if (originalUrl) {
    const verify = button(t('verifyButton'), 'provenance-badge-verify', () => {
      verify.disabled = true;
      status.dataset.t = t('verifyRunning');
      void actions.verify().then((sentence) => {
        status.dataset.t = sentence;
        verify.disabled = false;
      });
    });
  }
  button(t('badgeHide'), 'provenance-badge-dismiss', () => actions.dismiss());
  button(t('badgeSilenceSite'), 'provenance-badge-silence', () => void actions.silenceSite());
  card.append(buttons, status, el(doc, 'p', 'hint', t('badgeMoreInPopup')));

  const setOpen = (open: boolean) => {
    card.hidden = !open;
    pill.setAttribute('aria-expanded', String(open));
    host.classList.toggle('open', open);
  };
  pill.addEventListener('click', trusted(() => setOpen(card.hidden)));
  root.addEventListener('keydown', (event) => {
    if (event.isTrusted && event.key === 'Escape' && !card.hidden) {
      setOpen(false);
      pill.focus();
    }
  });
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
