/**
 * Display names of major outlets, keyed by registrable domain (or by a host
 * where the registrable domain is shared: abcnews.go.com belongs to go.com).
 * Kept OUT of the content script: detect() never imports this module. It
 * finds the same things without it and leaves display names blank where only
 * a domain is known; withPublisherNames() fills them in afterwards (the
 * background, the CLI, the bench and the tests call it), so that
 * withPublisherNames(detect(doc, url)) is the complete record.
 * Several domains can share one name (bbc.com and bbc.co.uk are both the BBC):
 * the engine knows those groups itself (SAME_OUTLET in core/url.ts).
 */
import { detect, type DetectOptions } from './detect';
import { stripSiteName } from './metadata';
import { looksLikeName, sameName } from './text';
import type { ChainHop, Provenance } from './types';
import { displayHost, hostLevels, registrableDomain } from './url';

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

/** The main domain of a known outlet, from its display name (case-insensitive, leading "The" optional). */
export function domainForPublisher(name: string): string | null {
  const { byName: names } = tables();
  const key = name.trim().toLowerCase();
  return names.get(key) ?? names.get(`the ${key}`) ?? names.get(key.replace(/^the /, '')) ?? null;
}

const DOMAIN_LIKE = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;

/**
 * The record with outlets' display names from the table, where detect() only
 * knew a domain: the page's site name, the source and original hops, a
 * credit that names a bare domain. Returns a new record; the input is not changed.
 */
export function withPublisherNames(record: Provenance): Provenance {
  const out: Provenance = JSON.parse(JSON.stringify(record)) as Provenance;
  const site = registrableDomain(out.url);

  // The page's own site name, last resort after its metadata; the headline then loses a "– Site" suffix too.
  const ownName = site && !out.page.siteName ? publisherForDomain(out.url) : null;
  if (ownName && looksLikeName(ownName, 8)) {
    out.page.siteName = ownName;
    if (out.page.headline) {
      const stripped = stripSiteName(out.page.headline, ownName, site);
      if (stripped.length >= 3) out.page.headline = stripped;
    }
  }

  const original = out.original;
  const chain = out.chain;
  const [source, last] = chain.length === 2 ? chain : [null, chain[0]];

  // A source link to the original outlet's own site, once the names show it: one hop, not two.
  if (source && last && original && !original.url && original.publisher && source.url && source.url === out.sourceUrl && !last.url) {
    const sourceName = source.publisher ?? publisherForDomain(source.url);
    const sourceSite = registrableDomain(source.url);
    if ((!source.publisher && sourceName && sameName(sourceName, original.publisher)) || (!last.site && sourceSite && domainForPublisher(original.publisher) === sourceSite)) {
      original.url = source.url;
      out.chain = [{ url: source.url, publisher: original.publisher, site: source.site }];
      return fillNames(out);
    }
  }
  return fillNames(out);
}

function fillNames(out: Provenance): Provenance {
  const chain = out.chain;
  for (const hop of chain) {
    if (!hop.publisher) hop.publisher = hopName(hop);
    if (hop.site) hop.site = displayHost(hop.site);
  }
  const last = chain.at(-1);
  if (last && (last.url === (out.original?.url ?? null) || !out.original)) {
    // The original's hop: the same name on both, and a site from the name when nothing else gave one.
    const original = out.original;
    if (original && !original.publisher) original.publisher = last.publisher;
    if (!last.url && !last.publisher) chain.pop();
    else if (!original && last.publisher && !last.url) out.original = { url: null, publisher: last.publisher, headline: null, publishedAt: null };
    if (!last.site && last.publisher) {
      const domain = domainForPublisher(last.publisher);
      if (domain) last.site = displayHost(domain);
    }
  }
  // A credit naming a bare domain ("Originally published at www.example.com"): the outlet's name when known.
  const original = out.original;
  if (original?.publisher && DOMAIN_LIKE.test(original.publisher)) {
    const name = publisherForDomain(original.publisher);
    if (name) {
      for (const hop of chain) if (hop.publisher === original.publisher) hop.publisher = name;
      original.publisher = name;
    }
  }
  return out;
}

function hopName(hop: ChainHop): string | null {
  if (hop.url) return publisherForDomain(hop.url);
  return hop.site && DOMAIN_LIKE.test(hop.site) ? publisherForDomain(hop.site) : null;
}

/** detect() and then the outlets' names: the complete record, for everything but the content script. */
export function detectWithNames(doc: Document, url: string, options?: DetectOptions): Provenance {
  return withPublisherNames(detect(doc, url, options));
}
