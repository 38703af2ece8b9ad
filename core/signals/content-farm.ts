/**
 * Content-farm footers: WordPress aggregators (WP RSS Aggregator, Feedzy and
 * the like) that republish big outlets' feeds, often machine-rewritten, and
 * print the feed item's metadata around the text. The running example
 * (seeds/000_b9eb4489ecf82cc8.txt):
 *
 *   Source link : https://usa-news.biz/2025/02/22/washington/u-s-russia-...-the-washington-post/
 *   …
 *   Author : Jean-Pierre CHALLOT
 *   Publish date : 2025-02-22 14:42:26
 *   Copyright for syndicated content belongs to the linked Source.
 *
 * The same templates in other languages: "Lien source :", "Quelle :",
 * "Fuente :", "Fonte :", "Bron :", "Źródło :", "Источник :". The link may be an
 * <a> or bare text. A bare "Source:" with a link is also how honest articles
 * cite a chart or a study, so on its own it weighs less than "Source link :".
 */
import { dateFromText } from '../metadata';
import type { PageScan, TextLine } from '../scan';
import { looksLikeName, normalizeSpace } from '../text';
import { registrableDomain, safeHttpUrl } from '../url';
import { finding, regionName, type Finding } from './finding';
import { articleLike } from './source-credit';
import { say } from '../signal-text';
import type { Family } from './keep';
import { oneOf, or, regex } from '../regex';

/** A colon, ASCII or full-width, with spaces around it. */
const COLON = String.raw`\s*[:：]\s*`;
export const STRONG_SOURCE_LABEL = regex(
  'i',
  '^',
  oneOf(
    String.raw`source\s*link|source\s*url|original\s*(?:source|link|article)|link\s*to\s*(?:the\s*)?source`,
    String.raw`lien\s*(?:de\s*la\s*|d['’]\s*)?(?:source|origine)`, // French
    String.raw`quellenlink|quell-?link|link\s*zur\s*quelle`, // German
    String.raw`enlace\s*(?:de\s*(?:la\s*)?)?(?:fuente|origen|original)`, // Spanish
    String.raw`link\s*(?:da\s*|de\s*)?(?:fonte|origem)`, // Portuguese
    String.raw`link\s*(?:alla\s*)?(?:fonte|sorgente)`, // Italian
    String.raw`bronlink|link\s*źródła|kaynak\s*link|ссылка\s*на\s*источник`, // Dutch, Polish, Turkish, Russian
  ),
  COLON,
);
const WEAK_SOURCE_LABEL = /^(?:source|sources|quelle|fuente|fonte|bron|źródło|kaynak|источник|sorgente)\s*[:：]\s*/i;
const AUTHOR_LABEL = /^(?:author|auteur|autor|autore|yazar|автор|auteur\s*\/\s*autrice)\s*[:：]\s*(.+)$/i;
const DATE_LABEL = regex(
  'i',
  '^',
  oneOf(
    String.raw`publish(?:ed)?\s*(?:date|on)|publication\s*date`,
    String.raw`date\s*de\s*publication|publié\s*le`, // French
    String.raw`veröffentlicht(?:\s*am)?|ver[öo]ffentlichungsdatum`, // German
    String.raw`fecha\s*de\s*publicaci[óo]n|publicado(?:\s*em|\s*el)?|data\s*de\s*publica[çc][ãa]o`, // Spanish, Portuguese
    String.raw`data\s*di\s*pubblicazione|pubblicato\s*il`, // Italian
    String.raw`yay[ıi]n\s*tarihi|дата\s*публикации`, // Turkish, Russian
  ),
  COLON,
  '(.+)$',
);
/** "Copyright for syndicated content belongs to the linked Source." and translations of it. */
const DISCLAIMER = regex(
  'i',
  oneOf(String.raw`copyright|droits?\s*d['’]auteur|urheberrecht|derechos\s*de\s*autor|direitos\s*autorais|diritti\s*d['’]autore`),
  '.{0,40}',
  oneOf('syndicat|syndiqu|syndizi|sindica'), // "syndicated" in English, French, German, Spanish and Italian
  '.{0,60}',
  oneOf('source|quelle|fuente|fonte|sorgente'),
);
const BARE_URL = /https?:\/\/[^\s<>"'()]+/i;

const contentFarmFooter = (scan: PageScan): Finding[] => {
  const found: Finding[] = [];
  let sawSource = false;
  let sawAuthor = false;
  let sawDate = false;
  let sawDisclaimer = false;
  for (const line of scan.lines) {
    const text = line.text;
    if (text.length > 400) continue;
    if (!sawSource) {
      const strong = STRONG_SOURCE_LABEL.exec(text);
      const weak = strong ? null : WEAK_SOURCE_LABEL.exec(text);
      const label = strong ?? weak;
      if (label) {
        const url = linkIn(line, text.slice(label[0].length), scan.url);
        if (url) {
          sawSource = true;
          const site = registrableDomain(url);
          if (site && site === scan.site) {
            found.push(finding('self-reference', 0, say('sourceLinkBack', site), text, labelled(line)));
          } else {
            found.push(
              finding(
                'content-farm-footer',
                strong ? 0.85 : sourceOfCopy(line, label[0], url) ? 0.7 : 0.5,
                say('sourceLink', site ?? url),
                text,
                labelled(line),
                { sourceUrl: url },
              ),
            );
          }
          continue;
        }
      }
    }
    if (!sawAuthor) {
      const author = AUTHOR_LABEL.exec(text);
      if (author?.[1] && looksLikeName(author[1].trim(), 6)) {
        sawAuthor = true;
        found.push(finding('content-farm-footer', 0, say('footerAuthor', author[1].trim()), text, labelled(line), { author: author[1].trim() }));
        continue;
      }
    }
    if (!sawDate) {
      const date = DATE_LABEL.exec(text);
      if (date?.[1] && dateFromText(date[1])) {
        sawDate = true;
        found.push(finding('content-farm-footer', 0, say('footerDate', date[1].trim()), text, labelled(line), { publishedAtText: date[1].trim() }));
        continue;
      }
    }
    if (!sawDisclaimer && DISCLAIMER.test(text)) {
      sawDisclaimer = true;
      found.push(finding('content-farm-footer', 0.9, say('footerDisowns'), text, `${regionName(line.region)}, copyright line`, { copyright: text }));
    }
  }
  // Labelled author and date lines alone are ordinary bylines; next to a source
  // link or the disclaimer they are the feed item's metadata and add weight.
  if ((sawSource || sawDisclaimer) && (sawAuthor || sawDate)) {
    for (const item of found) if (item.signal.kind === 'content-farm-footer' && item.signal.weight === 0) item.signal.weight = 0.2;
  }
  return found;
};

/** Where a labelled line sits, named by its label: 'end of the article, "Source link" line'. */
function labelled(line: TextLine): string {
  return `${regionName(line.region)}, "${line.text.split(/[:：]/)[0]}" line`;
}

/**
 * A bare "Quelle:"/"Source:" line that is the copy's source, not a citation: nothing but the label and a
 * link to a story (its URL, its site's name or its headline as the link's text), in the article.
 * "Source: <a href=cdc.gov/data>CDC data</a>" under a chart is a citation.
 */
function sourceOfCopy(line: TextLine, label: string, url: string): boolean {
  if (line.region === 'page-end' || line.links.length !== 1 || !articleLike(url)) return false;
  const rest = normalizeSpace(line.text.slice(label.length));
  const linkText = normalizeSpace(line.links[0]!.text).replace(/^(?:quelle|source|fuente|fonte|bron|źródło)\s*[:：]\s*/i, '');
  if (!rest || (rest !== linkText && !rest.endsWith(linkText))) return false;
  return /^https?:\/\//i.test(linkText) || /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}$/i.test(linkText) || linkText.split(' ').length >= 5;
}

function linkIn(line: TextLine, afterLabel: string, base: string): string | null {
  for (const link of line.links) if (link.href) return link.href;
  const bare = BARE_URL.exec(afterLabel);
  return bare ? safeHttpUrl(bare[0].replace(/[.,;:]+$/, ''), base) : null;
}

/** Its entry in the registry (core/signals/index.ts). What the digest keeps for it: its labels before a colon, and the disclaimer's word. */
export const family: Family = {
  name: 'content-farm',
  rule: contentFarmFooter,
  keep: {
    // The source link's labels ("Source link :", "Quelle :") and the disclaimer ("syndicated content").
    creditLabels: /link|url|sources?|article|origine|origen|origem|original|quelle|fuente|fonte|sorgente|bron|źródła|źródło|kaynak|источник/i,
    creditPhrases: /syndi|sindica/i,
    // The labelled author and date lines ("Author :", "Publish date :", "Publié le :", "Veröffentlicht am :").
    lineLabels: regex(
      'i',
      or(
        'author|auteur|autor|autore|autrice|yazar|автор',
        'date|datum|publication|publicaci[oó]n|publica[cç][aã]o|pubblicazione|tarihi|публикации|publicado|ver[öo]ffentlicht',
        String.raw`\b(?:on|le|am|em|el|il)`, // "published on", "publié le", "veröffentlicht am"
      ),
    ),
  },
};
