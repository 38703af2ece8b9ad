/**
 * The badge card's words, made in the background and sent with the page's
 * record (the content script runs on every page: it carries neither the
 * wording nor the rules that pick it):
 *
 * - its first words, the kind of copy (lib/kind-text.ts): "Copy of a
 *   Washington Post story" · "scraped by a feed site, no licence shown";
 * - its link, labelled with what it leads to: "Original: The Washington Post",
 *   or the page the article credits, "Credited page: USA NEWS (itself a copy)"
 *   when the trail goes on from there. The link's host is shown beside it: the
 *   name a page gives its source is only its word.
 */
import type { Provenance } from '@/core/types';
import { displayHost, registrableDomain, safeHttpUrl } from '@/core/url';
import { t } from './i18n';
import { kindText } from './kind-text';

export interface CardWords {
  label: string;
  detail: string | null;
  link: { url: string; label: string; host: string } | null;
}

export function cardWords(record: Provenance): CardWords {
  const { label, detail } = kindText(record);
  const original = safeHttpUrl(record.original?.url ?? '');
  const url = original ?? safeHttpUrl(record.sourceUrl ?? '');
  if (!url) return { label, detail, link: null };
  const host = new URL(url).host;
  const hop = record.chain[0];
  const named = original ? record.original?.publisher : (hop?.publisher ?? hop?.site);
  // A name that is the link's own site (a registrable domain) is shown in the form that exposes look-alikes.
  const name = !named ? host : named === registrableDomain(url) ? displayHost(named) : named;
  const key = original ? 'card_linkOriginal' : record.chain.length > 1 ? 'card_linkCreditedCopy' : 'card_linkCredited';
  return { label, detail, link: { url, label: t(key, name), host } };
}
