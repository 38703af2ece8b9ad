import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { CopyKind } from '@/core/types';
import { ProvenanceDatabase, recordDetection } from '@/lib/db';
import { readSites, siteCopies } from '@/lib/site-history';
import { SiteTally, filterSites, siteCopiesLine, siteFigures, type SiteEntryFields } from '@/lib/sites';
import { sampleRecord } from './sample-record';
import { pageKey } from '@/core/url';

const entry = (site: string, at: number, kind: CopyKind | '' = '', publisher: string | null = null, firstSeen = at): SiteEntryFields => ({
  site,
  firstSeen,
  lastSeen: at,
  syndicated: kind && kind !== 'archive' ? 1 : 0,
  kind,
  record: { original: publisher ? { publisher } : null, chain: publisher ? [{ publisher, site: null }] : [] },
});

describe('site figures', () => {
  it('counts pages, copies, scraped copies, the outlets copied most and first/last seen per site', () => {
    const figures = siteFigures([
      entry('farm.example', 10, 'scraped', 'The Washington Post'),
      entry('farm.example', 30, 'scraped', 'the washington post'),
      entry('farm.example', 20, 'scraped', 'Reuters'),
      entry('farm.example', 40, '', null, 5),
      entry('farm.example', 50, 'unknown', null),
      entry('paper.example', 60),
      entry('paper.example', 70, 'wire', 'AP'),
    ]);
    expect(figures.map((site) => site.site)).toEqual(['farm.example', 'paper.example']);
    const farm = figures[0]!;
    expect(farm).toMatchObject({ pages: 5, copies: 4, scraped: 3, firstSeen: 5, lastSeen: 50, mostlyScraped: true });
    // Names compare without case; the name first seen is kept; a copy naming no outlet counts for none.
    expect(farm.outlets).toEqual([
      { name: 'The Washington Post', count: 2 },
      { name: 'Reuters', count: 1 },
    ]);
    expect(figures[1]).toMatchObject({ pages: 2, copies: 1, scraped: 0, mostlyScraped: false, outlets: [{ name: 'AP', count: 1 }] });
  });

  it('marks a site mostly scraped only with enough pages and more than half scraped; an archive snapshot is no copy', () => {
    const two = siteFigures([entry('a.example', 1, 'scraped'), entry('a.example', 2, 'scraped')])[0]!;
    expect(two.mostlyScraped).toBe(false);
    const half = siteFigures([1, 2].map((n) => entry('b.example', n, 'scraped')).concat([3, 4].map((n) => entry('b.example', n, 'wire'))))[0]!;
    expect(half).toMatchObject({ pages: 4, copies: 4, scraped: 2, mostlyScraped: false });
    const archived = siteFigures([1, 2, 3].map((n) => entry('web.archive.org', n, 'archive')))[0]!;
    expect(archived).toMatchObject({ pages: 3, copies: 0, mostlyScraped: false });
  });

  it('gives the badge its line only for 3 or more pages of which most were copies', () => {
    expect(siteCopiesLine('x.example', 2, 2)).toBeNull();
    expect(siteCopiesLine('x.example', 4, 2)).toBeNull();
    expect(siteCopiesLine('x.example', 10, 9)).toEqual({ site: 'x.example', pages: 10, copies: 9 });
  });

  it('filters sites by name and to those mostly copies', () => {
    const figures = siteFigures([...[1, 2, 3].map((n) => entry('farm.example', n, 'scraped')), ...[1, 2, 3].map((n) => entry('paper.example', n))]);
    expect(filterSites(figures, 'FARM', false).map((site) => site.site)).toEqual(['farm.example']);
    expect(filterSites(figures, '', true).map((site) => site.site)).toEqual(['farm.example']);
    expect(filterSites(figures, '', false)).toHaveLength(2);
  });

  it('folds 50,000 entries in one pass (time printed, not asserted)', () => {
    const kinds: (CopyKind | '')[] = ['', 'scraped', 'wire', 'partner', ''];
    const entries = Array.from({ length: 50_000 }, (_, i) =>
      entry(`site${i % 1_500}.example`, 1_700_000_000_000 + i, kinds[i % kinds.length]!, `Outlet ${i % 40}`),
    );
    const started = performance.now();
    const tally = new SiteTally();
    for (const one of entries) tally.add(one);
    const figures = tally.figures();
    const ms = performance.now() - started;
    console.log(`[sites] 50,000 entries → ${figures.length} sites in ${ms.toFixed(1)} ms`);
    expect(figures).toHaveLength(1_500);
    expect(figures.reduce((sum, site) => sum + site.pages, 0)).toBe(50_000);
    expect(figures.reduce((sum, site) => sum + site.copies, 0)).toBe(30_000);
  });
});

describe('site figures from the database', () => {
  let n = 0;
  const fresh = () => new ProvenanceDatabase(`sites-${++n}`);

  it('reads every site of the history in slices and counts a site from its index, the current page left out', async () => {
    const db = fresh();
    for (let i = 0; i < 9; i++) await recordDetection(db, sampleRecord({ url: `https://farm.example/story-${i}` }), 1_000 + i);
    await recordDetection(
      db,
      sampleRecord({ url: 'https://farm.example/about-us', syndicated: false, kind: null, original: null, chain: [] }),
      2_000,
    );
    for (let i = 0; i < 4; i++)
      await recordDetection(
        db,
        sampleRecord({ url: `https://paper.example/news-${i}`, syndicated: false, kind: null, original: null, chain: [] }),
        3_000 + i,
      );
    const seen: number[] = [];
    const sites = await readSites(db, (read) => seen.push(read));
    expect(seen.at(-1)).toBe(14);
    expect(sites.map((site) => [site.site, site.pages, site.copies, site.scraped, site.mostlyScraped])).toEqual([
      ['farm.example', 10, 9, 9, true],
      ['paper.example', 4, 0, 0, false],
    ]);
    expect(sites[0]!.outlets).toEqual([{ name: 'The Washington Post', count: 9 }]);
    expect(sites[0]).toMatchObject({ firstSeen: 1_000, lastSeen: 2_000 });

    // A new page of the farm: the other 10 pages; a page already read: the 9 others.
    expect(await siteCopies(db, 'farm.example', pageKey('https://farm.example/new-story'))).toEqual({ site: 'farm.example', pages: 10, copies: 9 });
    expect(await siteCopies(db, 'farm.example', pageKey('https://farm.example/story-0'))).toEqual({ site: 'farm.example', pages: 9, copies: 8 });
    expect(await siteCopies(db, 'paper.example', pageKey('https://paper.example/new'))).toBeNull();
    expect(await siteCopies(db, 'nowhere.example', pageKey('https://nowhere.example/'))).toBeNull();
  });

  it('has the site index on a database upgraded from version 4', async () => {
    const name = 'sites-upgrade';
    const old = new Dexie(name);
    old.version(4).stores({ pages: 'id, &key, syndicated, publisherKey, *words' });
    const { kind: _kind, ...record } = sampleRecord({ url: 'https://farm.example/a' });
    await old.table('pages').bulkAdd(
      [1, 2, 3].map((i) => ({
        id: i * 1000,
        key: `https://farm.example/${i}`,
        firstSeen: i,
        lastSeen: i,
        visits: 1,
        syndicated: 1,
        site: 'farm.example',
        publisherKey: '',
        words: [],
        record: { ...record, url: `https://farm.example/${i}` },
      })),
    );
    old.close();
    const db = new ProvenanceDatabase(name);
    expect(await siteCopies(db, 'farm.example', pageKey('https://farm.example/new'))).toEqual({ site: 'farm.example', pages: 3, copies: 3 });
  });
});
