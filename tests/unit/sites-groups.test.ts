import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@/lib/db';
import { groupByOriginal, originalKey } from '@/lib/history-groups';
import { sampleRecord } from './sample-record';
import { pageKey } from '@/core/url';

let id = 100;
function copy(url: string, original: { url?: string | null; publisher?: string; headline?: string }): HistoryEntry {
  const record = sampleRecord({
    url,
    original: {
      url: original.url ?? null,
      publisher: original.publisher ?? 'The Washington Post',
      headline: original.headline ?? 'Talks',
      publishedAt: null,
    },
  });
  return {
    id: id--,
    key: pageKey(url),
    firstSeen: 0,
    lastSeen: 0,
    visits: 1,
    syndicated: 1,
    site: '',
    publisherKey: '',
    kind: 'scraped',
    words: [],
    record,
  };
}
function page(url: string): HistoryEntry {
  const record = sampleRecord({ url, syndicated: false, kind: null, original: null, chain: [] });
  return {
    id: id--,
    key: pageKey(url),
    firstSeen: 0,
    lastSeen: 0,
    visits: 1,
    syndicated: 0,
    site: '',
    publisherKey: '',
    kind: '',
    words: [],
    record,
  };
}

describe('history grouped by original', () => {
  it('keys a copy by its original address, else by publisher and headline; a page that is not a copy has none', () => {
    expect(originalKey(copy('https://a.example/1', { url: 'https://www.wp.example/story?utm_source=x' }))).toBe('url:https://www.wp.example/story');
    expect(originalKey(copy('https://a.example/1', { publisher: 'The Post', headline: 'Talks, in Riyadh!' }))).toBe('story:the post|talks in riyadh');
    expect(originalKey(page('https://a.example/2'))).toBeNull();
  });

  it('lists copies of one original under a line naming it, its own page first, other entries in place', () => {
    const entries = [
      copy('https://farm1.example/a', { url: 'https://wp.example/story' }),
      page('https://other.example/x'),
      copy('https://farm2.example/b', { url: 'https://wp.example/story' }),
      copy('https://farm3.example/c', { url: 'https://reuters.example/lone' }),
      page('https://wp.example/story'),
      copy('https://farm4.example/d', { publisher: 'AP', headline: 'Storm' }),
      copy('https://farm5.example/e', { publisher: 'ap', headline: 'storm' }),
    ];
    const lines = groupByOriginal(entries);
    const ids = (entry: HistoryEntry) => entry.id;
    expect(lines).toEqual([
      {
        type: 'group',
        key: 'url:https://wp.example/story',
        publisher: 'The Washington Post',
        url: 'https://wp.example/story',
        headline: 'Talks',
        copies: 2,
      },
      { type: 'entry', id: ids(entries[4]!), grouped: true },
      { type: 'entry', id: ids(entries[0]!), grouped: true },
      { type: 'entry', id: ids(entries[2]!), grouped: true },
      { type: 'entry', id: ids(entries[1]!), grouped: false },
      // One copy of an original not in the history: no group line.
      { type: 'entry', id: ids(entries[3]!), grouped: false },
      { type: 'group', key: 'story:ap|storm', publisher: 'AP', url: null, headline: 'Storm', copies: 2 },
      { type: 'entry', id: ids(entries[5]!), grouped: true },
      { type: 'entry', id: ids(entries[6]!), grouped: true },
    ]);
  });
});
