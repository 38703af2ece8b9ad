/**
 * The inline badge shown on a syndicated article. Built with plain DOM and
 * textContent only: it runs in the content script on every page (small is
 * fast), and page-derived text never becomes markup.
 */
import type { Provenance } from '@/core/types';
import { t } from '@/lib/i18n';

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
