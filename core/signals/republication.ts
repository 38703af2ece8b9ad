/**
 * Republication credits: a line at the top or end of the article saying where
 * it was first published. Wording collected from real pages:
 *
 *   This article is republished from The Conversation under a Creative Commons
 *     license. Read the original article.                        (The Conversation)
 *   This article was originally published by ProPublica.         (ProPublica's republish block)
 *   This article first appeared on <a>Stateline</a> and is republished here under
 *     a Creative Commons license.                                (INN's republication tracker)
 *   This article originally appeared on <a>The Atlantic</a>.     (CityLab)
 *   This story was originally published by the Texas Tribune.
 *   Originally published at <a>www.courtneykirchoff.com</a> on November 18, 2011.  (Medium cross-post)
 *   Read the original article on Business Insider.               (BI partner copies)
 *   Republished with permission from / Reprinted with permission of X.
 *
 * Guarding against prose: "The novel was originally published in 1962" is not a
 * credit. The sentence must be about this article (or start with
 * "Originally published"/"Read the original article"), be short, and name a
 * publisher: a link to another site, a known outlet, or a capitalised name.
 * A credit naming the page's own site is self-reference.
 */
import type { PageScan, TextLine } from '../scan';
import { looksLikeName, normalizeSpace } from '../text';
import { registrableDomain } from '../url';
import { finding, regionName, type Finding } from './finding';
import { isOwnSiteName } from './own-site';

const THIS = String.raw`(?:this|the above|the following)\s+(?:article|story|post|piece|essay|report|column|commentary|op-ed|interview|analysis|feature|blog post|version of this (?:article|story))`;
const PATTERNS: { pattern: RegExp; weight: number }[] = [
  { pattern: /\brepublished from (?<name>.{2,80}?) under (?:a |the )?Creative Commons/i, weight: 0.95 },
  { pattern: new RegExp(String.raw`^${THIS}\s+(?:was\s+|is\s+)?(?:first|originally)\s+(?:appeared|published|posted|ran)\s+(?:on|in|at|by|with)\s+(?<name>.{2,100}?)(?:\s+(?:and|under|on|in)\s+.*|[.,;:(](?:\s.*)?)?$`, 'i'), weight: 0.9 },
  { pattern: new RegExp(String.raw`^${THIS}\s+(?:was|is)\s+(?:re)?published\s+(?:here\s+)?(?:with|by)\s+(?:the\s+)?(?:kind\s+)?permission\s+(?:from|of)\s+(?<name>.{2,100}?)(?:[.,;:(](?:\s.*)?)?$`, 'i'), weight: 0.85 },
  { pattern: /^(?:originally|first) (?:published|appeared|posted) (?:at|on|in|by) (?<name>.{2,100}?)(?:\s+on\s+.*|[.,;(](?:\s.*)?)?$/i, weight: 0.85 },
  { pattern: /^(?:re(?:published|printed|posted)) (?:here )?(?:with|by) (?:the )?(?:kind )?permission (?:from|of) (?<name>.{2,100}?)(?:[.,;:(](?:\s.*)?)?$/i, weight: 0.85 },
  { pattern: /^Read the original (?:article|story|post) (?:on|at|in) (?<name>.{2,80}?)\.?$/i, weight: 0.85 },
];
const NOT_A_NAME = /^(?:\d|the (?:same|first|book|novel|paper|print|magazine|journal|original|spring|summer|fall|winter|year)|a |an |print|paper|book|his |her |their |our |my |this |that |january|february|march|april|may|june|july|august|september|october|november|december)/i;

export const republicationCredit = (scan: PageScan): Finding[] => {
  for (const line of scan.lines) {
    if (line.text.length > 400) continue;
    for (const { pattern, weight } of PATTERNS) {
      const match = pattern.exec(line.text);
      const rawName = match?.groups?.name;
      if (!rawName) continue;
      const credit = creditedSource(line, normalizeSpace(rawName).replace(/^the website of /i, ''), scan);
      if (!credit) continue;
      const where = `${regionName(line.region)}, republication credit`;
      if (credit.own) return [finding('self-reference', 0, `The credit names this site itself (${credit.publisher ?? credit.url})`, line.text, where)];
      return [
        finding('republication-credit', weight, `Credits ${credit.publisher ?? credit.url} as the original publisher`, line.text, where, {
          originalUrl: credit.url,
          originalPublisher: credit.publisher,
        }),
      ];
    }
  }
  return [];
};

function creditedSource(line: TextLine, name: string, scan: PageScan): { url: string | null; publisher: string | null; own: boolean } | null {
  // The Conversation's "Read the original article." links to the original; INN links the outlet's name.
  const linked = line.links.find((link) => link.href && link.text && name.toLowerCase().startsWith(link.text.toLowerCase().slice(0, 12)))
    ?? line.links.find((link) => link.href && /original/i.test(link.text))
    ?? line.links.find((link) => link.href);
  const url = linked?.href ?? null;
  const linkedSite = url ? registrableDomain(url) : null;
  const cleanName = name.replace(/^(?:the )?(?:website|site) /i, '').replace(/\s+under .*$/i, '').trim();
  const domainLike = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(cleanName);
  let publisher: string | null = null;
  // A domain stays a domain here; core/publishers.ts puts the outlet's name on it.
  if (domainLike) publisher = cleanName.replace(/^www\./i, '').toLowerCase();
  else if (!NOT_A_NAME.test(cleanName) && looksLikeName(cleanName, 7) && /^[\p{Lu}\d]/u.test(cleanName.replace(/^the /i, ''))) publisher = cleanName;
  if (!publisher && linkedSite && linked?.text && looksLikeName(linked.text, 7)) publisher = linked.text.replace(/^www\./i, '');
  if (!publisher && !url) return null;
  if (!publisher && !linkedSite) return null;
  const own = (linkedSite !== null && linkedSite === scan.site) || (publisher !== null && isOwnSiteName(scan, publisher));
  return { url, publisher, own };
}
