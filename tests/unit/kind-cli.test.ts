/**
 * The kind of copy on the command line: `provenance inspect` on each kind's page of the fixture web (the
 * pages the shared scenarios visit, tests/e2e/support/pages.ts) prints the kind and its sentence, and its
 * JSON has them (with an archived snapshot's capture time).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { KIND_PAGES } from '../e2e/support/pages';

const KINDS: Record<keyof typeof KIND_PAGES, string> = {
  scraped: 'scraped',
  wire: 'wire',
  partner: 'partner',
  republication: 'republication',
  crossPost: 'cross-post',
  archive: 'archive',
  unknown: 'unknown',
};

/** The fixture file a URL is served from (tests/fixtures/web/README.md). */
function fixtureFile(url: string): string {
  const { hostname, pathname } = new URL(url);
  return join(__dirname, '../fixtures/web', hostname.replace(/^www\./, ''), pathname, 'index.html');
}

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await main(argv, { out: (text) => out.push(text), err: () => undefined });
  return { code, out: out.join('\n') };
}

describe('provenance inspect names the kind of copy', () => {
  for (const [name, page] of Object.entries(KIND_PAGES) as [keyof typeof KIND_PAGES, (typeof KIND_PAGES)[keyof typeof KIND_PAGES]][]) {
    it(`${name}: "${page.label}"`, async () => {
      const json = await run(['inspect', fixtureFile(page.url), '--url', page.url, '--json']);
      expect(json.code).toBe(0);
      const record = JSON.parse(json.out) as { kind: string | null; kindText: string | null; archive: unknown };
      expect(record.kind).toBe(KINDS[name]);
      expect(record.kindText?.startsWith(page.label)).toBe(true);
      if (page.detail) expect(record.kindText).toContain(` · ${page.detail}`);
      const text = await run(['inspect', fixtureFile(page.url), '--url', page.url]);
      expect(text.out.split('\n')[2]).toBe(`kind: ${KINDS[name]} — ${record.kindText}`);
    });
  }

  it('an archived snapshot: its service, page and capture time in the JSON', async () => {
    const page = KIND_PAGES.archive;
    const record = JSON.parse((await run(['inspect', fixtureFile(page.url), '--url', page.url, '--json'])).out) as {
      syndicated: boolean;
      kindText: string;
      archive: unknown;
    };
    expect(record.syndicated).toBe(false);
    expect(record.archive).toEqual({
      service: 'Wayback Machine',
      url: 'http://www.harlowvalleycourier.com/news/local/council-approves-mill-street-bridge-replacement/',
      capturedAt: '2025-03-06T10:15:00Z',
    });
    expect(record.kindText).toBe('Archived copy of harlowvalleycourier.com · captured 6 Mar 2025, 10:15 UTC (Wayback Machine)');
  });

  it('an original: no kind', async () => {
    const url = 'https://www.harlowvalleycourier.com/news/local/council-approves-mill-street-bridge-replacement/';
    const { out } = await run(['inspect', fixtureFile(url), '--url', url, '--json']);
    expect(JSON.parse(out)).toMatchObject({ syndicated: false, kind: null, kindText: null, archive: null });
    expect((await run(['inspect', fixtureFile(url), '--url', url])).out).not.toMatch(/^kind:/m);
  });
});
