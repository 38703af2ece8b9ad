/**
 * Where a page names its author in structured form (JSON-LD, meta tags, read once by
 * core/structured.ts) and how a written name is cleaned. Used by the rules (core/metadata.ts,
 * the wire signal); the digest (core/digest.ts) keeps its own cheap check on the raw text.
 */
import type { StructuredData } from './structured';
import { decodeEntities, foldForCompare, foldToKey, looksLikeName, normalizeSpace } from './text';

/** Meta tags that name the author, most trustworthy first. */
import { AUTHOR_META } from './digest-limits';
import { MONTH_NAME, WEEKDAY_NAME } from './dates';
import { oneOf, or, regex } from './regex';

export { AUTHOR_META };

/** A date or a time: "29.12", "26. Januar", "11, 2015", "2019", "3:46", "8h", "3 hours". */
const DATE_OR_TIME = oneOf(
  String.raw`\d{1,4}[./-]\d{1,2}`,
  String.raw`\d{1,2}\.?\s*(?:${MONTH_NAME})\b`,
  String.raw`\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}`,
  String.raw`\d{4}\b`,
  String.raw`\d{1,2}:\d{2}`,
  String.raw`\d+\s*(?:h|hrs?|mins?|minutes?|hours?|days?|weeks?|std|stunden|tagen?)\b`,
);
/**
 * Where a date or a time starts after a name: "March 11, 2015", "26. Januar", "29.12.2010", "3:46 PM",
 * "2019", "8h"; glued to the name too ("Nolan22 Dec 2016"). A number that is none ("Bündnis 90/Die Grünen",
 * "News4Max") is no date.
 */
const DATE_START = regex(
  'iu',
  or(
    String.raw`(?:^|[\s,|•·–—(/-])${DATE_OR_TIME}`,
    String.raw`(?<=\p{L})\d{1,2}\.?\s*(?:${MONTH_NAME})\b`, // glued to the name: "Nolan22 Dec"
  ),
);
/** Words left behind a name once the date that followed it is cut: "on", "am", "le", a month, a weekday, a label. */
const DATE_LEFTOVER = regex(
  'i',
  String.raw`(?:^|[\s,|•·–—:/(.-])`,
  oneOf(
    'on|am|um|le|el|il|em|op|den|at|the|dnia|du|vom|de|der',
    String.raw`\|`,
    'updated|published|posted|datum|date|stand|fecha|data|publi[ée]|ver[öo]ffentlicht|aktualisiert|erschienen',
    MONTH_NAME,
    WEEKDAY_NAME,
  ),
  String.raw`\.?$`,
);

/** Words for "written" before "by": "Posted by", "Geschrieben von", "Écrit par", "Publicado por". */
const WRITTEN = oneOf(
  'written|posted|published|reported|reporting|words|interview|story|report',
  String.raw`ver[öo]ffentlicht|eingestellt|erstellt|geschrieben|verfasst|gepostet|ein\s+beitrag|ein\s+artikel`, // German
  'publi[ée]|[ée]crit|r[ée]dig[ée]', // French
  'publicado|escrito|pubblicato|scritto', // Spanish, Portuguese, Italian
  'geplaatst|geschreven|skrevet|napisa[łl]a?', // Dutch, Danish and Norwegian, Polish
);
/** "Author" as a label: "Autor", "Autor*in", "Autorinnen", "auteure", "yazar", "автор", "Redakteurin". */
const AUTHOR_WORD = oneOf(
  'author',
  'autor(?:in(?:nen)?|es|en)?(?:[/:*_]in(?:nen)?)?',
  'auteur(?:e|s)?|autore|autrice|autori|yazar|автор',
  'redakteur(?:in)?|verfasser(?:in)?',
);
/**
 * What stands before a name: "By", "Von", "Par"…, labels ("Author:", "Interview:", "Text:"), "Posted by",
 * "View all posts by", separators. Case-insensitive; glued forms ("AuthorJane Doe") are GLUED_LEAD.
 */
const LEAD = regex(
  'iu',
  '^',
  oneOf(
    String.raw`[\s|•·,:;–—/-]+`,
    // "View all posts by", "Alle Artikel von", "Voir les articles de".
    String.raw`(?:view|see|show|read|zeige|voir|ver|alle|all|more|mehr|weitere|tous|todos|tutti)\b[\p{L}\s]{0,25}?\b(?:by|von|de|from|par|di|van)\s+`,
    String.raw`post\s+author\s+`,
    // "This article was written by", "Posted by:", "Geschrieben von".
    String.raw`(?:(?:this\s+)?(?:article|story|post|entry|beitrag|artikel)\s+)?${WRITTEN}\b\s*(?:(?:by|von|vom|par|por|de|da|di|door|av|af|przez)\b)?\s*[:：]?\s*`,
    String.raw`(?:text|texte|testo|texto|tekst)\s*(?:[:：]\s*|(?:von|by|de|di)\s+)`, // "Text:", "Texte de"
    String.raw`${AUTHOR_WORD}\s*[:：]?\s*(?:(?:by|von|par|por|di)\s+)?(?=\p{L})`, // "Author:", "Autorin: von"
    String.raw`(?:by|von|vom|par|por|di|door|av|af|przez|od|от)\s*[:：]?\s+`, // "By", "Von", "Par", "Przez"
  ),
);
const GLUED_LEAD = /^(?:Author|AUTHOR|Autor|AUTOR|Von|VON|von|By|BY|by)(?=\p{Lu}\p{Ll})/u;
/** A separator between a name and what bylines put after it: ", ", " | ", " · ", " – ". */
const SEPARATOR = String.raw`\s*[,;|•·–—-]\s*`;
/** A separator or a plain space. */
const AFTER_NAME = String.raw`(?:${SEPARATOR}|\s+)`;
/** Roles of another person's credit: "Edited by", "Photos by", "Additional reporting by", "Fotos:". */
const OTHER_ROLE = oneOf(
  'edited',
  'photos?|photographs?|photography|pictures?|illustrations?|graphics?|videos?|fotos?|bilder|grafik',
  'additional reporting|with reporting|reporting|contributed|mit material|mitarbeit',
  'fact-?checked|reviewed|medically reviewed',
);
/** Another person's credit after the author's: "Edited by", "Photos by", "Additional reporting by". */
const OTHER_CREDITS = regex('i', AFTER_NAME, String.raw`(?:${OTHER_ROLE}\b(?:\s+by|\s+von|\s*:))`, '.*$');
/** A status word: "Updated", "veröffentlicht", "mis à jour", "vor 3 Stunden", "an hour ago". */
const STATUS_WORD = oneOf(
  String.raw`(?:last\s+)?updated|aktualisiert|published|posted\s+(?:on|at|in)`,
  String.raw`ver[öo]ffentlicht|publi[ée]\s+le|mis\s+[àa]\s+jour|actualizado|aggiornato`,
  String.raw`vor\s+\p{L}+\s+(?:stunden?|minuten?|tagen?)|an?\s+(?:hour|minute|day)s?\s+ago|just\s+now`,
);
/** "yesterday", "today" in English, German, French, Spanish and Italian. */
const RELATIVE_DAY = oneOf("yesterday|today|gestern|heute|aujourd'hui|hier|ayer|hoy|ieri|oggi");
/** A status or time stamp after the name: "| Updated 3 hours ago", "— veröffentlicht …", "yesterday". */
const STATUS = regex('iu', oneOf(AFTER_NAME + STATUS_WORD, SEPARATOR + RELATIVE_DAY), String.raw`\b.*$`);
/** Profile links and social buttons after the name. */
const PROFILE = regex(
  'i',
  AFTER_NAME,
  oneOf(
    String.raw`follow(?:\s+(?:author|me|us|on))?`,
    'twitter|facebook|instagram|linkedin|threads|bluesky|mastodon',
    String.raw`e-?mail(?:\s+(?:me|author|the author))?`,
    // "Alle Artikel", "All posts", "More by", "View profile", "See all", "Read full bio".
    String.raw`alle\s+(?:artikel|beitr[äa]ge)|all\s+(?:posts|articles|stories)|more\s+(?:by|from|articles|stories)`,
    String.raw`view\s+(?:profile|bio|all)|see\s+(?:all|full|more)|read\s+(?:more|bio|full bio)|full\s+bio`,
    'profil|profile|bio|contact|kontakt|rss',
    String.raw`@[\w.]+`, // a handle
  ),
  String.raw`\b.*$`,
);
/** Academic and professional letters after a name: "Brenda Goodman, MA", "Jane Doe, PhD". */
const CREDENTIALS = regex(
  '',
  String.raw`,?\s+`,
  oneOf(
    // Degrees, nursing, dietitians, veterinarians, dentists, osteopaths, social workers, surgeons.
    String.raw`Ph\.?\s?D\.?|M\.?D\.?|M\.?A\.?|MSc|M\.?S\.?|MPH|R\.?N\.?|RDN?|DVM|DDS|D\.?O\.?|LCSW|FACS|BSc|B\.?A\.?|MBA`,
    String.raw`CFA|CPA|J\.?D\.?|Esq\.?`, // finance and law
    'FRCP|MRCP|MBBS|CSCS|CPT', // British physicians, trainers
  ),
  String.raw`\.?$`,
);
/** How an agency stands beside the author: "Jane Doe, AP", "det/dpa", "Jane Doe for Reuters", "Jane Doe mit dpa". */
const BESIDE = oneOf(String.raw`\s*[,;|/–—-]\s*`, String.raw`\s+(?:for|f[üu]r|pour|para|per|with|avec|mit|con|com|and|und|et|y)\s+`, String.raw`\s+`);
const AGENCY_NAME = oneOf(
  String.raw`Associated\s+Press|AP|Reuters|REUTERS|AFP|Agence\s+France[- ]Presse|dpa|DPA|Bloomberg(?:\s+News)?`,
  String.raw`TNS|Tribune\s+News\s+Service|Tribune\s+Content\s+Agency|UPI|United\s+Press\s+International|CNN(?:\s+Wire)?`,
  String.raw`EFE|ANSA|Xinhua|Kyodo(?:\s+News)?|Yonhap|PA(?:\s+Media)?|Press\s+Association|AAP|(?:The\s+)?Canadian\s+Press`,
  'KNA|epd|APA|SDA|Keystone-SDA', // German, Austrian, Swiss
  String.raw`KHN|Kaiser\s+Health\s+News|HealthDay(?:\s+News)?`,
  String.raw`agencies|Agencies|news\s+agencies|wires|Agenturen|agences`, // agencies unnamed
);
/** News agencies and wires credited beside the author: "Jane Doe, Associated Press", "Los Angeles Times (TNS)", "det/dpa". */
const AGENCY = regex('', BESIDE, String.raw`(?:[Tt]he\s+)?`, AGENCY_NAME, String.raw`\s*$`);
/** Job titles after a name: "Reporter", "Redakteurin", "rédactrice", "corresponsal", "inviata". */
const ROLE_WORDS = or(
  String.raw`editor(?:-in-chief|\s+in\s+chief|\s+at\s+large)?|editors|reporter|writer|correspondent|contributor|columnist|journalist`,
  'producer|analyst|photographer|photojournalist|critic|reviewer|intern|fellow|anchor|blogger|commentator',
  // German.
  'redakteur(?:in)?|redaktorin|redaktor|korrespondent(?:in)?|journalistin|reporterin|volont[äa]r(?:in)?|chefredakteur(?:in)?|ressortleiter(?:in)?',
  'r[ée]dacteur|r[ée]dactrice|journaliste|correspondante?|chroniqueur|chroniqueuse', // French
  'periodista|redactora?|corresponsal|columnista', // Spanish
  'giornalista|redattore|redattrice|corrispondente|inviat[oa]', // Italian
);
/** Words before a job title: a rank ("Senior", "Deputy") or a beat ("Games", "White House"). */
const ROLE_MODS = oneOf(
  String.raw`senior|sr\.?|junior|chief|deputy|managing|executive|associate|assistant|contributing|staff|lead|head|principal|special|freelance|guest`,
  'political|politics|tech|technology|science|health|sports?|games?|gaming|business|news|features?|digital|social|video|photo|investigative',
  'national|international|foreign|entertainment|culture|arts?|music|film|movies?|tv|travel|food|opinion|editorial|legal|financial|finance',
  'economics?|economy|weather|metro|city|local|breaking|general|court|courts|crime|education|environment(?:al)?|climate|security|defen[cs]e',
  'markets?|energy|autos?|motoring|fashion|beauty|style|lifestyle|commerce|shopping|deals|audience|copy|web|online|wire|night|weekend',
  'regional|state|global|world|data|graphics|visual|multimedia|content|medical|wellness|parenting|books|religion',
  String.raw`white\s+house|real\s+estate`,
  'wirtschafts|politik|sport|kultur|lokal|leitende[rn]?|stellvertretende[rn]?|freie[rn]?', // German
);
const ROLE = new RegExp(
  `(\\s*[,|–—-]\\s*|\\s+)(?:${ROLE_MODS}\\s+)*(?:${ROLE_WORDS})(?:\\s+(?:at|for|of|bei|f[üu]r|de|du|del|di|chez)\\s+.*)?\\s*$`,
  'i',
);
const ONLY_ROLE = new RegExp(`^(?:${ROLE_MODS}\\s+)*(?:${ROLE_WORDS})$`, 'i');
/** Not a name: placeholders, navigation words, account names. */
const NOT_A_NAME = regex(
  'i',
  '^',
  oneOf(
    'admin|administrator|staff|editor|editors',
    // Placeholders.
    String.raw`unknown|unbekannt|unbenannt|inconnu|desconocido|anonymous|anonym|anonyme|no author|not available|n\/a|none|null|undefined`,
    // Accounts.
    'user|guest|gast|webmaster|publisher|root|system|default|superuser',
    // Navigation and buttons.
    'weiter|next|more|mehr|zur[üu]ck|back|home|menu|login|share|teilen|comments?|kommentare?|loading',
    // Labels.
    'author|autor|auteur|written by|posted by|by|in|innen',
    String.raw`follow(?:\s+(?:author|me|us))?`,
    String.raw`(?:staff\s+and\s+)?(?:news\s+service|wire|staff|agency|wire\s+service)\s+reports?`, // "Staff and wire reports"
  ),
  '$|admin$',
);

/**
 * An author's name as a page writes it, cleaned: labels and "By"/"Von"/"Par"… before it, and what bylines
 * put after it — dates and times, "| Updated …", other people's credits ("Edited by …"), job titles
 * ("Games Editor", "Redakteur"), an agency beside the name ("Associated Press", "(TNS)"), profile links,
 * e-mail addresses and URLs — dropped. Several names stay in one string ("Jane Doe and John Roe");
 * authorNames splits them. Null when nothing like a name is left.
 */
export function cleanAuthor(raw: string): string | null {
  // A byline is short: its first 200 characters are plenty (and bound the work on a page built to be slow).
  let name = normalizeSpace(decodeEntities(raw.length > 400 ? raw.slice(0, 400) : raw)).slice(0, 200);
  // A time stamp in byline markup ("Last Updated: January 7, 2025", "Updated 3 hours ago") is no name.
  if (/^(?:last\s+updated|updated|modified|aktualisiert|actualizado|mis\s+[àa]\s+jour)\b/i.test(name)) return null;
  if (name.startsWith('{')) name = /"name"\s*:\s*"([^"]+)"/.exec(name)?.[1] ?? '';
  if (/^(?:https?:\/\/|www\.)\S*$/i.test(name) || /^@\S+$/.test(name)) return null;
  name = name
    .replace(/\(\s*(?:https?:\/\/|www\.)[^)]*\)/gi, ' ')
    .replace(/(?:https?:\/\/|www\.)\S+/gi, ' ')
    .replace(/(?:^|\s)(?:[\w-]+\.)+[a-z]{2,}\/\S*/gi, ' ')
    .replace(/\S+(?:@|\[at\]|\(at\))\S+\.\S+|\S+\[at\]\S+/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // A byline that opens with its date: "8. Januar 2020 · by Aureliana · in Gefühle".
  const after = /(?:^|[·|•,])\s*(?:by|von|par|por|door)\s+(\S.*)$/i.exec(name);
  if (after?.[1] && /\d/.test(name.slice(0, after.index))) name = after[1];
  for (let i = 0; i < 4; i++) {
    const next = name.replace(LEAD, '').replace(GLUED_LEAD, '');
    if (next === name) break;
    name = next;
  }
  // Fields after the name, separated by a bar or a dot: " · in Politics", " | The Verge".
  name = name.replace(/\s[·|•]\s.*$/, '');
  name = cut(name, OTHER_CREDITS);
  name = cut(name, STATUS);
  // A date or a time (DATE_START): cut there, with the "on", "am", month or weekday left before it.
  const date = DATE_START.exec(name);
  if (date) {
    name = name.slice(0, date.index);
    for (let i = 0; i < 6; i++) {
      const next = name.replace(/[\s,|•·–—:/(.-]+$/, '').replace(DATE_LEFTOVER, '');
      if (next === name) break;
      name = next;
    }
  }
  for (let i = 0; i < 3; i++) {
    const before = name;
    name = cut(name, PROFILE);
    name = cut(name, CREDENTIALS);
    name = cut(name, AGENCY);
    // "Glen Owen and Brendan Carlin for The Mail on Sunday", "Jane Doe, Special to The Post".
    if (/^\S+\s+\S+.*\s(?:[Ff]or|[Tt]o)\s/.test(name)) name = cut(name, /(?:,?\s+[Ss]pecial\s+[Tt]o|\s+[Ff]or)\s+(?:[Tt]he\s+)?[\p{Lu}\d].*$/u);
    // "(TNS)", "(stevenhgm)", "(Editor)"; "(avec Damien Leloup et Morgane Tual)" names more authors.
    if (!/\((?:avec|with|mit|con|com|and|und|et)\s/i.test(name)) name = cut(name, /\s*\([^()]*\)\s*$/);
    const role = ROLE.exec(name);
    // "Ben Silverman Games Editor" → "Ben Silverman"; "Antrim Court Reporter" stays (one word would be left).
    if (role && (role[1]!.trim() || name.slice(0, role.index).trim().split(' ').length >= 2)) name = cut(name, ROLE);
    name = name.replace(/[\s,;:|•·–—/(-]+$/, '').trim();
    if (name === before) break;
  }
  name = name.replace(/^[\s,;:|•·–—/)-]+/, '').trim();
  if (name.length < 2 || !/\p{L}/u.test(name) || NOT_A_NAME.test(name) || ONLY_ROLE.test(name)) return null;
  if (/^(?:(?:last\s+)?updated|published|posted|modified)\b|\bago$/i.test(name)) return null;
  // "Verein e.V.", "Acme Inc.": a final abbreviation is no sentence's end.
  return name.length <= 100 && looksLikeName(name.replace(/\s*(?:e\.\s?V|Inc|Ltd|Corp|Co|Jr|Sr|S\.A|B\.V|N\.V)\.$/, '') || name, 12) ? name : null;
}

/** The text with the pattern's match removed, unless that would leave no name. */
function cut(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match) return text;
  const rest = text
    .slice(0, match.index)
    .replace(/[\s,;:|•·–—/(-]+$/, '')
    .trim();
  return rest.length >= 2 && /\p{L}/u.test(rest) ? rest : text;
}

const words = (text: string) => text.split(' ').filter(Boolean).length;

/**
 * The names in one cleaned author string: "Jane Doe and John Roe", "Jane Doe, John Roe", "A; B", "A / B",
 * "Martin Untersinger (avec Damien Leloup et Morgane Tual)" are several people. One name stays one:
 * "Mac & i", "José Ortega y Gasset", "Brenda Goodman, MA". "Doe, Jane" (one word, then the given
 * names) is read as "Jane Doe". A single word after a full name ("Markus Haefliger, London", "Rob
 * Picheta, CNN") is a place or an affiliation, and dropped.
 */
function splitAuthors(text: string): string[] {
  const flat = text.replace(/\s*\((?:avec|with|mit|con|com|and|und|et)\s+([^)]*)\)/gi, ', $1');
  const parts: string[] = [];
  for (const chunk of flat.split(
    /\s*(?:;|\s\/\s|(?<=\p{L}{2})\/(?=\p{L}{2})|,\s*(?:and|und|et)\s+|\s+(?:and|und|et|AND|And|UND|Und|ET|Et)\s+)\s*/u,
  )) {
    // Conjunctions that also join the parts of one name ("Ortega y Gasset") or a brand ("Mac & i"):
    // only between two full names.
    const sides = chunk.split(/\s+(?:&|y|e|i|en|og|och|with|avec|mit|con)\s+/);
    if (sides.length > 1 && sides.every((side) => words(side.replace(/,.*$/, '')) >= 2)) parts.push(...sides);
    else parts.push(chunk);
  }
  const names: string[] = [];
  for (const part of parts) {
    const byComma = part.split(/\s*,\s*/).filter(Boolean);
    if (byComma.length === 1) names.push(part);
    else if (
      byComma.length === 2 &&
      words(byComma[0]!) === 1 &&
      words(byComma[1]!) <= 3 &&
      /^\p{Lu}/u.test(byComma[0]!) &&
      /^\p{Lu}/u.test(byComma[1]!)
    )
      names.push(`${byComma[1]} ${byComma[0]}`);
    else if (words(byComma[0]!) >= 2) names.push(...byComma.filter((name, i) => i === 0 || words(name) >= 2));
    else names.push(part);
  }
  const cleaned = names.map((name) => (name === text ? name : (cleanAuthor(name) ?? ''))).map((name) => name.trim());
  return dedupeNames(cleaned.filter((name) => name.length > 1));
}

export function dedupeNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names
    .filter((name) => {
      const key = foldForCompare(name);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 10);
}

/** Names a raw author value holds, cleaned and split ([] for none). */
export function authorNames(raw: string): string[] {
  const cleaned = cleanAuthor(raw);
  return cleaned ? splitAuthors(cleaned) : [];
}

/** The host's name part: "www.example.co.uk" → "example", "sport.aktualne.cz" → "aktualne". */
function hostLabel(url: string): string | null {
  const host = /^[a-z][a-z\d+.-]*:\/\/(?:[^@/?#]*@)?([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase();
  if (!host || /^[\d.]+$/.test(host)) return null;
  const labels = host.split('.');
  if (labels.length < 2) return labels[0] ?? null;
  let i = labels.length - 2;
  if (i > 0 && /^(?:co|com|org|net|gov|ac|ne|or|edu|go|gv|nic)$/.test(labels[i]!)) i--;
  return labels[i] ?? null;
}

/** The site's own names: og:site_name, application-name, the JSON-LD publisher, its host's name. */
export function siteNamesOf({ meta, article }: StructuredData, url: string): string[] {
  // Some sites put the page's headline in application-name: a few words only, and not the page's title.
  const titles = [meta.get('og:title'), meta.get('twitter:title')].filter((title): title is string => !!title).map((title) => foldForCompare(title));
  const app = meta.get('application-name');
  const names = [
    meta.get('og:site_name'),
    app && words(app) <= 4 && !titles.includes(foldForCompare(app)) ? app : null,
    article?.publisher,
    hostLabel(url),
  ];
  return names.filter((name): name is string => !!name && name.length > 1 && words(name) <= 10);
}

/** A company form or a word that names an organisation or a desk. */
const ORG_FORM = regex(
  '',
  String.raw`\b`,
  oneOf(
    String.raw`GmbH|AG|KG|KGaA|e\.\s?V\.|eG`, // German
    'Inc|Ltd|LLC|PLC',
    String.raw`S\.?A\.?S?|SARL|S\.r\.l|B\.V|N\.V`, // French, Italian, Dutch
    'Corp|Corporation|Company|Verlag',
    'Ministry|Institute|Foundation|Universit[äa]t|University',
    String.raw`Newsroom|Redaktion|Online-Redaktion|News\s+Desk|Desk`,
  ),
  String.raw`\b`,
);
/** German compounds that name a body: "Landesanstalt", "Bundesministerium", "Sportverband", "Landtagsfraktion". */
const ORG_WORD = /\p{L}*(?:anstalt|ministerium|verband|verein|gesellschaft|kammer|stiftung|institut|fraktion)\b/iu;

/** Is this author the site itself, or an organisation (a company form, a ministry, a desk)? */
function isSiteOrOrganisation(name: string, siteNames: readonly string[]): boolean {
  if (ORG_FORM.test(name) || ORG_WORD.test(name)) return true;
  const key = foldToKey(name.replace(/\b(?:the|die|der|das|le|la|el)\s+/gi, ''));
  if (!key) return false;
  return siteNames.some((site) => {
    const siteKey = foldToKey(site.replace(/\b(?:the|die|der|das|le|la|el)\s+/gi, ''));
    return !!siteKey && (siteKey === key || (siteKey.length >= 4 && key.startsWith(siteKey)) || (key.length >= 4 && siteKey.startsWith(key)));
  });
}

/**
 * The authors JSON-LD and meta tags name. `people`: persons, most trustworthy source first (the JSON-LD
 * article's Person authors, else the first meta tag that names one; a meta tag that names more of the same
 * people wins). `fallback`: an organisation or the site itself named as author (JSON-LD Organization,
 * "author" = the site's name, a company): shown only when nothing better is found.
 */
export function structuredAuthors(structured: StructuredData, url: string): { people: string[]; fallback: string[] } {
  const { meta, article } = structured;
  const fallback: string[] = [];
  let fromMeta: string[] = [];
  let siteNames: string[] | undefined;
  const sites = () => (siteNames ??= siteNamesOf(structured, url));
  for (const key of AUTHOR_META) {
    const value = meta.get(key);
    if (!value) continue;
    const cleaned = cleanAuthor(value);
    if (!cleaned) continue;
    if (isSiteOrOrganisation(cleaned, sites())) {
      fallback.push(cleaned);
      continue;
    }
    const names = splitAuthors(cleaned);
    if (names.length) {
      fromMeta = names;
      break;
    }
  }
  let fromJsonLd: string[] = [];
  if (article?.authors.length) {
    const raw = article.authors;
    if (article.authorIsOrganization) fallback.unshift(...raw.map((name) => cleanAuthor(name)).filter((name): name is string => !!name));
    else {
      for (const name of raw) {
        const cleaned = cleanAuthor(name);
        if (!cleaned) continue;
        if (isSiteOrOrganisation(cleaned, sites())) fallback.unshift(cleaned);
        else fromJsonLd.push(...splitAuthors(cleaned));
      }
      fromJsonLd = dedupeNames(fromJsonLd);
    }
  }
  const covers = (more: string[], fewer: string[]) =>
    more.length > fewer.length && fewer.every((name) => more.some((other) => foldForCompare(other) === foldForCompare(name)));
  const people = fromJsonLd.length && !covers(fromMeta, fromJsonLd) ? fromJsonLd : fromMeta;
  return { people, fallback: dedupeNames(fallback) };
}
