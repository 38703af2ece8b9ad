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
import { say } from '../signal-text';
import type { Family } from './keep';
import { oneOf, or, regex } from '../regex';

const THIS = String.raw`(?:this|the above|the following)\s+(?:article|story|post|piece|essay|report|column|commentary|op-ed|interview|analysis|feature|blog post|version of this (?:article|story))`;
const DE_THIS = String.raw`dieser\s+(?:beitrag|artikel|text|kommentar|essay|gastbeitrag|blogbeitrag|aufsatz|bericht)`;
const DE_WHEN = String.raw`(?:am\s+)?\d{1,2}\.\s*[\p{L}]+\.?\s*\d{4}|(?:im\s+)?[\p{L}]+\s+\d{4}`;
/** A publication's kind before its name: "in der Wochenzeitung „der Freitag“", "im Blog DoSchu.Com". */
const KIND_OF_TITLE = regex(
  'iu',
  String.raw`^(?:(?:der|die|das|dem|den|des)\s+)?`,
  oneOf('(?:wochen|tages|monats|fach)?zeitung|zeitschrift|(?:wochen|monats)?magazin|blog', 'online-?ausgabe|print-?ausgabe|ausgabe'),
  String.raw`\s+`,
);
/** The publication's name in a "first published in" sentence, and what may follow it ("." and the rest). */
const CREDITED_NAME = '(?<name>.{2,100}?)';
const SENTENCE_REST = '(?:[.,;(].*)?$';
const PATTERNS: { pattern: RegExp; weight: number }[] = [
  { pattern: /\brepublished from (?<name>.{2,80}?) under (?:a |the )?Creative Commons/i, weight: 0.95 },
  {
    pattern: new RegExp(
      String.raw`^${THIS}\s+(?:was\s+|is\s+)?(?:first|originally)\s+(?:appeared|published|posted|ran)\s+(?:on|in|at|by|with)\s+(?<name>.{2,100}?)(?:\s+(?:and|under|on|in)\s+.*|[.,;:(](?:\s.*)?)?$`,
      'i',
    ),
    weight: 0.9,
  },
  {
    pattern: new RegExp(
      String.raw`^${THIS}\s+(?:was|is)\s+(?:re)?published\s+(?:here\s+)?(?:with|by)\s+(?:the\s+)?(?:kind\s+)?permission\s+(?:from|of)\s+(?<name>.{2,100}?)(?:[.,;:(](?:\s.*)?)?$`,
      'i',
    ),
    weight: 0.85,
  },
  {
    pattern: /^(?:originally|first) (?:published|appeared|posted) (?:at|on|in|by) (?<name>.{2,100}?)(?:\s+on\s+.*|[.,;(](?:\s.*)?)?$/i,
    weight: 0.85,
  },
  {
    pattern:
      /^(?:re(?:published|printed|posted)) (?:here )?(?:with|by) (?:the )?(?:kind )?permission (?:from|of) (?<name>.{2,100}?)(?:[.,;:(](?:\s.*)?)?$/i,
    weight: 0.85,
  },
  { pattern: /^Read the original (?:article|story|post) (?:on|at|in) (?<name>.{2,80}?)\.?$/i, weight: 0.85 },
  {
    pattern:
      /^(?:reposted|republished|reprinted|cross-?posted) (?:here )?from (?:the )?(?<name>.{2,100}?)(?:\s+(?:with|on|under)\s+.*|[.,;(](?:\s.*)?)?$/i,
    weight: 0.85,
  },
  // The same credit in other languages: "Dieser Beitrag ist am 1. Juni 2017 in der Wochenzeitung „der Freitag“
  // erschienen.", "Dieser Artikel erschien zuerst bei X", "Cet article a été initialement publié dans X",
  // "Este artículo fue publicado originalmente en X", "Questo articolo è stato pubblicato originariamente su X",
  // "Este artigo foi publicado originalmente em X", "Dit artikel verscheen eerder in X", "Artykuł ukazał się w X".
  {
    pattern: new RegExp(
      String.raw`^(?:${DE_THIS})(?:\s+.{1,120}?)?\s+(?:ist|wurde|erschien)\s+(?:${DE_WHEN}\s+)?(?:zuerst|erstmals|ursprünglich|zunächst|bereits)?\s*(?:${DE_WHEN}\s+)?(?:in|im|bei|beim|auf)\s+(?<name>.{2,100}?)(?:\s+(?:erschienen|veröffentlicht|publiziert))?(?:\s+(?:am|vom)\s+.*)?[.!]?$`,
      'iu',
    ),
    weight: 0.85,
  },
  {
    // "Cet article a été initialement publié dans X le 5 mai."
    pattern: regex(
      'iu',
      String.raw`^(?:cet|ce)\s+(?:article|texte|billet|entretien|reportage|éditorial|tribune|récit)\s+`,
      String.raw`(?:a\s+été\s+|est\s+)?(?:initialement\s+|d['’]abord\s+|originellement\s+|originalement\s+)?(?:publiée?|parue?)\s+`,
      String.raw`(?:initialement\s+|d['’]abord\s+|originellement\s+)?(?:dans|sur|par|chez)\s+`,
      CREDITED_NAME,
      String.raw`(?:\s+le\s+.*|[.,;(].*)?$`,
    ),
    weight: 0.85,
  },
  {
    // "Este artículo fue publicado originalmente en X el 5 de mayo."
    pattern: regex(
      'iu',
      String.raw`^(?:este\s+(?:artículo|texto|reportaje)\s+(?:fue|ha\s+sido)\s+)?`,
      String.raw`publicad[oa]\s+(?:originalmente|inicialmente|primero|por\s+primera\s+vez)\s+(?:en|por)\s+`,
      CREDITED_NAME,
      String.raw`(?:\s+el\s+.*|[.,;(].*)?$`,
    ),
    weight: 0.85,
  },
  {
    // "Questo articolo è stato pubblicato originariamente su X."
    pattern: regex(
      'iu',
      String.raw`^questo\s+(?:articolo|testo)\s+(?:è\s+stato\s+)?(?:pubblicato|apparso)\s+`,
      String.raw`(?:originariamente|originalmente|per\s+la\s+prima\s+volta|inizialmente)\s+(?:su|in|da|sul|sulla)\s+`,
      CREDITED_NAME,
      SENTENCE_REST,
    ),
    weight: 0.85,
  },
  {
    pattern:
      /^este\s+(?:artigo|texto)\s+foi\s+(?:originalmente\s+)?publicado\s+(?:originalmente\s+)?(?:em|no|na|pelo|pela)\s+(?<name>.{2,100}?)(?:[.,;(].*)?$/iu,
    weight: 0.85,
  },
  {
    pattern:
      /^dit\s+(?:artikel|stuk|verhaal|interview)\s+verscheen\s+(?:eerder|eerst|oorspronkelijk)\s+(?:in|op|bij)\s+(?<name>.{2,100}?)(?:[.,;(].*)?$/iu,
    weight: 0.85,
  },
  { pattern: /^(?:artykuł|tekst)\s+ukazał\s+się\s+(?:pierwotnie\s+|oryginalnie\s+)?(?:w|na)\s+(?<name>.{2,100}?)(?:[.,;(].*)?$/iu, weight: 0.85 },
];
/** "Read the original article" as a link of its own, in several languages (Courrier international, Naver's 기사원문, au's 元記事を読む). */
const ORIGINAL_LINK = regex(
  'iu',
  '^',
  oneOf(
    String.raw`read\s+the\s+original(?:\s+(?:article|story|post))?|original\s+(?:article|story)`,
    String.raw`lire\s+l['’]article\s+(?:original|d['’]origine)|voir\s+l['’]article\s+original`, // French
    String.raw`zum\s+original(?:artikel|beitrag)?|originalartikel`, // German
    String.raw`ver\s+(?:el\s+)?art[íi]culo\s+original`, // Spanish
    String.raw`leggi\s+l['’]articolo\s+originale`, // Italian
    String.raw`ler\s+(?:o\s+)?artigo\s+original`, // Portuguese
    String.raw`lees\s+het\s+originele\s+artikel`, // Dutch
    '기사원문', // Korean
    '元記事を読む|元記事', // Japanese
    '原文链接|阅读原文|原文', // Chinese
  ),
  String.raw`\s*[.:›»>→]*$`,
);
/** WordPress.com reblogs: the title is "Reblogged from <blog>: <its title>" (in the blog's language). */
const REBLOG =
  /^(?:reblogged\s+from|rebloggt\s+von|reblogu[ée]\s+(?:de|depuis)|rebloggato\s+da|reblogueado\s+de|reblogado\s+de|gereblogd\s+van)\s+(.{2,60}?):\s/iu;
/** What follows "first published in" that is no publication: a date, "the same year", "print", "his book". */
const NOT_A_NAME = regex(
  'i',
  '^',
  oneOf(
    String.raw`\d`,
    'the (?:same|first|book|novel|paper|print|magazine|journal|original|spring|summer|fall|winter|year)',
    'a |an |print|paper|book',
    'his |her |their |our |my |this |that ',
    'january|february|march|april|may|june|july|august|september|october|november|december',
  ),
);

const republicationCredit = (scan: PageScan): Finding[] => {
  const reblog = reblogCredit(scan);
  if (reblog) return [reblog];
  for (const line of scan.lines) {
    if (line.text.length > 400) continue;
    const original = originalLink(scan, line);
    if (original) return [original];
    for (const { pattern, weight } of PATTERNS) {
      const match = pattern.exec(line.text);
      const rawName = match?.groups?.name;
      if (!rawName) continue;
      const credit = creditedSource(line, publicationName(rawName), scan);
      if (!credit) continue;
      const where = `${regionName(line.region)}, republication credit`;
      if (credit.own) return [finding('self-reference', 0, say('creditSelf', credit.publisher ?? credit.url ?? ''), line.text, where)];
      return [
        finding('republication-credit', weight, say('creditOriginal', credit.publisher ?? credit.url ?? ''), line.text, where, {
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
  const linked =
    line.links.find((link) => link.href && link.text && name.toLowerCase().startsWith(link.text.toLowerCase().slice(0, 12))) ??
    line.links.find((link) => link.href && /original/i.test(link.text)) ??
    line.links.find((link) => link.href);
  const url = linked?.href ?? null;
  const linkedSite = url ? registrableDomain(url) : null;
  const cleanName = name
    .replace(/^(?:the )?(?:website|site) /i, '')
    .replace(/\s+under .*$/i, '')
    .trim();
  const domainLike = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(cleanName);
  let publisher: string | null = null;
  // A domain stays a domain here; core/publishers.ts puts the outlet's name on it.
  const quoted = /^“(.{2,80})”$/u.exec(cleanName)?.[1];
  if (domainLike) publisher = cleanName.replace(/^www\./i, '').toLowerCase();
  // A name in quotes is a title as its publisher writes it, lower case included ("der Freitag").
  else if (quoted && looksLikeName(quoted, 7)) publisher = quoted;
  else if (!NOT_A_NAME.test(cleanName) && looksLikeName(cleanName, 7) && /^[\p{Lu}\d]/u.test(cleanName.replace(/^the /i, ''))) publisher = cleanName;
  // The link's text names the publisher, unless it is words like "my blog" ("Cross-posted from <a>my blog</a>").
  if (!publisher && linkedSite && linked?.text && looksLikeName(linked.text, 7) && !NOT_A_NAME.test(linked.text))
    publisher = linked.text.replace(/^www\./i, '');
  if (!publisher && !url) return null;
  if (!publisher && !linkedSite) return null;
  const own = (linkedSite !== null && linkedSite === scan.site) || (publisher !== null && isOwnSiteName(scan, publisher));
  return { url, publisher, own };
}

/** The name as written, without the kind of publication before it and the quotes around it ("der Freitag"). */
function publicationName(raw: string): string {
  const name = normalizeSpace(raw)
    .replace(/^the website of /i, '')
    .replace(KIND_OF_TITLE, '');
  const quoted = /^[„“"«»‚‘'](.{2,80}?)[“”"«»‘’']$/u.exec(name);
  return quoted?.[1] ? `“${quoted[1]}”` : name;
}

/** A line that is only a "Read the original article" link, to another site. */
function originalLink(scan: PageScan, line: TextLine): Finding | null {
  // The link alone, or closing a short line of the article's metadata ("2023.11.02. 오후 8:06 기사원문").
  if (line.region === 'page-end' || line.text.length > 80) return null;
  const link = line.links.find((item) => ORIGINAL_LINK.test(normalizeSpace(item.text)));
  if (!link || !line.text.endsWith(normalizeSpace(link.text))) return null;
  const href = link.href;
  const site = href ? registrableDomain(href) : null;
  if (!href || !site || site === scan.site) return null;
  return finding(
    'republication-credit',
    0.8,
    say('linksOriginal', site),
    `<a href="${href}">${normalizeSpace(link.text)}</a>`,
    `${regionName(line.region)}, link to the original`,
    { originalUrl: href },
  );
}

/** A reblog: the title names the blog it was reblogged from; the reblogged post's link is the original. */
function reblogCredit(scan: PageScan): Finding | null {
  const title = scan.structured.meta.get('og:title') ?? scan.title;
  const name = REBLOG.exec(title)?.[1]?.trim();
  if (!name || !looksLikeName(name, 8) || isOwnSiteName(scan, name)) return null;
  const own = scan.address ? new URL(scan.address).hostname : '';
  const link = scan.lines
    .flatMap((line) => line.links)
    .find((item) => item.href && REBLOG.test(`${normalizeSpace(item.text)} `) && new URL(item.href).hostname !== own);
  return finding('republication-credit', 0.85, say('reblogged', name), title, 'title, reblog', {
    originalPublisher: name,
    originalUrl: link?.href ?? null,
  });
}

/** Its entry in the registry (core/signals/index.ts). What the digest keeps for it: the credits' words in every language the patterns read (a superset: a false hit only costs reading the block). */
export const family: Family = {
  name: 'republication',
  rule: republicationCredit,
  keep: {
    creditPhrases: regex(
      'i',
      or(
        String.raw`first[\s\u200b]+(?:appeared|published|posted|ran)|originally|republished|reprinted|reposted`,
        String.raw`permission|the[\s\u200b]+original|reblog|cross-?posted`,
        // German, French, Spanish and Portuguese, Italian, Portuguese, Dutch, Polish, French, German.
        String.raw`erschien|initialement|\bparu\b|originalmente|originariamente|foi publicado|verscheen|ukaza[łl]|article original|originalartikel`,
        '기사원문|元記事|原文', // Korean, Japanese, Chinese
      ),
    ),
  },
};
