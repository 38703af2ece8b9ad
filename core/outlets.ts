/**
 * Display names of major outlets, keyed by registrable domain (or by a host
 * where the registrable domain is shared: abcnews.go.com belongs to go.com),
 * and the way back from a name to its domain. Imports nothing but host
 * handling, so the popup and options can name outlets without the engine.
 * Several domains can share one name (bbc.com and bbc.co.uk are both the BBC):
 * the engine knows those groups itself (SAME_OUTLET in core/url.ts).
 */
import { hostLevels } from './url';

const TABLE =
  'washingtonpost.com:The Washington Post;nytimes.com:The New York Times;apnews.com,ap.org:The Associated Press;' +
  'reuters.com:Reuters;afp.com:AFP;bbc.co.uk,bbc.com:BBC;cnn.com:CNN;theguardian.com,guardian.co.uk:The Guardian;' +
  'businessinsider.com,insider.com:Business Insider;theatlantic.com:The Atlantic;theconversation.com:The Conversation;' +
  'propublica.org:ProPublica;abcnews.go.com,abcnews.com:ABC News;cnet.com:CNET;japan.cnet.com:CNET Japan;usatoday.com:USA Today;' +
  'wsj.com:The Wall Street Journal;bloomberg.com:Bloomberg;npr.org:NPR;nbcnews.com:NBC News;cbsnews.com:CBS News;' +
  'foxnews.com:Fox News;latimes.com:Los Angeles Times;politico.com:Politico;politico.eu:Politico Europe;axios.com:Axios;' +
  'ft.com:Financial Times;economist.com:The Economist;newyorker.com:The New Yorker;time.com:Time;newsweek.com:Newsweek;' +
  'forbes.com:Forbes;fortune.com:Fortune;cnbc.com:CNBC;msnbc.com:MSNBC;huffpost.com,huffingtonpost.com:HuffPost;' +
  'vox.com:Vox;theverge.com:The Verge;wired.com:Wired;arstechnica.com:Ars Technica;techcrunch.com:TechCrunch;' +
  'engadget.com:Engadget;zdnet.com:ZDNET;theintercept.com:The Intercept;thehill.com:The Hill;slate.com:Slate;' +
  'salon.com:Salon;motherjones.com:Mother Jones;vice.com:Vice;buzzfeednews.com:BuzzFeed News;buzzfeed.com:BuzzFeed;' +
  'independent.co.uk:The Independent;telegraph.co.uk:The Telegraph;thetimes.co.uk:The Times;dailymail.co.uk:Daily Mail;' +
  'mirror.co.uk:Daily Mirror;thesun.co.uk:The Sun;sky.com:Sky News;express.co.uk:Daily Express;standard.co.uk:Evening Standard;' +
  'chicagotribune.com:Chicago Tribune;bostonglobe.com:The Boston Globe;sfchronicle.com:San Francisco Chronicle;' +
  'nypost.com:New York Post;nydailynews.com:New York Daily News;seattletimes.com:The Seattle Times;miamiherald.com:Miami Herald;' +
  'dallasnews.com:The Dallas Morning News;startribune.com:Star Tribune;denverpost.com:The Denver Post;' +
  'texastribune.org:The Texas Tribune;calmatters.org:CalMatters;stateline.org:Stateline;kffhealthnews.org,khn.org:KFF Health News;' +
  'grist.org:Grist;insideclimatenews.org:Inside Climate News;' +
  'upi.com:UPI;dpa.com:dpa;tribpub.com:Tribune Content Agency;tribuneinteractive.com:Tribune Content Agency;' +
  'aljazeera.com:Al Jazeera;dw.com:Deutsche Welle;france24.com:France 24;euronews.com:Euronews;lemonde.fr:Le Monde;' +
  'lefigaro.fr:Le Figaro;liberation.fr:Libération;spiegel.de:Der Spiegel;zeit.de:Die Zeit;faz.net:Frankfurter Allgemeine;' +
  'sueddeutsche.de:Süddeutsche Zeitung;elpais.com:El País;elmundo.es:El Mundo;corriere.it:Corriere della Sera;' +
  'repubblica.it:la Repubblica;abc.net.au:ABC News (Australia);smh.com.au:The Sydney Morning Herald;' +
  'theglobeandmail.com:The Globe and Mail;cbc.ca:CBC News;thestar.com:Toronto Star;nikkei.com:Nikkei;asahi.com:The Asahi Shimbun;' +
  'japantimes.co.jp:The Japan Times;scmp.com:South China Morning Post;timesofindia.indiatimes.com:The Times of India;' +
  'hindustantimes.com:Hindustan Times;thehindu.com:The Hindu;nature.com:Nature;science.org:Science;' +
  'scientificamerican.com:Scientific American;nationalgeographic.com:National Geographic;techinsider.io:Tech Insider;' +
  'citylab.com:CityLab;msn.com:MSN;yahoo.com:Yahoo;yahoo.co.jp:Yahoo! Japan;aol.com:AOL;' +
  'pbs.org:PBS;voanews.com:Voice of America;rferl.org:Radio Free Europe/Radio Liberty;mashable.com:Mashable;' +
  'usnews.com:U.S. News & World Report;nationalreview.com:National Review;' +
  'kyivindependent.com:The Kyiv Independent;apnewsarchive.com:The Associated Press';

let byHost: Map<string, string> | null = null;
let byName: Map<string, string> | null = null;

function tables(): { byHost: Map<string, string>; byName: Map<string, string> } {
  if (!byHost || !byName) {
    byHost = new Map();
    byName = new Map();
    for (const entry of TABLE.split(';')) {
      const colon = entry.indexOf(':');
      const name = entry.slice(colon + 1);
      const hosts = entry.slice(0, colon).split(',');
      for (const host of hosts) byHost.set(host, name);
      const key = name.toLowerCase();
      if (!byName.has(key) && hosts[0]) byName.set(key, hosts[0]);
    }
  }
  return { byHost, byName };
}

/** The outlet's display name for a domain, host or URL (its host first, then parents down to the registrable domain); null when unknown. */
export function publisherForDomain(domainOrUrl: string): string | null {
  const { byHost: hosts } = tables();
  for (const level of hostLevels(domainOrUrl.trim().toLowerCase())) {
    const name = hosts.get(level);
    if (name) return name;
  }
  return null;
}

/**
 * A known outlet's name on a page or link of another site: "The Washington Post" for a credit naming it
 * that links to washingtonpost-archive.com. Null when the name is no outlet the table knows, when the URL
 * is on one of that outlet's hosts (or under one: edition.cnn.com is CNN's), or when the URL's site is a
 * known outlet itself (abc.net.au calls itself "ABC News" too, and is the Australian one).
 */
export function impersonatedOutlet(name: string | null | undefined, url: string): string | null {
  const domain = name ? domainForPublisher(name) : null;
  // No level of the URL's host in the table (publisherForDomain tries them all): none is the outlet's.
  return domain && !publisherForDomain(url) ? (tables().byHost.get(domain) ?? null) : null;
}

/** The main domain of a known outlet, from its display name (case-insensitive, leading "The" optional). */
export function domainForPublisher(name: string): string | null {
  const { byName: names } = tables();
  const key = name.trim().toLowerCase();
  return names.get(key) ?? names.get(`the ${key}`) ?? names.get(key.replace(/^the /, '')) ?? null;
}
