/**
 * The Sites view's and the badge's figures, read from the history (lib/sites.ts
 * does the arithmetic). Pages of a site are counted from the `[site+syndicated]`
 * index (lib/db.ts, version 5) without reading a record; the whole view reads
 * the history one slice of entries at a time, each slice folded into the tally
 * and let go, so the page never holds all 50,000 records at once.
 */
import type { PageKey } from '@/core/url';
import type { ProvenanceDatabase } from './db';
import { t } from './i18n';
import { SiteTally, siteCopiesLine, type SiteCopies, type SiteCopiesLine, type SiteFigures } from './sites';

const SLICE = 2_000;

/** Every site's figures, most pages first. `onProgress` is told how many entries were read so far. */
export async function readSites(db: ProvenanceDatabase, onProgress?: (read: number) => void): Promise<SiteFigures[]> {
  const tally = new SiteTally();
  let after = -Infinity;
  let read = 0;
  for (;;) {
    const slice = await db.history.where(':id').above(after).limit(SLICE).toArray();
    for (const entry of slice) tally.add(entry);
    read += slice.length;
    onProgress?.(read);
    if (slice.length < SLICE) return tally.figures();
    after = slice.at(-1)!.id!;
  }
}

/**
 * How many pages of a site the reader has read and how many were copies, the
 * page with the key `key` left out (the figures are about the other pages); null
 * unless enough were read and most were copies (lib/sites.ts siteCopiesLine).
 */
export async function siteCopies(db: ProvenanceDatabase, site: string, key: PageKey): Promise<SiteCopies | null> {
  const index = db.history.where('[site+syndicated]');
  const [pages, copies, current] = await Promise.all([
    index.between([site, 0], [site, 1], true, true).count(),
    index.equals([site, 1]).count(),
    db.history.get({ key }),
  ]);
  const here = current?.site === site ? 1 : 0;
  return siteCopiesLine(site, pages - here, copies - (here && current?.syndicated === 1 ? 1 : 0));
}

/** The badge's line about the page's site, or null (too few pages read there, or most were not copies; or the history unreadable). */
export async function siteLineFor(db: ProvenanceDatabase, site: string, key: PageKey): Promise<SiteCopiesLine | null> {
  const figures = await siteCopies(db, site, key).catch(() => null);
  return figures && { ...figures, line: t('sites_badgeLine', [String(figures.copies), String(figures.pages)]) };
}
