/**
 * The inline badge shown on a syndicated article. Built with plain DOM and
 * textContent only: it runs in the content script on every page (small is
 * fast), and page-derived text never becomes markup.
 */
import type { Provenance } from '@/core/types';
import { t } from '@/lib/i18n';
import badgeCss from './badge.css?inline';

export const BADGE_TAG = 'provenance-badge';

/**
 * Puts the badge after the headline in a shadow root of its own: the page's
 * CSS cannot reach inside and ours cannot leak out. Only a new sibling is
 * inserted; no node of the page is changed.
 */
export function mountBadge(doc: Document, record: Provenance): HTMLElement {
  doc.querySelector(BADGE_TAG)?.remove();
  const host = doc.createElement(BADGE_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = badgeCss;
  const container = doc.createElement('div');
  shadow.append(style, container);
  renderBadge(container, record);
  const anchor = findBadgeAnchor(doc);
  if (anchor) anchor.after(host);
  else (doc.body ?? doc.documentElement).prepend(host);
  return host;
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

/** The badge's one line: "Syndicated from The Washington Post via USA NEWS". */
export function badgeText(record: Provenance): { verdict: string; via: string | null } {
  const publisher = record.original?.publisher ?? record.chain.at(-1)?.publisher ?? null;
  const verdict = publisher ? t('badgeSyndicatedFrom', publisher) : t('badgeSyndicated');
  const intermediates = record.chain.slice(0, -1).map((hop) => hop.publisher ?? hop.site).filter((name): name is string => !!name);
  return { verdict, via: intermediates.length > 0 ? t('badgeVia', intermediates.join(', ')) : null };
}

export function renderBadge(container: HTMLElement, record: Provenance): void {
  const doc = container.ownerDocument;
  const { verdict, via } = badgeText(record);
  const badge = doc.createElement('div');
  badge.className = 'badge';
  badge.dataset.testid = 'provenance-badge';
  badge.setAttribute('role', 'note');
  const mark = doc.createElement('span');
  mark.className = 'mark';
  mark.setAttribute('aria-hidden', 'true');
  mark.textContent = '⟲';
  const text = doc.createElement('span');
  text.textContent = verdict;
  badge.append(mark, text);
  if (via) {
    const viaText = doc.createElement('span');
    viaText.className = 'via';
    viaText.textContent = via;
    badge.append(viaText);
  }
  container.append(badge);
}
