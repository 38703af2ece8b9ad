/**
 * News agencies and wire services, with the forms their credit takes on the
 * pages of the outlets that run their copy, and their own sites (where their
 * story is no copy). Used by the wire family (core/signals/wire.ts).
 *
 * Each entry: display name | aliases as written in credits | own sites. An
 * alias of up to four letters is matched as written (its case is part of it:
 * "AP", "SID", "dpa", "sda"), except inside a credit in brackets, where desks
 * write them in any case ("(ats/nxp)", "(DPA)"); a longer alias in any case.
 * Aliases marked "!" are too common as words to stand alone in a byline or an
 * author field ("AA", "CP", "TT", "mid"): only their bracketed, dateline,
 * labelled or copyright forms count.
 */
import type { PageScan } from '../scan';
import { normalizeSpace } from '../text';
import { sameOutlet } from '../url';

export interface Agency {
  name: string;
  sites: string[];
}

const TABLE = [
  'The Associated Press|AP,Associated Press,The Associated Press,AP News|apnews.com ap.org apnewsarchive.com',
  'Reuters|Reuters,REUTERS,Thomson Reuters|reuters.com thomsonreuters.com reutersagency.com',
  'AFP|AFP,Agence France-Presse,Agence France Presse,Agence France-Press|afp.com',
  'dpa|dpa,!DPA,Deutsche Presse-Agentur,dpa-infocom,dpa infocom|dpa.com dpa-international.com dpa.de',
  'dpa-AFX|dpa-AFX,DPA-AFX,dpa-AFX Analyser|dpa-afx.de dpa-afx.com',
  'EFE|EFE,Agencia EFE|efe.com',
  'ANSA|ANSA|ansa.it ansamed.info',
  'Europa Press|Europa Press|europapress.es',
  'PTI|PTI,Press Trust of India|ptinews.com',
  'IANS|IANS|ians.in',
  'ANI|ANI,Asian News International|aninews.in',
  'Xinhua|Xinhua,XINHUA,Xinhua News Agency,新华社|xinhuanet.com news.cn',
  'Kyodo News|Kyodo,KYODO,Kyodo News,共同通信|kyodonews.net kyodonews.jp',
  'Jiji Press|Jiji,JIJI,Jiji Press,時事通信|jiji.com',
  'Yonhap|Yonhap,YONHAP,Yonhap News Agency,연합뉴스|yna.co.kr yonhapnews.co.kr',
  'TASS|TASS,ТАСС|tass.ru tass.com',
  'Interfax|Interfax,INTERFAX,Интерфакс|interfax.ru interfax.com',
  'PAP|PAP,Polska Agencja Prasowa|pap.pl',
  'ČTK|ČTK,CTK,Česká tisková kancelář|ctk.cz',
  'Keystone-SDA|SDA,sda,Keystone-SDA,Keystone SDA|keystone-sda.ch',
  'Keystone-ATS|ATS,ats,Keystone-ATS,Keystone ATS|keystone-sda.ch keystone-ats.ch',
  'APA|APA,apa,Austria Presse Agentur|apa.at',
  'KNA|KNA,kna,Katholische Nachrichten-Agentur|kna.de',
  'Kathpress|Kathpress,kathpress|kathpress.at',
  'epd|epd,Evangelischer Pressedienst|epd.de',
  'SID|SID,sid,Sport-Informations-Dienst|sid.de',
  'mid|!mid,Motor-Informations-Dienst|',
  'dts|dts,dts Nachrichtenagentur|dts-nachrichtenagentur.de',
  'Ritzau|Ritzau,ritzau,RITZAU|ritzau.dk',
  'NTB|NTB|ntb.no',
  'TT|!TT,TT Nyhetsbyrån|tt.se',
  'STT|STT,STT-Info|stt.fi',
  'BNS|BNS|bns.lt bns.ee bns.lv',
  'Belga|Belga,BELGA|belga.be',
  'ANP|ANP|anp.nl',
  'Lusa|Lusa,LUSA|lusa.pt',
  'AAP|AAP,Australian Associated Press|aap.com.au',
  'The Canadian Press|!CP,Canadian Press,The Canadian Press|thecanadianpress.com',
  'UPI|UPI,United Press International|upi.com',
  'Bloomberg|Bloomberg,Bloomberg News|bloomberg.com',
  'CNN|CNN,CNN Wire|cnn.com',
  'JTA|JTA,Jewish Telegraphic Agency|jta.org',
  'Anadolu Agency|!AA,Anadolu,Anadolu Agency,Anadolu Ajansı|aa.com.tr',
  'Agerpres|Agerpres,AGERPRES|agerpres.ro',
  'MTI|MTI|mti.hu',
  'HINA|Hina,HINA|hina.hr',
  'STA|STA|sta.si',
  'BTA|BTA|bta.bg',
  'Tanjug|Tanjug,TANJUG|tanjug.rs',
  'Antara|Antara,ANTARA|antaranews.com',
  'Bernama|Bernama,BERNAMA|bernama.com',
  'Ukrinform|Ukrinform|ukrinform.net ukrinform.ua',
  'Tribune News Service|TNS,Tribune News Service|tribpub.com chicagotribune.com latimes.com',
  'Tribune Content Agency|TCA,Tribune Content Agency|tribpub.com tribuneinteractive.com',
  'The Washington Post News Service|Washington Post News Service,The Washington Post News Service|washingtonpost.com',
  'The New York Times News Service|New York Times News Service,The New York Times News Service,NYT News Service|nytimes.com',
];

interface Alias {
  text: string;
  agency: Agency;
  /** Too common as a word to stand alone (a byline, an author field). */
  boundOnly: boolean;
}

const byExact = new Map<string, Alias>();
const byFolded = new Map<string, Alias>();
const aliasList: Alias[] = [];
for (const row of TABLE) {
  const [name = '', aliases = '', sites = ''] = row.split('|');
  const agency: Agency = { name, sites: sites.split(' ').filter(Boolean) };
  for (const raw of aliases.split(',')) {
    const boundOnly = raw.startsWith('!');
    const text = boundOnly ? raw.slice(1) : raw;
    const alias = { text, agency, boundOnly };
    byExact.set(text, alias);
    if (!byFolded.has(text.toLowerCase())) byFolded.set(text.toLowerCase(), alias);
    aliasList.push(alias);
  }
}
aliasList.sort((a, b) => b.text.length - a.text.length);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Every alias where it stands as a word: longest first. Matched as written; aliasAt() applies the case rules. */
const ALIASES = new RegExp(`(?<![\\p{L}\\p{N}])(?:${aliasList.map((alias) => escape(alias.text)).join('|')})(?![\\p{L}\\p{N}])`, 'giu');

/**
 * The agency an alias names. `anyCase`: a bracketed or labelled credit, where short aliases are written
 * in any case; `standalone`: a byline or an author field, where the aliases marked "!" do not count.
 */
export function agencyNamed(text: string, options: { anyCase?: boolean; standalone?: boolean } = {}): Agency | null {
  const written = normalizeSpace(text).replace(/^the\s+(?=associated|canadian|washington|new york)/i, 'The ');
  const alias = byExact.get(written) ?? (options.anyCase || written.length > 4 ? byFolded.get(written.toLowerCase()) : undefined);
  if (!alias || (options.standalone && alias.boundOnly)) return null;
  return alias.agency;
}

/** The aliases in a text, where they stand as words, with their positions (any case: callers check with agencyNamed). */
export function aliasesIn(text: string): { index: number; text: string }[] {
  const found: { index: number; text: string }[] = [];
  ALIASES.lastIndex = 0;
  for (let match = ALIASES.exec(text); match && found.length < 20; match = ALIASES.exec(text)) found.push({ index: match.index, text: match[0] });
  return found;
}

/** A desk's initials beside an agency in a credit ("lno" in "dpa/lno", "nxp" in "ats/nxp", "det" in "det/dpa"). */
const DESK = /^[a-zäöü]{1,4}$/;
/** Words that may stand for "and other agencies" in a credit. */
const AGENCIES_WORD = /^(?:agencies|agenturen|agences|agencias|agenzie|red|redaktion|rédaction|redacción|redazione)$/i;

/**
 * A credit made of agencies and desk initials only: "dpa", "dpa/lno", "ats/nxp", "KNA/iz", "AFP/SID",
 * "Reuters, AFP", "det/dpa". The first agency named, or null (a photographer's "Soeren Stache/dpa",
 * "Foto: dpa", a broadcaster's "SWR").
 */
export function creditAgency(text: string, options: { anyCase?: boolean; standalone?: boolean } = {}): Agency | null {
  const parts = normalizeSpace(text).split(/\s*(?:[/,;&+|]|\s(?:and|und|et|y|e|i|og|och|ja)\s)\s*/);
  let agency: Agency | null = null;
  let desks = 0;
  for (const part of parts) {
    if (!part) continue;
    const named = agencyNamed(part, { anyCase: options.anyCase, standalone: options.standalone && parts.length === 1 });
    if (named) agency ??= named;
    else if (DESK.test(part) || AGENCIES_WORD.test(part)) desks++;
    else return null;
  }
  // Initials alone are no credit; with an agency they are its desk.
  return agency && desks <= 3 ? agency : null;
}

/** The agency's own site: its story there is the original. */
export function isAgencySite(scan: PageScan, agency: Agency): boolean {
  if (!scan.site) return false;
  return agency.sites.some((site) => site === scan.site || sameOutlet(`https://${site}/`, scan.address));
}
