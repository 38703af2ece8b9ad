/**
 * What kind of copy a page is, decided once from the signals the families found (core/detect.ts calls
 * copyKind inside analyse, so the extension, the CLI and the tests get the same record).
 *
 *   archive        a web archive's snapshot (the archived-copy signal), whatever the archived page was;
 *   scraped        a content farm's or feed site's copy: "Source link :" footers, "The post … appeared first
 *                  on …", a headline suffix naming another outlet — and no licence shown;
 *   cross-post     the author's own post carried over: a canonical or credit to their blog (Medium,
 *                  Substack, WordPress.com, Blogger…), "cross-posted from", "originally appeared on my blog";
 *   republication  republished under a licence: Creative Commons wording, a nonprofit's republication pixel,
 *                  "This article was originally published by ProPublica", "republished with permission";
 *   wire           a news agency's story (AP, Reuters, AFP, TCA…) on a member's or client's page;
 *   partner        a partner's article on a portal (MSN, Yahoo) or a partner site: provider markup,
 *                  "Read the original article on Business Insider", a canonical or syndication-source
 *                  link to the partner;
 *   unknown        a copy whose signals say none of these (a "Courtesy of X" line, a byline credit alone).
 *
 * Null when the page is not a copy (not syndicated and not archived).
 */
import { oneOf, or, regex } from './regex';
import type { PageScan } from './scan';
import type { Finding } from './signals/finding';
import { foldToKey } from './text';
import type { ArchiveInfo, CopyKind, PageInfo, Provenance, SignalKind } from './types';
import { pageWrapper, registrableDomain } from './url';

/** A scraper's footprints: a labelled source link (not a bare "Source:" citation), a feed footer, a headline credit. */
const FEED_FOOTPRINTS = new Set<SignalKind>(['wordpress-feed-footer', 'headline-credit']);
const PARTNER_LINKS = new Set<SignalKind>(['canonical', 'syndication-meta', 'json-ld']);

/** Blog platforms and newsletter hosts where an author keeps their own posts. */
const BLOG_HOSTS = new Set([
  'medium.com',
  'substack.com',
  'wordpress.com',
  'blogspot.com',
  'blogger.com',
  'ghost.io',
  'dev.to',
  'hashnode.dev',
  'tumblr.com',
  'typepad.com',
  'livejournal.com',
  'hatenablog.com',
  'hatenablog.jp',
  'note.com',
  'over-blog.com',
  'canalblog.com',
  'hypotheses.org',
  'github.io',
  'beehiiv.com',
  'buttondown.email',
  'write.as',
  'mirror.xyz',
]);

/**
 * Newsrooms whose stories anyone may republish under their licence (Creative Commons or their own
 * republishing terms): a credit naming one of them is a licensed republication even when the licence is
 * not spelled out beside it.
 */
const REPUBLISHING_NEWSROOMS = [
  'ProPublica',
  'The Conversation',
  'Texas Tribune',
  'Stateline',
  'States Newsroom',
  'KFF Health News',
  'Kaiser Health News',
  'CalMatters',
  'Inside Climate News',
  'The 19th',
  'Chalkbeat',
  'Grist',
  'Mongabay',
  'Global Voices',
  'The Marshall Project',
  'Civil Eats',
  'Capital B',
  'Votebeat',
  'The Trace',
  'Honolulu Civil Beat',
  'Mississippi Today',
  'Investigate West',
  'Kentucky Lantern',
  'Ohio Capital Journal',
  'Colorado Newsline',
  'Florida Phoenix',
  'Georgia Recorder',
  'Maryland Matters',
  'Minnesota Reformer',
  'Nebraska Examiner',
  'NC Newsline',
  'Source NM',
  'Wisconsin Examiner',
  'Arizona Mirror',
  'The Texas Tribune',
  'Bellingcat',
  'Global Press Journal',
  'The New Humanitarian',
  'Hechinger Report',
  'The Hechinger Report',
  'Yale Climate Connections',
  'Carbon Brief',
  'YES! Magazine',
  'Truthout',
  'Common Dreams',
  'Waging Nonviolence',
  'Rest of World',
  'netzpolitik.org',
  'CORRECTIV',
  'Correctiv',
  'The Bureau of Investigative Journalism',
].map((name) => foldToKey(name));

/** " on my own ", " in my personal ", " at my ". */
const ON_MY_OWN = String.raw`\s+(?:on|in|at)\s+my\s+(?:own\s+|personal\s+)?`;

/**
 * The author's own words about carrying their post over, in several languages: "Cross-posted from my
 * blog", "This post originally appeared on my blog", "Originally published on my Substack", "Dieser Beitrag
 * erschien zuerst auf meinem Blog", "Cet article a d'abord été publié sur mon blog", "Publicado
 * originalmente en mi blog", "Pubblicato originariamente sul mio blog", "Publicado originalmente no meu blog".
 */
const CROSS_POST_WORDS = [
  /\bcross-?posted\s+(?:from|on|at|to|with)\b/i,
  /^cross-?post\b/i,
  regex(
    'i',
    String.raw`\b(?:originally|first)\s+(?:published|appeared|posted)`,
    ON_MY_OWN,
    String.raw`(?:blog|website|site|newsletter|substack|medium)\b`,
  ),
  regex('i', String.raw`\b(?:appeared|published|posted)\s+(?:originally|first)`, ON_MY_OWN, String.raw`(?:blog|website|site|newsletter|substack)\b`),
  /\b(?:zuerst|ursprünglich|erstmals)\s+(?:auf|in|bei)\s+meinem\s+(?:eigenen\s+)?(?:blog|newsletter|substack)\b/iu,
  /\b(?:publiée?|paru)\s+(?:initialement\s+|d['’]abord\s+|à\s+l['’]origine\s+)?sur\s+mon\s+(?:blog|site|substack)\b/iu,
  /\bpublicad[oa]\s+(?:originalmente|inicialmente|primero)\s+en\s+mi\s+(?:blog|sitio|web)\b/iu,
  /\bpubblicat[oa]\s+(?:originariamente|originalmente|inizialmente)\s+(?:sul|nel)\s+mio\s+(?:blog|sito)\b/iu,
  /\bpublicad[oa]\s+originalmente\s+no\s+meu\s+blog\b/iu,
];

/**
 * Licence wording about the article itself: "republished … under a Creative Commons license", "This work is
 * licensed under CC BY-ND 4.0", "republished here with permission". A photo's licence ("Foto: … | Lizenz:
 * CC BY 4.0") is not the article's.
 */
const LICENCE_WORDS = regex(
  'i',
  or(
    String.raw`\bcreative\s*commons\b`,
    String.raw`\bCC[\s-]BY(?:[\s-](?:NC|ND|SA))*\b`, // "CC BY-NC-SA"
    String.raw`\bunder\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}licen[cs]e\b`, // "under a Creative Commons Attribution license"
    String.raw`\b(?:republished|reprinted|reposted)\s+(?:here\s+)?(?:with|by)\s+(?:the\s+)?(?:kind\s+)?permission\b`,
  ),
);
/** The article in English: "this story", "first appeared". */
const ARTICLE_WORD = oneOf(
  'article|story|post|piece|essay|column|report|work|text',
  String.raw`republish\w*|reprint\w*|originally|first\s+(?:appeared|published)`,
);
/** The article in German, French, Spanish and Italian. */
const ARTICLE_WORD_ELSEWHERE = oneOf('artikel|beitrag|texte?|article|artículo|articolo');
const ABOUT_THE_ARTICLE = regex('iu', String.raw`\b${ARTICLE_WORD}\b|\b${ARTICLE_WORD_ELSEWHERE}\b`);
const ABOUT_A_PICTURE = /\b(?:foto|photo|image|bild|picture|illustration|grafik|graphic|video|icon|logo|map)s?\b|wikimedia|flickr|unsplash/i;

/** A portal's or partner's "Read the original article on X" credit. */
const PARTNER_CREDIT = /^Read the original (?:article|story|post) (?:on|at|in)\b/i;

type KindRecord = Pick<Provenance, 'syndicated' | 'url'> & { page?: Pick<PageInfo, 'author' | 'authors'> };

/**
 * `isAgency` tells a news agency's name ("dpa-AFX", "Reuters"): core/detect.ts passes the agencies' table
 * (core/signals/agencies.ts), kept out of here so that the extension's pages, which read stored records,
 * carry no part of the engine's rules.
 */
export function copyKind(
  record: KindRecord,
  findings: readonly Finding[],
  scan?: Pick<PageScan, 'lines' | 'site'> | null,
  isAgency: (name: string) => boolean = () => false,
): CopyKind | null {
  if (findings.some((item) => item.signal.kind === 'archived-copy')) return 'archive';
  if (!record.syndicated) return null;
  const active = findings.filter((item) => item.signal.weight > 0);
  const has = (kind: SignalKind) => active.some((item) => item.signal.kind === kind);
  const lines = scan?.lines ?? [];
  const site = scan?.site ?? registrableDomain(record.url);
  // The article's own licence line: not a caption's (a photo's licence), not the site footer's (the site's own licence).
  const licensed =
    lines.some((line) => !line.caption && !line.footer && line.region !== 'page-end' && isLicenceLine(line.text)) ||
    active.some((item) => isLicenceLine(item.signal.evidence.text));
  // A labelled source link ("Source link :", "Quelle: <link to the story>") or the disclaimer; a bare
  // "Source: <link>" (weight 0.5) may be an agency's or a citation's, and decides only when nothing else does.
  const scraperFootprints = active.some(
    (item) => FEED_FOOTPRINTS.has(item.signal.kind) || (item.signal.kind === 'content-farm-footer' && item.signal.weight >= 0.7),
  );
  const agencyClaim = (item: Finding): boolean => isAgencyClaim(item, isAgency);
  const agency = active.some(agencyClaim);

  if (scraperFootprints && !licensed && !(agency && !active.some((item) => FEED_FOOTPRINTS.has(item.signal.kind)) && weakFarm(active)))
    return 'scraped';
  if (isCrossPost(active, lines, site, record.page)) return 'cross-post';
  const pixel = active.find((item) => item.signal.kind === 'tracking-pixel');
  if ((pixel && !agencyClaim(pixel)) || licensed) return 'republication';
  const credit = active.find((item) => item.signal.kind === 'republication-credit');
  const partnerCredit =
    credit && (PARTNER_CREDIT.test(credit.signal.evidence.text) || credit.signal.evidence.location.includes('link to the original'));
  if (credit && !partnerCredit && republishingNewsroom(credit.claims.originalPublisher ?? null, credit.claims.originalUrl ?? null))
    return 'republication';
  if (agency) return 'wire';
  if (has('portal-partner') || credit || active.some((item) => PARTNER_LINKS.has(item.signal.kind))) return 'partner';
  if (has('content-farm-footer')) return 'scraped';
  return 'unknown';
}

/** Only "Source: <link>" footers of the kind an agency's client also writes (weight below 0.9: no disclaimer, no "Source link :"). */
function weakFarm(active: readonly Finding[]): boolean {
  return active.filter((item) => item.signal.kind === 'content-farm-footer').every((item) => item.signal.weight < 0.85);
}

function isLicenceLine(text: string): boolean {
  return text.length <= 600 && LICENCE_WORDS.test(text) && ABOUT_THE_ARTICLE.test(text) && !ABOUT_A_PICTURE.test(text);
}

/** A credit to a newsroom whose stories may be republished under its licence. */
function republishingNewsroom(name: string | null, url: string | null): boolean {
  const keys = [name ? foldToKey(name) : null, url ? foldToKey(registrableDomain(url)?.split('.')[0] ?? '') : null].filter(
    (key): key is string => !!key && key.length > 2,
  );
  return keys.some((key) => REPUBLISHING_NEWSROOMS.some((newsroom) => newsroom === key || newsroom === `the${key}` || `the${newsroom}` === key));
}

/** A wire finding, an agency's pixel, or a provider or source credit naming a news agency ("Quelle: dpa-AFX", JSON-LD provider "Reuters"). */
function isAgencyClaim(item: Finding, isAgency: (name: string) => boolean): boolean {
  if (item.signal.kind === 'wire') return true;
  if (item.signal.kind !== 'json-ld' && item.signal.kind !== 'source-credit' && item.signal.kind !== 'tracking-pixel') return false;
  const name = item.claims.originalPublisher;
  return !!name && isAgency(name);
}

/**
 * The author's own post carried over: cross-post wording; a blog-platform page crediting or canonicalising
 * the author's own site (Medium's import writes "Originally published at <site>"); a credit or canonical to
 * a post on a blog platform; or the page on the author's own site (wolfgangmichal.de by Wolfgang Michal)
 * crediting where the piece first ran.
 */
function isCrossPost(active: readonly Finding[], lines: PageScan['lines'], site: string | null, page: KindRecord['page']): boolean {
  if (lines.some((line) => line.text.length <= 400 && CROSS_POST_WORDS.some((pattern) => pattern.test(line.text)))) return true;
  if (active.some((item) => CROSS_POST_WORDS.some((pattern) => pattern.test(item.signal.evidence.text)))) return true;
  const onBlog = (url: string | null | undefined): boolean => {
    const domain = url ? registrableDomain(url) : null;
    return !!domain && BLOG_HOSTS.has(domain);
  };
  const pageOnBlog = !!site && BLOG_HOSTS.has(site);
  const ownSite = !!site && authorsSite(site, page);
  for (const item of active) {
    if (item.signal.kind !== 'canonical' && item.signal.kind !== 'republication-credit') continue;
    const url = item.claims.originalUrl;
    if (onBlog(url)) return true;
    if (pageOnBlog && item.signal.kind === 'republication-credit' && /^originally published (?:at|on)\b/i.test(item.signal.evidence.text))
      return true;
    if (pageOnBlog && item.signal.kind === 'canonical' && url && !onBlog(url) && active.length === 1) return true;
    if (ownSite && item.signal.kind === 'republication-credit') return true;
  }
  return false;
}

/** The page is on its author's own site: "wolfgangmichal.de" for Wolfgang Michal. */
export function onAuthorsSite(record: Pick<Provenance, 'url'> & { page?: Pick<PageInfo, 'author' | 'authors'> }): boolean {
  const site = registrableDomain(record.url);
  return !!site && authorsSite(site, record.page);
}

/** The site is named after the page's author: "wolfgangmichal.de" for Wolfgang Michal. */
function authorsSite(site: string, page: KindRecord['page']): boolean {
  const label = foldToKey(site.split('.')[0] ?? '');
  if (label.length < 6) return false;
  const names = [...(page?.authors ?? []), page?.author].filter((name): name is string => !!name);
  return names.some((name) => {
    const key = foldToKey(name);
    const words = name.split(/\s+/).map(foldToKey).filter(Boolean);
    const surnameFirst = words.length > 1 ? [words.at(-1), ...words.slice(0, -1)].join('') : key;
    return key.length >= 6 && (key === label || surnameFirst === label);
  });
}

const WAYBACK_TIME = /^\/web\/(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:[a-z]{2}_|\*)?\//;

/**
 * A web archive's snapshot: its service, the page it holds, and when it was captured when the address says
 * it (a Wayback Machine URL carries the capture time in UTC: /web/20250222144226/https://…).
 */
export function archiveInfo(scan: Pick<PageScan, 'url' | 'address' | 'wrapper'>): ArchiveInfo | null {
  const wrapper = scan.wrapper;
  if (!wrapper || wrapper.kind !== 'archive') return null;
  return { service: wrapper.service, url: wrapper.target ?? (scan.address !== scan.url ? scan.address : null), capturedAt: waybackTime(scan.url) };
}

function waybackTime(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const match = WAYBACK_TIME.exec(path);
  if (!match || !match[2] || !match[3]) return null;
  const [year, month, day, hour = '00', minute = '00', second = '00'] = match.slice(1).map((part) => part);
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}Z`;
  const parsed = Date.parse(iso);
  if (!Number.isFinite(parsed) || new Date(parsed).toISOString().slice(0, 19) !== iso.slice(0, 19)) return null;
  return match[4] ? iso : `${year}-${month}-${day}`;
}

const KINDS: readonly CopyKind[] = ['scraped', 'wire', 'partner', 'republication', 'cross-post', 'archive', 'unknown'];

export function isCopyKind(value: unknown): value is CopyKind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

/**
 * The kind of a record stored or exported before records had one: decided again from its signals (their
 * claims are not stored; the original's link stands in for the linking signals'), its archive from its URL.
 */
export function kindOfStored(record: Pick<Provenance, 'syndicated' | 'url' | 'signals' | 'original'>): Pick<Provenance, 'kind' | 'archive'> {
  const originalUrl = record.original?.url ?? null;
  const findings: Finding[] = record.signals.map((signal) => ({
    signal,
    claims: signal.kind === 'canonical' || signal.kind === 'republication-credit' ? { originalUrl } : {},
  }));
  const kind = copyKind(record, findings);
  if (kind !== 'archive') return { kind };
  const wrapper = pageWrapper(record.url);
  const archive = wrapper ? archiveInfo({ url: record.url, address: wrapper.target ?? record.url, wrapper }) : null;
  return archive ? { kind, archive } : { kind };
}
