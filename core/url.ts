/**
 * URL helpers: the history key, safe links, sites and look-alike-proof hosts.
 * Pure: uses the WHATWG URL class, present in browsers and Node, and tldts
 * (the Public Suffix List, pure JS). Never imported by the content script,
 * which sends the page's URL and lets the background decide what site it is.
 */
import { getDomain, getPublicSuffix } from 'tldts';

/**
 * Query parameters that only track the reader. Dropped from every URL the
 * engine outputs so the history key and the links shown are the article's.
 * Exact names; anything starting with "utm_" is dropped too.
 */
const TRACKING_PARAMS = new Set(
  'fbclid gclid dclid gbraid wbraid msclkid yclid twclid ttclid li_fat_id mc_cid mc_eid igshid igsh ref_src ref_url _ga _gl mkt_tok oly_anon_id oly_enc_id vero_id __twitter_impression soc_src soc_trk ocid cmpid smid smtyp sr_share share at_medium at_campaign ncid spm guccounter guce_referrer guce_referrer_sig'.split(
    ' ',
  ),
);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

function dropTracking(url: URL): void {
  if (!url.search) return;
  const keep: [string, string][] = [];
  let dropped = false;
  for (const [name, value] of url.searchParams) {
    if (isTrackingParam(name)) dropped = true;
    else keep.push([name, value]);
  }
  // Only rebuild when something was dropped, so other parameters keep their exact spelling and order.
  if (dropped) url.search = keep.length ? new URLSearchParams(keep).toString() : '';
}

function parse(raw: string, base?: string): URL | null {
  try {
    return base ? new URL(raw, base) : new URL(raw);
  } catch {
    return null;
  }
}

/**
 * The history key for a page: scheme and host lower-cased (the URL parser does
 * that), default port removed, fragment removed, tracking parameters removed.
 * Path, other parameters and their order are kept as they are: two URLs that
 * differ there may be different pages, and guessing (e.g. dropping
 * "index.html" or a trailing slash) would merge them. Unparsable input comes
 * back trimmed.
 */
export function normalizeUrl(url: string): string {
  const parsed = parse(url.trim());
  if (!parsed) return url.trim();
  parsed.hash = '';
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') dropTracking(parsed);
  return parsed.href;
}

/**
 * A page's key: its URL as normalizeUrl gives it. Made only by pageKey, once, where a page's address comes
 * in (the engine's analyse for a record, the background for a tab's URL or a request's pageUrl, an
 * imported history): everything after it (the record's `url`, the history's `key`, a tab's scan, a
 * verification's `pageKey`) compares keys as they are, never normalising again.
 */
export type PageKey = string & { readonly __brand: 'PageKey' };

/** The key of a page's URL (see PageKey); "" for anything not a string. Never throws. */
export function pageKey(url: unknown): PageKey {
  return (typeof url === 'string' ? normalizeUrl(url) : '') as PageKey;
}

/**
 * A URL safe to show as a link: resolved against `base`, http(s) only,
 * tracking parameters and fragment kept out. `javascript:`, `data:`,
 * `vbscript:`, `file:`, extension URLs and anything unparsable give null.
 */
export function safeHttpUrl(raw: string, base?: string): string | null {
  if (typeof raw !== 'string') return null;
  // The URL parser strips surrounding control characters and inner tabs and
  // newlines the way browsers do, so "java\nscript:" resolves to javascript: and is refused below.
  if (!raw.trim()) return null;
  const parsed = parse(raw, base && /^https?:/i.test(base) ? base : undefined);
  if (!parsed) return null;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (!parsed.hostname || parsed.username || parsed.password) return null;
  dropTracking(parsed);
  return parsed.href;
}

function hostOf(urlOrHost: string): string | null {
  const trimmed = urlOrHost.trim();
  if (!trimmed) return null;
  const parsed = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? parse(trimmed) : parse(`http://${trimmed}`);
  const host = parsed?.hostname.replace(/\.$/, '') ?? '';
  return host || null;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** The hosts come from the URL parser: tldts need not extract or validate them again. */
const SITES = { allowPrivateDomains: true, extractHostname: false, validateHostname: false, detectIp: false, mixedInputs: false } as const;
const ICANN = { ...SITES, allowPrivateDomains: false } as const;

/**
 * Platforms where each subdomain is someone's own site, missing from the
 * Public Suffix List's private section (which has blogspot.com, github.io,
 * netlify.app, pages.dev…): evil.substack.com is not substack.com.
 */
const PLATFORMS = new Set([
  'substack.com',
  'wordpress.com',
  'medium.com',
  'tumblr.com',
  'livejournal.com',
  'typepad.com',
  'ghost.io',
  'squarespace.com',
  'beehiiv.com',
]);

/**
 * The site a URL or bare host belongs to: its registrable domain under the
 * Public Suffix List with private domains ("bbc.co.uk" for
 * "https://www.bbc.co.uk/news"; "a.blogspot.com", not "blogspot.com"; a
 * blog on substack.com or wordpress.com is its own subdomain). What the
 * extension silences, groups history by and tells the hops of a chain apart
 * with. Null for IP addresses, single-label hosts, bare suffixes and junk.
 * Host names come back in their ASCII (punycode) form.
 */
export function registrableDomain(urlOrHost: string): string | null {
  const host = hostOf(urlOrHost)?.toLowerCase();
  if (!host || host.startsWith('[') || IPV4.test(host) || !host.includes('.')) return null;
  const domain = getDomain(host, SITES);
  if (!domain || !PLATFORMS.has(domain) || host === domain) return domain;
  const rest = host.slice(0, host.length - domain.length - 1);
  const label = rest.slice(rest.lastIndexOf('.') + 1);
  return label === 'www' ? domain : `${label}.${domain}`;
}

/**
 * A host that is shared by many sites and is none of them ("blogspot.com", "github.io", "co.uk"), from a URL
 * or a bare host: it comes back lower-cased, for a message; anything else gives null.
 */
export function sharedHost(urlOrHost: string): string | null {
  const host = hostOf(urlOrHost)
    ?.toLowerCase()
    .replace(/^www\./, '');
  return host && host.includes('.') && !IPV4.test(host) && getPublicSuffix(host, SITES) === host ? host : null;
}

/**
 * A host and its parent domains down to its registrable domain, "www." dropped:
 * "https://abcnews.go.com/x" → ["abcnews.go.com", "go.com"]. Empty for IPs and junk.
 */
export function hostLevels(urlOrHost: string): string[] {
  const host = (hostOf(urlOrHost) ?? '').replace(/^www\./, '');
  const site = registrableDomain(host);
  const levels: string[] = [];
  for (let level = host; site && level.length >= site.length; level = level.slice(level.indexOf('.') + 1)) {
    levels.push(level);
    if (!level.includes('.')) break;
  }
  return levels;
}

/** Outlets on several registrable domains: a link between two of them stays inside one outlet. */
export const SAME_OUTLET = [
  'apnews.com ap.org apnewsarchive.com',
  'bbc.co.uk bbc.com',
  'theguardian.com guardian.co.uk',
  'businessinsider.com insider.com',
  'abcnews.go.com abcnews.com',
  'huffpost.com huffingtonpost.com',
  'kffhealthnews.org khn.org',
  'tribpub.com tribuneinteractive.com',
].map((group) => group.split(' '));

function outletGroup(url: string): number {
  for (const level of hostLevels(url)) {
    const index = SAME_OUTLET.findIndex((group) => group.includes(level));
    if (index >= 0) return index;
  }
  return -1;
}

/**
 * Two URLs of one outlet that lives on several domains: a known group (bbc.com and bbc.co.uk), or the
 * same name under another suffix (a blog's unexpecteduser.blogspot.de is its .blogspot.com, example.de
 * is example.com): the host without its public suffix (and a leading www.) is the same.
 */
export function sameOutlet(a: string, b: string): boolean {
  const group = outletGroup(a);
  if (group >= 0 && group === outletGroup(b)) return true;
  const nameA = hostName(a);
  return nameA !== null && nameA === hostName(b);
}

/**
 * The host without "www." ("m.", "amp.") and without its ICANN public suffix: "unexpecteduser.blogspot"
 * for unexpecteduser.blogspot.de. The ICANN suffix, not a private one: "washingtonpost.github" is not
 * "washingtonpost", nor "x.github" "y.github".
 */
function hostName(url: string): string | null {
  const host = (hostOf(url) ?? '').toLowerCase().replace(/^(?:www\d?|m|mobile|amp)\./, '');
  const site = registrableDomain(host);
  const suffix = site ? getPublicSuffix(host, ICANN) : null;
  if (!suffix) return null;
  const name = host.slice(0, host.length - suffix.length - 1);
  return name.length >= 3 ? name : null;
}

/**
 * How a page was reached when its URL is not its own address: a web archive's snapshot, an AMP cache,
 * a translation proxy, a feed's click-through redirect or a news aggregator's article link. `target` is
 * the page's own URL when the wrapper's URL holds it (a Wayback snapshot, an AMP cache, a translation
 * proxy), else null (feedproxy, Google News, archive.today): then the page's own canonical is its address.
 */
export interface PageWrapper {
  kind: 'archive' | 'amp-cache' | 'translation' | 'feed-redirect' | 'news-aggregator';
  /** The service, for display ("Wayback Machine", "AMP cache"…). */
  service: string;
  target: string | null;
}

const WAYBACK_PATH = /^\/web\/\d{4,14}(?:[a-z]{2}_)?\*?\/(.+)$/;
const ARCHIVE_TODAY = /^archive\.(?:today|ph|is|li|md|vn|fo)$/;

export function pageWrapper(url: string): PageWrapper | null {
  const parsed = parse(url.trim());
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const path = parsed.pathname + parsed.search;
  if (host === 'web.archive.org' || host === 'wayback.archive.org' || host === 'archive.org') {
    const inner = WAYBACK_PATH.exec(path)?.[1];
    if (!inner) return null;
    return { kind: 'archive', service: 'Wayback Machine', target: httpTarget(inner) };
  }
  if (ARCHIVE_TODAY.test(host)) return { kind: 'archive', service: 'archive.today', target: null };
  if (host === 'webcache.googleusercontent.com') {
    const q = parsed.searchParams.get('q') ?? '';
    return {
      kind: 'archive',
      service: 'Google cache',
      target: q.startsWith('cache:') ? httpTarget(q.slice(6).replace(/^[\w-]+:(?=https?:)/, '')) : null,
    };
  }
  if (
    host.endsWith('.cdn.ampproject.org') ||
    host === 'cdn.ampproject.org' ||
    (/^google\.[a-z.]+$/.test(host) && parsed.pathname.startsWith('/amp/'))
  ) {
    const inner = /^\/(?:c|v|amp)\/(s\/)?(.+)$/.exec(parsed.pathname)?.[2];
    return {
      kind: 'amp-cache',
      service: 'AMP cache',
      target: inner ? httpTarget(`${/\/s\//.test(parsed.pathname.slice(0, 8)) ? 'https' : 'http'}://${inner}${parsed.search}`) : null,
    };
  }
  if (host.endsWith('.translate.goog')) {
    const label = host.slice(0, -'.translate.goog'.length);
    const original = label
      .replace(/--/g, '\u0000')
      .replace(/-/g, '.')
      .replace(/\u0000/g, '-');
    const kept = [...parsed.searchParams].filter(([name]) => !name.startsWith('_x_tr_'));
    return {
      kind: 'translation',
      service: 'Google Translate',
      target: httpTarget(`https://${original}${parsed.pathname}${kept.length ? `?${new URLSearchParams(kept)}` : ''}`),
    };
  }
  if (/^translate\.google\.[a-z.]+$/.test(host) || host === 'translate.googleusercontent.com') {
    const inner = parsed.searchParams.get('u');
    return { kind: 'translation', service: 'Google Translate', target: inner ? httpTarget(inner) : null };
  }
  if (host === 'feedproxy.google.com' || host === 'feeds.feedburner.com' || host === 'feeds.feedblitz.com' || host === 'feedblitz.com')
    return { kind: 'feed-redirect', service: 'feed redirect', target: null };
  if (host === 'news.google.com' && /^\/(?:rss\/)?articles\//.test(parsed.pathname))
    return { kind: 'news-aggregator', service: 'Google News', target: null };
  return null;
}

function httpTarget(raw: string): string | null {
  const text = /^https?:\/\//i.test(raw) ? raw : /^https?:\/(?!\/)/i.test(raw) ? raw.replace(/:\//, '://') : `http://${raw}`;
  const parsed = parse(text);
  return parsed && parsed.hostname.includes('.') && !parsed.username ? parsed.href : null;
}

/** A link inside a Wayback snapshot points at web.archive.org/web/<time>/<url>: the <url> it stands for. */
export function unwrapArchiveLink(url: string): string {
  const parsed = parse(url);
  if (!parsed || !/^(?:web\.|wayback\.)?archive\.org$/i.test(parsed.hostname)) return url;
  const inner = WAYBACK_PATH.exec(parsed.pathname + parsed.search)?.[1];
  return (inner && httpTarget(inner)) ?? url;
}

/**
 * Same site: same registrable domain (www., amp., m. and other subdomains are the same site; two blogs on
 * blogspot.com or github.io are two sites). Hosts with no registrable domain (an IP address, localhost) are
 * the same site only as the same host.
 */
export function sameSite(a: string, b: string): boolean {
  const siteA = registrableDomain(a) ?? hostOf(a)?.toLowerCase();
  return !!siteA && siteA === (registrableDomain(b) ?? hostOf(b)?.toLowerCase());
}

/**
 * A host for display that exposes look-alikes: an internationalised host is
 * shown in the punycode form the browser really connects to, followed by the
 * Unicode form in brackets — "xn--pple-43d.com (аpple.com)" — so a Cyrillic
 * "а" cannot pass for a Latin "a". Plain ASCII hosts are shown as they are.
 */
export function displayHost(url: string): string {
  const host = hostOf(url);
  if (!host) return url;
  if (!host.split('.').some((label) => label.startsWith('xn--'))) return host;
  const unicode = host
    .split('.')
    .map((label) => (label.startsWith('xn--') ? (decodePunycode(label.slice(4)) ?? label) : label))
    .join('.');
  return unicode === host ? host : `${host} (${unicode})`;
}

/** RFC 3492 decoder, enough to show a label's Unicode form. Null on malformed input. */
function decodePunycode(input: string): string | null {
  const base = 36;
  const output: number[] = [];
  const basicEnd = input.lastIndexOf('-');
  for (let i = 0; i < Math.max(basicEnd, 0); i++) output.push(input.charCodeAt(i));
  let n = 128;
  let bias = 72;
  let i = 0;
  let first = true;
  for (let index = basicEnd > 0 ? basicEnd + 1 : 0; index < input.length;) {
    const oldi = i;
    for (let w = 1, k = base; ; k += base) {
      if (index >= input.length) return null;
      const code = input.charCodeAt(index++);
      const digit = code - 48 < 10 ? code - 22 : code - 65 < 26 ? code - 65 : code - 97 < 26 ? code - 97 : base;
      if (digit >= base) return null;
      i += digit * w;
      const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
      if (digit < t) break;
      w *= base - t;
      if (w > 1e9) return null;
    }
    const length = output.length + 1;
    let delta = first ? Math.floor((i - oldi) / 700) : (i - oldi) >> 1;
    first = false;
    delta += Math.floor(delta / length);
    let k = 0;
    for (; delta > 455; k += base) delta = Math.floor(delta / 35);
    bias = Math.floor(k + (36 * delta) / (delta + 38));
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff) return null;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}
