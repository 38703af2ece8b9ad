/**
 * Bidirectional controls are removed before anything is stored or shown: a
 * page's U+202E (RIGHT-TO-LEFT OVERRIDE) would make "moc.tsopnotgnihsaw" read
 * as "washingtonpost.com" in the popup, the badge and the history. The
 * background cleans the record it makes from a digest (core/sanitize.ts) before
 * the tab's state, the history and the answer to the page; imports are cleaned
 * field by field (lib/transfer.ts, tests/unit/import-strict.test.ts).
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database, getEntry } from '@/lib/db';
import { onPageScanned, tabReport } from '@/lib/service';
import { getTabScan } from '@/lib/tab-state';
import { getMessage } from './locale-messages';
import { sampleDigest } from './sample-record';
import { pageKey } from '@/core/url';

const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

beforeEach(async () => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser, { action: { setBadgeText: vi.fn(), setBadgeBackgroundColor: vi.fn(), setTitle: vi.fn() } });
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  await database().history.clear();
});

describe('bidirectional controls from a page', () => {
  it('never reach the history, the tab state or the answer, whatever the digest holds', async () => {
    const url = 'https://farm.example/bidi';
    const digest = sampleDigest(url);
    // The digest as a content script may send it: the controls in the page's own words (a content
    // script does not clean them; the background must).
    const hostile = {
      ...digest,
      h1: 'Talks \u202eaidar\u202c in Riyadh',
      meta: digest.meta.map(([key, value]): [string, string] => (key === 'og:site_name' ? [key, 'moc.\u202etsopnotgnihsaw'] : [key, value])),
      lines: digest.lines.map((line) => ({ ...line, text: line.text.replace('Jean-Pierre', 'Jean\u2067-Pierre\u2069') })),
    };
    const sender = { id: fakeBrowser.runtime.id, tab: { id: 301, url, incognito: false } as never, frameId: 0, url };
    const answer = await onPageScanned(hostile, sender);
    expect(answer.stored).toBe(true);
    const stored = await getEntry(database(), pageKey(url));
    expect(stored).toBeDefined();
    // The page did put them in what the record is made of…
    expect(JSON.stringify(hostile)).toMatch(BIDI);
    // …and none is stored, in any field (search words included), nor shown.
    expect(JSON.stringify(stored)).not.toMatch(BIDI);
    expect(stored!.record.page.siteName).toBe('moc.tsopnotgnihsaw');
    expect(JSON.stringify(answer)).not.toMatch(BIDI);
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 301, url } as never);
    expect(JSON.stringify(await tabReport(301))).not.toMatch(BIDI);
    expect(JSON.stringify(await getTabScan(301))).not.toMatch(BIDI);
  });
});
