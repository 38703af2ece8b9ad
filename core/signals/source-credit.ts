/**
 * Credits that name where a story comes from, other than agencies (core/signals/wire.ts) and the
 * "originally published" sentences (core/signals/republication.ts). Wording from real pages:
 *
 *   2020-02-19 20:29:58 来源： 半月谈         (a Chinese portal's source field: "source: Banyuetan")
 *   稿件来源： 河北日报 / 出典：… / 配信元：… / 출처: …
 *   Courtesy of Forests News                  (a blog running a partner's post)
 *   <a href="https://www.kveller.com/…">KVELLER via JTA</a> — The state of Washington …   (an opener)
 *   … the last words of an excerpt.<br><a href="https://www.sueddeutsche.de/reise/…">sueddeutsche.de</a>
 *   By Joe Doe, The Washington Post           (a byline crediting another outlet)
 *
 * Not credits: the page's own name in any of these ("来源：新华网" on xinhuanet.com), a caption's
 * "Courtesy of NASA", a staff byline ("By Jane Doe, Staff Writer", "Reporter, HuffPost"), and a
 * group's "For The Mail On Sunday" (no comma: a title of the same house).
 */
import type { PageScan, TextLine } from '../scan';
import { foldToKey, looksLikeName, normalizeSpace, sameName } from '../text';
import { registrableDomain } from '../url';
import { agencyNamed } from './agencies';
import { finding, regionName, type Finding } from './finding';
import { isOwnSiteName } from './own-site';
import { say } from '../signal-text';
import type { Family } from './keep';
import { oneOf, or, regex } from '../regex';

const CJK_SOURCE = /(?:^|[\s|｜])(?:稿件|文章|新闻)?(?:来源|來源|出处|出處|出典|配信元|출처)\s*[:：]\s*([^\s|｜:：,，。、()（）]{2,24})/u;
const COURTESY = regex(
  'iu',
  or(
    String.raw`^(?:(?:article|story|content|post|text)\s+)?courtesy\s+of\s+(?:the\s+website\s+)?(.{2,60}?)\.?$`, // "Article courtesy of X."
    String.raw`^mit\s+freundlicher\s+genehmigung\s+(?:von|der|des)\s+(.{2,60}?)\.?$`, // "Mit freundlicher Genehmigung von X"
  ),
);
/** An opener: the source's name (with "via" an agency), a dash, then the story's first sentence. */
const OPENER = /^(.{2,40}?)\s+via\s+(.{2,40}?)\s*[—–]{1,2}\s+\S.{60}|^(.{2,40}?)\s*[—–]{1,2}\s+\S.{60}/u;
const COPYRIGHT_HOLDER = /^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:(?:19|20)\d\d\s*)?(?:by\s+)?([^.|,;©]{2,60}?)\.?$/iu;
const SITE_NAME = /^(?:www\.)?[a-z0-9-]{2,}(?:\.[a-z0-9-]{2,})*\.[a-z]{2,6}\/?$/i;
/** Words in an outlet's name: "The Washington Post", "Boston Business Journal", "Süddeutsche Zeitung". */
const OUTLET_WORD = regex(
  'u',
  String.raw`\b`,
  oneOf(
    'Post|Times|News|Journal|Tribune|Herald|Press|Gazette|Daily|Chronicle|Telegraph|Guardian|Observer|Review|Reporter|Star|Sun|Mail',
    'Examiner|Courier|Register|Today|Weekly|Magazine|Monitor|Standard|Independent|Inquirer|Dispatch|Bulletin|Enquirer|Record|Sentinel',
    'Zeitung|Rundschau|Anzeiger|Kurier|Nachrichten|Presse|Zeitschrift|Magazin|Journal|Tagblatt|Abendblatt|Allgemeine', // German
    'Radio|Television|TV|Wire|Report',
  ),
  String.raw`\b`,
);
/** A byline's affiliation that is a role or a network of the paper's own group, not another outlet. */
const NOT_AN_OUTLET = /\b(?:Network|Staff|Contributor|Correspondent|Writer|Editor|Reporter|Columnist|Intern)s?$/u;
/** A source field's words for "this site", "original", "the web", "compiled": no outlet. */
const NO_SOURCE = /^(?:本站|本网|原创|网络|互联网|综合|网友|作者|编辑|转载|未知|佚名|自媒体|本社|自社)/u;
/** "Courtesy of" a picture library, the author or the family: a picture's credit. */
const PICTURE_CREDIT =
  /\b(?:images?|photos?|pictures?|fotos?|bilder|archiv|archive|getty|shutterstock|istock|unsplash|pixabay|author|family|the artist)\b/iu;
/** A capitalised word of a person's name: "Jane", "O'Neil", "Müller-Lüdenscheidt". */
const NAME_WORD = String.raw`[\p{Lu}][\p{L}\p{M}'’.-]*`;
/** One to four such words. */
const PERSON = String.raw`(?:${NAME_WORD}\s+){0,3}${NAME_WORD}`;
/** A capitalised word of an outlet's name ("AT&T" too). */
const OUTLET_NAME_WORD = String.raw`[\p{Lu}][\p{L}\p{M}'’.&-]*`;
/** "By Jane Doe and John Roe, special to The Washington Post": the outlet is captured. */
const BYLINE_OUTLET = regex(
  'u',
  '^(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor)',
  String.raw`\s+${PERSON}(?:\s+(?:and|und|et|y)\s+${PERSON})?`,
  String.raw`,\s+(?:special\s+to\s+)?`,
  String.raw`((?:The\s+)?${OUTLET_NAME_WORD}(?:\s+(?:${OUTLET_NAME_WORD}|of|and|the|de|del|di)){0,5})$`,
);

const sourceCredit = (scan: PageScan): Finding[] => {
  const found: Finding[] = [];
  const own = (name: string) => isOwnName(scan, name);
  const lastArticleLine = scan.lines.filter((line) => line.region !== 'page-end').at(-1);
  for (const line of scan.lines) {
    if (line.region === 'page-end' || line.footer || line.text.length > 400) continue;
    const text = line.text;
    const where = regionName(line.region);

    const cjk = text.length <= 160 ? CJK_SOURCE.exec(text) : null;
    if (cjk?.[1] && !found.some((item) => item.signal.kind === 'source-credit')) {
      const name = cjk[1];
      if (!line.caption && !own(name) && !agencyNamed(name) && !NO_SOURCE.test(name) && !/^https?:|\.[a-z]{2,4}$/i.test(name)) {
        found.push(finding('source-credit', 0.75, say('sourceField', name), text, `${where}, source field`, { originalPublisher: name }));
        continue;
      }
    }

    const courtesy = !line.caption && text.length <= 120 ? COURTESY.exec(text) : null;
    const courtesyName = courtesy?.[1] ?? courtesy?.[2];
    if (
      courtesyName &&
      looksLikeName(courtesyName, 7) &&
      !PICTURE_CREDIT.test(courtesyName) &&
      /^[\p{Lu}\d]/u.test(courtesyName.replace(/^the\s+/i, '')) &&
      !own(courtesyName)
    ) {
      const link = line.links.find((item) => item.href && registrableDomain(item.href) !== scan.site);
      found.push(
        finding('source-credit', 0.75, say('courtesy', courtesyName), text, `${where}, courtesy line`, {
          originalPublisher: courtesyName,
          originalUrl: link?.href ?? null,
        }),
      );
      continue;
    }

    if (line.region === 'article-start') {
      const opener = openerCredit(scan, line);
      if (opener) {
        found.push(opener);
        continue;
      }
      const byline = BYLINE_OUTLET.exec(text.length <= 120 ? text : '');
      const outlet = byline?.[1];
      if (
        outlet &&
        OUTLET_WORD.test(outlet) &&
        !NOT_AN_OUTLET.test(outlet) &&
        !own(outlet) &&
        !agencyNamed(outlet) &&
        outlet.split(' ').length >= 2
      ) {
        found.push(finding('source-credit', 0.7, say('bylineOutlet', outlet), text, `${where}, byline`, { originalPublisher: outlet }));
        continue;
      }
    }

    if (line === lastArticleLine) {
      const site = excerptSource(scan, line);
      if (site) found.push(site);
    }

    // "Copyright Boston Business Journal" under a partner's story: the name, for a link that the page
    // gives elsewhere (a sister paper's canonical); no weight of its own (sites print their owners' names).
    const copyright = !line.caption ? COPYRIGHT_HOLDER.exec(text) : null;
    if (copyright?.[1] && looksLikeName(copyright[1], 6) && /^[\p{Lu}]/u.test(copyright[1]) && !own(copyright[1]) && !agencyNamed(copyright[1])) {
      found.push(
        finding('copyright', 0, say('copyrightLine', copyright[1]), text, `${where}, copyright line`, {
          originalPublisher: copyright[1],
          copyright: text,
        }),
      );
    }
  }
  // Byline markup and author fields crediting another outlet: "By Joe Doe, The Washington Post".
  if (!found.length) {
    for (const texts of scan.bylines) {
      for (const text of texts) {
        const outlet = BYLINE_OUTLET.exec(normalizeSpace(text).replace(/^(?!by\s|von\s|par\s|por\s|door\s)/i, 'By '))?.[1];
        if (
          outlet &&
          OUTLET_WORD.test(outlet) &&
          !NOT_AN_OUTLET.test(outlet) &&
          outlet.split(' ').length >= 2 &&
          !own(outlet) &&
          !agencyNamed(outlet)
        ) {
          return [finding('source-credit', 0.7, say('bylineOutlet', outlet), normalizeSpace(text), 'byline', { originalPublisher: outlet })];
        }
      }
    }
  }
  return found.slice(0, 3);
};

/**
 * "KVELLER via JTA — …" and "<a href=other site>KVELLER</a> — …": a story that opens by naming where it
 * comes from, linked to that outlet's site, or relayed by an agency.
 */
function openerCredit(scan: PageScan, line: TextLine): Finding | null {
  const match = OPENER.exec(line.text);
  if (!match) return null;
  const name = (match[1] ?? match[3] ?? '').trim();
  const via = match[2]?.trim();
  if (!name || !looksLikeName(name, 5) || !/^[\p{Lu}\d]/u.test(name) || /\d{3}/.test(name) || isOwnName(scan, name)) return null;
  // The opening words are a link to the outlet's own site (its name fits the host), or an agency relayed them.
  const link = line.links.find((item) => item.href && item.text && normalizeSpace(item.text).startsWith(name.slice(0, 12)));
  const linkedSite = link?.href ? registrableDomain(link.href) : null;
  const fits =
    !!linkedSite &&
    linkedSite !== scan.site &&
    foldToKey(linkedSite.split('.')[0] ?? '').length > 2 &&
    foldToKey(name).includes(foldToKey(linkedSite.split('.')[0] ?? ''));
  if (!fits && !(via && agencyNamed(via))) return null;
  return finding(
    'source-credit',
    0.75,
    via ? say('opensWithSourceVia', name, via) : say('opensWithSource', name),
    line.text.slice(0, 160),
    'start of the article, source credit',
    {
      originalPublisher: name,
      originalUrl: fits ? (link?.href ?? null) : null,
    },
  );
}

/** An excerpt's last line: only a link to a story on another site, its text that site's name ("sueddeutsche.de"). */
function excerptSource(scan: PageScan, line: TextLine): Finding | null {
  const text = line.text.trim();
  // It follows the excerpt's text (the same paragraph, after a line break), not a list of links.
  const previous = scan.lines[scan.lines.indexOf(line) - 1];
  if (!previous || previous.text.length < 150 || previous.links.some((link) => normalizeSpace(link.text) === previous.text)) return null;
  if (!SITE_NAME.test(text) || line.links.length !== 1) return null;
  const link = line.links[0]!;
  if (!link.href || normalizeSpace(link.text) !== text) return null;
  const site = registrableDomain(link.href);
  if (!site || site === scan.site || registrableDomain(text) !== site || !articleLike(link.href)) return null;
  return finding('source-credit', 0.65, say('excerptEndsWithSource', site), `<a href="${link.href}">${text}</a>`, 'end of the article, source link', {
    originalUrl: link.href,
  });
}

/** A story's URL, not a home or section page: a slug of several words, a date in the path or a long id. */
export function articleLike(url: string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return false;
  }
  return /[\p{L}\d]+(?:[-_][\p{L}\d]+){2,}/u.test(path) || /\/(?:19|20)\d\d\/\d{1,2}\//.test(path) || /\d{5,}/.test(path);
}

/** The page's own name: its site name, publisher, title suffix, domain, or the end of its title ("…-新华网"). */
export function isOwnName(scan: PageScan, name: string): boolean {
  if (isOwnSiteName(scan, name)) return true;
  const publisher = scan.structured.article?.publisher;
  if (publisher && sameName(publisher, name)) return true;
  // The title's last part after a separator ("…-半月谈" on banyuetan.org names 半月谈网): the one contains the other.
  const key = foldToKey(name);
  // The site's name in the outlet's ("The Daily Telegraph" on telegraph.co.uk, "Fox News" on foxnews.com).
  const label = foldToKey(scan.site?.split('.')[0] ?? '');
  if (label.length >= 5 && key.includes(label)) return true;
  const tail = foldToKey(/[-_|｜–—·]\s*([^-_|｜–—·]{2,30})$/u.exec(scan.title)?.[1] ?? '');
  return key.length >= 2 && tail.length >= 2 && (key.includes(tail) || tail.includes(key));
}

/** Its entry in the registry (core/signals/index.ts). What the digest keeps for it: its source fields' labels, the courtesy line's word, the shapes of an opener and of an excerpt's source. */
export const family: Family = {
  name: 'source-credit',
  rule: sourceCredit,
  keep: {
    // Source fields ("来源：半月谈", "출처:"), "Courtesy of …", copyright lines; an opener ("KVELLER via JTA — …")
    // and an excerpt's closing source site ("… sueddeutsche.de").
    creditLabels: /来源|來源|出处|出典|配信元|출처/i,
    creditPhrases: /courtesy/i,
    linePhrases: /©|\(c\)|copyright/i,
    creditStart: /^[^.!?]{2,60}?\s(?:via|[—–]{1,2})\s/,
    excerptEnd: /\b[a-z0-9-]{2,}\.[a-z]{2,6}\/?\s*$/i,
  },
};
