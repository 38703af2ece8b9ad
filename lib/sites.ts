/**
 * The Sites view's figures, from the local history: for each site (registrable
 * domain) the pages read, how many were copies and of which kind, the outlets
 * it copies most, first and last seen. Pure: the entries come in one at a time
 * (lib/site-history.ts reads them from the database a slice at a time), each
 * folded into its site's tally in constant time, so 50,000 entries are one pass
 * (tests/unit/sites-figures.test.ts measures it).
 */
import type { CopyKind } from '@/core/types';
import { displayHost } from '@/core/url';

/** SiteCopies with the badge's sentence, "This site's pages you read were copies (9 of 10)", made in the background. */
export interface SiteCopiesLine extends SiteCopies {
  line: string;
}

/** Below this many pages read, a site's share of copies says too little to mark it or to tell the reader. */
const MIN_SITE_PAGES = 3;
/** Outlets listed per site. */
const TOP_OUTLETS = 3;

/** What the tally needs of a history entry (lib/db.ts HistoryEntry has all of it). */
export interface SiteEntryFields {
  site: string;
  firstSeen: number;
  lastSeen: number;
  syndicated: 0 | 1;
  /** The kind of copy, "" (or absent, before records had one) for a page that is not a copy. */
  kind?: CopyKind | '';
  record: {
    original: { publisher: string | null } | null;
    chain: { publisher: string | null; site: string | null }[];
  };
}

export interface SiteFigures {
  site: string;
  pages: number;
  copies: number;
  /** Copies of the kind 'scraped' (a content farm's or feed site's copy, no licence shown). */
  scraped: number;
  firstSeen: number;
  lastSeen: number;
  /** The outlets its copies come from, most copied first (at most TOP_OUTLETS). */
  outlets: { name: string; count: number }[];
  /** Enough pages read, and most of them scraped copies. */
  mostlyScraped: boolean;
}

/** The figures the badge shows on a new page of a site whose pages the reader has read were mostly copies. */
export interface SiteCopies {
  site: string;
  pages: number;
  copies: number;
}

interface Tally {
  pages: number;
  copies: number;
  scraped: number;
  firstSeen: number;
  lastSeen: number;
  /** Per outlet (lower-cased name): its name as first seen and how many copies came from it. */
  outlets: Map<string, { name: string; count: number }>;
}

/** The outlet a copy comes from: the original's publisher, else the last step of its chain. */
function copiedOutlet(entry: SiteEntryFields): string | null {
  const last = entry.record.chain.at(-1);
  const name = entry.record.original?.publisher ?? last?.publisher ?? (last?.site ? displayHost(last.site) : null);
  return name?.trim() || null;
}

const isMostlyScraped = (pages: number, scraped: number): boolean => pages >= MIN_SITE_PAGES && scraped * 2 > pages;

/** The badge's figures for a site, or null when there are too few pages or most were not copies. */
export function siteCopiesLine(site: string, pages: number, copies: number): SiteCopies | null {
  return pages >= MIN_SITE_PAGES && copies * 2 > pages ? { site, pages, copies } : null;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Site figures folded one entry at a time. */
export class SiteTally {
  private readonly sites = new Map<string, Tally>();

  get size(): number {
    return this.sites.size;
  }

  add(entry: SiteEntryFields): void {
    let tally = this.sites.get(entry.site);
    if (!tally) {
      tally = { pages: 0, copies: 0, scraped: 0, firstSeen: entry.firstSeen, lastSeen: entry.lastSeen, outlets: new Map() };
      this.sites.set(entry.site, tally);
    }
    tally.pages++;
    if (entry.firstSeen < tally.firstSeen) tally.firstSeen = entry.firstSeen;
    if (entry.lastSeen > tally.lastSeen) tally.lastSeen = entry.lastSeen;
    if (entry.syndicated !== 1) return;
    tally.copies++;
    if (entry.kind === 'scraped') tally.scraped++;
    const name = copiedOutlet(entry);
    if (!name) return;
    const key = name.toLowerCase();
    const outlet = tally.outlets.get(key);
    if (outlet) outlet.count++;
    else tally.outlets.set(key, { name, count: 1 });
  }

  /** Every site, most pages read first (then most recently seen, then by name). */
  figures(): SiteFigures[] {
    const all: SiteFigures[] = [];
    for (const [site, tally] of this.sites) {
      const outlets = [...tally.outlets.values()].sort((a, b) => b.count - a.count || byText(a.name, b.name)).slice(0, TOP_OUTLETS);
      all.push({
        site,
        pages: tally.pages,
        copies: tally.copies,
        scraped: tally.scraped,
        firstSeen: tally.firstSeen,
        lastSeen: tally.lastSeen,
        outlets: outlets.map(({ name, count }) => ({ name, count })),
        mostlyScraped: isMostlyScraped(tally.pages, tally.scraped),
      });
    }
    return all.sort((a, b) => b.pages - a.pages || b.lastSeen - a.lastSeen || byText(a.site, b.site));
  }
}

/** The figures of every site in these entries, in one pass. */
export function siteFigures(entries: Iterable<SiteEntryFields>): SiteFigures[] {
  const tally = new SiteTally();
  for (const entry of entries) tally.add(entry);
  return tally.figures();
}

/** Sites whose name contains the text (case-insensitive), and with `mostlyCopies`, only those where most pages were copies. */
export function filterSites(sites: SiteFigures[], text: string, mostlyCopies: boolean): SiteFigures[] {
  const needle = text.trim().toLowerCase();
  return sites.filter(
    (site) => (!needle || site.site.includes(needle)) && (!mostlyCopies || (site.pages >= MIN_SITE_PAGES && site.copies * 2 > site.pages)),
  );
}
