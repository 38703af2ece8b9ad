/**
 * Wire and agency copy: agency stories run by other outlets, in any language.
 * The agency is named where a credit stands, never where the text only cites it:
 *
 *   datelines      MOSCOW (AP) — …  /  WASHINGTON, Feb 22 (Reuters) - …  /  Hamburg (dpa/lno) – …
 *                  MADRID, 5 jun (EFE).- …  /  WARSZAWA (PAP) - …  /  Wiesbaden (KNA/iz). …  /  mid Groß-Gerau - …
 *                  (also the first words of the description meta, which repeat the lead)
 *   closing        … an end of the last sentence. (dpa)  /  (ats/nxp)  /  det/dpa  /  – Ritzau –  /  /ritzau/
 *   labelled       Quelle: dpa  /  Fonte: ANSA  /  Źródło: PAP  /  Fuente: EFE  /  来源：新华社
 *   "with"         Le Monde with AFP  /  Le Monde avec AFP  /  Mit Material von dpa  /  Con información de EFE
 *   copyright      Copyright 2020 The Associated Press. All rights reserved.  /  © dpa-infocom, dpa:220124-99-835563/5
 *                  © dpa-AFX | Abb.: Fraport | 07.11.2023 08:03
 *   bylines        By JANE DOE Associated Press  /  Jane Doe, Reuters  /  Von David Hutzler, dpa  /  JIJI  /  SID
 *                  ANDREW DALTON AP Entertainment Writer  /  Von: det/dpa
 *   author fields  <meta name="author" content="dpa">, JSON-LD "author": "The Associated Press", "Le Monde with AFP"
 *   TCA            Distributed by Tribune Content Agency, LLC.
 *
 * Not agency copy: "according to Reuters", "told AFP", "berichtet die dpa", "(Quelle: SWR)" inside a
 * staff story (a citation, in the middle of the text); a photo credit ("Foto: Soeren Stache/dpa",
 * "© dpa | Kay Nietfeld", "(AP Photo/Ted S. Warren)", any line inside a figure or caption); a site-wide
 * footer ("Associated Press articles: Copyright © 2016 The Associated Press…", Salon prints it on every
 * page); and the agencies' own sites (apnews.com, reuters.com, afp.com, dpa.com…).
 */
import type { PageScan, TextLine } from '../scan';
import { AUTHOR_META } from '../authors';
import { normalizeSpace } from '../text';
import { registrableDomain } from '../url';
import { agencyNamed, aliasesIn, creditAgency, isAgencySite, type Agency } from './agencies';
import { finding, regionName, type Finding } from './finding';
import { isOwnSiteName } from './own-site';
import { say, type Said } from '../signal-text';
import type { Family } from './keep';
import { oneOf, or, regex } from '../regex';

/** A dateline: a place (optionally ", date"), the credit in brackets, then a dash, a colon or a full stop. */
const DATELINE =
  /^(?:[\p{Lu}][\p{L}\p{M}'’.-]*(?:[ /][\p{L}\p{M}'’.-]+){0,4}?(?:,\s*[^()]{2,30}?)?\s*)?\(([^()]{2,40})\)\s*(?:[-—–]{1,2}|\.\s*[-—–]|:|\.(?=\s))\s*\S/u;
/** A place of up to four words: "New Delhi", "MOSCOW", "Groß-Gerau". */
const PLACE = String.raw`[\p{Lu}][\p{L}\p{M}'’.-]*(?:[ /][\p{L}\p{M}'’.-]+){0,3}?`;
/**
 * Other dateline forms: "New Delhi, Jan 5 (PTI) The government …" (no dash, after a date), "MADRID, 5
 * (EUROPA PRESS)" (a paragraph of its own), "MOSCOW, January 5. /TASS/. …".
 */
const DATELINE_PLAIN = regex(
  'u',
  or(
    // "New Delhi, Jan 5 (PTI) The government …", "MADRID, 5 (EUROPA PRESS)".
    String.raw`^${PLACE},\s*[^()]{1,30}?\s*\(([^()]{2,40})\)(?:\s+(?=[\p{Lu}"“])|\s*$)`,
    // "MOSCOW, January 5. /TASS/. …".
    String.raw`^${PLACE}(?:,\s*[^()/]{1,30}?)?\s*\/([\p{Lu}]{2,10})\/\.?\s*(?:[-—–]{1,2}\s*)?\S`,
  ),
);
/** "This report by The Canadian Press was first published Jan. 5, 2024." */
const FIRST_PUBLISHED_BY = /^this (?:report|story|article) by (.{2,40}?) was first published\b/iu;
/** The agency first, then the place, then a dash: "mid Groß-Gerau - …", "Reuters Berlin – …". */
const AGENCY_FIRST = /^(\S{2,30}?)\s+([\p{Lu}][\p{L}\p{M}'’.-]*(?:[ /][\p{Lu}][\p{L}\p{M}'’.-]*){0,3})\s+[-—–]{1,2}\s+\S/u;
/** A credit in brackets closing a paragraph, after its last sentence: "… erschienen. (dpa)". */
const CLOSING = /(?:^|[.!?…"“”»«'’)\]]\s*|\s[-–—]\s*)[([]([^()[\]]{2,40})[)\]]\s*\.?\s*$/u;
/** A line that is only a credit: "(dpa)", "/dpa", "det/dpa", "– Ritzau –", "/ritzau/". */
const BARE = /^[\s([/–—-]*([^()[\]]{2,40}?)[\s)\]/–—-]*\.?$/u;
/** "Source: AFP", "Quelle: dpa", "来源：新华社", "Agency: Reuters". */
const LABELLED = regex(
  'iu',
  String.raw`^[([]?\s*`,
  oneOf(
    'quellen?|sources?|fuentes?|fonte|fonti|źródła|źródło|zdroj|kilde|källa|lähde|bron|forrás|izvor|sursa|kaynak|πηγή|источник',
    '来源|來源|出处|出典|稿件来源', // Chinese, Japanese
    'agency|agentur|agencia|agence|agenzia',
  ),
  String.raw`\s*[:：]\s*(.{2,60}?)\s*[)\]]?\.?$`,
);
const WITH = regex(
  'iu',
  or(
    // "Jane Doe with AP", "mit dpa", "z PAP": "with" in English, French, German, Spanish, Italian,
    // Portuguese, Dutch, the Scandinavian languages, Polish and Catalan.
    String.raw`^(?:(.{2,50}?)\s+)?(?:with|avec|mit|con|com|met|med|z|ze|amb)\s+(?:(?:the|l['’]|la|der|die|dem)\s*)?(.{2,40}?)\.?$`,
    String.raw`^\(?(?:avec|with|mit|con|com)\s+(.{2,40}?)\)?\.?$`, // "(with AFP)"
  ),
);
const MATERIAL = regex(
  'iu',
  or(
    // "Mit Material der Nachrichtenagentur dpa".
    String.raw`^(?:mit\s+)?material\s+(?:von|der|des)\s+(?:(?:nachrichten)?agentur(?:en)?\s+)?(.{2,40}?)\.?$`,
    String.raw`^con\s+informaci[oó]n\s+de\s+(?:la\s+agencia\s+|agencias?\s+)?(.{2,40}?)\.?$`, // "Con información de la agencia EFE"
    String.raw`^(?:avec|d['’]apr[eè]s)\s+(?:l['’]agence\s+)?(.{2,30}?)\.?$`, // "D'après l'agence AFP"
    String.raw`^com\s+(?:a\s+)?(?:ag[eê]ncia\s+)?(.{2,30}?)\.?$`, // "Com a agência Lusa"
  ),
);
const COPYRIGHT = /^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:(?:19|20)\d\d\s*)?(?:by\s+)?(.{2,300})$/iu;
const TCA = /distributed by tribune content agency/i;
const BY_WORD = /^(?:by|von|par|por|di|door|av|af|przez|od|de|från|fra|ved|autor|auteur|author)\s*[:：]?\s+/iu;

const wireCopy = (scan: PageScan): Finding[] => {
  const found: Finding[] = [];
  const add = (agency: Agency | null, weight: number, detail: (name: string) => Said, evidence: string, location: string, copyright?: string) => {
    if (!agency || isAgencySite(scan, agency)) return;
    found.push(
      finding('wire', weight, detail(agency.name), evidence, location, {
        originalPublisher: agency.name,
        originalSite: agency.sites[0] ?? null,
        ...(copyright ? { copyright } : {}),
      }),
    );
  };

  let dated = false;
  /** Agencies that the site lists as its own authors (their byline links to its author page). */
  const ownAuthors = new Set<string>();
  let previous: TextLine | undefined;
  for (const line of scan.lines) {
    const before = previous;
    previous = line;
    if (line.caption || line.footer || line.region === 'page-end') continue;
    const text = line.text;
    const where = regionName(line.region);
    if (line.region === 'article-start' && !dated) {
      const agency = datelineAgency(text);
      if (agency && !isAgencySite(scan, agency)) {
        dated = true;
        add(agency, 0.85, (name) => say('wireDateline', name), text.slice(0, 160), `${where}, dateline`);
        continue;
      }
    }
    const tail = text.length > 160 ? text.slice(-160) : text;
    const closing = CLOSING.exec(tail);
    if (closing?.[1] && text.length > closing[0].length + 20 && (closing.index > 0 || tail === text)) {
      add(
        creditAgency(closing[1], { anyCase: true }),
        0.8,
        (name) => say('wireClosingCredit', name),
        `…${text.slice(-120)}`,
        `${where}, closing credit`,
      );
      continue;
    }
    if (text.length > 300) continue;
    const credit = standaloneCredit(text, line, scan, before);
    if (credit) {
      if (credit.ownAuthor && credit.agency) ownAuthors.add(credit.agency.name);
      add(credit.agency, credit.weight, credit.detail, text, `${where}, ${credit.what}`, credit.copyright ? text : undefined);
      continue;
    }
    if (TCA.test(text) && !isAgencySite(scan, agencyNamed('Tribune Content Agency')!)) {
      found.push(
        finding('wire', 0.85, say('wireDistributedTca'), text, `${where}, distribution line`, {
          originalPublisher: creditedBeforeTca(text) ?? 'Tribune Content Agency',
          copyright: text,
        }),
      );
    }
  }

  // The description meta repeats the lead, dateline included, when the body's start was not read.
  if (!dated) {
    for (const key of ['og:description', 'description', 'twitter:description']) {
      const text = scan.structured.meta.get(key);
      const agency = text ? datelineAgency(text) : null;
      if (text && agency) {
        add(agency, 0.8, (name) => say('wireDescriptionDateline', name), text.slice(0, 160), `<meta name="${key}">`);
        break;
      }
    }
  }

  // Byline markup and the author fields.
  for (const texts of scan.bylines) {
    for (const text of texts) {
      const agency = text ? bylineAgency(text) : null;
      // The same byline as a line above, when that one links to the site's own author page: as weak.
      if (agency) add(agency, ownAuthors.has(agency.name) ? 0.5 : 0.8, (name) => say('wireByline', name), normalizeSpace(text), 'byline');
    }
  }
  for (const [key, value] of authorFields(scan)) {
    const agency = bylineAgency(value) ?? withAgency(value, scan, 'field');
    if (agency) add(agency, 0.8, (name) => say('wireAuthorField', name), `${key}: ${value}`, key);
  }
  return dedupe(found);
};

/** The agency of a dateline at the start of a text, or null. */
function datelineAgency(text: string): Agency | null {
  const dateline = DATELINE.exec(text);
  if (dateline?.[1]) {
    const agency = creditAgency(dateline[1], { anyCase: true });
    if (agency) return agency;
  }
  const plain = DATELINE_PLAIN.exec(text);
  const credit = plain?.[1] ?? plain?.[2];
  if (credit) {
    const agency = creditAgency(credit, { anyCase: true });
    if (agency) return agency;
  }
  const first = AGENCY_FIRST.exec(text);
  return first?.[1] ? agencyNamed(first[1]) : null;
}

interface Credit {
  agency: Agency | null;
  weight: number;
  detail: (name: string) => Said;
  what: string;
  copyright?: boolean;
  ownAuthor?: boolean;
}

/** A short line that is an agency credit by itself: bare, labelled, "with", copyright or byline. */
function standaloneCredit(text: string, line: TextLine, scan: PageScan, previous: TextLine | undefined): Credit | null {
  const site = scan.site;
  const reportBy = FIRST_PUBLISHED_BY.exec(text);
  if (reportBy?.[1]) {
    const agency = creditAgency(reportBy[1].replace(/^the\s+/i, ''), { anyCase: true }) ?? agencyNamed(reportBy[1]);
    if (agency) return { agency, weight: 0.85, detail: (name) => say('wireFirstPublished', name), what: 'agency credit' };
  }
  const labelled = LABELLED.exec(text);
  if (labelled?.[1]) {
    const agency = creditAgency(labelled[1], { anyCase: true });
    return agency ? { agency, weight: 0.85, detail: (name) => say('wireSourceLine', name), what: 'source line' } : null;
  }
  const copyright = COPYRIGHT.exec(text);
  if (copyright?.[1]) return copyrightCredit(copyright[1], /(?:19|20)\d\d/.test(text.slice(0, 16)));
  const material = MATERIAL.exec(text);
  const materialName = material?.slice(1).find(Boolean);
  if (materialName) {
    const agency = creditAgency(materialName, { anyCase: true });
    if (agency) return { agency, weight: 0.8, detail: (name) => say('wireWrittenFrom', name), what: 'agency credit' };
  }
  const agency = withAgency(text, scan, line.region === 'article-start' ? 'byline' : 'text');
  if (agency) return { agency, weight: 0.8, detail: (name) => say('wireDesk', name), what: 'agency credit' };
  const bare = BARE.exec(text);
  const marked = /[/()[\]–—]/.test(text);
  // A bare name ("AFP", "JIJI") is a byline at the article's start; at its end, a teaser's source in a list of related stories.
  // After a line that is only a link (a teaser's headline), a bare name is that teaser's source.
  const afterTeaser = !!previous && previous.links.length === 1 && previous.links[0]!.text === previous.text;
  if (bare?.[1] && (marked || (line.region === 'article-start' && !afterTeaser)) && !/^[\p{Lu}][\p{Ll}]+ [\p{Lu}]/u.test(bare[1])) {
    const credit = creditAgency(bare[1], { anyCase: marked, standalone: !marked });
    if (credit) {
      // The agency as one of the site's own authors (its name links to the site's author page): weaker.
      const ownAuthor =
        !marked &&
        line.links.length === 1 &&
        line.links[0]!.text === text &&
        !!line.links[0]!.href &&
        registrableDomain(line.links[0]!.href) === site;
      return ownAuthor
        ? { agency: credit, weight: 0.5, detail: (name) => say('wireOwnAuthor', name), what: 'byline', ownAuthor: true }
        : {
            agency: credit,
            weight: line.region === 'article-start' ? 0.8 : 0.75,
            detail: (name) => (marked ? say('wireCreditLine', name) : say('wireByline', name)),
            what: marked ? 'credit line' : 'byline',
          };
    }
  }
  const byline = line.region === 'article-start' && !afterTeaser ? bylineAgency(text) : null;
  return byline ? { agency: byline, weight: 0.8, detail: (name) => say('wireByline', name), what: 'byline' } : null;
}

/** "Le Monde with AFP", "avec AFP", "Redaktion mit dpa": a desk's rewrite of an agency's copy. */
/**
 * "Le Monde with AFP", "avec AFP", "Redaktion mit dpa": a desk's rewrite of an agency's copy. A desk's
 * name before "with" only where a byline stands (`asByline`: the article's start, an author field), so that
 * a heading "Interview with Reuters" is no credit.
 */
function withAgency(text: string, scan: PageScan, where: 'field' | 'byline' | 'text'): Agency | null {
  const match = WITH.exec(normalizeSpace(text));
  if (!match) return null;
  const desk = match[1]?.replace(/^(?:by|par|von|por|di)\s+/i, '');
  const credit = match[2] ?? match[3];
  // The desk is the site itself ("Le Monde with AFP" on lemonde.fr) or its newsroom ("Redaktion mit dpa").
  // In an author field, any outlet's name ("Le Monde with AFP").
  const deskOk =
    !desk ||
    DESK_WORD.test(desk) ||
    (where !== 'text' && isOwnSiteName(scan, desk)) ||
    (where === 'field' && desk.split(' ').length <= 4 && /^[\p{Lu}\d]/u.test(desk));
  if (!credit || !deskOk) return null;
  return creditAgency(credit, { anyCase: true });
}
const DESK_WORD =
  /^(?:(?:die|la|le|the|a|el)\s+)?(?:redaktion|redazione|rédaction|redacción|redação|redactie|redakcja|newsroom|news\s*desk|staff|red)$/iu;

/** A copyright line's holder when it is an agency, and what follows it says this article (not a photo). */
function copyrightCredit(rest: string, withYear: boolean): Credit | null {
  const alias = aliasesIn(rest)[0];
  if (!alias || alias.index > 4) return null;
  const agency = agencyNamed(alias.text, { anyCase: true });
  if (!agency) return null;
  const after = rest.slice(alias.index + alias.text.length).replace(/^-(?:infocom|AFX)\b/i, '');
  // "© 2012 APA/AP", "© dpa/Spektrum.de": a picture's credit or a joint one.
  if (/^\s*\//.test(after)) return null;
  const segments = after
    .split(/\s*[|,;]\s*|\.\s+/)
    .map((part) => part.trim().replace(/\.$/, ''))
    .filter(Boolean);
  // A photographer after the agency ("© dpa | Kay Nietfeld") makes it a picture credit.
  if (
    segments.some((part) => /^(?:[\p{Lu}][\p{L}'’-]+)(?:\s+[\p{Lu}][\p{L}'’-]+){0,3}$/u.test(part) && !/^(?:All|Alle|Tous|Todos|Tutti)\b/i.test(part))
  )
    return null;
  // A bare "© AFP" may be a picture's credit set apart from it; a year, more text, or the agency's full or
  // text-service name ("dpa-infocom", "The Associated Press") makes it the article's.
  const strong = withYear || segments.length > 0 || alias.text.length > 4;
  return { agency, weight: strong ? 0.8 : 0.5, detail: (name) => say('wireCopyrightLine', name), what: 'copyright line', copyright: true };
}

/**
 * A byline that credits an agency: the agency alone ("JIJI", "SID", "dpa"), after a person and a
 * separator ("Jane Doe, Reuters", "Von David Hutzler, dpa"), after a name in capitals ("JANE DOE
 * Associated Press"), after a desk's initials ("det/dpa"); then perhaps a role ("AP Entertainment Writer")
 * and a date ("SID Freitag, 04.02.2022 | 11:38 Uhr").
 */
function bylineAgency(raw: string): Agency | null {
  const text = normalizeSpace(raw).replace(BY_WORD, '');
  if (text.length > 160) return null;
  for (const alias of aliasesIn(text)) {
    const before = text.slice(0, alias.index);
    const after = text.slice(alias.index + alias.text.length);
    const desk = /^(?:[a-zäöü]{1,4}\/)+$/.test(before);
    if (before && !desk && !PERSON_THEN_SEPARATOR.test(before) && !CAPITALS.test(before)) continue;
    const agency = desk ? creditAgency(before + alias.text, { anyCase: true }) : agencyNamed(alias.text, { standalone: true });
    if (!agency) continue;
    const rest = after.replace(/^(?:\/[a-zäöü]{1,4})+/, '').replace(ROLE, '');
    if (rest && (rest.length > 60 || !TAIL.test(rest))) continue;
    return agency;
  }
  return null;
}
/** A person, then a comma or a bar ("Jane Doe, Reuters"); a slash is a photographer's credit ("Lynne Sladky/Associated Press"). */
const PERSON_THEN_SEPARATOR = /^(?:[\p{Lu}][\p{L}\p{M}'’.-]*\s+){0,3}[\p{Lu}][\p{L}\p{M}'’.-]*\s*(?:,|\||·|•|\s[-–—])\s*$/u;
const CAPITALS = /^(?:[\p{Lu}][\p{Lu}\p{M}'’.-]+\s+){1,4}$/u;
const ROLE =
  /^,?\s*(?:[\p{Lu}][\p{Ll}]+\s+){0,2}(?:Writer|Correspondent|Reporter|Editor|Staff|Journalist|Korrespondent(?:in)?|Correspondant|Corresponsal)\b/u;
/** A date's label, or the word before a date: "Updated", "Veröffentlicht", "am", "le". */
const DATE_WORD = oneOf('Updated|Published|Posted|Aktualisiert|Veröffentlicht|Publié|Publicado|Pubblicato|Erstellt', 'am|on|le|el|il|den');
/** What may follow a credit on its line: a date's label and the rest, or a date ("Jan. 5, 2024"). */
const TAIL = regex('iu', String.raw`^[\s,|·•–-]*`, oneOf(String.raw`${DATE_WORD}\b.*`, String.raw`[\p{L}]{0,12}\.?,?\s*\d.*`), '$');

/** The author fields: meta tags and the JSON-LD article's authors, as [where, value]. */
function authorFields(scan: PageScan): [string, string][] {
  const fields: [string, string][] = [];
  for (const key of [...AUTHOR_META, 'og:article:author']) {
    const value = scan.structured.meta.get(key);
    if (value && !/^https?:/i.test(value)) fields.push([`<meta name="${key}">`, value]);
  }
  for (const name of scan.structured.article?.authors.slice(0, 5) ?? []) fields.push(['JSON-LD author', name]);
  return fields;
}

/** "©2025 The Seattle Times. Visit seattletimes.com. Distributed by Tribune Content Agency, LLC." → "The Seattle Times". */
function creditedBeforeTca(text: string): string | null {
  const match = /^(?:©|copyright)\s*(?:\d{4}\s*)?(?:,\s*)?(.{2,60}?)\.\s/i.exec(text);
  return match?.[1] ?? null;
}

function dedupe(found: Finding[]): Finding[] {
  const seen = new Set<string>();
  return found.filter((item) => {
    const key = `${item.signal.evidence.location}|${item.claims.originalPublisher}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Its entry in the registry (core/signals/index.ts). What the digest keeps for it: the credits' labels and words, and the shapes of the places where a credit stands. */
export const family: Family = {
  name: 'wire',
  rule: wireCopy,
  keep: {
    // Labelled credits ("Quelle: dpa", "来源：新华社"), the agencies' names in brackets and in words, copyright lines.
    creditLabels:
      /sources?|quelle|fuente|fonte|bron|źródła|źródło|kaynak|источник|kilde|källa|lähde|zdroj|forrás|izvor|sursa|πηγή|来源|來源|出处|出典/i,
    creditPhrases: /\((?:AP|Reuters|AFP|UPI|TNS|dpa|Bloomberg|CNN|AAP)\)|associated[\s\u200b]+press|tribune[\s\u200b]+content/i,
    linePhrases: /©|\(c\)|copyright/i,
    // Where a credit stands, by its shape (the agency table stays here, core/signals/agencies.ts): at a block's
    // end a short word in brackets or after a slash or a dash ("… (dpa)", "(ats/nxp)", "det/dpa", "– Ritzau –")
    // or after "with"/"avec"/"mit"/"de" ("Le Monde with AFP", "Con información de EFE"); a dateline's brackets
    // at the article's start ("Hamburg (dpa/lno) –"); a short block that may be an agency's byline ("JIJI",
    // "Jane Doe, Reuters"). A superset: a false hit only costs reading the block.
    creditEnd: /(?:[([/–—-]\s*[^\s()[\]/]{2,16}(?:\/[^\s()[\]/]{1,8})?\s*[)\]/–—-]?|\b(?:with|avec|mit|von|con|com|de)\s+\S{2,20})\s*\.?\s*$/u,
    creditStart: /^[^()]{0,80}\([^()]{2,40}\)/,
    shortStart: regex(
      '',
      or(
        String.raw`\b(?:[A-ZÄÖÜ]{2,6}|dpa|epd|sda|ats|apa|kna|sid|mid|dts|ritzau|kathpress)\b`, // an agency's initials
        'Reuters|Press|News|Agen|Jiji|Kyodo|Xinhua|Yonhap|Bloomberg|Lusa|Belga|Antara|Bernama|Interfax|Anadolu|Tanjug',
      ),
    ),
    // Long lines naming these get `footer` and `caption` too: a site-wide footer's agency notice is no credit.
    placedWords: /associated press|tribune content/i,
  },
};
