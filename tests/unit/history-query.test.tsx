// @vitest-environment jsdom
/**
 * The options page's history data (entrypoints/options/useHistoryQuery.ts),
 * without the views: the hook runs in a bare component against a real
 * database (fake-indexeddb) reached through the UI client interface. Covers
 * the first screen and paging, the filters, grouping by original, and the
 * changes the reader makes (delete, clear, import, export).
 */
import 'fake-indexeddb/auto';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageKey } from '@/core/url';
import type { ProvenanceClient } from '@/lib/client';
import { ProvenanceDatabase, latestVerification, listHistory, recordDetection } from '@/lib/db';
import { clearHistory, deleteEntry, entriesById, latestVerifications, matchingIds, publishers, timeOrder } from '@/lib/history';
import type { HistoryLine } from '@/lib/history-groups';
import { IMPORT_LIMITS, IMPORT_MAX_MB } from '@/lib/import-limits';
import { exportHistory, historyCsv, importHistory } from '@/lib/transfer';
import { GROUP_SLICE, PAGE, idsInRange, lineAt, readGroups, useHistoryQuery, type HistoryQuery } from '@/entrypoints/options/useHistoryQuery';
import { getMessage } from './locale-messages';
import { sampleRecord } from './sample-record';

let db: ProvenanceDatabase;
let n = 0;
/** Every entriesById call the hook made, by the ids asked. */
let reads: number[][];

/** The UI client's history methods on a test database; any other method fails the test. */
function databaseClient(): ProvenanceClient {
  const history: Partial<ProvenanceClient> = {
    newestEntries: (limit) => listHistory(db, limit),
    historyIds: () => timeOrder(db),
    matchingIds: (filter) => matchingIds(db, filter),
    entriesById: (ids) => {
      reads.push(ids);
      return entriesById(db, ids);
    },
    publishers: () => publishers(db),
    verificationFor: async (pageUrl) => (await latestVerification(db, pageKey(pageUrl))) ?? null,
    verificationsFor: (pageKeys) => latestVerifications(db, pageKeys),
    deleteEntry: (key) => deleteEntry(db, key),
    clearHistory: () => clearHistory(db),
    exportJson: async () => JSON.stringify(await exportHistory(db)),
    exportCsv: async () => historyCsv(await exportHistory(db)),
    importJson: (text) => importHistory(db, text, 1_000),
  };
  return new Proxy(history, {
    get: (target, name: string) => (target as Record<string, unknown>)[name] ?? (() => Promise.reject(new Error(`the history does not use ${name}`))),
  }) as ProvenanceClient;
}

/** Stores `count` detections, one a second, every third a wire copy of one of two stories: ids newest first. */
async function seed(count: number): Promise<number[]> {
  for (let i = 0; i < count; i++) {
    const copy = i % 3 === 0;
    const story = i % 2 === 0 ? 'Ukraine talks begin in Riyadh' : 'Council approves bridge plan';
    const record = sampleRecord({
      url: pageKey(`https://site${i}.example/story-${i}`),
      syndicated: copy,
      kind: copy ? 'wire' : null,
      original: copy ? { url: null, publisher: i % 2 === 0 ? 'Reuters' : 'AP', headline: story, publishedAt: null } : null,
    });
    record.page.headline = copy ? story : `Local item number ${i}`;
    record.page.siteName = null;
    await recordDetection(db, record, 1_000_000 + i * 1_000);
  }
  return timeOrder(db);
}

let container: HTMLElement;
let latest: HistoryQuery;
function Harness({ client }: { client: ProvenanceClient }) {
  latest = useHistoryQuery(client);
  return null;
}
const mount = (client = databaseClient()) => act(() => render(h(Harness, { client }), container));

/** A file the reader chose (jsdom's File cannot be read as text). */
const chosenFile = (text: string, size = text.length) => ({ name: 'history.json', size, text: async () => text }) as unknown as File;

/** Lets the hook's reads finish until `done` holds (the database answers in later tasks). */
async function until(done: () => boolean, what: string) {
  for (let tries = 0; tries < 300; tries++) {
    if (done()) return;
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`timed out waiting for ${what}`);
}
const answered = () => latest.result !== null && latest.order !== null;

beforeEach(() => {
  db = new ProvenanceDatabase(`history-query-${++n}`);
  reads = [];
  container = document.createElement('div');
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
});
afterEach(async () => {
  await act(() => render(null, container));
  db.close();
  await db.delete();
  // Nothing of a closed history may reach the database later: a late read (the publisher list's idle read
  // once was) opens it again, and Dexie then announces the new database through jsdom's dispatchEvent,
  // which is gone once this file ends. Waited past the idle read's fallback delay (100 ms).
  await new Promise((resolve) => setTimeout(resolve, 150));
  expect(db.isOpen(), 'the database was opened again after the history was closed').toBe(false);
});

describe('history paging (pure)', () => {
  const ids = Array.from({ length: 200 }, (_, i) => 1_000 - i);
  it('reads at least a page from the first row in view, and no further than the rows asked when more are in view', () => {
    expect(idsInRange(null, ids, 0, 10)).toEqual(ids.slice(0, PAGE));
    expect(idsInRange(null, ids, 150, 170)).toEqual(ids.slice(150, 200));
    expect(idsInRange(null, ids, 0, PAGE + 20)).toEqual(ids.slice(0, PAGE + 20));
    expect(idsInRange(null, null, 0, 10)).toEqual([]);
  });

  it('skips group lines when the list is grouped, and falls back to the flat answer without lines', () => {
    const lines: HistoryLine[] = [
      { type: 'group', key: 'story:ap|x', publisher: 'AP', url: null, headline: 'x', copies: 2 },
      { type: 'entry', id: 9, grouped: true },
      { type: 'entry', id: 8, grouped: true },
      { type: 'entry', id: 7, grouped: false },
    ];
    expect(idsInRange(lines, ids, 0, 4)).toEqual([9, 8, 7]);
    expect(idsInRange(lines, ids, 2, 4)).toEqual([8, 7]);
    expect(lineAt(lines, ids, 1)).toEqual({ type: 'entry', id: 9, grouped: true });
    expect(lineAt(null, ids, 3)).toEqual({ type: 'entry', id: ids[3], grouped: false });
  });

  it('groups a slice at a time and gives up when no longer wanted', async () => {
    const order = await seed(7);
    const sliced: number[][] = [];
    const read = (some: number[]) => {
      sliced.push(some);
      return entriesById(db, some);
    };
    const lines = await readGroups(read, order, () => true, 3);
    expect(sliced.map((some) => some.length)).toEqual([3, 3, 1]);
    // Copies i = 0, 6 (Reuters, the Ukraine story) are grouped; i = 3 (AP) is a lone copy, listed as it is.
    expect(lines?.filter((line) => line.type === 'group')).toEqual([expect.objectContaining({ publisher: 'Reuters', copies: 2 })]);
    expect(lines?.filter((line) => line.type === 'entry')).toHaveLength(7);
    let calls = 0;
    expect(await readGroups(read, order, () => ++calls < 2, 3)).toBeNull();
    expect(GROUP_SLICE).toBeGreaterThan(PAGE);
  });
});

describe('useHistoryQuery', () => {
  it('shows the newest page first, then the whole order, and reads further rows only when they come into view', async () => {
    const order = await seed(150);
    await mount();
    await until(answered, 'the first answer');
    expect(latest.order).toEqual(order);
    expect(latest.result?.ids).toEqual(order);
    expect(latest.listIds).toEqual(order);
    expect(latest.lineCount).toBe(150);
    expect(latest.matchCount).toBe(150);
    // The first screen came from newestEntries: the rows past it are not read until asked.
    await until(() => latest.check(latest.entry(order[0]!)?.key ?? '') !== undefined, 'the first rows and their checks');
    expect(latest.entry(order[PAGE - 1]!)).toBeDefined();
    expect(latest.entry(order[PAGE + 10]!)).toBeUndefined();
    expect(reads.flat()).not.toContain(order[PAGE + 10]);
    expect(latest.check(latest.entry(order[0]!)!.key)).toBeNull();
    // The first screen's rows are not read a second time when the order arrives.
    expect(reads).toEqual([]);

    await act(() => latest.onRange(100, 110));
    await until(() => latest.entry(order[149]!) !== undefined, 'rows 100 to 150');
    expect(reads.at(-1)).toEqual(order.slice(100, 150));
    expect(latest.entry(order[99]!)).toBeUndefined();
    expect(latest.lineAt(120)).toEqual({ type: 'entry', id: order[120], grouped: false });
  });

  it('answers each filter as it is typed, keeps both of two changes made before a render, and counts the matches', async () => {
    await seed(30);
    await mount();
    await until(answered, 'the first answer');
    await act(() => latest.changeFilter({ text: 'ukraine' }));
    await until(() => latest.filter.text === 'ukraine' && latest.matchCount === 5, 'the Ukraine story');
    const shown = latest.result!.shown;

    await act(() => {
      latest.changeFilter({ syndicatedOnly: true });
      latest.changeFilter({ kind: 'wire' });
    });
    expect(latest.filter).toMatchObject({ text: 'ukraine', syndicatedOnly: true, kind: 'wire' });
    // Copies are i = 0, 3, 6, …; of those the Ukraine story is every even one: 0, 6, 12, 18, 24.
    // The first of the two queries is overtaken by the second: one answer, one scroll back to the top.
    await until(() => latest.result!.shown === shown + 1, 'the combined filter');
    expect(latest.matchCount).toBe(5);
    const headlines = (await entriesById(db, latest.result!.ids)).map((entry) => entry.record.page.headline);
    expect(new Set(headlines)).toEqual(new Set(['Ukraine talks begin in Riyadh']));

    await act(() => latest.changeFilter({ text: 'nothing-like-this' }));
    await until(() => latest.matchCount === 0 && latest.result!.ids.length === 0, 'no match');
    expect(latest.order).toHaveLength(30);

    await act(() => latest.changeFilter({ text: '', syndicatedOnly: false, kind: '' }));
    await until(() => latest.matchCount === 30, 'the whole history again');
    await until(() => latest.publisherList.length > 0, 'the publisher list');
    expect(latest.publisherList.map((p) => p.key).sort()).toEqual(['ap', 'reuters']);
  });

  it('lists copies under their original when grouped, and the flat answer again when not', async () => {
    const order = await seed(12);
    await mount();
    await until(answered, 'the first answer');
    await act(() => latest.setGrouped(true));
    expect(latest.grouped).toBe(true);
    expect(latest.lines).toBeNull();
    expect(latest.grouping).toBe(true);
    await until(() => latest.lines !== null, 'the groups');
    expect(latest.grouping).toBe(false);
    // Copies: i = 0, 6 (Reuters, Ukraine) and 3, 9 (AP, bridge): two groups over 12 entries.
    const groups = latest.lines!.filter((line) => line.type === 'group');
    expect(groups.map((line) => [line.type === 'group' && line.publisher, line.type === 'group' && line.copies])).toEqual([
      ['AP', 2],
      ['Reuters', 2],
    ]);
    expect(latest.lineCount).toBe(14);
    // The AP group stands where its newest copy (i = 9, third newest) would be, its copies under it.
    expect(latest.lineAt(0)).toEqual({ type: 'entry', id: order[0], grouped: false });
    expect(latest.lineAt(2)).toMatchObject({ type: 'group', publisher: 'AP' });
    expect(latest.lineAt(3)).toEqual({ type: 'entry', id: order[2], grouped: true });
    expect(latest.lineAt(4)).toEqual({ type: 'entry', id: order[8], grouped: true });

    // A filter regroups its own answer.
    await act(() => latest.changeFilter({ publisher: 'reuters' }));
    await until(() => latest.matchCount === 2 && latest.lines !== null, 'the Reuters group');
    expect(latest.lines).toEqual([
      expect.objectContaining({ type: 'group', publisher: 'Reuters', copies: 2 }),
      { type: 'entry', id: order[5], grouped: true },
      { type: 'entry', id: order[11], grouped: true },
    ]);

    await act(() => latest.setGrouped(false));
    expect(latest.lines).toBeNull();
    expect(latest.lineCount).toBe(2);
  });

  it('deletes, imports, exports and clears, and shows the outcome or the error', async () => {
    const order = await seed(5);
    await mount();
    await until(answered, 'the first answer');
    const newest = latest.entry(order[0]!)!;
    expect((await latest.details(newest)).verification).toBeNull();

    await act(async () => {
      await latest.deleteEntry(newest.key);
      await latest.reload(true);
    });
    expect(latest.notice).toBe(getMessage('historyDeleted'));
    expect(latest.order).toEqual(order.slice(1));

    let json = '';
    await act(() => latest.exportHistory('json', (text) => (json = text)));
    expect(JSON.parse(json).entries).toHaveLength(4);
    let csv = '';
    await act(() => latest.exportHistory('csv', (text) => (csv = text)));
    expect(csv.trim().split('\n')).toHaveLength(5);
    // A file that cannot be saved is said, not lost silently.
    await act(() =>
      latest.exportHistory('json', () => {
        throw new Error('no room');
      }),
    );
    expect(latest.error).toBe(getMessage('exportFailed', 'no room'));

    await act(() => latest.importFile(chosenFile('{"not": "a history"}')));
    expect(latest.notice).toBeNull();
    expect(latest.error).toMatch(/^Nothing was imported: .+\.$/);
    await act(() => latest.importFile(chosenFile('[]', IMPORT_LIMITS.bytes + 1)));
    expect(latest.error).toBe(getMessage('importFailed', getMessage('importTooLarge', [String(IMPORT_MAX_MB + 1), String(IMPORT_MAX_MB)])));

    await act(() => latest.importFile(chosenFile(json)));
    expect(latest.error).toBeNull();
    expect(latest.notice).toBe(getMessage('importDone', ['0', '0', '4']));

    await act(async () => {
      await latest.clearHistory();
      await latest.reload(true);
    });
    expect(latest.notice).toBe(getMessage('historyCleared'));
    expect(latest.order).toEqual([]);
    expect(latest.matchCount).toBe(0);
  });

  it('asks nothing once the history is closed: the idle publisher read goes with it', async () => {
    await seed(3);
    const asked: string[] = [];
    const client = databaseClient();
    const counting = new Proxy(client, {
      get: (target, name: string) => {
        const method = (target as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!;
        return (...args: unknown[]) => {
          asked.push(name);
          return method(...args);
        };
      },
    });
    await mount(counting);
    await until(answered, 'the first answer');
    await act(() => render(null, container));
    const atClose = asked.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(asked.slice(atClose)).toEqual([]);
  });

  it('a delete or a clear the database refuses is said, and the history stays as it was', async () => {
    const order = await seed(3);
    const refusing = databaseClient();
    const failing = (name: string) => () => Promise.reject(new DOMException('The database is full.', name));
    await mount(
      Object.assign(Object.create(refusing) as ProvenanceClient, { deleteEntry: failing('QuotaExceededError'), clearHistory: failing('AbortError') }),
    );
    await until(answered, 'the first answer');

    await act(() => latest.deleteEntry(latest.entry(order[0]!)!.key));
    expect(latest.notice).toBeNull();
    expect(latest.error).toBe(getMessage('historyDeleteFailed', 'QuotaExceededError: The database is full.'));
    await act(() => latest.clearHistory());
    expect(latest.error).toBe(getMessage('historyClearFailed', 'AbortError: The database is full.'));
    await act(() => latest.reload(true));
    expect(latest.order).toEqual(order);
  });
});
