/**
 * Shared text helpers for the engine. One place for white-space and
 * punctuation folding so every signal compares text the same way.
 */

/** Collapse runs of white space (\s covers NBSP and the other Unicode spaces; not the zero-width space) and trim. */
export function normalizeSpace(text: string): string {
  // Most text has single spaces only: then there is nothing to replace (and no copy of it is made).
  return (/[^\S ]|\u200b| {2}/.test(text) ? text.replace(/[\s\u200b]+/g, ' ') : text).trim();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  sbquo: '‚',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  deg: '°',
  shy: '',
  zwnj: '',
  zwj: '',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  aacute: 'á',
  eacute: 'é',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  Aacute: 'Á',
  Eacute: 'É',
  Iacute: 'Í',
  Oacute: 'Ó',
  Uacute: 'Ú',
  agrave: 'à',
  egrave: 'è',
  igrave: 'ì',
  ograve: 'ò',
  ugrave: 'ù',
  Agrave: 'À',
  Egrave: 'È',
  acirc: 'â',
  ecirc: 'ê',
  icirc: 'î',
  ocirc: 'ô',
  ucirc: 'û',
  euml: 'ë',
  iuml: 'ï',
  ccedil: 'ç',
  Ccedil: 'Ç',
  ntilde: 'ñ',
  Ntilde: 'Ñ',
  atilde: 'ã',
  otilde: 'õ',
  aring: 'å',
  Aring: 'Å',
  aelig: 'æ',
  oslash: 'ø',
  Oslash: 'Ø',
};

/**
 * Character references left in text that markup did not decode: JSON-LD strings (WordPress/Yoast write
 * "Kyiv &#8211; The Washington Post" there) and meta values escaped twice (&amp;#8217;). Numeric ones and the
 * common named ones; an unknown name stays as written. Text without '&' is returned as is.
 */
export function decodeEntities(text: string): string {
  let out = text;
  for (let round = 0; round < 2 && out.includes('&'); round++) {
    const next = out.replace(
      /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([a-zA-Z]{2,8}));/g,
      (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
        if (name) return NAMED_ENTITIES[name] ?? NAMED_ENTITIES[name.toLowerCase()] ?? whole;
        const code = dec ? Number(dec) : parseInt(hex ?? '', 16);
        return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
      },
    );
    if (next === out) break;
    out = next;
  }
  return out;
}

/** Curly quotes → straight, the dash family → '-', ellipsis → '...'. */
export function foldPunctuation(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-')
    .replace(/\u2026/g, '...');
}

/** Fold for comparing names and headlines: NFKC, case, quotes, dashes, spaces. */
export function foldForCompare(text: string): string {
  return normalizeSpace(foldPunctuation(text.normalize('NFKC')).toLowerCase());
}

/** Letters and digits only, for loose name comparisons ("USA NEWS" vs "usa-news"). */
export function foldToKey(text: string): string {
  return foldForCompare(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Trim a quote to a readable length for evidence. */
export function clip(text: string, max = 240): string {
  const flat = normalizeSpace(text);
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Separators that sites put between a headline and their name
 * ("Headline – The Washington Post", "Headline | CNN").
 */
const TITLE_SEPARATOR = /\s+(?:[|\-\u2013\u2014\u00b7\u2022»:]{1,2}|::)\s+/g;

/** Split "Headline – Publisher" at its last separator; null when there is none. */
export function splitTrailingSuffix(title: string): { head: string; suffix: string } | null {
  let last: RegExpExecArray | null = null;
  TITLE_SEPARATOR.lastIndex = 0;
  for (let match = TITLE_SEPARATOR.exec(title); match; match = TITLE_SEPARATOR.exec(title)) last = match;
  if (!last || last.index === 0) return null;
  const head = title.slice(0, last.index).trim();
  const suffix = title.slice(last.index + last[0].length).trim();
  if (!head || !suffix) return null;
  return { head, suffix };
}

/** Two names refer to the same outlet: equal when folded, or one is the other plus "The"/"Inc"/"News". */
export function sameName(a: string, b: string): boolean {
  const keyA = nameKey(a);
  const keyB = nameKey(b);
  if (!keyA || !keyB) return false;
  return keyA === keyB;
}

function nameKey(name: string): string {
  return foldToKey(
    foldForCompare(name)
      .replace(/^the\s+/, '')
      .replace(/\s+(inc|llc|ltd|plc|co|corp|group|media|company)\.?$/g, '')
      .replace(/\.(com|org|net|co\.uk|biz|info|news)$/, ''),
  );
}

/** Looks like a person's or outlet's name, not a sentence: short, no terminal punctuation. */
export function looksLikeName(text: string, maxWords = 8): boolean {
  const words = text.split(' ');
  return text.length > 1 && text.length <= 90 && words.length <= maxWords && !/[.!?]$/.test(text.replace(/\b(Inc|Ltd|Co|Jr|Sr|St)\.$/, ''));
}

/**
 * "U.S., Russia hold first talks … – The Washington Post" → headline and
 * publisher. The suffix counts as a publisher when it is a known outlet
 * (`isKnownPublisher`, optional) or reads like a name (a few capitalised
 * words), and the headline part is longer than `headRatio` times the suffix.
 */
export function splitPublisherSuffix(
  title: string,
  isKnownPublisher?: (name: string) => boolean,
  headRatio = 1.5,
): { headline: string; publisher: string } | null {
  const split = splitTrailingSuffix(title);
  if (!split) return null;
  const { head, suffix } = split;
  if (isKnownPublisher?.(suffix)) return { headline: head, publisher: suffix };
  const words = suffix.split(' ');
  const capitalised = words.filter((word) => /^[\p{Lu}\d]/u.test(word)).length;
  if (
    words.length <= 5 &&
    capitalised >= Math.ceil(words.length / 2) &&
    /^[\p{Lu}\d]/u.test(suffix) &&
    head.length > suffix.length * headRatio &&
    !/[.!?]$/.test(suffix)
  ) {
    return { headline: head, publisher: suffix };
  }
  return null;
}
