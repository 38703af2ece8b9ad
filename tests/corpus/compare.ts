/**
 * How an answer is scored against a corpus label, one definition shared by the
 * corpus tests (tests/unit/corpus.test.ts) and the accuracy report
 * (scripts/accuracy.ts), for the engine and for the peers alike.
 */
import { foldForCompare, splitTrailingSuffix } from '../../core/text';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', bdquo: '„', sbquo: '‚', middot: '·', bull: '•',
};

/** Character references left in a string (&amp; &#39; &#x2019; &nbsp; …), decoded; twice-escaped ones (&amp;amp;) too. */
export function decodeEntities(text: string): string {
  let out = text;
  for (let round = 0; round < 2 && out.includes('&'); round++) {
    out = out.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]{2,8}));/gi, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
      const code = dec ? Number(dec) : parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }
  return out;
}

/** Entities decoded, then NFKC, case, quotes, dashes and white space folded; quote marks and a final "." or ":" dropped. */
export function fold(text: string): string {
  return foldForCompare(decodeEntities(text)).replace(/["'«»]/g, '').replace(/\s*[.:]$/, '');
}

/**
 * A folded title without a trailing site part written the other ways sites write one: "Headline [Site]",
 * "見出し（提供社）", Chinese sites' "标题_频道_网站" and "标题 _频道 _网站", blogs' "Post @ Blog". Undefined when there is none.
 */
function withoutSiteTail(text: string): string | undefined {
  // fold() has made full-width brackets ASCII: "（CNET Japan）" is "(cnet japan)" after a Japanese headline.
  for (const tail of [/\s*\[[^\]]*\]$/, /(?<=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])\s*\([^)]*\)$/u, /\s+@\s+.*$/, /(?:\s+_|(?<=[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef])_).*$/u]) {
    const head = text.replace(tail, '').trim();
    if (head !== text && head.length >= 3) return head;
  }
  return undefined;
}

/** The title and what is left of it with one or two trailing site parts taken off (" – Site", "[Site]", "_网站"…). */
function siteless(text: string): Set<string> {
  const forms = new Set([text]);
  let frontier = [text];
  for (let depth = 0; depth < 3; depth++) {
    const next: string[] = [];
    for (const form of frontier) {
      for (const head of [splitTrailingSuffix(form)?.head, withoutSiteTail(form)]) {
        if (head && !forms.has(head)) {
          forms.add(head);
          next.push(head);
        }
      }
    }
    frontier = next;
  }
  return forms;
}

/** Same headline after folding, allowing a trailing " – Site" suffix (or "[Site]", "_网站", "@ Blog") on either side. */
export function sameHeadline(found: string | null | undefined, expected: string): boolean {
  if (!found) return false;
  const a = fold(found);
  const b = fold(expected);
  if (a === b) return true;
  const stripA = splitTrailingSuffix(a)?.head;
  const stripB = splitTrailingSuffix(b)?.head;
  if (stripA === b || (!!stripA && stripA === stripB)) return true;
  // Medium titles carry "– Author – Medium": a two-part site suffix; Chinese and Japanese portals "_频道_网站", "（提供社） - サイト".
  return siteless(b).has(a);
}

/** Same author: folded, "By " dropped, one containing the other (Readability's bylines carry dates). */
export function sameAuthor(found: string | null | undefined, expected: string): boolean {
  if (!found) return false;
  const clean = (s: string) => fold(s).replace(/^by\s+/, '').replace(/\s+and\s+/g, ', ').replace(/\s+/g, ' ');
  const a = clean(found);
  const b = clean(expected);
  return a.length > 1 && (b.includes(a) || a.includes(b));
}

/**
 * Agencies and outlets that pages name by an abbreviation or by their long
 * name: each group is one outlet. Used by sameOutlet only (what counts as
 * naming the right original publisher); the engine has its own table.
 */
export const OUTLET_ALIASES: readonly (readonly string[])[] = [
  ['AP', 'The Associated Press', 'Associated Press'],
  ['dpa', 'Deutsche Presse-Agentur'],
  ['AFP', 'Agence France-Presse', 'Agence France Presse'],
  ['Reuters', 'Thomson Reuters'],
  ['UPI', 'United Press International'],
  ['SID', 'Sport-Informations-Dienst'],
  ['KNA', 'Katholische Nachrichten-Agentur'],
  ['epd', 'Evangelischer Pressedienst'],
  ['APA', 'Austria Presse Agentur'],
  ['Kathpress', 'Katholische Presseagentur Österreich'],
  ['SDA', 'Schweizerische Depeschenagentur', 'Keystone-SDA'],
  ['ATS', 'Agence Télégraphique Suisse', 'Keystone-ATS'],
  ['ANSA', 'Agenzia Nazionale Stampa Associata'],
  ['EFE', 'Agencia EFE'],
  ['PA', 'Press Association', 'PA Media'],
  ['CP', 'The Canadian Press', 'Canadian Press'],
  ['AAP', 'Australian Associated Press'],
  ['PTI', 'Press Trust of India'],
  ['ANI', 'Asian News International'],
  ['IANS', 'Indo-Asian News Service'],
  ['JTA', 'Jewish Telegraphic Agency'],
  ['RNS', 'Religion News Service'],
  ['CNS', 'Catholic News Service'],
  ['TCA', 'Tribune Content Agency'],
  ['mid', 'Motor-Informations-Dienst'],
  ['PAP', 'Polska Agencja Prasowa'],
  ['ČTK', 'Česká tisková kancelář'],
  ['TT', 'Tidningarnas Telegrambyrå'],
  ['NTB', 'Norsk Telegrambyrå'],
  ['Jiji', 'Jiji Press', '時事通信'],
  ['Kyodo', 'Kyodo News', '共同通信'],
  ['Yonhap', 'Yonhap News Agency', '연합뉴스'],
  ['Xinhua', 'Xinhua News Agency', '新华社'],
];

/** Folded for outlet names: case and accents, "The" in front, punctuation → space. */
function outletKey(name: string): string {
  return fold(name)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const ALIAS_OF = new Map<string, string>();
for (const group of OUTLET_ALIASES) for (const name of group) ALIAS_OF.set(outletKey(name), outletKey(group[0] ?? name));

/**
 * A label such as "dpa-AFX / dpa", "Kveller (via JTA)" or "KNA (Katholische Nachrichten-Agentur)": each name it gives;
 * a domain ("brandeins.de", "www.tbs.co.jp") gives its first label ("brandeins", "tbs") too.
 */
function outletNames(label: string): string[] {
  const parts = [label, ...label.split(/\s*[()[\]/]\s*|\s+via\s+/i)].map((part) => part.replace(/^via\s+/i, '').trim());
  const domains = parts.map((part) => /^(?:www\.)?([a-z0-9-]+)(?:\.[a-z0-9-]+)+$/i.exec(part)?.[1]).filter((name): name is string => !!name);
  return [...new Set([...parts, ...domains].map(outletKey).filter((key) => key.length >= 2))];
}

/** Words that name no outlet by themselves: "Press" is not "Jiji Press". */
const GENERIC_WORDS = new Set(['news', 'press', 'media', 'agency', 'daily', 'times', 'post', 'zeitung', 'journal', 'magazine', 'online', 'com', 'www']);

/**
 * The same outlet, loosely: case and accents folded, a leading "The" dropped,
 * one name containing the other (as whole words, not a lone generic word), an
 * agency's abbreviation equal to its long name (OUTLET_ALIASES), a domain
 * equal to the name it spells without spaces; any of the names a label gives
 * ("dpa-AFX / dpa", "Kveller (via JTA)") may match.
 */
export function sameOutlet(found: string | null | undefined, expected: string): boolean {
  if (!found) return false;
  for (const a of outletNames(found)) {
    for (const b of outletNames(expected)) {
      if ((ALIAS_OF.get(a) ?? a) === (ALIAS_OF.get(b) ?? b)) return true;
      // "reclaimthenet" (from a domain) is "Reclaim The Net".
      if (a.replace(/ /g, '') === b.replace(/ /g, '')) return true;
      const [short, long] = a.length <= b.length ? [a, b] : [b, a];
      if (short.length >= 3 && !GENERIC_WORDS.has(short) && ` ${long} `.includes(` ${short} `)) return true;
    }
  }
  return false;
}

/**
 * The calendar day a date string names, as the page wrote it: "2020-01-02T23:30:00-05:00"
 * is 2020-01-02 (not shifted to UTC). ISO-like strings are read from their
 * digits; others ("Thu, 05 Mar 2015 23:00:00 +0100", "March 5, 2015") through
 * Date.parse, in the offset they write, else as local time. Null when no date.
 */
export function dayAsWritten(text: string | null | undefined): string | null {
  if (!text) return null;
  const value = text.trim();
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)/.exec(value);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (/^\d{10}(?:\d{3})?$/.test(value)) return new Date(Number(value) * (value.length === 10 ? 1000 : 1)).toISOString().slice(0, 10);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  const offset = /(?:([+-])(\d{2}):?(\d{2})|\b(?:GMT|UTC)|\dZ)$/i.exec(value);
  if (offset) {
    const minutes = offset[1] ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
    return new Date(ms + minutes * 60_000).toISOString().slice(0, 10);
  }
  const local = new Date(ms);
  return validDay(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

function validDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const TIMESTAMP_WITH_ZONE = /\b(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s?(Z|[+-]\d{2}:?\d{2})\b/g;

/**
 * For a peer that answers in UTC (metascraper's toISOString()): the day as the
 * page wrote that same instant, when the page's markup holds a timestamp with a
 * zone that denotes it ("2020-01-02T23:30:00-05:00" for 2020-01-03T04:30:00.000Z);
 * else the UTC day.
 */
export function dayAsWrittenOnPage(utcIso: string | null | undefined, html: string): string | null {
  if (!utcIso) return null;
  const instant = Date.parse(utcIso);
  if (Number.isNaN(instant)) return dayAsWritten(utcIso);
  for (const match of html.matchAll(TIMESTAMP_WITH_ZONE)) {
    const zone = (match[3] ?? '').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const at = Date.parse(`${match[1]}T${match[2]}${zone}`);
    if (Math.floor(at / 1000) === Math.floor(instant / 1000)) return match[1] ?? null;
  }
  return utcIso.slice(0, 10);
}
